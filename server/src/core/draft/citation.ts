import type { StatementDocument } from '../model';
import { withoutFormatControls } from '../read/invisible';
import { trimEndOf } from '../read/trim';

/** Citation placeholders: ${quote} ${speaker} ${saidTo} ${date} ${longDate} ${outlet} ${title} ${source} ${url}. */
export const DEFAULT_CITATION_FORMAT = '“${quote},” ${speaker} ${saidTo} on ${longDate}.';
/** What follows a completed quotation whose speaker the draft already names (`Qin Gang said "…"`). */
export const DEFAULT_SOURCE_FORMAT = ' (${source}, ${longDate})';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2021-10-01" → "1 October 2021", "2021-10" → "October 2021". */
export function longDate(iso: string | null): string {
  if (!iso) return 'an unknown date';
  const [year, month, day] = iso.split('-').map(Number);
  if (!month) return String(year);
  return day ? `${day} ${MONTHS[month - 1]} ${year}` : `${MONTHS[month - 1]} ${year}`;
}

export interface CitationFields {
  readonly quote: string;
  readonly speaker: string | null;
  readonly date: string | null;
  readonly outlet: string | null;
  readonly title: string | null;
  /** The source's web address; `${url}` is empty without one. */
  readonly url?: string | null;
}

export function formatCitation(fields: CitationFields, format = DEFAULT_CITATION_FORMAT): string {
  const quote = trimEndOf(fields.quote, /[\s.,]/);
  const values: Record<string, string> = {
    quote,
    speaker: fields.speaker ?? 'an unnamed speaker',
    date: fields.date ?? 'undated',
    longDate: longDate(fields.date),
    outlet: fields.outlet ?? '',
    saidTo: fields.outlet ? `told ${fields.outlet}` : 'said',
    title: fields.title ?? '',
    source: fields.outlet ?? fields.title ?? 'source unknown',
    url: fields.url ?? '',
  };
  // Corpus text may hold zero-width and bidi characters; none of them goes into a draft.
  const citation = format.replace(/\$\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
  // An empty `${url}` at the end of a format leaves no dangling space behind it.
  return withoutFormatControls(fields.url || !format.includes('${url}') ? citation : citation.trimEnd());
}

/** Words said, as a citation of them names them; the title defaults to the document's own. */
export interface Said {
  readonly quote: string;
  readonly speaker: string | null;
  readonly date: string | null;
  readonly title?: string | null;
}

/** A citation of words from a corpus document: its outlet, address, and unless given its title, come from the document. */
export function citeFrom(document: Pick<StatementDocument, 'outlet' | 'title' | 'url'> | undefined, said: Said, format = DEFAULT_CITATION_FORMAT): string {
  return formatCitation({ quote: said.quote, speaker: said.speaker, date: said.date, outlet: document?.outlet.value ?? null, title: said.title !== undefined ? said.title : (document?.title.value ?? null), url: document?.url.value ?? null }, format);
}

import { displayTitleOf, type CorpusIndex } from '../corpus';
import type { DocumentKind, StatementDocument } from '../model';
import { withoutFormatControls } from '../read/invisible';
import type { QuoteCheck, QuoteSource } from './quoteCheck';

/**
 * CSL-JSON, the item format of the Citation Style Language (citeproc-js, Pandoc, Zotero's import): only the
 * variables Statement Lens fills. Spec: https://citeproc-js.readthedocs.io/en/latest/csl-json/markup.html
 */
export interface CslName {
  /** A name given whole: people of many naming orders, and institutions ("Ministry of Foreign Affairs of the PRC"). */
  readonly literal: string;
}

export interface CslDate {
  readonly 'date-parts': [[number] | [number, number] | [number, number, number]];
}

export type CslType = 'speech' | 'interview' | 'article-newspaper' | 'document';

export interface CslItem {
  readonly id: string;
  readonly type: CslType;
  readonly title: string;
  readonly author?: CslName[];
  readonly 'container-title'?: string;
  readonly issued?: CslDate;
  readonly URL?: string;
  /** The quotation the draft cites, as the corpus words it, and who said it. */
  readonly note: string;
}

/**
 * What each kind of document is as a cited item. A speech or a statement is its speaker's work; a transcript
 * is an interview of the person quoted; a readout is issued by its outlet (a ministry); an article is the
 * outlet's, by a reporter the corpus does not know, so the person quoted is no author of it.
 */
const TYPES: Record<DocumentKind, CslType> = { speech: 'speech', statement: 'document', transcript: 'interview', readout: 'document', article: 'article-newspaper' };

/**
 * CSL-JSON items for the sourced quotations of a draft (the quote check's findings): one per corpus passage
 * cited, in the draft's order. Quotations the corpus has not got are left out.
 */
export function cslItemsOf(checks: readonly QuoteCheck[], index: CorpusIndex): CslItem[] {
  const items: CslItem[] = [];
  const seen = new Set<string>();
  const ids = new Map<string, number>();
  for (const check of checks) {
    const { source } = check;
    if (!source || check.wording === 'unsourced') continue;
    const key = `${source.uri}#${source.span.start}:${source.exact}`;
    const document = index.get(source.uri);
    if (seen.has(key) || !document) continue;
    seen.add(key);
    const item = cslItemOf(document, source, name => index.canonicalName(name, document.uri));
    const count = (ids.get(item.id) ?? 0) + 1;
    ids.set(item.id, count);
    items.push(count === 1 ? item : { ...item, id: `${item.id}-${count}` });
  }
  return items;
}

/** One cited passage of a corpus document as a CSL-JSON item; `canonical` turns a written name into the person's. */
export function cslItemOf(document: StatementDocument, source: QuoteSource, canonical: (name: string) => string = name => name): CslItem {
  const type = TYPES[document.kind];
  const clean = (text: string) => withoutFormatControls(text).replace(/\s+/g, ' ').trim();
  const speakers = [...new Set(document.speakers.value.map(canonical))];
  const quoted = source.speaker ? canonical(source.speaker) : null;
  const outlet = document.outlet.value;
  const authors =
    type === 'article-newspaper' ? [] :
    document.kind === 'readout' ? (outlet ? [outlet] : []) :
    type === 'interview' ? (quoted ? [quoted] : speakers) :
    speakers.length ? speakers : quoted ? [quoted] : [];
  const date = dateParts(document.date.value ?? source.date);
  const title = clean(displayTitleOf(document).title);
  const note = `“${clean(source.exact)}”${quoted ? ` — ${clean(quoted)}${source.via ? `, quoted by ${clean(source.via)}` : ''}` : ''}`;
  return {
    id: idOf(authors[0] ?? outlet ?? title, date),
    type,
    title,
    ...(authors.length ? { author: authors.map(name => ({ literal: clean(name) })) } : {}),
    ...(outlet ? { 'container-title': clean(outlet) } : {}),
    ...(date ? { issued: date } : {}),
    ...(document.url.value ? { URL: document.url.value } : {}),
    note,
  };
}

/** "2021-10-01" → [[2021, 10, 1]]; "2021-10" → [[2021, 10]]; a date without a year is no CSL date. */
function dateParts(iso: string | null): CslDate | undefined {
  const match = iso && /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(iso);
  if (!match) return undefined;
  const [year, month, day] = match.slice(1).map(part => (part ? Number(part) : undefined));
  return { 'date-parts': [day ? [year!, month!, day] : month ? [year!, month] : [year!]] };
}

/** A citation key as Pandoc users type it: `qin-gang-2021`, from the author (else outlet or title) and the year. */
function idOf(name: string, date: CslDate | undefined): string {
  const words = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const year = date?.['date-parts'][0][0];
  return [...words.slice(0, 4), ...(year ? [String(year)] : [])].join('-') || 'statement';
}

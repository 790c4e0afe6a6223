import type { Cancellation, QuoteKind, Span, StatementDocument } from '../model';
import { boundQuery } from '../search';
import type { CorpusIndex } from './corpusIndex';
import { displayTitleOf } from './displayTitle';
import type { RoleSpan } from './peopleRegistry';

/** One statement placed on a timeline: what was said, by whom, in which role, when and where. */
export interface TimelineStatement {
  /** The document's date (ISO `YYYY-MM-DD`, `YYYY-MM` or `YYYY`), or null. */
  readonly date: string | null;
  readonly uri: string;
  readonly span: Span;
  readonly documentTitle: string;
  readonly text: string;
  readonly kind: QuoteKind;
  /** The resolved person (or, for an organisation or unnamed source, the phrase the text uses). */
  readonly speaker: string | null;
  /** The office the speaker held then, when the corpus says it (see `roleAt`); null when it does not. */
  readonly role: string | null;
}

export interface PersonTimeline {
  /** The resolved person the written name stands for. */
  readonly person: string;
  /** Their offices, each with the first and last date the corpus states it (people.yaml's from/to first). */
  readonly roles: readonly RoleSpan[];
  /** Their quotations in date order, earliest first; undated ones last. */
  readonly statements: readonly TimelineStatement[];
}

/**
 * A person's statements over time. `written` is a name as a writer types it ("Qin Gang", "Qin", "minister
 * qin"): see `resolvePerson`. Undefined when the corpus knows no such person.
 */
export function personTimeline(index: CorpusIndex, written: string, token?: Cancellation): PersonTimeline | undefined {
  const person = resolvePerson(index, written);
  if (!person) return undefined;
  const roles = index.roleTimelineOf(person);
  const statements: TimelineStatement[] = [];
  for (const { uri, quote, date } of index.quotesBy(person)) {
    if (token?.isCancellationRequested) break;
    const document = index.get(uri);
    if (!document) continue;
    statements.push({ date, uri, span: quote.span, documentTitle: displayTitleOf(document).title, text: quote.text, kind: quote.kind, speaker: person, role: roleAt(index, person, document, roles) });
  }
  return { person, roles, statements: statements.sort(inDateOrder) };
}

/**
 * The person a name typed by a writer stands for: the person the corpus most often means by it, else the person
 * with the most documents whose name or alias contains it (case and accents aside); failing both, the same for
 * the name without its first word, and so on ("Foreign Minister Qin" → "Minister Qin" → "Qin").
 */
export function resolvePerson(index: CorpusIndex, written: string): string | undefined {
  const words = boundQuery(written).text.trim().split(/\s+/).filter(Boolean);
  for (let first = 0; first < words.length; first++) {
    const name = words.slice(first).join(' ');
    const found = index.person(name)?.name ?? index.people(name, 1)[0]?.name;
    if (found) return found;
  }
  return undefined;
}

/**
 * Who used a phrase, when: the corpus quotations containing it (case, line breaks and curly apostrophes aside;
 * whole words only) in date order, at most `limit` (the earliest). A quotation nested in another that also
 * contains the phrase is the one kept: its speaker said it, the outer one relayed it.
 */
export function phraseTimeline(index: CorpusIndex, phrase: string, limit = 1000, token?: Cancellation): TimelineStatement[] {
  const pattern = phrasePattern(boundQuery(phrase).text);
  if (!pattern) return [];
  const found: TimelineStatement[] = [];
  let read = 0;
  for (const document of index.all()) {
    if ((++read & 63) === 0 && token?.isCancellationRequested) return [];
    const matching = document.quotes.filter(quote => quote.speaker !== null && pattern.test(quote.text));
    for (const quote of matching) {
      if (matching.some(inner => inner !== quote && quote.span.start <= inner.span.start && inner.span.end <= quote.span.end)) continue;
      const speaker = quote.speakerKind ? quote.speaker : index.canonicalName(quote.speaker!, document.uri);
      const role = quote.speakerKind || !speaker ? null : roleAt(index, speaker, document, index.roleTimelineOf(speaker));
      found.push({ date: document.date.value, uri: document.uri, span: quote.span, documentTitle: displayTitleOf(document).title, text: quote.text, kind: quote.kind, speaker, role });
    }
  }
  return found.sort(inDateOrder).slice(0, Math.max(0, limit));
}

/**
 * The office a person held when a document was written: the role the document itself gives them, else a role
 * whose stated dates cover the document's date (people.yaml's first), else null. A title stated once, years
 * before, is not carried forward: the corpus does not say they still held it.
 */
export function roleAt(index: CorpusIndex, person: string, document: StatementDocument, roles: readonly RoleSpan[]): string | null {
  for (const named of document.people) {
    if (named.roles.length && index.canonicalName(named.name, document.uri) === person) return named.roles[0].title;
  }
  const date = document.date.value;
  if (!date) return null;
  const covering = roles.find(role => role.first !== null && startsBefore(role.first, date) && (role.last === null ? role.source === 'sidecar' : endsAfter(role.last, date)));
  return covering?.title ?? null;
}

/** Whether the period `first` (a date of any precision) starts on or before the period `date` ends. */
const startsBefore = (first: string, date: string) => first <= date || date.startsWith(first) || first.startsWith(date);
const endsAfter = (last: string, date: string) => last >= date || last.startsWith(date) || date.startsWith(last);

/** Earliest first, undated last; then by document and place in it, so the order is stable. */
function inDateOrder(a: TimelineStatement, b: TimelineStatement): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.span.start - b.span.start;
}

/**
 * The phrase as a pattern over quotation text: its words in order, any run of spaces or line breaks between
 * them, straight and curly apostrophes alike, whole words only. The words are escaped literals separated by
 * whitespace runs, so matching is linear in the text.
 */
function phrasePattern(phrase: string): RegExp | undefined {
  const words = phrase.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return undefined;
  const escaped = words.map(word => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/['‘’]/g, "['‘’]"));
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped.join('\\s+')}(?![\\p{L}\\p{N}])`, 'iu');
}

import { HONORIFICS, NON_PERSON_WORDS, REPORTING_VERBS, ROLE_HEADS } from '../understand/lexicon';
import type { Span } from '../model';
import type { NameOccurrence } from '../understand/names';
import { findNestedQuotes, findQuotationMarks } from '../read/quotationMarks';
import { splitSentences } from '../read/sentences';

/** Who a draft gives a quotation to. */
export interface DraftAttribution {
  /** The name as the draft writes it; for "he said", the name it refers back to. */
  readonly span: Span;
  readonly form: string;
  /** Corpus-wide people the name may stand for; empty when the corpus does not know the name. */
  readonly people: readonly string[];
  /** True for "he said" / "she added": the name is the one attributed before. */
  readonly inherited: boolean;
}

/** Text in quotation marks in a draft, with who the draft says said it. */
export interface DraftQuotation {
  /** The quotation with its marks. */
  readonly outer: Span;
  /** The words between the marks. */
  readonly content: Span;
  readonly text: string;
  readonly words: number;
  readonly attribution?: DraftAttribution;
}

/** Finds known names in a range of a text: the corpus's name dictionary, or a test's stand-in. */
export type NameFinder = (text: string, start: number, end: number) => readonly NameOccurrence[];

/**
 * A draft also gives words to someone by naming them: `Wang Yi described it as "..."`, `Qin called it "..."`.
 * Only drafts read these as attributions; in a corpus article they are often the writer's own label.
 */
const NAMING_VERBS = [
  'described it as', 'described them as', 'describes it as', 'described the', 'describes the', 'called it', 'called them',
  'calls it', 'called the', 'calls the', 'dismissed it as', 'dismissed them as', 'dismisses it as', 'dismissed the',
  'termed it', 'terms it', 'termed the', 'branded it', 'brands it', 'branded the', 'labelled it', 'labeled it',
  'dubbed it', 'dubs it', 'characterized it as', 'characterised it as', 'derided it as', 'denounced it as',
  'condemned it as', 'hailed it as', 'praised it as',
];
/**
 * The verbs, longest first, as one alternation. Every pattern below takes a verb atomically (`verb()`): the
 * first alternative that ends at a word boundary, which longest first is the longest verb there. What follows
 * a longer verb is a tail of what a shorter one leaves, and every pattern's remainder accepts the tail of any
 * text it accepts, so no match is lost. Left open to backtracking, the 237-way alternation was compiled over
 * again behind each optional part in front of it: 60–150 ms of a first check in a new process.
 */
const VERB_ALTERNATIVES = [...REPORTING_VERBS, ...NAMING_VERBS].sort((a, b) => b.length - a.length).map(verb => verb.replace(/ /g, '\\s+')).join('|');
let verbGroups = 0;
/** An atomic group, as JavaScript writes one: a lookahead captures the verb and a back-reference consumes it. */
function verb(): string {
  const group = `verb${verbGroups++}`;
  return `(?=(?<${group}>(?:${VERB_ALTERNATIVES})\\b))\\k<${group}>`;
}
/** Text between a speaker's name and an opening mark: `said`, `told reporters on Monday that`, `:`, `'s words:`. */
const LEAD_GAP = new RegExp(`^(?:['’]s(?:\\s+(?:words|remarks|message|comments?|statement))?)?\\s*,?\\s*(?:,[^,]{0,40},\\s*)?(?:who\\s+)?(?:(?:has\\s+|had\\s+|have\\s+|would\\s+|will\\s+|also\\s+)?${verb()}[^"“”]{0,80}?|\\s*)[:,]?\\s*$`, 'i');
/** Text between a closing mark and the speaker's name: `, said`, `said`, `,`. */
const TAIL_BEFORE_NAME = new RegExp(`^\\s*,?\\s*(?:${verb()}\\s+)?$`, 'i');
const ENDS_WITH_VERB = new RegExp(`${verb()}\\s*$`, 'i');
const VERB_AFTER_NAME = new RegExp(`^\\s*(?:,[^,]{0,60},\\s*)?${verb()}`, 'i');
const PRONOUN_LEAD = new RegExp(`\\b(?:he|she|they)\\s+(?:also\\s+)?${verb()}[^"“”]{0,60}?[:,]?\\s*$`, 'i');
const PRONOUN_TAIL = new RegExp(`^\\s*,?\\s*(?:(?:he|she|they)\\s+${verb()}|${verb()}\\s+(?:he|she|they))\\b`, 'i');
/** A capitalized name the corpus does not know, next to a reporting verb ("Jane Roe said", "said Jane Roe"). */
const NAME = "(?:[A-Z][\\p{L}'’.-]*\\s+){0,3}[A-Z][\\p{L}'’-]*";
const UNKNOWN_LEAD = new RegExp(`(?<name>${NAME})\\s+${verb()}[^"“”]{0,60}?[:,]?\\s*$`, 'u');
const UNKNOWN_TAIL = new RegExp(`^\\s*,?\\s*(?:${verb()}\\s+(?<after>${NAME})|(?<before>${NAME})\\s+${verb()})`, 'u');
const NOT_NAMES = /^(?:The|A|An|This|That|It|He|She|They|We|I|You|But|And|Or|So|As|In|On|At|Officials?|Reporters?)$/;
const ACCORDING_TO = /according\s+to\s*$/i;

const WINDOW = 160;

const countWords = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;

/**
 * The quotations of a draft and their attributions: `Qin said "..."`, `"...," Blinken told reporters`,
 * `Yang: "..."`, `According to Wang Yi, "..."`, and `he said` after a named speaker. Quotations still open at
 * the end of a paragraph (being typed) are left out.
 */
export function findDraftQuotations(text: string, findNames: NameFinder): DraftQuotation[] {
  return [...draftQuotations(text, findNames)];
}

/** The same, paragraph by paragraph as they are read: a caller can stop, or give way, between them. */
export function* draftQuotations(text: string, findNames: NameFinder): Generator<DraftQuotation> {
  for (const paragraph of draftParagraphs(text)) {
    const found: DraftQuotation[] = [];
    // "He said" refers back within a paragraph only, and only while no one else has been named since.
    let previous: DraftAttribution | undefined;
    const referent = (at: number) => (previous && !findNames(text, previous.span.end, at).some(name => !name.people.some(person => previous!.people.includes(person))) ? previous : undefined);
    const doubles = findQuotationMarks(text, paragraph);
    // British style quotes in single marks; a paragraph with double marks uses singles only inside them.
    const marks = (doubles.length ? doubles : findNestedQuotes(text, paragraph)).filter(mark => !mark.open);
    const sentenceStarts = splitSentences(text, paragraph).map(sentence => sentence.start);
    marks.forEach((mark, i) => {
      // Attributions sit next to their quotation; bounded windows also keep every pattern's work small.
      const leadStart = Math.max(paragraph.start, i > 0 ? marks[i - 1].outer.end : 0, lastAtOrBefore(sentenceStarts, mark.outer.start), mark.outer.start - WINDOW);
      const tailEnd = Math.min(paragraph.end, i + 1 < marks.length ? marks[i + 1].outer.start : Infinity, mark.outer.end + WINDOW);
      const content = text.slice(mark.content.start, mark.content.end);
      const endsWithComma = /,\s*$/.test(content) || text[mark.outer.end] === ',';
      const lead = () => leadAttribution(text, leadStart, mark.outer.start, findNames) ?? pronoun(PRONOUN_LEAD.test(flat(text.slice(leadStart, mark.outer.start)).text), referent(mark.outer.start));
      const tail = () => tailAttribution(text, mark.outer.end, tailEnd, findNames) ?? pronoun(PRONOUN_TAIL.test(flat(text.slice(mark.outer.end, tailEnd)).text), referent(mark.outer.start));
      const attribution = endsWithComma ? tail() ?? lead() : lead() ?? tail();
      if (attribution && !attribution.inherited) previous = attribution;
      found.push({ outer: mark.outer, content: mark.content, text: content, words: countWords(content), attribution });
    });
    yield* found;
  }
}

/** A quotation being typed: its opening mark is before the offset and no closing mark follows it yet. */
export interface OpenQuotation {
  readonly open: Span;
  /** What is typed after the mark, up to the offset. */
  readonly typed: string;
  readonly attribution?: DraftAttribution;
}

/** The quotation the writer is typing at an offset, with who it is being given to (`Qin Gang said "`). */
export function openQuotationAt(text: string, offset: number, findNames: NameFinder): OpenQuotation | undefined {
  const paragraph = draftParagraphs(text).find(p => p.start <= offset && offset <= p.end) ?? { start: offset, end: offset };
  const marks = findQuotationMarks(text, { start: paragraph.start, end: offset });
  const last = marks[marks.length - 1];
  // A mark just typed, with nothing after it yet, is no quotation to findQuotationMarks.
  const justOpened = (text[offset - 1] === '"' || text[offset - 1] === '“') && !(last && last.outer.end >= offset);
  if (!last?.open && !justOpened) return undefined;
  const markStart = last?.open ? last.outer.start : offset - 1;
  const sentenceStarts = splitSentences(text, { start: paragraph.start, end: markStart }).map(sentence => sentence.start);
  const closed = marks.filter(mark => !mark.open);
  const previousEnd = closed.length ? closed[closed.length - 1].outer.end : 0;
  const leadStart = Math.max(paragraph.start, previousEnd, lastAtOrBefore(sentenceStarts, markStart), markStart - WINDOW);
  return { open: { start: markStart, end: markStart + 1 }, typed: text.slice(markStart + 1, offset), attribution: leadAttribution(text, leadStart, markStart, findNames) };
}

/**
 * A draft's paragraphs in the Markdown sense: blocks between blank lines, a heading, list item or block quote
 * starting a new one. Unlike a corpus scrape, a draft's single line breaks are wrapping, and a quotation may run
 * over them.
 */
export function draftParagraphs(text: string): Span[] {
  const paragraphs: Span[] = [];
  let start = -1, end = 0;
  const close = () => {
    if (start !== -1) paragraphs.push({ start, end });
    start = -1;
  };
  let position = 0;
  while (position <= text.length) {
    let lineEnd = text.indexOf('\n', position);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(position, lineEnd);
    if (/^\s*$/.test(line)) close();
    else {
      if (/^\s{0,3}(?:#|>|[-*+]\s|\d{1,9}[.)]\s)/.test(line)) close();
      if (start === -1) start = position + (line.length - line.trimStart().length);
      end = position + line.trimEnd().length;
    }
    position = lineEnd + 1;
  }
  close();
  return paragraphs;
}

/**
 * Whitespace runs collapsed to one space, with where each character came from: the attribution patterns then
 * see at most one space between words, which keeps their backtracking bounded on space-padded drafts.
 */
function flat(text: string): { text: string; origin: number[] } {
  const origin: number[] = [];
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (/\s/.test(text[i])) {
      if (/\s/.test(text[i - 1] ?? '')) continue;
      out += ' ';
    } else out += text[i];
    origin.push(i);
  }
  return { text: out, origin };
}

function lastAtOrBefore(sorted: readonly number[], offset: number): number {
  let best = 0;
  for (const value of sorted) {
    if (value > offset) break;
    best = value;
  }
  return best;
}

function leadAttribution(text: string, start: number, markStart: number, findNames: NameFinder): DraftAttribution | undefined {
  const names = findNames(text, start, markStart);
  for (let i = names.length - 1; i >= 0; i--) {
    const name = names[i];
    const gap = flat(text.slice(name.span.end, markStart)).text;
    if (gap.length > WINDOW) break;
    if (LEAD_GAP.test(gap) || (/^ ?, ?$/.test(gap) && ACCORDING_TO.test(flat(text.slice(start, name.span.start)).text))) {
      return { span: name.span, form: name.form, people: name.people, inherited: false };
    }
    break; // only the name nearest the quotation can introduce it
  }
  // A name the corpus does not know, only where the lead names no one it knows (the pattern is the costly part).
  if (names.length > 0) return undefined;
  const lead = flat(text.slice(start, markStart));
  const unknown = UNKNOWN_LEAD.exec(lead.text);
  const form = unknown?.groups?.name;
  if (unknown && form && looksLikeName(form, lead.text.slice(0, unknown.index))) {
    const at = start + lead.origin[unknown.index], end = start + lead.origin[unknown.index + form.length - 1] + 1;
    return { span: { start: at, end }, form: text.slice(at, end), people: [], inherited: false };
  }
  return undefined;
}

function tailAttribution(text: string, markEnd: number, end: number, findNames: NameFinder): DraftAttribution | undefined {
  const names = findNames(text, markEnd, end);
  const name = names[0];
  if (name) {
    const before = flat(text.slice(markEnd, name.span.start)).text;
    const after = flat(text.slice(name.span.end, end)).text;
    const verbBefore = TAIL_BEFORE_NAME.test(before) && ENDS_WITH_VERB.test(before);
    if ((verbBefore || (/^\s*(?:,\s*)?$/.test(before) && VERB_AFTER_NAME.test(after)))) return { span: name.span, form: name.form, people: name.people, inherited: false };
    return undefined;
  }
  const tail = flat(text.slice(markEnd, end));
  const unknown = UNKNOWN_TAIL.exec(tail.text);
  const form = unknown?.groups?.after ?? unknown?.groups?.before;
  if (!unknown || !form || !looksLikeName(form, '')) return undefined;
  const index = unknown.index + unknown[0].indexOf(form);
  const at = markEnd + tail.origin[index], stop = markEnd + tail.origin[index + form.length - 1] + 1;
  return { span: { start: at, end: stop }, form: text.slice(at, stop), people: [], inherited: false };
}

/**
 * A capitalized run the corpus does not know is taken for a person's name only when it reads like one: two
 * or more words, none of them an office or an institution ("the Secretary of State said" is a description,
 * and "State" no name).
 */
function looksLikeName(form: string, before: string): boolean {
  const words = form.split(/\s+/).filter(word => !HONORIFICS.has(word.toLowerCase()));
  if (words.length < 2 || NOT_NAMES.test(words[0]) || /\b(?:of|the|a|an|for)\s+$/i.test(before)) return false;
  return !words.some(word => ROLE_HEADS.has(word.toLowerCase()) || NON_PERSON_WORDS.has(word.toLowerCase()));
}

function pronoun(matches: boolean, previous: DraftAttribution | undefined): DraftAttribution | undefined {
  return matches && previous ? { ...previous, inherited: true } : undefined;
}

/** Reading the clause around a quotation: its subject, the cue after the marks, an appositive between name and verb. */
import { describedSource, findReportingClause, SpeakerContext, stanceVerbAt, VERB_AFTER_ADVERB, verbLengthAt, type Source } from './attribution';
import type { Span } from '../model';
import { isCapitalized, isSpaceGap, tokenize, type Token } from '../read/tokens';
import { unknownPersonName } from './people';



export const MIN_QUOTE_WORDS = 4;

/** How far before and after a quotation its attribution is looked for, in characters. */
export const CUE_WINDOW = 240;

/** Tokens inside [start, end), found by binary search (tokens are in text order). */
export function tokensBetween(tokens: Token[], start: number, end: number): Token[] {
  let low = 0, high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tokens[middle].start < start) low = middle + 1;
    else high = middle;
  }
  let last = low;
  while (last < tokens.length && tokens[last].end <= end) last++;
  return tokens.slice(low, last);
}

const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;
/** Whether a character outside ASCII is a letter or digit, by code unit (curly quotes and dashes come back often). */
const wordCharacters = new Map<number, boolean>();

/**
 * How many words the text has: `(text.match(/[\p{L}\p{N}]+/gu) ?? []).length`, counted without making the
 * words (it runs on every paragraph, sentence and quotation the rules weigh).
 */
export function wordCount(text: string): number {
  let count = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let word: boolean;
    if (code < 128) word = (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
      // A character outside the BMP is one code point, as the u flag reads it.
      word = WORD_CHARACTER.test(text.slice(i, i + 2));
      i++;
    } else {
      let known = wordCharacters.get(code);
      if (known === undefined) wordCharacters.set(code, (known = WORD_CHARACTER.test(text[i])));
      word = known;
    }
    if (word && !inWord) count++;
    inWord = word;
  }
  return count;
}

export type SpeakerOf = Source | null | undefined;

export const person = (name: string | null | undefined): SpeakerOf => (name ? { name, kind: 'person' } : name === null ? null : undefined);

/**
 * The reporting clause nearest a quotation: in "When Aho noted that …, Reiss boasted, “…”" the words are
 * Reiss's, not Aho's.
 */
export function lastReportingClause(tokens: readonly Token[]): ReturnType<typeof findReportingClause> {
  let last: ReturnType<typeof findReportingClause>;
  for (let from = 0; from < tokens.length; ) {
    const clause = findReportingClause(tokens, from);
    if (!clause) break;
    last = clause;
    from = clause.verb + clause.verbLength;
  }
  return last;
}

/** "Greta Holmqvist, the rapporteur, who in 2019 said …": a relative pronoun's antecedent, the last person named before it. */
export function relativeAntecedent(clause: NonNullable<ReturnType<typeof findReportingClause>>, sentence: Span, context: SpeakerContext, text: string): Source | undefined {
  const pronoun = clause.subject[clause.subject.length - 1];
  if (pronoun?.lower !== 'who') return undefined;
  if (clause.subject.length === 1) {
    // "praised Cruz, who says …": a surname no rule introduced, right before the comma, is a name too.
    const name = context.lastNamedIn(sentence.start, pronoun.start) ?? nameBeforeComma(text, sentence.start, pronoun.start, context);
    return name ? { name, kind: 'person' } : undefined;
  }
  // "Andrew Tesoro, an architect who said …": the name the description stands beside.
  const phrase = clause.subject.slice(0, -1);
  const beside = nameBeforeComma(text, sentence.start, phrase[0].start, context);
  if (beside && commaEndingAt(text, sentence.start, phrase[0].start) !== -1) return { name: beside, kind: 'person' };
  // "several historians who argue …", "a lawyer for the family who said …": the phrase right before "who".
  for (let n = Math.min(4, phrase.length); n > 0; n--) {
    const described = describedSource(phrase.slice(phrase.length - n), text);
    if (described?.kind === 'unnamed') return described;
  }
  const name = context.lastNamedIn(phrase[0].start, pronoun.start);
  return name ? { name, kind: 'person' } : undefined;
}

/**
 * Where the comma is that only spaces follow up to `end` (not before `start`), else -1. Read from `end`
 * backwards: a regex over the sentence so far costs its length for every "who" in it.
 */
function commaEndingAt(text: string, start: number, end: number): number {
  let k = end;
  while (k > start && /\s/.test(text[k - 1])) k--;
  return k > start && text[k - 1] === ',' ? k - 1 : -1;
}

/**
 * The person named right before the comma that ends at `end` ("Tesoro, an architect", "Cruz, who"): a mention
 * the document knows, else one to three capitalized words read as a name.
 */
function nameBeforeComma(text: string, start: number, end: number, context: SpeakerContext): string | undefined {
  const nameEnd = commaEndingAt(text, start, end);
  if (nameEnd === -1) return undefined;
  const known = context.lastNamedIn(Math.max(start, nameEnd - 60), nameEnd);
  if (known && context.namedEndingAt(nameEnd)) return known;
  const words = tokenize(text, Math.max(start, nameEnd - 60), nameEnd);
  let first = words.length;
  while (first > 0 && words.length - first < 3 && isCapitalized(words[first - 1].text) && (first === words.length || isSpaceGap(words[first].gap))) first--;
  // Not the sentence's first word alone: "Critics, who …" is no name.
  if (first === words.length || (first === 0 && words.length === 1)) return undefined;
  // "the Harbour Board, who …", "The Vik Times, who …": no person's name follows "the".
  if (words[first].lower === 'the' || words[first - 1]?.lower === 'the') return undefined;
  return unknownPersonName(words.slice(first));
}

export const isParticiple = (token: Token | undefined) => !!token && /ing$/.test(token.lower);

/**
 * The tokens before `end` up to the sentence's first verb of saying or stance: "The ministry rebuked Director
 * Holm" opens with the ministry, and "Director" after the verb is no part of its subject.
 */
function subjectWindow(tokens: readonly Token[], end: number): Token[] {
  // The tokens ending by `end` are a prefix of the sentence's. Its first verb is found once per sentence (a
  // sentence of thousands of "… and said" clauses asks for this window at each of them); only the window's last
  // token reads differently, having no next token there ("continues" before "to").
  let count = 0;
  for (let low = 0, high = tokens.length; low < high; ) {
    const middle = (low + high) >>> 1;
    if (tokens[middle].end <= end) low = count = middle + 1;
    else high = middle;
  }
  const verb = firstVerbOf(tokens);
  if (verb !== -1 && verb < count - 1) return tokens.slice(0, verb);
  const last = count - 1;
  return last > 0 && isVerbAt([tokens[last - 1], tokens[last]], 1) ? tokens.slice(0, last) : tokens.slice(0, count);
}

const isVerbAt = (tokens: readonly Token[], i: number) => verbLengthAt(tokens, i) > 0 || stanceVerbAt(tokens, i) > 0 || FINITE_VERB.test(tokens[i].lower);

/** The first verb of saying, stance or finite verb after a sentence's first token, or -1; kept per sentence. */
const firstVerbs = new WeakMap<readonly Token[], number>();
function firstVerbOf(tokens: readonly Token[]): number {
  let verb = firstVerbs.get(tokens);
  if (verb === undefined) firstVerbs.set(tokens, (verb = tokens.findIndex((_, i) => i > 0 && isVerbAt(tokens, i))));
  return verb;
}

/** The person the first words of `lead` name, the longest reading first ("Vice-Minister Le Yucheng"). */
function openingPerson(lead: readonly Token[], context: SpeakerContext): string | undefined {
  for (let n = Math.min(5, lead.length); n >= 1; n--) {
    const speaker = context.resolveSubject(lead.slice(0, n));
    if (speaker) return speaker;
  }
  return undefined;
}

/**
 * The person a sentence opens with as the subject of a verb right after the name, past an opener ("But Okafor
 * sees the rules as …", "Okafor has long called …"); none when the name is not followed by a verb.
 */
export function openingSubject(tokens: readonly Token[], end: number, context: SpeakerContext): string | undefined {
  // Only the sentence's first words are read: a bounded lead keeps a sentence of thousands of marks linear.
  const lead: Token[] = [];
  for (const token of tokens) {
    if (token.end > end || lead.length === OPENING_LEAD) break;
    lead.push(token);
  }
  const from = lead.length > 1 && OPENER.test(lead[0].lower) ? 1 : 0;
  for (let n = Math.min(5, lead.length - from - 1); n >= 1; n--) {
    const speaker = context.resolveSubject(lead.slice(from, from + n));
    if (!speaker) continue;
    let next = from + n;
    while (next < lead.length - 1 && VERB_AFTER_ADVERB.test(lead[next].lower) && !/[,;:]/.test(lead[next].gap)) next++;
    const verb = lead[next];
    // "Trump tariffs were described as …": a word in -s or -ed followed by a verb is a noun the name modifies.
    const nounAfterName = !FINITE_VERB.test(verb?.lower ?? '') && FINITE_VERB.test(lead[next + 1]?.lower ?? '');
    return verb && !/[,;:()]/.test(verb.gap) && !nounAfterName && (VERB_SHAPE.test(verb.text) || FINITE_VERB.test(verb.lower)) ? speaker : undefined;
  }
  return undefined;
}

/** How many of a sentence's first tokens openingSubject reads: an opener, a name of five words, adverbs, the verb. */
const OPENING_LEAD = 16;

/** A word shaped like a finite verb after a subject: "sees", "wanted", "took". Nouns in -s after a name are rare. */
const VERB_SHAPE = /^(?:\p{Ll}+(?:s|ed)|said|told|took|made|gave|saw|put|got|went|came|left|kept|held|felt|thought|found|called|spoke|wrote|set|let|ran|won|lost|sent|brought|began|chose|drew|knew|meant|paid|read|sat|stood|understood)$/u;

/** The person a sentence opens with ("President Okafor commended …"), else the first person it names before `end`. */
export function sentenceSubject(tokens: readonly Token[], end: number, sentence: Span, context: SpeakerContext): string | undefined {
  return openingPerson(subjectWindow(tokens, end), context) ?? context.firstNamedIn(sentence.start, end);
}

/** Words that open a sentence before its subject: "Meanwhile, the paper …". */
const OPENER = /^(?:meanwhile|however|but|and|still|yet|instead|separately|earlier|later|now|then|also|indeed|nonetheless|nevertheless)$/;

/** An organisation or description the first clause of `lead` opens with, past an opener ("Meanwhile, the paper …"). */
function openingDescription(lead: readonly Token[], text: string): Source | undefined {
  const from = lead.length > 1 && OPENER.test(lead[0].lower) ? 1 : 0;
  const clauseEnd = lead.findIndex((t, i) => i > from && /[,;:()]/.test(t.gap));
  for (let n = Math.min(6, (clauseEnd === -1 ? lead.length : clauseEnd) - from); n >= 1; n--) {
    const described = describedSource(lead.slice(from, from + n), text);
    if (described) return described;
  }
  return undefined;
}

/**
 * Who a sentence's subject is when a participle reports for it ("…, saying he “…”"): a person it opens with,
 * else an organisation or description it opens with ("The paper attacked Lutz, saying …" is the paper's, not
 * Lutz's), else the first person it names.
 */
export function sentenceSource(tokens: readonly Token[], end: number, sentence: Span, context: SpeakerContext, text: string): Source | undefined {
  const lead = subjectWindow(tokens, end);
  const person = openingPerson(lead, context);
  if (person) return { name: person, kind: 'person' };
  const described = openingDescription(lead, text);
  if (described) return described;
  const named = context.firstNamedIn(sentence.start, end);
  return named ? { name: named, kind: 'person' } : undefined;
}

/**
 * Tokens with parenthesized asides left out, the next token taking a plain space: in `Rep. Colette Barnaby
 * (R-Wash.) said`, the party and state stand between the name and its verb.
 */
export function withoutParentheses(tokens: Token[]): Token[] {
  if (!tokens.some(token => token.gap.includes('('))) return tokens;
  const kept: Token[] = [];
  let depth = 0;
  for (const token of tokens) {
    const opens = (token.gap.match(/\(/g) ?? []).length, closes = (token.gap.match(/\)/g) ?? []).length;
    const wasInside = depth > 0;
    depth = Math.max(0, depth + opens - closes);
    if (depth > 0) continue;
    kept.push(wasInside || closes > 0 ? { ...token, gap: token.gap.replace(/[()]/g, '').replace(/^\s*$/, ' ') || ' ' } : token);
  }
  return kept;
}

/** `," he said` / `," said Yang` / `," Qin told CMG` / `," a source said` right after a closing mark; undefined when no cue. */
export function cueAfter(written: Token[], context: SpeakerContext, text: string): SpeakerOf {
  const tokens = withoutParentheses(written);
  if (tokens.length === 0) return undefined;
  // Verb first: "said Yang", "added the minister".
  const verbFirst = verbLengthAt(tokens, 0);
  // "“…,” adding that …": a participle goes on with the sentence's own subject, given before the quotation.
  if (verbFirst && isParticiple(tokens[0])) return undefined;
  if (verbFirst) {
    const subject: Token[] = [];
    for (let i = verbFirst; i < tokens.length && subject.length < 8 && (i === verbFirst || /^(?:\s+|\/)$/.test(tokens[i].gap)); i++) subject.push(tokens[i]);
    // "“…,” agreed." ends a clause whose subject came before the quotation: no cue here.
    if (subject.length === 0 || /[.;!?]/.test(subject[0].gap)) return undefined;
    for (let n = subject.length; n > 0; n--) {
      const speaker = context.resolveSubject(subject.slice(0, n));
      if (speaker) return { name: speaker, kind: 'person' };
    }
    // A name nobody introduced ("said Del. Lucia Ferreira of Saipan") before a description.
    for (let n = subject.length; n > 0; n--) {
      const name = unknownPersonName(subject.slice(0, n));
      if (name) return { name, kind: 'person' };
    }
    // "said 24/7 customs officer Linus Berglund": a description before the name.
    for (let k = 1; k < subject.length; k++) {
      const speaker = context.resolveSubject(subject.slice(k)) ?? unknownPersonName(subject.slice(k));
      if (speaker) return { name: speaker, kind: 'person' };
    }
    for (let n = subject.length; n > 0; n--) {
      const source = context.sourceNamedIn(subject.slice(0, n), text);
      if (source) return source;
    }
    return null;
  }
  const clause = findReportingClause(tokens, 0, Math.min(tokens.length, 11));
  if (clause && clause.subject[0] === tokens[0]) return context.resolveSource(clause.subject, text) ?? null;
  // "Ms. Varga, 31, told us", "Smith, the chief executive of a studio, said": the name, an appositive, the verb.
  const comma = tokens.findIndex((token, i) => i > 0 && i <= 6 && token.gap.includes(','));
  if (comma > 0) {
    // The appositive closes with a comma right before the verb; the first such verb ends it.
    for (let v = comma + 1; v < Math.min(tokens.length, comma + APPOSITIVE_MAX_TOKENS); v++) {
      if (!verbLengthAt(tokens, v)) continue;
      // "Ines Varga, 31, said": the appositive is the age alone.
      const verbAfterAge = v === comma + 1 && /^\d{1,3}$/.test(tokens[comma].text);
      if (!tokens[v].gap.includes(',') && !verbAfterAge) continue;
      const speaker = context.resolveSource(tokens.slice(0, comma), text);
      return speaker?.kind === 'person' ? speaker : undefined;
    }
  }
  return undefined;
}

/** `Name, appositive, said (that) …` at the start of a sentence: the speaker, and where the content starts. */
export function appositiveSubject(tokens: Token[], context: SpeakerContext, text: string): { speaker: Source; content: number } | undefined {
  const comma = tokens.findIndex((token, i) => i > 0 && i <= 7 && token.gap.includes(','));
  if (comma <= 0) return undefined;
  for (let v = comma + 1; v < Math.min(tokens.length, comma + APPOSITIVE_MAX_TOKENS); v++) {
    const length = verbLengthAt(tokens, v);
    if (!length) continue;
    if (!tokens[v].gap.includes(',')) return undefined; // the appositive closes with a comma right before the verb
    // "Attorney General Ana Ruiz (D), the governor's rival, called …": the party is no part of the name.
    const speaker = context.resolveSource(withoutParentheses(tokens.slice(0, comma)), text) ?? context.resolveSource(tokens.slice(comma, v), text);
    if (!speaker) return undefined;
    let content = v + length;
    if (tokens[content]?.lower === 'that') content++;
    return { speaker, content };
  }
  return undefined;
}

export const FINITE_VERB = /^(?:is|are|was|were|will|would|has|have|had|can|could|should|may|might|must|did|does|do|isn't|wasn't|won't|didn't|doesn't)$/;

/** How long an appositive between a name and its verb may run: "Ann Lee, a fellow at … and a former …, said". */
export const APPOSITIVE_MAX_TOKENS = 40;

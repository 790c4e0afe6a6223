import porter2 from 'wink-porter2-stemmer';
import { withoutFormatControls } from './invisible';

/** Word normalization shared by indexing and querying: lower case, diacritics folded, apostrophes dropped. */
const WORD = /[\p{L}\p{N}]+/gu;
/** Letters with diacritics; curly quotes and dashes do not need Unicode normalization. */
const ACCENTED = /[\u00C0-\u024F\u1E00-\u1EFF]/;

/**
 * Text of ASCII, curly quotes, dashes, an ellipsis and no-break spaces (nearly every sentence of the corpus):
 * no format controls, no accents, and its letters and digits are a-z and 0-9 once lower-cased.
 */
const PLAIN = /^[\x00-\x7f\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u00a0]*$/;
const PLAIN_WORD = /[a-z0-9]+/g;

export function searchWords(text: string): string[] {
  // The same words as the general path below, at about half the cost: this runs on every sentence indexed.
  if (PLAIN.test(text)) return text.toLowerCase().replace(/['’]/g, '').match(PLAIN_WORD) ?? [];
  return foldAccents(withoutFormatControls(text).toLowerCase()).replace(/['’]/g, '').match(WORD) ?? [];
}

/** "Š" → "S", "é" → "e". Most corpus text is ASCII; only the rest pays for Unicode normalization. */
export function foldAccents(text: string): string {
  return ACCENTED.test(text) ? text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '') : text;
}

export function trigrams(word: string): string[] {
  const padded = ` ${word} `;
  const grams: string[] = [];
  for (let i = 0; i + 3 <= padded.length; i++) grams.push(padded.slice(i, i + 3));
  return grams;
}

/** Damerau-Levenshtein distance with an early exit once it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const previous2 = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2] + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    for (let j = 0; j <= b.length; j++) previous2[j] = previous[j];
    previous = current;
  }
  return previous[b.length];
}

/**
 * Words too common to retrieve by: left out of the index (they are in nearly every sentence and would
 * dominate its postings) and ignored in queries, where their weight would be near zero anyway.
 */
export const STOP_WORDS = new Set(
  ('a an the and or but if of to in on at by for with from as is are was were be been being it its this that these those ' +
    'he she they we you i his her their our your my me him them us not no so than then there here which who whom whose what ' +
    'when where while will would shall should can could may might must do does did has have had also about into over after ' +
    'before all any both each more most other some such only own same very just s t').split(' '),
);

/**
 * `searchWords(text)` without the stop words. It runs on every entry indexed, so plain text is read in one pass
 * over its lower case: a word is a run of a-z, 0-9 and apostrophes, which are dropped (as `searchWords` drops them
 * before it matches), holding at least one letter or digit.
 */
export function indexableWords(text: string): string[] {
  if (!PLAIN.test(text)) return searchWords(text).filter(word => !STOP_WORDS.has(word));
  const lower = text.toLowerCase();
  const words: string[] = [];
  let start = -1;
  let apostrophe = false;
  for (let i = 0; i <= lower.length; i++) {
    const code = i < lower.length ? lower.charCodeAt(i) : 32;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57)) {
      if (start < 0) start = i;
    } else if (code === 39 || code === 0x2019) {
      if (start >= 0) apostrophe = true;
    } else if (start >= 0) {
      const word = apostrophe ? lower.slice(start, i).replace(/['’]/g, '') : lower.slice(start, i);
      if (!STOP_WORDS.has(word)) words.push(word);
      start = -1;
      apostrophe = false;
    }
  }
  return words;
}

/** Forms Porter2 leaves apart that a writer swaps without noticing ("said" for "says"). */
const IRREGULAR: Record<string, string> = {
  said: 'say', says: 'say', told: 'tell', tells: 'tell', made: 'make', makes: 'make', took: 'take', taken: 'take', came: 'come',
  went: 'go', gone: 'go', goes: 'go', brought: 'bring', thought: 'think', gave: 'give', given: 'give', kept: 'keep', knew: 'know',
  known: 'know', left: 'leave', met: 'meet', meets: 'meet', held: 'hold', led: 'lead', sent: 'send', spoke: 'speak', spoken: 'speak',
  began: 'begin', begun: 'begin', chose: 'choose', chosen: 'choose', felt: 'feel', found: 'find', heard: 'hear', paid: 'pay',
  children: 'child', men: 'man', women: 'woman', people: 'peopl', peoples: 'peopl', persons: 'peopl',
};

/**
 * The stem a word shares with its other inflections: "relations", "relationship" → "relat"; "said", "says" →
 * "say". Porter2 (Snowball English) after a few irregular forms and a dropped "-ship"; only used to find
 * vocabulary words a query word may stand for, never to index.
 */
export function stemOf(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular) return irregular;
  const base = word.length > 8 && word.endsWith('ship') ? word.slice(0, -4) : word;
  return porter2(base);
}

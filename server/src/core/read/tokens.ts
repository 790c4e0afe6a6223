/** Word tokens with offsets, and the small predicates that name and role detection share. */
export interface Token {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  /** Text between the previous token and this one ("", " ", ", ", "\n"). */
  readonly gap: string;
}

// Letters of Latin scripts, with inner apostrophes, hyphens and dots ("U.S.", "Vice-Foreign", "China's", "J.").
const WORD = /[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F0-9]*(?:[.'’-][A-Za-z\u00C0-\u024F0-9]+)*\.?|\d+(?:[.,]\d+)*/g;

export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(start, end);
  let previousEnd = 0;
  for (const match of slice.matchAll(WORD)) {
    const index = match.index ?? 0;
    let word = match[0];
    // A trailing dot belongs to the word only for abbreviations and initials ("U.S.", "J.", "Mr.").
    if (word.endsWith('.') && !isAbbreviation(word)) word = word.slice(0, -1);
    tokens.push({ text: word, lower: word.toLowerCase(), start: start + index, end: start + index + word.length, gap: slice.slice(previousEnd, index) });
    previousEnd = index + word.length;
  }
  return tokens;
}

/** Titles and the like written with a period, which neither end a sentence nor a name. */
export const ABBREVIATIONS = new Set(['mr.', 'mrs.', 'ms.', 'dr.', 'prof.', 'sen.', 'rep.', 'gen.', 'adm.', 'col.', 'lt.', 'sgt.', 'capt.', 'maj.', 'gov.', 'st.', 'jr.', 'sr.', 'rev.', 'no.', 'vs.', 'amb.', 'sec.', 'pres.', 'del.', 'atty.', 'supt.', 'cmdr.', 'insp.', 'det.']);

export function isAbbreviation(word: string): boolean {
  return /^[A-Z]\.$/.test(word) || /^(?:[A-Za-z]\.){2,}$/.test(word) || ABBREVIATIONS.has(word.toLowerCase());
}

const LOWER_CASE_START = /^\p{Ll}/u;

/** `/^\p{Ll}/u.test(word)`: ASCII answered without the Unicode regular expression (it runs on every token). */
export function startsLowerCase(word: string): boolean {
  const code = word.charCodeAt(0);
  if (code < 128) return code >= 97 && code <= 122;
  return LOWER_CASE_START.test(word);
}

export const isCapitalized = (word: string) => /^[A-Z\u00C0-\u00DE]/.test(word);
export const isInitial = (word: string) => /^[A-Z]\.$/.test(word);
/** A gap of plain spacing (a name or a role phrase does not run across punctuation). */
export const isSpaceGap = (gap: string) => /^[ \t\u00A0]+$/.test(gap) || /^[ \t]*\r?\n[ \t]*$/.test(gap);

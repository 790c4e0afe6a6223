/** Word tokens with offsets, and the small predicates that name and role detection share. */
export interface Token {
  readonly text: string;
  readonly lower: string;
  readonly start: number;
  readonly end: number;
  /** Text between the previous token and this one ("", " ", ", ", "\n"). */
  readonly gap: string;
}

// Letters of Latin scripts, with inner apostrophes, hyphens and dots ("U.S.", "Vice-Foreign", "China's", "J."):
// the words of /[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F0-9]*(?:[.'’-][A-Za-z\u00C0-\u024F0-9]+)*\.?|\d+(?:[.,]\d+)*/g,
// read by hand: this runs on every paragraph two or three times, and the match objects cost more than the scan.
const isLetter = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0x24f);
const isDigit = (code: number) => code >= 48 && code <= 57;
const isWordCharacter = (code: number) => isLetter(code) || isDigit(code);
/** . ' ’ - */
const isJoiner = (code: number) => code === 46 || code === 39 || code === 0x2019 || code === 45;

/** `word.toLowerCase()`, without a new string for a word that has no capital (most words): its own lower case. */
function lowerCaseOf(word: string): string {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if ((code >= 65 && code <= 90) || code >= 128) return word.toLowerCase();
  }
  return word;
}

/** The text between two words; most gaps are one space, and that string is shared rather than cut again. */
const gapOf = (text: string, from: number, to: number) => (to - from === 1 && text.charCodeAt(from) === 32 ? ' ' : text.slice(from, to));

export function tokenize(text: string, start = 0, end = text.length): Token[] {
  const tokens: Token[] = [];
  const from = Math.min(Math.max(start, 0), text.length);
  const to = Math.max(from, Math.min(end, text.length));
  let previousEnd = from;
  let at = from;
  while (at < to) {
    const code = text.charCodeAt(at);
    let past: number;
    if (isLetter(code)) {
      past = at + 1;
      while (past < to && isWordCharacter(text.charCodeAt(past))) past++;
      while (past + 1 < to && isJoiner(text.charCodeAt(past)) && isWordCharacter(text.charCodeAt(past + 1))) {
        past += 2;
        while (past < to && isWordCharacter(text.charCodeAt(past))) past++;
      }
      if (past < to && text.charCodeAt(past) === 46) past++;
    } else if (isDigit(code)) {
      past = at + 1;
      while (past < to && isDigit(text.charCodeAt(past))) past++;
      while (past + 1 < to && (text.charCodeAt(past) === 46 || text.charCodeAt(past) === 44) && isDigit(text.charCodeAt(past + 1))) {
        past += 2;
        while (past < to && isDigit(text.charCodeAt(past))) past++;
      }
    } else {
      at++;
      continue;
    }
    let word = text.slice(at, past);
    // A trailing dot belongs to the word only for abbreviations and initials ("U.S.", "J.", "Mr.").
    if (text.charCodeAt(past - 1) === 46 && !isAbbreviation(word)) word = word.slice(0, -1);
    tokens.push({ text: word, lower: lowerCaseOf(word), start: at, end: at + word.length, gap: gapOf(text, previousEnd, at) });
    previousEnd = at + word.length;
    at = past;
  }
  return tokens;
}

/**
 * `tokenize(text, start, end)`, cut from `tokens` = tokenize(text, from, to) of a range that holds [start, end)
 * instead of read again: the same words, the first one's gap measured from `start`. Undefined when a word may
 * run across `start` or `end` (then the caller tokenizes): a word's scan may have taken a dot it does not keep,
 * so a word followed by a dot counts as reaching past it.
 */
export function tokensWithin(text: string, tokens: readonly Token[], start: number, end: number): Token[] | undefined {
  const scanEnd = (token: Token) => (text.charCodeAt(token.end) === 46 ? token.end + 1 : token.end);
  let low = 0, high = tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (tokens[middle].start < start) low = middle + 1;
    else high = middle;
  }
  if (low > 0 && scanEnd(tokens[low - 1]) > start) return undefined;
  const within: Token[] = [];
  for (let i = low; i < tokens.length && tokens[i].start < end; i++) {
    if (scanEnd(tokens[i]) > end) return undefined;
    within.push(tokens[i]);
  }
  if (within.length > 0) {
    const gap = gapOf(text, start, within[0].start);
    if (gap !== within[0].gap) within[0] = { ...within[0], gap };
  }
  return within;
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

// The predicates below run on nearly every token: character codes rather than regular expressions.
/** `/^[A-Z\u00C0-\u00DE]/` */
export const isCapitalized = (word: string) => {
  const code = word.charCodeAt(0);
  return (code >= 65 && code <= 90) || (code >= 0xc0 && code <= 0xde);
};
/** `/^[A-Z]\.$/` */
export const isInitial = (word: string) => word.length === 2 && word.charCodeAt(1) === 46 && word.charCodeAt(0) >= 65 && word.charCodeAt(0) <= 90;
/** A gap of plain spacing (a name or a role phrase does not run across punctuation); one space is the common case. */
export const isSpaceGap = (gap: string) => gap === ' ' || /^[ \t\u00A0]+$/.test(gap) || /^[ \t]*\r?\n[ \t]*$/.test(gap);

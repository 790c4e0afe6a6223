import { editDistance } from '../read/searchText';

/** At most this share of a text's words may be misspelt in a copy of it. */
const MISSPELT_SHARE = 0.35;
const LETTERS = /^\p{L}{4,}$/u;

/**
 * Are two texts' folded words the same wording, up to a few misspelt words: the same number of words, and each
 * word that differs is a word of four letters or more, one letter off ("prewident" for "president"). A press
 * release republished with a typo fixed, or a transcript that misspells a name, is the same quotation to a
 * writer; another word ("get" for "pass"), another number ("2020" for "2021") or a word more is not.
 */
export function sameWording(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const allowed = Math.floor(a.length * MISSPELT_SHARE);
  let misspelt = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    if (++misspelt > allowed || !LETTERS.test(a[i]) || !LETTERS.test(b[i]) || editDistance(a[i], b[i], 1) > 1) return false;
  }
  return true;
}

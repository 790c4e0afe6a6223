import type { Span } from '../model';
import { withoutFormatControls } from '../read/invisible';
import { foldAccents } from '../read/searchText';

/** A word of a text, normalized for comparison, with where it is. */
export interface Word {
  readonly key: string;
  readonly span: Span;
  /** An ellipsis ("..." or "…") comes before this word: the writer marked words as left out here. */
  readonly afterEllipsis?: boolean;
}

// Format characters (a zero-width space inside "Bei\u200Bjing") are part of the word they sit in, and left out of its key.
const WORD = /[\p{L}\p{N}\p{Cf}]+(?:['’][\p{L}\p{N}\p{Cf}]+)*/gu;

/** Words compared as a reader compares quotations: case, punctuation, apostrophe style and accents aside. */
export function wordsOf(text: string, start = 0, end = text.length): Word[] {
  const words: Word[] = [];
  WORD.lastIndex = 0;
  const slice = text.slice(start, end);
  let previousEnd = 0;
  for (const match of slice.matchAll(WORD)) {
    const key = foldAccents(withoutFormatControls(match[0]).toLowerCase().replace(/’/g, "'"));
    if (!/[\p{L}\p{N}]/u.test(key)) continue;
    const afterEllipsis = /\.\.\.|…/.test(slice.slice(previousEnd, match.index));
    previousEnd = match.index + match[0].length;
    const span = { start: start + match.index, end: start + match.index + match[0].length };
    words.push(afterEllipsis ? { key, span, afterEllipsis } : { key, span });
  }
  return words;
}

/** One place where a quotation differs from its source: words changed, missing from or added to the quotation. */
export interface WordDifference {
  /** Indices into the quotation's words, end exclusive (empty when the quotation dropped words). */
  readonly quoted: [number, number];
  /** Indices into the source's words, end exclusive (empty when the quotation added words). */
  readonly source: [number, number];
}

export interface Alignment {
  /** Words changed, dropped or added, weighted (see CHANGED_WORD); 0 when the quotation is verbatim. */
  readonly cost: number;
  /** The source words the quotation corresponds to, end exclusive. */
  readonly sourceStart: number;
  readonly sourceEnd: number;
  readonly differences: WordDifference[];
}

/**
 * What each difference costs. Dropping words is the lesser fault (writers shorten quotations) and cheaper than
 * adding or changing one, so "more predictable" against "more smooth and predictable" reads as two dropped
 * words rather than an added last word. Words dropped at an ellipsis cost nothing: the writer said so.
 */
export const CHANGED_WORD = 3, EXTRA_WORD = 3, MISSING_WORD = 1;

/**
 * Aligns a quotation against a source passage that may be longer (a quotation is often part of what was
 * said): a weighted word-level edit distance where the passage's words before and after the quoted part are
 * free. O(quoted × source) time; callers bound both lengths.
 */
export function alignWords(quoted: readonly Word[], source: readonly Word[]): Alignment {
  const m = quoted.length, n = source.length;
  const width = n + 1;
  const cost = new Int32Array((m + 1) * width);
  const missingCost = (i: number) => (i < m && i > 0 && quoted[i].afterEllipsis ? 0 : MISSING_WORD);
  for (let i = 1; i <= m; i++) cost[i * width] = i * EXTRA_WORD;
  for (let i = 1; i <= m; i++) {
    const key = quoted[i - 1].key;
    const missing = missingCost(i);
    for (let j = 1; j <= n; j++) {
      const diagonal = cost[(i - 1) * width + j - 1] + (key === source[j - 1].key ? 0 : CHANGED_WORD);
      const extra = cost[(i - 1) * width + j] + EXTRA_WORD; // a quotation word the source does not have
      const dropped = cost[i * width + j - 1] + missing; // a source word the quotation dropped
      cost[i * width + j] = Math.min(diagonal, extra, dropped);
    }
  }
  // The best end in the source; ties go to the later end, which takes in words dropped before the last one.
  let end = 0;
  for (let j = 1; j <= n; j++) if (cost[m * width + j] <= cost[m * width + end]) end = j;
  const best = cost[m * width + end];

  // Walk back, preferring matches, to find where the quoted part starts and what differs.
  const steps: ('match' | 'change' | 'extra' | 'missing' | 'elided')[] = [];
  let i = m, j = end;
  while (i > 0) {
    const here = cost[i * width + j];
    if (j > 0 && quoted[i - 1].key === source[j - 1].key && here === cost[(i - 1) * width + j - 1]) {
      steps.push('match');
      i--;
      j--;
    } else if (j > 0 && here === cost[(i - 1) * width + j - 1] + CHANGED_WORD) {
      steps.push('change');
      i--;
      j--;
    } else if (here === cost[(i - 1) * width + j] + EXTRA_WORD) {
      steps.push('extra');
      i--;
    } else {
      steps.push(missingCost(i) === 0 ? 'elided' : 'missing');
      j--;
    }
  }
  const start = j;
  steps.reverse();
  const differences: WordDifference[] = [];
  let q = 0, s = start;
  let open: { quoted: [number, number]; source: [number, number] } | undefined;
  for (const step of steps) {
    if (step === 'elided') {
      s++;
      continue;
    }
    if (step === 'match') {
      if (open) differences.push(open);
      open = undefined;
      q++;
      s++;
      continue;
    }
    open ??= { quoted: [q, q], source: [s, s] };
    if (step !== 'missing') open.quoted[1] = ++q;
    if (step !== 'extra') open.source[1] = ++s;
  }
  if (open) differences.push(open);
  return { cost: best, sourceStart: start, sourceEnd: end, differences };
}

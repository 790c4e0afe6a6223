import type { Span } from '../model';

/** Index of the first mention starting after an offset (binary search; mentions are in text order). */
export function firstAfter(mentions: readonly { span: Span }[], offset: number): number {
  let low = 0, high = mentions.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (mentions[middle].span.start <= offset) low = middle + 1;
    else high = middle;
  }
  return low;
}


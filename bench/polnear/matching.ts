/** How a predicted quotation is matched to an annotated content span, and what counts as a quotation mark. */
import type { Segment } from './brat';

/**
 * The matching rule: a predicted span matches a gold content when their overlap (in characters, summed over a
 * discontinuous gold span's segments) is at least 0.6 of the shorter of the two. A quotation split by "he said"
 * is one gold content and two predicted quotes: each of them matches it. A predicted quote is scored against
 * every gold content and a gold content against every predicted quote (no one-to-one pairing).
 */
export const OVERLAP_RULE = 'a predicted quote matches a gold content when their overlap is >= 0.6 of the shorter span (characters; discontinuous gold spans summed)';
const MIN_OVERLAP = 0.6;

const lengthOf = (segments: readonly Segment[]) => segments.reduce((sum, s) => sum + s.end - s.start, 0);

export function overlap(predicted: Segment, gold: readonly Segment[]): number {
  return gold.reduce((sum, s) => sum + Math.max(0, Math.min(predicted.end, s.end) - Math.max(predicted.start, s.start)), 0);
}

export function matches(predicted: Segment, gold: readonly Segment[]): boolean {
  const shared = overlap(predicted, gold);
  return shared > 0 && shared >= MIN_OVERLAP * Math.min(predicted.end - predicted.start, lengthOf(gold));
}

/** Curly and straight double marks, and the doubled apostrophe of the NYT archive (`''…''`). */
const QUOTATION_MARK = /[“”"«»„]|''/;
export const DOUBLED_APOSTROPHES = "''";

export const hasQuotationMark = (text: string) => QUOTATION_MARK.test(text);

/**
 * A predicted quote carries a mark when one is inside its span or right next to it: the extractor's spans
 * leave the marks out ("“We are ready,” she said" → `We are ready,`).
 */
export const carriesQuotationMark = (text: string, span: Segment) => hasQuotationMark(text.slice(Math.max(0, span.start - 2), span.end + 2));

export const wordCount = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;

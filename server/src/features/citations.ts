import { cslItemsOf, type CorpusIndex, type CslItem, type QuoteChecker } from '../core';

/**
 * statementLens/citations: the sources of a draft's quotations as CSL-JSON items. The quote check finds them;
 * its cache per quotation makes this nearly free for a draft that is being checked anyway.
 */
export function citationsOf(index: CorpusIndex, checker: QuoteChecker, draftText: string): CslItem[] {
  return cslItemsOf(checker.check(draftText), index);
}

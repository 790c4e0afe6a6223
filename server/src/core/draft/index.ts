/** A writer's draft against the corpus: its quotations, their check, and citations to insert. */
export { citeFrom, formatCitation, longDate, DEFAULT_CITATION_FORMAT, DEFAULT_SOURCE_FORMAT, type CitationFields, type Said } from './citation';
export { cslItemOf, cslItemsOf, type CslDate, type CslItem, type CslName, type CslType } from './cslJson';
export { QuoteChecker, type Attribution, type QuoteCheck, type QuoteSource, type WordingDifference } from './quoteCheck';
export { draftParagraphs, findDraftQuotations, openQuotationAt, type DraftAttribution, type DraftQuotation, type NameFinder, type OpenQuotation } from './draftQuotes';
export { alignWords, wordsOf, CHANGED_WORD, type Alignment, type Word } from './wordAlignment';

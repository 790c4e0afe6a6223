/** The pure core of Statement Lens: no VS Code, no LSP, no file system. */
export * from './model';
export { parseStatement, type StatementSource } from './understand/statement';
export { CorpusIndex, displayTitleOf, fileNameOf, type CorpusPerson, type CorpusStats, type Introduction, type PersonQuote, type PersonSummary, type RoleSpan } from './corpus/corpusIndex';
export { PersonResolver, type Identity, type Merge, type MergeReason } from './identity/personResolution';
export { readPeopleRules, isPeopleFile, PEOPLE_FILE_NAMES, type PeopleRules, type PersonRule } from './identity/peopleRules';
export { nameParts, compareGiven, type NameParts } from './identity/nameParts';
export { CorpusIndexer, DEFAULT_LIMITS, type FileProblem, type IndexerOptions, type IndexLimits, type IndexReport, type StatementParser } from './corpus/indexer';
export { parseQuery, QuoteSearchIndex, type SearchEntry, type SearchHit, type SearchQuery } from './search/quoteSearch';
export { isDebrisLine } from './read/debris';
export { isCorpusDocument, type CorpusHost } from './corpus/workspace';
export { formatCitation, DEFAULT_CITATION_FORMAT, DEFAULT_SOURCE_FORMAT } from './draft/citation';
export { prepareSearch, type PreparedSearch } from './search/searchPreparation';
export { parseForIndex, type ParsedStatement } from './corpus/parseForIndex';
export { QuoteChecker, type QuoteCheck, type QuoteSource, type WordingDifference, type Attribution } from './draft/quoteCheck';
export { findDraftQuotations, type DraftQuotation, type DraftAttribution } from './draft/draftQuotes';
export { alignWords, wordsOf, type Alignment, type Word } from './draft/wordAlignment';
export { openQuotationAt, type OpenQuotation } from './draft/draftQuotes';
export type { NameOccurrence } from './understand/names';

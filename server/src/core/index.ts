/** The pure core of Statement Lens: no VS Code, no LSP, no file system. */
export * from './model';
export { parseStatement, type StatementSource } from './statement';
export { CorpusIndex, displayTitleOf, fileNameOf, type CorpusPerson, type CorpusStats, type Introduction, type PersonQuote, type PersonSummary, type RoleSpan } from './corpusIndex';
export { PersonResolver, type Identity, type Merge, type MergeReason } from './identity/personResolution';
export { readPeopleRules, isPeopleFile, PEOPLE_FILE_NAMES, type PeopleRules, type PersonRule } from './identity/peopleRules';
export { nameParts, compareGiven, type NameParts } from './identity/nameParts';
export { CorpusIndexer, DEFAULT_LIMITS, type FileProblem, type IndexerOptions, type IndexLimits, type IndexReport, type StatementParser } from './indexer';
export { parseQuery, QuoteSearchIndex, type SearchEntry, type SearchHit, type SearchQuery } from './quoteSearch';
export { isDebrisLine } from './debris';
export { isCorpusDocument, type CorpusHost } from './workspace';
export { formatCitation, DEFAULT_CITATION_FORMAT, DEFAULT_SOURCE_FORMAT } from './citation';
export { parseForIndex, prepareSearch, type ParsedStatement, type PreparedSearch } from './searchPreparation';
export { QuoteChecker, type QuoteCheck, type QuoteSource, type WordingDifference, type Attribution } from './quoteCheck';
export { findDraftQuotations, type DraftQuotation, type DraftAttribution } from './draftQuotes';
export { alignWords, wordsOf, type Alignment, type Word } from './wordAlignment';
export { openQuotationAt, type OpenQuotation } from './draftQuotes';
export type { NameOccurrence } from './names';
export { personTimeline, phraseTimeline, resolvePerson, roleAt, type PersonTimeline, type TimelineStatement } from './timeline';

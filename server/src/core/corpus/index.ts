/** The corpus: documents kept in step with a host, the people across them, and their search index. */
export { CorpusIndex, displayTitleOf, type CorpusPerson, type CorpusStats, type Introduction, type PersonQuote, type PersonSummary, type RoleSpan } from './corpusIndex';
export { CorpusIndexer, DEFAULT_LIMITS, type FileProblem, type IndexerOptions, type IndexLimits, type IndexReport, type StatementParser } from './indexer';
export { parseForIndex, type ParsedStatement } from './parseForIndex';
export { FileTooLarge, isCorpusDocument, type CorpusHost } from './workspace';

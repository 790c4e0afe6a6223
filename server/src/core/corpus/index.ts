/** The corpus: documents kept in step with a host, the people across them, and their search index. */
export { CorpusIndex, type CorpusStats } from './corpusIndex';
export { displayTitleOf } from './displayTitle';
export type { Introduction } from './nameFacts';
export type { CorpusPerson, PersonQuote, PersonSummary, RoleSpan } from './peopleRegistry';
export { CorpusIndexer, DEFAULT_LIMITS, type FileProblem, type IndexerOptions, type IndexLimits, type IndexPhase, type IndexReport, type StatementParser } from './indexer';
export { contentHash, IndexCache, StoreDiscarded, type FileStamp, type IndexStore, type RestoredStatement, type StampSource, type StoredStatement } from './indexCache';
export { parseForIndex, type ParsedStatement } from './parseForIndex';
export { FileTooLarge, isCorpusDocument, type CorpusHost } from './workspace';
export { isWholePacked, packForTransfer, unpackTransfer, type PackedStatement } from './transfer';
export { personTimeline, phraseTimeline, resolvePerson, roleAt, type PersonTimeline, type TimelineStatement } from './timeline';

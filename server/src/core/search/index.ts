/** Quote search and related statements over the prepared entries of every document. */
export { parseQuery, QuoteSearchIndex, type SearchDocument, type SearchEntry, type SearchHit, type SearchQuery } from './quoteSearch';
export { prepareSearch, type PreparedEntry, type PreparedSearch } from './searchPreparation';
export { boundQuery, boundTypedQuotation, MAX_QUERY_CHARS, MAX_QUERY_WORD_CHARS, type BoundedQuery } from './queryBounds';

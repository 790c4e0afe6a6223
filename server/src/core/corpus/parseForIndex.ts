import type { StatementDocument } from '../model';
import { prepareSearch, type PreparedSearch } from '../search/searchPreparation';
import { parseStatement, type StatementSource } from '../understand/statement';

export interface ParsedStatement {
  readonly document: StatementDocument;
  readonly search: PreparedSearch;
}

/**
 * Parsing plus search preparation: the unit of work of the indexer (in-thread or in a worker). It lives with
 * the indexer, above both, so that search only prepares what parsing has already produced.
 */
export function parseForIndex(source: StatementSource): ParsedStatement {
  const document = parseStatement(source);
  return { document, search: prepareSearch(document) };
}

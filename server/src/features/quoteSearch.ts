import type { CancellationToken } from 'vscode-languageserver';
import { boundQuery, citeFrom, type CorpusIndex, type SearchHit } from '../core';
import { rangeOf } from '../convert';
import type { QuoteHit } from '../../../shared/protocol';

/**
 * Quote search as the protocol answers it (`statementLens/searchQuotes`, and the command line's `search`):
 * the hits with their ranges and citations. What the query bounds cut is said through `note`.
 */
export function searchQuotes(index: CorpusIndex, query: string, limit: number, citationFormat: string, note: (message: string) => void, token?: CancellationToken): QuoteHit[] {
  if (typeof query === 'string') for (const message of boundQuery(query).notes) note(message);
  const hits = index.searchQuotes(query, limit, token);
  return token?.isCancellationRequested ? [] : hits.map(hit => quoteHitOf(index, hit, citationFormat));
}

/** One hit of the core's search, with its range in the document and its citation. */
export function quoteHitOf(index: CorpusIndex, hit: SearchHit, citationFormat: string): QuoteHit {
  const document = index.get(hit.entry.uri)!;
  return {
    text: hit.entry.text,
    speaker: hit.entry.speaker,
    date: hit.entry.date,
    uri: hit.entry.uri,
    range: rangeOf(document, hit.entry.span),
    documentTitle: hit.entry.documentTitle,
    score: Math.round(hit.score * 1000) / 1000,
    citation: citeFrom(document, { quote: hit.entry.text, speaker: hit.entry.speaker, date: hit.entry.date }, citationFormat),
    matches: hit.matches,
    ...(hit.sources ? { sources: hit.sources.map(source => ({ uri: source.uri, range: rangeOf(index.get(source.uri)!, source.span), date: source.date, documentTitle: source.documentTitle, speaker: source.speaker })) } : {}),
  };
}

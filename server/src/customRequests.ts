import { CitationsRequest, ClearIndexCacheRequest, DocumentRequest, DocumentsRequest, PeopleRequest, PhraseTimelineRequest, ReindexRequest, RelatedStatementsRequest, SearchQuotesRequest, TimelineRequest, type CslItem } from '../../shared/protocol';
import { normalizeUri } from './corpusFiles';
import { detailOf, personSummaryOf, summaryOf } from './convert';
import { citationsOf } from './features/citations';
import { searchQuotes } from './features/quoteSearch';
import { relatedAt, relatedStatements } from './features/relatedStatements';
import { phraseTimelineOf, timelineOf } from './features/timeline';
import type { ServerContext } from './serverContext';

/** The custom `statementLens/*` requests (shared/protocol.ts): documents, people, search, timelines, citations. */
export function registerCustomRequests(context: ServerContext): void {
  const { connection, documents, corpus, requests, log } = context;
  const settings = { get: () => context.settings().get() };

  connection.onRequest(RelatedStatementsRequest, requests.onCorpus((params, token) => {
    const limit = Math.min(Math.max(params.limit ?? 20, 1), 100);
    return 'text' in params ? relatedStatements(corpus.index, params.text, limit, undefined, token) : relatedAt(corpus.index, documents, params.uri, params.position, limit, token);
  }));

  connection.onRequest(DocumentsRequest, requests.onCorpus(() => [...corpus.index.all()].map(document => summaryOf(document, corpus.index))));

  connection.onRequest(DocumentRequest, requests.onCorpus(({ uri }) => {
    const document = corpus.index.get(uri) ?? corpus.index.get(normalizeUri(uri));
    return document ? detailOf(document, corpus.index) : null;
  }));

  connection.onRequest(PeopleRequest, requests.onCorpus(({ query, limit }, token) => ({ people: corpus.index.people(query, Math.max(1, limit ?? Infinity), token).map(personSummaryOf) })));

  connection.onRequest(SearchQuotesRequest, requests.onCorpus(async ({ query, limit }, token) => {
    const { citationFormat } = await settings.get();
    return searchQuotes(corpus.index, query, Math.min(Math.max(limit ?? 20, 1), 200), citationFormat, note => log(`Search: ${note}`), token);
  }));

  connection.onRequest(ClearIndexCacheRequest, async () => {
    const { report, cacheDirectory } = await corpus.clearIndexCache();
    return { documents: report.documents, quotes: report.quotes, people: report.people, durationMs: report.durationMs, cacheDirectory };
  });

  connection.onRequest(TimelineRequest, requests.onCorpus(({ person }, token) => (typeof person === 'string' ? timelineOf(corpus.index, person, token) : [])));

  connection.onRequest(PhraseTimelineRequest, requests.onCorpus(({ phrase, limit }, token) => (typeof phrase === 'string' ? phraseTimelineOf(corpus.index, phrase, typeof limit === 'number' ? limit : undefined, token) : [])));

  // Whatever the quote check setting: the sources are wanted even where the squiggles are not. Settings first, as
  // for draft checks: a settings change starts a new pass, which the answer must then wait for.
  connection.onRequest(CitationsRequest, async (params, token) => {
    await settings.get();
    // Against the whole corpus, also while the index loads from the cache: a source not loaded yet is no source.
    await corpus.ready();
    return requests.onCorpus((): CslItem[] => {
      if ('text' in params) return typeof params.text === 'string' ? citationsOf(corpus.index, corpus.checker, params.text) : [];
      const document = documents.get(params.uri) ?? documents.get(normalizeUri(params.uri));
      return document && !corpus.contains(document.uri) ? citationsOf(corpus.index, corpus.checker, document.getText()) : [];
    })(params, token);
  });

  connection.onRequest(ReindexRequest, async () => {
    const report = await corpus.reindexAll();
    return { documents: report.documents, quotes: report.quotes, people: report.people, durationMs: report.durationMs };
  });
}

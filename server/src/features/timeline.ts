import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection } from 'vscode-languageserver';
import { personTimeline, phraseTimeline, type CorpusIndex, type TimelineStatement as CoreStatement } from '../core';
import { rangeOf } from '../convert';
import { PhraseTimelineRequest, TimelineRequest, type TimelineStatement } from '../protocol';

const DEFAULT_PHRASE_LIMIT = 1000;
const MAX_PHRASE_LIMIT = 5000;

/** What the timeline requests need of the server: the current index, once no full pass is running. */
export interface TimelineCorpus {
  ready(): Promise<void>;
  index(): CorpusIndex;
}

/** A person's quotations in date order, as the protocol sends them; empty when the name is nobody the corpus knows. */
export function timelineOf(index: CorpusIndex, person: string, token?: CancellationToken): TimelineStatement[] {
  return (personTimeline(index, person, token)?.statements ?? []).map(statement => toProtocol(index, statement));
}

/** Who used a phrase, when, as the protocol sends it. */
export function phraseTimelineOf(index: CorpusIndex, phrase: string, limit = DEFAULT_PHRASE_LIMIT, token?: CancellationToken): TimelineStatement[] {
  const bounded = Math.min(Math.max(Math.floor(limit), 1), MAX_PHRASE_LIMIT);
  return phraseTimeline(index, phrase, bounded, token).map(statement => toProtocol(index, statement));
}

function toProtocol(index: CorpusIndex, statement: CoreStatement): TimelineStatement {
  const document = index.get(statement.uri)!;
  const { span, ...rest } = statement;
  return { ...rest, range: rangeOf(document, span) };
}

/** `statementLens/timeline` and `statementLens/phraseTimeline` (see protocol.ts). */
export function registerTimelineRequests(connection: Connection, corpus: TimelineCorpus): void {
  const cancelled = () => new ResponseError<void>(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
  connection.onRequest(TimelineRequest, async ({ person }, token) => {
    await corpus.ready();
    if (token.isCancellationRequested) return cancelled();
    const statements = typeof person === 'string' ? timelineOf(corpus.index(), person, token) : [];
    return token.isCancellationRequested ? cancelled() : statements;
  });
  connection.onRequest(PhraseTimelineRequest, async ({ phrase, limit }, token) => {
    await corpus.ready();
    if (token.isCancellationRequested) return cancelled();
    const statements = typeof phrase === 'string' ? phraseTimelineOf(corpus.index(), phrase, typeof limit === 'number' ? limit : undefined, token) : [];
    return token.isCancellationRequested ? cancelled() : statements;
  });
}

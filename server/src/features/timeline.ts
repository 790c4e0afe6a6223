import type { CancellationToken } from 'vscode-languageserver';
import { personTimeline, phraseTimeline, type CorpusIndex, type TimelineStatement as CoreStatement } from '../core';
import { rangeOf } from '../convert';
import type { TimelineStatement } from '../../../shared/protocol';

const DEFAULT_PHRASE_LIMIT = 1000;
const MAX_PHRASE_LIMIT = 5000;

/** A person's quotations in date order, as the protocol sends them; empty when the name is nobody the corpus knows. */
export function timelineOf(index: CorpusIndex, person: string, token?: CancellationToken): TimelineStatement[] {
  return (personTimeline(index, person, token)?.statements ?? []).map(statement => toProtocol(index, statement));
}

/** Who used a phrase, when, as the protocol sends it. */
export function phraseTimelineOf(index: CorpusIndex, phrase: string, limit = DEFAULT_PHRASE_LIMIT, token?: CancellationToken): TimelineStatement[] {
  const bounded = Number.isFinite(limit) ? Math.min(Math.max(Math.floor(limit), 1), MAX_PHRASE_LIMIT) : DEFAULT_PHRASE_LIMIT;
  return phraseTimeline(index, phrase, bounded, token).map(statement => toProtocol(index, statement));
}

function toProtocol(index: CorpusIndex, statement: CoreStatement): TimelineStatement {
  const document = index.get(statement.uri)!;
  const { span, ...rest } = statement;
  return { ...rest, range: rangeOf(document, span) };
}

import type { CancellationToken, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type CorpusIndex, fileNameOf, type SearchEntry, splitSentences } from '../core';
import { rangeOf } from '../convert';
import type { RelatedStatement } from '../../../shared/protocol';
import { truncate } from '../../../shared/markdown';

const MIN_SCORE = 0.2;

/** The statement under the cursor: the corpus quotation covering it, else the sentence around it. */
export function statementAt(index: CorpusIndex, document: TextDocument, position: Position): { text: string; uri: string; start: number; end: number } | undefined {
  const offset = document.offsetAt(position);
  const statement = index.get(document.uri);
  const quote = statement?.quotes.find(q => q.span.start <= offset && offset <= q.span.end);
  if (quote) return { text: quote.text, uri: document.uri, start: quote.span.start, end: quote.span.end };
  const text = document.getText();
  const lineStart = text.lastIndexOf('\n\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n\n', offset);
  if (lineEnd === -1) lineEnd = text.length;
  const sentence = splitSentences(text, { start: lineStart, end: lineEnd }).find(s => s.start <= offset && offset <= s.end);
  return sentence ? { text: text.slice(sentence.start, sentence.end), uri: document.uri, start: sentence.start, end: sentence.end } : undefined;
}

/** Related statements as a message a client shows as it is (`window/showMessage`), one per line. */
export function relatedStatementsMessage(related: readonly RelatedStatement[]): string {
  if (related.length === 0) return 'No related statements in the corpus.';
  const lines = related.slice(0, 10).map(hit => `${hit.speaker ?? 'Unattributed'}, ${hit.date ?? 'undated'}: “${truncate(hit.text, 120)}” (${fileNameOf(hit.uri)}:${hit.range.start.line + 1})`);
  return `${related.length} related statement${related.length === 1 ? '' : 's'}:\n${lines.join('\n')}${related.length > 10 ? `\n… and ${related.length - 10} more` : ''}`;
}

/**
 * Statements that say the same thing or speak to the same subject, across documents, speakers and dates,
 * best first. The statement itself (same document, overlapping span) is left out.
 */
export function relatedStatements(index: CorpusIndex, text: string, limit: number, self?: { uri: string; start: number; end: number }, token?: CancellationToken): RelatedStatement[] {
  const isSelf = (entry: SearchEntry) => !!self && entry.uri === self.uri && entry.span.start < self.end && entry.span.end > self.start;
  return index
    .relatedStatements(text, limit, isSelf, token)
    .filter(hit => hit.score >= MIN_SCORE)
    .map(hit => {
      const statement = index.get(hit.entry.uri)!;
      return { text: hit.entry.text, speaker: hit.entry.speaker, date: hit.entry.date, uri: hit.entry.uri, range: rangeOf(statement, hit.entry.span), documentTitle: hit.entry.documentTitle, score: Math.round(hit.score * 1000) / 1000 };
    });
}

import type { CodeLens } from 'vscode-languageserver';
import { SHOW_RELATED_STATEMENTS } from '../../../shared/protocol';
import type { CorpusIndex, StatementDocument } from '../core';
import { rangeOf } from '../convert';
import { relatedStatements } from './relatedStatements';

const MAX_LENSES = 300;

/**
 * One lens over each quotation of a corpus document; its title ("3 related statements") is resolved lazily.
 * Every lens runs the same command, even with none found: a lens without a command is one that clients
 * (Neovim) try to run and fail.
 */
export function quotationLenses(statement: StatementDocument): CodeLens[] {
  return statement.quotes.slice(0, MAX_LENSES).map((quote, i) => ({ range: rangeOf(statement, quote.span), data: { uri: statement.uri, quote: i } }));
}

export function resolveQuotationLens(index: CorpusIndex, lens: CodeLens): CodeLens {
  const { uri, quote: i } = lens.data as { uri: string; quote: number };
  const statement = index.get(uri);
  const quote = statement?.quotes[i];
  const command = (title: string) => ({ ...lens, command: { title, command: SHOW_RELATED_STATEMENTS, arguments: [uri, lens.range.start] } });
  if (!statement || !quote) return command('statement changed');
  const related = relatedStatements(index, quote.text, 20, { uri, start: quote.span.start, end: quote.span.end });
  const title = related.length === 0 ? 'no related statements' : `${related.length === 20 ? '20+' : related.length} related statement${related.length === 1 ? '' : 's'}`;
  return command(title);
}

import { SemanticTokensBuilder, type SemanticTokens, type SemanticTokensLegend } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CorpusIndex } from '../core';

/** `person` is contributed in package.json (superType `class`), so themes colour names without new rules. */
export const SEMANTIC_LEGEND: SemanticTokensLegend = { tokenTypes: ['person'], tokenModifiers: ['ambiguous'] };

/** Marks every known name in a draft. */
export function semanticTokens(index: CorpusIndex, document: TextDocument): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  for (const occurrence of index.findNames(document.getText())) {
    const start = document.positionAt(occurrence.span.start);
    const end = document.positionAt(occurrence.span.end);
    if (start.line !== end.line) continue; // tokens cannot span lines
    builder.push(start.line, start.character, end.character - start.character, 0, occurrence.people.length > 1 ? 1 : 0);
  }
  return builder.build();
}

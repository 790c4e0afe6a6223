import type { CancellationToken, Location, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CorpusIndex } from '../core';
import { rangeOf } from '../convert';

/** A draft the server can read: open in the editor, or a file of the workspace. */
export interface Draft {
  readonly uri: string;
  readonly document: TextDocument;
}

/**
 * Find all references on a name: every mention of the person in the corpus (aliases included), and every
 * occurrence of one of their names in the workspace's drafts.
 */
export function referencesAt(index: CorpusIndex, document: TextDocument, position: Position, drafts: Iterable<Draft>, token?: CancellationToken): Location[] {
  const occurrence = index.nameAt(document.getText(), document.offsetAt(position));
  if (!occurrence) return [];
  const wanted = new Set(occurrence.people);
  const locations: Location[] = [];
  const seen = new Set<string>();
  const push = (location: Location) => {
    const key = `${location.uri}:${location.range.start.line}:${location.range.start.character}`;
    if (!seen.has(key)) {
      seen.add(key);
      locations.push(location);
    }
  };
  for (const name of wanted) {
    for (const mention of index.mentionsOf(name)) {
      if (token?.isCancellationRequested) return locations;
      const statement = index.get(mention.uri);
      if (statement) push({ uri: mention.uri, range: rangeOf(statement, mention.span) });
    }
  }
  for (const draft of drafts) {
    if (token?.isCancellationRequested) break;
    if (index.get(draft.uri)) continue;
    for (const found of index.findNames(draft.document.getText())) {
      if (found.people.some(name => wanted.has(name))) push({ uri: draft.uri, range: { start: draft.document.positionAt(found.span.start), end: draft.document.positionAt(found.span.end) } });
    }
  }
  return locations;
}

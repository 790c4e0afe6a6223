import type { Location, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CorpusIndex } from '../core';
import { rangeOf } from '../convert';

/** Go to definition on a name: where the corpus introduces the person with a role (first, then one per role). */
export function definitionAt(index: CorpusIndex, document: TextDocument, position: Position): Location[] {
  const occurrence = index.nameAt(document.getText(), document.offsetAt(position));
  if (!occurrence) return [];
  const locations: Location[] = [];
  for (const name of occurrence.people) {
    const introductions = index.introductionsOf(name);
    const targets = introductions.length ? introductions : index.mentionsOf(name).slice(0, 1);
    for (const target of targets) {
      const statement = index.get(target.uri);
      if (statement) locations.push({ uri: target.uri, range: rangeOf(statement, target.span) });
    }
  }
  return locations;
}

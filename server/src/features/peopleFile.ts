import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CodeActionKind, type CodeAction, type Connection, type Range, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CorpusIndex } from '../core';
import { uriOf } from '../corpusFiles';

/** The server-side command the people.yaml action runs after its edit: shows the file (window/showDocument). */
export const OPEN_PEOPLE_FILE_COMMAND = 'statementLens.openPeopleFile';

/**
 * On a person's name in a draft: "Correct <name> in people.yaml", which creates the corpus folder's people.yaml
 * if needed, adds an entry for the person (their other names as a comment, to merge or keep apart) and opens it.
 * `file` is the people.yaml of the first corpus folder and `current` its text (undefined when it does not exist).
 */
export function peopleFileActions(index: CorpusIndex, document: TextDocument, range: Range, file: { uri: string; current: string | undefined } | undefined): CodeAction[] {
  if (!file) return [];
  const occurrence = index.nameAt(document.getText(), document.offsetAt(range.start));
  if (!occurrence) return [];
  return occurrence.people.slice(0, 3).flatMap(name => {
    const person = index.person(name);
    if (!person) return [];
    const lines = [
      `# ${person.name}: ${person.uris.length} documents${person.aliases.length ? `; the corpus also writes ${person.aliases.slice(0, 8).join(', ')}` : ''}`,
      `- name: ${yamlString(person.name)}`,
      '  aliases: []      # names to merge into this person, or new aliases',
      '  # roles: [{ title: …, from: 2021-01-20, to: null }]',
      `# - apart: [${yamlString(person.name)}, …]     # names that are someone else`,
      `# - hide: ${yamlString(person.name)}           # not a person`,
      '',
    ];
    const current = file.current ?? '';
    const lineCount = current === '' ? 0 : current.split('\n').length - (current.endsWith('\n') ? 1 : 0);
    const prefix = current !== '' && !current.endsWith('\n') ? '\n' : '';
    const at = { line: lineCount, character: 0 };
    const insert = current !== '' && !current.endsWith('\n') ? { line: lineCount - 1, character: current.split('\n').pop()!.length } : at;
    const action: CodeAction = {
      title: `Correct ${person.name} in people.yaml`,
      kind: CodeActionKind.Refactor,
      edit: {
        documentChanges: [
          ...(file.current === undefined ? [{ kind: 'create' as const, uri: file.uri, options: { ignoreIfExists: true } }] : []),
          { textDocument: { uri: file.uri, version: null }, edits: [{ range: { start: insert, end: insert }, newText: prefix + lines.join('\n') }] },
        ],
      },
      command: { title: 'Open people.yaml', command: OPEN_PEOPLE_FILE_COMMAND, arguments: [file.uri, lineCount] },
    };
    return [action];
  });
}

function yamlString(value: string): string {
  return /^[\p{L}][\p{L}\p{M} .'’-]*$/u.test(value) ? value : JSON.stringify(value);
}

/** people.yaml of the first corpus folder the user gave (never the bundled seeds), with its text if it exists. */
export function peopleFileOf(roots: readonly { readonly folder: string }[], documents: TextDocuments<TextDocument>, bundledSeedsPath: string): { uri: string; current: string | undefined } | undefined {
  const folder = roots.map(root => root.folder).find(root => path.resolve(root) !== path.resolve(bundledSeedsPath));
  if (!folder) return undefined;
  const file = path.join(folder, 'people.yaml');
  const uri = uriOf(file);
  const open = documents.get(uri);
  if (open) return { uri, current: open.getText() };
  try {
    return { uri, current: readFileSync(file, 'utf8') };
  } catch {
    return { uri, current: undefined };
  }
}

/** Opens a corpus folder's people.yaml (the code action on a person's name names this command). */
export async function openPeopleFile(connection: Connection, args: unknown[] | undefined): Promise<void> {
  if (typeof args?.[0] !== 'string') return;
  const line = typeof args[1] === 'number' ? args[1] : 0;
  await connection.window.showDocument({ uri: args[0], takeFocus: true, selection: { start: { line, character: 0 }, end: { line, character: 0 } } }).catch(() => undefined);
}

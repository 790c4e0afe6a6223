import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CodeLensRequest,
  CodeLensResolveRequest,
  CompletionRequest,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  LogMessageNotification,
  ShowMessageNotification,
  type ClientCapabilities,
  type CompletionList,
  type InitializeResult,
  type MarkupContent,
} from 'vscode-languageserver-protocol';
import { ReindexRequest, SHOW_RELATED_STATEMENTS, type RelatedStatement } from '../../shared/protocol';
import { OPEN_PEOPLE_FILE_COMMAND } from '../../server/src/features/peopleFile';
import { initialize, SEEDS, startInProcess, type TestClient } from './serverHarness';

const DRAFT = 'Qin said the two sides must talk about China-U.S. relations.\n';
const seedUri = (file: string) => pathToFileURL(path.join(SEEDS, file)).toString();

/** Starts a server for a client with these capabilities and options; resolves with the initialize result. */
async function start(client: TestClient, capabilities: ClientCapabilities, initializationOptions: Record<string, unknown> = {}): Promise<InitializeResult> {
  const indexed = client.nextIndexed();
  const result = await client.connection.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, capabilities, initializationOptions });
  await client.connection.sendNotification(InitializedNotification.type, {});
  await indexed;
  return result;
}

describe('Markdown and commands for every client', () => {
  const workspace = mkdtempSync(path.join(tmpdir(), 'statement-lens-editors-'));
  const draftUri = pathToFileURL(path.join(workspace, 'draft.md')).toString();
  after(() => rmSync(workspace, { recursive: true, force: true }));

  const openDraft = (client: TestClient) => client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: draftUri, languageId: 'markdown', version: 1, text: DRAFT } });
  const hoverOnQin = async (client: TestClient) => (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: draftUri }, position: { line: 0, character: 1 } }))!.contents as MarkupContent;

  test('Neovim: no command links, escapes only where Markdown needs them, and the lens command is the server\'s', async () => {
    const client = startInProcess();
    const messages: string[] = [];
    client.connection.onNotification(ShowMessageNotification.type, ({ message }) => void messages.push(message));
    try {
      const result = await start(client, { textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } } });
      assert.deepEqual(result.capabilities.executeCommandProvider?.commands, [OPEN_PEOPLE_FILE_COMMAND, SHOW_RELATED_STATEMENTS]);
      await openDraft(client);
      const card = await hoverOnQin(client);
      assert.equal(card.kind, 'markdown');
      assert.doesNotMatch(card.value, /command:/, 'no links a client cannot follow');
      assert.match(card.value, /ambassador to the U\.S\. · 2021-10-01/, 'U.S. as written');
      assert.doesNotMatch(card.value, /\\\./, 'no escaped full stops');

      // Every lens names a command the server runs, "no related statements" ones too.
      const uri = seedUri('002_b75e0c9e01f78e2c.txt');
      const lenses = (await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri } }))!;
      const resolved = await Promise.all(lenses.map(lens => client.connection.sendRequest(CodeLensResolveRequest.type, lens)));
      assert.ok(resolved.length > 0);
      for (const lens of resolved) assert.equal(lens.command?.command, SHOW_RELATED_STATEMENTS, `${lens.command?.title}: a command to run`);
      const withRelated = resolved.find(lens => /^\d+\+? related/.test(lens.command!.title))!;
      const related = (await client.connection.sendRequest(ExecuteCommandRequest.type, withRelated.command!)) as RelatedStatement[];
      assert.ok(related.length > 0, 'the related statements are the result');
      assert.match(messages.at(-1) ?? JSON.stringify(messages), /^\d+ related statements?:\n.+, \d{4}-\d{2}-\d{2}: “/, 'and shown as a message');
    } finally {
      await client.close();
    }
  });

  test('eglot without markdown-mode asks for plain text: the card comes without markup', async () => {
    const client = startInProcess();
    try {
      await start(client, { textDocument: { hover: { contentFormat: ['plaintext'] } } });
      await openDraft(client);
      const card = await hoverOnQin(client);
      assert.equal(card.kind, 'plaintext');
      assert.match(card.value, /^Qin Gang · also/);
      assert.doesNotMatch(card.value, /\*\*|\\|command:/);
      assert.match(card.value, /Foreign Ministry Spokesperson|ambassador to the U\.S\./);
    } finally {
      await client.close();
    }
  });

  test('the VS Code client (commandLinks: true) gets command links and runs the commands itself', async () => {
    const client = startInProcess();
    try {
      const result = await start(client, { textDocument: { hover: { contentFormat: ['markdown', 'plaintext'] } } }, { commandLinks: true });
      assert.deepEqual(result.capabilities.executeCommandProvider?.commands, [OPEN_PEOPLE_FILE_COMMAND], 'Show Related Statements is the client\'s own; only the server\'s people.yaml command');
      await openDraft(client);
      assert.match((await hoverOnQin(client)).value, /\]\(command:statementLens\.searchQuotes\?/);
    } finally {
      await client.close();
    }
  });

  test('an unknown command or bad arguments are refused', async () => {
    const client = startInProcess();
    try {
      await start(client, {});
      await assert.rejects(client.connection.sendRequest(ExecuteCommandRequest.type, { command: 'statementLens.nothing', arguments: [] }), /Unknown command/);
      await assert.rejects(client.connection.sendRequest(ExecuteCommandRequest.type, { command: SHOW_RELATED_STATEMENTS, arguments: [42] }), /takes \[uri, position\]/);
    } finally {
      await client.close();
    }
  });
});

describe('drafts in other editors', () => {
  const workspace = mkdtempSync(path.join(tmpdir(), 'statement-lens-drafts-'));
  after(() => rmSync(workspace, { recursive: true, force: true }));
  let opened = 0;
  const open = async (client: TestClient, name: string, languageId: string, text: string) => {
    const uri = pathToFileURL(path.join(workspace, `${++opened}-${name}`)).toString();
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  };

  test('a completion inserted at the cursor by a client that ignores the range does not double the opening mark', async () => {
    const client = startInProcess();
    try {
      await initialize(client);
      const line = 'Le Yucheng said "';
      const uri = await open(client, 'draft.md', 'markdown', `${line}\n`);
      const list = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 0, character: line.length } })) as CompletionList;
      const item = list.items.find(i => i.label.startsWith('No matter how difficult'))!;
      assert.ok(item && item.textEdit && 'range' in item.textEdit, list.items.map(i => i.label).join('\n'));
      assert.deepEqual(item.textEdit.range.start, { line: 0, character: line.length }, 'the edit starts after the mark');
      // Neovim 0.7's omnifunc inserts newText at the cursor (the keyword before it is empty here).
      assert.equal(line + item.textEdit.newText, 'Le Yucheng said "No matter how difficult and complex the issues may be, they should be put on the table" (China Daily, 13 August 2020)');
    } finally {
      await client.close();
    }
  });

  test('drafts by language id: `text` by default, and no language with a .md, .markdown or .txt name', async () => {
    const client = startInProcess();
    try {
      await initialize(client);
      const text = 'Qin said the two sides must talk.\n';
      const hover = async (uri: string) => client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 1 } });
      const cases: [string, string, boolean][] = [
        ['notes.txt', 'text', true], // Emacs text-mode, Helix
        ['notes.md', '', true], // Neovim without a filetype
        ['notes.markdown', 'fundamental', true], // Emacs fundamental-mode
        ['notes.txt', '', true],
        ['notes', '', false],
        ['notes.py', '', false],
        ['notes.md', 'python', false], // a language of its own, not the setting's
      ];
      for (const [name, languageId, draft] of cases) {
        const uri = await open(client, name, languageId, text);
        assert.equal(!!(await hover(uri)), draft, `${name} as "${languageId}"`);
      }
    } finally {
      await client.close();
    }
  });

  test('a missing corpus folder and skipped files are said once in window/showMessage, with details in the log', async () => {
    const corpus = path.join(workspace, 'corpus');
    mkdirSync(corpus);
    writeFileSync(path.join(corpus, 'huge.txt'), 'x'.repeat(1_200_000));
    writeFileSync(path.join(corpus, 'fine.txt'), 'A statement\n\n"We will keep talking," Minister Ana Sousa said.\n');
    const missing = path.join(workspace, 'no-such-folder');
    const client = startInProcess();
    const shown: string[] = [], logged: string[] = [];
    client.connection.onNotification(ShowMessageNotification.type, ({ message }) => void shown.push(message));
    client.connection.onNotification(LogMessageNotification.type, ({ message }) => void logged.push(message));
    try {
      await initialize(client, { corpusPaths: [corpus, missing], includeBundledSeeds: false, initializationOptions: { maxFileSizeMB: 1 } });
      assert.equal(shown.length, 2, shown.join('\n'));
      assert.match(shown.find(m => m.includes(missing)) ?? '', /corpus folder .*no-such-folder does not exist/);
      assert.match(shown.find(m => /skipped/.test(m)) ?? '', /skipped 1 corpus file \(huge\.txt: Skipped: 1\.1 MB is over the limit/);
      assert.ok(logged.some(m => m.includes('no-such-folder')), 'the log names the folder');
      assert.ok(logged.some(m => m.includes('huge.txt') && /over the limit/.test(m)), 'the log names the file');
      await client.connection.sendRequest(ReindexRequest, {});
      assert.equal(shown.length, 2, 'not said again on a reindex');
    } finally {
      await client.close();
    }
  });
});

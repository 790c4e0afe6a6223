import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CodeLensRequest,
  CodeLensResolveRequest,
  DidOpenTextDocumentNotification,
  ExecuteCommandRequest,
  HoverRequest,
  InitializeRequest,
  InitializedNotification,
  ShowMessageNotification,
  type ClientCapabilities,
  type InitializeResult,
  type MarkupContent,
} from 'vscode-languageserver-protocol';
import { SHOW_RELATED_STATEMENTS, type RelatedStatement } from '../../server/src/protocol';
import { SEEDS, startInProcess, type TestClient } from './serverHarness';

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
      assert.deepEqual(result.capabilities.executeCommandProvider?.commands, [SHOW_RELATED_STATEMENTS]);
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
      assert.equal(result.capabilities.executeCommandProvider, undefined, 'nothing for vscode-languageclient to register twice');
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


import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  ConfigurationRequest,
  createMessageConnection,
  DidChangeConfigurationNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  RegistrationRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  WorkDoneProgressCreateRequest,
  type CompletionList,
  type DidChangeWatchedFilesRegistrationOptions,
  type InitializeResult,
  type MarkupContent,
  type MessageConnection,
} from 'vscode-languageserver-protocol/node';
import { IndexedNotification, SHOW_RELATED_STATEMENTS, type IndexedParams } from '../../shared/protocol';
import { OPEN_PEOPLE_FILE_COMMAND } from '../../server/src/features/peopleFile';
import { ADDED_STATEMENT, editorWorld, readmeSnippet, type EditorWorld } from '../clients/world';

/** The capabilities Helix sends (helix-lsp/src/client.rs, `initialize`), as serde writes them. */
const HELIX_CAPABILITIES = {
  workspace: {
    configuration: true,
    didChangeConfiguration: { dynamicRegistration: false },
    workspaceFolders: true,
    applyEdit: true,
    symbol: { dynamicRegistration: false },
    executeCommand: { dynamicRegistration: false },
    inlayHint: { refreshSupport: false },
    workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'], failureHandling: 'abort', normalizesLineEndings: false },
    didChangeWatchedFiles: { dynamicRegistration: true, relativePatternSupport: false },
    fileOperations: { willRename: true, didRename: true },
  },
  textDocument: {
    completion: {
      completionItem: { snippetSupport: true, resolveSupport: { properties: ['documentation', 'detail', 'additionalTextEdits'] }, insertReplaceSupport: true, deprecatedSupport: true, tagSupport: { valueSet: [1] } },
      completionItemKind: {},
    },
    hover: { contentFormat: ['markdown'] },
    signatureHelp: { signatureInformation: { documentationFormat: ['markdown'], parameterInformation: { labelOffsetSupport: true }, activeParameterSupport: true } },
    rename: { dynamicRegistration: false, prepareSupport: true, honorsChangeAnnotations: false },
    formatting: { dynamicRegistration: false },
    codeAction: {
      codeActionLiteralSupport: { codeActionKind: { valueSet: ['', 'quickfix', 'refactor', 'refactor.extract', 'refactor.inline', 'refactor.rewrite', 'source', 'source.organizeImports'] } },
      isPreferredSupport: true,
      disabledSupport: true,
      dataSupport: true,
      resolveSupport: { properties: ['edit', 'command'] },
    },
    publishDiagnostics: { versionSupport: true, tagSupport: { valueSet: [1, 2] } },
    inlayHint: { dynamicRegistration: false },
  },
  window: { workDoneProgress: true },
  general: { positionEncodings: ['utf-8', 'utf-32', 'utf-16'] },
};

interface HelixLanguageServer {
  command: string;
  args?: string[];
  config?: Record<string, unknown>;
}

/**
 * Helix has no Debian package: this is its start-up, message for message, with the README's `languages.toml`.
 * It starts `command` with `args` from PATH, sends `config` as initializationOptions, answers
 * workspace/configuration from `config` by section, takes watcher registrations, and after `initialized`
 * sends `config` again in workspace/didChangeConfiguration.
 */
describe("Helix's initialization with the README's languages.toml (the built server, from PATH)", { timeout: 60_000 }, () => {
  let toml: { 'language-server': Record<string, HelixLanguageServer>; language: { name: string; 'language-servers': string[] }[] };
  let server: HelixLanguageServer;
  let world: EditorWorld;
  let connection: MessageConnection;
  let child: ChildProcess;
  let result: InitializeResult;
  const indexed: IndexedParams[] = [];
  const watchers: DidChangeWatchedFilesRegistrationOptions[] = [];
  let indexedListeners: (() => void)[] = [];
  const whenIndexed = (ready: (params: IndexedParams) => boolean) =>
    new Promise<void>(resolve => {
      const check = () => (indexed.some(ready) ? resolve() : indexedListeners.push(check));
      check();
    });

  before(async () => {
    // smol-toml is an ES module.
    const { parse } = await import('smol-toml');
    toml = parse(readmeSnippet('helix')) as unknown as typeof toml;
    server = toml['language-server']['statement-lens'];
    world = editorWorld('draft.md');
    child = spawn(server.command, server.args ?? [], { cwd: world.workspace, env: world.env, stdio: ['pipe', 'pipe', 'inherit'] });
    connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    connection.onNotification(IndexedNotification, params => {
      indexed.push(params);
      const waiting = indexedListeners;
      indexedListeners = [];
      waiting.forEach(check => check());
    });
    connection.onRequest(ConfigurationRequest.type, ({ items }) =>
      items.map(item => {
        let value: unknown = server.config;
        for (const part of item.section ? item.section.split('.') : []) value = (value as Record<string, unknown> | undefined)?.[part];
        return value ?? null;
      }),
    );
    connection.onRequest(RegistrationRequest.type, ({ registrations }) => {
      for (const registration of registrations) if (registration.method === 'workspace/didChangeWatchedFiles') watchers.push(registration.registerOptions as DidChangeWatchedFilesRegistrationOptions);
    });
    connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
    connection.listen();
    const root = pathToFileURL(world.workspace).toString();
    result = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      workspaceFolders: [{ uri: root, name: path.basename(world.workspace) }],
      rootPath: world.workspace,
      rootUri: root,
      initializationOptions: server.config,
      capabilities: HELIX_CAPABILITIES as never,
      trace: undefined,
      clientInfo: { name: 'helix', version: '25.01.1 (7275b7f8)' },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    await connection.sendNotification(DidChangeConfigurationNotification.type, { settings: server.config });
    await whenIndexed(params => params.documents === 6);
  });

  after(async () => {
    // As Helix stops a server: shutdown, then exit.
    const exited = new Promise(resolve => child.once('exit', resolve));
    await connection.sendRequest(ShutdownRequest.type).catch(() => undefined);
    await connection.sendNotification(ExitNotification.type).catch(() => undefined);
    await exited;
    connection.dispose();
    world.dispose();
  });

  test('the snippet names the server on PATH, and markdown uses it', () => {
    assert.equal(server.command, 'statement-lens-server');
    assert.deepEqual(server.args, ['--stdio']);
    assert.ok(toml.language.find(language => language.name === 'markdown')?.['language-servers'].includes('statement-lens'));
  });

  test('initialize: UTF-16 positions, the command Helix can run, ~/corpus from config indexed', () => {
    assert.ok(!result.capabilities.positionEncoding || result.capabilities.positionEncoding === 'utf-16');
    assert.deepEqual(result.capabilities.executeCommandProvider?.commands, [OPEN_PEOPLE_FILE_COMMAND, SHOW_RELATED_STATEMENTS]);
    assert.equal(indexed.at(-1)?.documents, 6, 'the five seeds and ~/corpus');
  });

  test('hover in Markdown without command links; completion edits after the mark', async () => {
    const uri = pathToFileURL(world.draft).toString();
    const text = 'Qin Gang said "\n';
    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 0, text } });
    const hover = await connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 1 } });
    const card = hover!.contents as MarkupContent;
    assert.equal(card.kind, 'markdown');
    assert.match(card.value, /\*\*Qin Gang\*\*/);
    assert.doesNotMatch(card.value, /command:/);
    const list = (await connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 0, character: 15 } })) as CompletionList;
    const edit = list.items[0]?.textEdit;
    assert.ok(edit && 'range' in edit, 'a completion with a text edit');
    assert.deepEqual(edit.range.start, { line: 0, character: 15 });
    assert.doesNotMatch(edit.newText, /^"/);
  });

  test('string-glob watchers (no relative patterns), and ~/corpus outside the workspace watched by the server', async () => {
    assert.equal(typeof watchers[0]?.watchers[0]?.globPattern, 'string');
    const started = performance.now();
    writeFileSync(path.join(world.corpus, 'added.txt'), ADDED_STATEMENT);
    await whenIndexed(params => params.documents === 7);
    assert.ok(performance.now() - started < 2000, `indexed after ${Math.round(performance.now() - started)} ms`);
  });
});

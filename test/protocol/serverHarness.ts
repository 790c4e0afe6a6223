import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver-protocol/node';
import { createConnection } from 'vscode-languageserver/node';
import { InitializeRequest, InitializedNotification, RegistrationRequest, WorkDoneProgressCreateRequest, ConfigurationRequest, type ClientCapabilities } from 'vscode-languageserver-protocol';
import { IndexedNotification, type IndexedParams } from '../../server/src/protocol';
import { startServer } from '../../server/src/server';

export const PROJECT = path.resolve(__dirname, '..', '..');
export const SEEDS = path.join(PROJECT, 'seeds');

export interface TestClient {
  readonly connection: MessageConnection;
  /** Resolves on the next `statementLens/indexed`. */
  nextIndexed(): Promise<IndexedParams>;
  close(): Promise<void>;
  /** The server's process id, when it runs as a child process (startStdio). */
  readonly pid?: number;
}

function wire(connection: MessageConnection, process?: ChildProcess): TestClient {
  const waiting: ((params: IndexedParams) => void)[] = [];
  connection.onNotification(IndexedNotification, params => waiting.splice(0).forEach(resolve => resolve(params)));
  // A plain client: accepts registrations and progress tokens, has no configuration to give.
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
  connection.onRequest(ConfigurationRequest.type, params => params.items.map(() => null));
  connection.listen();
  return {
    connection,
    nextIndexed: () => new Promise(resolve => waiting.push(resolve)),
    close: async () => {
      connection.dispose();
      process?.kill();
    },
  };
}

/** Starts the server in-process over a pair of streams. */
export function startInProcess(): TestClient {
  const toServer = new PassThrough(), toClient = new PassThrough();
  const serverConnection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  startServer(serverConnection, { bundledSeedsPath: SEEDS });
  return wire(createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer)));
}

/** Starts the built server as other editors do: `node server/out/main.js --stdio`. */
export function startStdio(): TestClient {
  const child = spawn(process.execPath, [path.join(PROJECT, 'server', 'out', 'main.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  return { ...wire(createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!)), child), pid: child.pid };
}

export interface InitializeOptions {
  corpusPaths?: string[];
  includeBundledSeeds?: boolean;
  workspace?: string;
  configuration?: boolean;
  /** The client's capabilities, in place of the plain client's (progress, watched files by registration). */
  capabilities?: ClientCapabilities;
  /** More initialization options, beside the corpus. */
  initializationOptions?: Record<string, unknown>;
}

/** initialize + initialized, then wait for the first full index. */
export async function initialize(client: TestClient, options: InitializeOptions = {}): Promise<IndexedParams> {
  const indexed = client.nextIndexed();
  await client.connection.sendRequest(InitializeRequest.type, {
    processId: null,
    rootUri: options.workspace ? pathToFileURL(options.workspace).toString() : null,
    workspaceFolders: options.workspace ? [{ uri: pathToFileURL(options.workspace).toString(), name: 'workspace' }] : null,
    capabilities: options.capabilities ?? { window: { workDoneProgress: true }, workspace: { configuration: options.configuration ?? false, didChangeWatchedFiles: { dynamicRegistration: true } } },
    initializationOptions: { corpusPaths: options.corpusPaths ?? [], includeBundledSeeds: options.includeBundledSeeds ?? true, ...options.initializationOptions },
  });
  await client.connection.sendNotification(InitializedNotification.type, {});
  return indexed;
}

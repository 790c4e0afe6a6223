import { spawn, type ChildProcess } from 'node:child_process';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type Message, type MessageConnection } from 'vscode-languageserver-protocol/node';
import { InitializeRequest, InitializedNotification, RegistrationRequest, WorkDoneProgressCreateRequest, ConfigurationRequest, type ClientCapabilities } from 'vscode-languageserver-protocol';
import { IndexedNotification, type IndexedParams } from '../../shared/protocol';
import { startServer } from '../../server/src/server';
import { createStreamConnection } from '../../server/src/transport';

export const PROJECT = path.resolve(__dirname, '..', '..');
export const SEEDS = path.join(PROJECT, 'seeds');

export interface TestClient {
  readonly connection: MessageConnection;
  /** Resolves on the next `statementLens/indexed`. */
  nextIndexed(): Promise<IndexedParams>;
  /** Calls `listener` on every `statementLens/indexed` (the connection takes one handler per method). */
  onIndexed(listener: (params: IndexedParams) => void): void;
  close(): Promise<void>;
  /** The server's process id, when it runs as a child process (startStdio). */
  readonly pid?: number;
}

function wire(connection: MessageConnection, process?: ChildProcess): TestClient {
  const waiting: ((params: IndexedParams) => void)[] = [];
  const listeners: ((params: IndexedParams) => void)[] = [];
  connection.onNotification(IndexedNotification, params => {
    listeners.forEach(listener => listener(params));
    waiting.splice(0).forEach(resolve => resolve(params));
  });
  // A plain client: accepts registrations and progress tokens, has no configuration to give.
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
  connection.onRequest(ConfigurationRequest.type, params => params.items.map(() => null));
  connection.listen();
  return {
    connection,
    nextIndexed: () => new Promise(resolve => waiting.push(resolve)),
    onIndexed: listener => void listeners.push(listener),
    close: async () => {
      connection.dispose();
      process?.kill();
    },
  };
}

/** Starts the server in-process over a pair of streams. */
export function startInProcess(): TestClient {
  const toServer = new PassThrough(), toClient = new PassThrough();
  // The same transport as `--stdio`, so the lifecycle rules hold in-process too; nothing here may exit.
  const serverConnection = createStreamConnection(toServer, toClient, { exit: () => undefined });
  startServer(serverConnection, { bundledSeedsPath: SEEDS });
  return wire(createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer)));
}

/** Starts the built server as other editors do: `node server/out/main.js --stdio`. */
export function startStdio(): TestClient {
  const child = spawn(process.execPath, [path.join(PROJECT, 'server', 'out', 'main.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  return { ...wire(createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin)), child), pid: child.pid };
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

/** The built server over stdio, written to byte by byte: what a client with a framing bug does to it. */
export class RawClient {
  readonly child: ChildProcess;
  readonly received: Message[] = [];
  stderr = '';
  readonly exited: Promise<number | null>;
  private waiting: (() => void)[] = [];

  constructor() {
    this.child = spawn(process.execPath, [path.join(PROJECT, 'server', 'out', 'main.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.child.stderr!.on('data', chunk => (this.stderr += chunk));
    new StreamMessageReader(this.child.stdout!).listen(message => {
      this.received.push(message);
      this.waiting.splice(0).forEach(wake => wake());
    });
    this.exited = new Promise(resolve => this.child.on('exit', code => resolve(code)));
  }

  send(body: string, contentLength = Buffer.byteLength(body)): void {
    this.child.stdin!.write(`Content-Length: ${contentLength}\r\n\r\n${body}`);
  }

  request(id: number, method: string, params: unknown): string {
    return JSON.stringify({ jsonrpc: '2.0', id, method, params });
  }

  /** The first message received that matches, waiting for it. */
  async message(matches: (message: Message) => boolean): Promise<Message> {
    for (;;) {
      const found = this.received.find(matches);
      if (found) return found;
      await new Promise<void>(resolve => this.waiting.push(resolve));
    }
  }

  /** The exit code, or a failure if the server is still running after `ms`. */
  async exitWithin(ms: number): Promise<number | null> {
    let timer: NodeJS.Timeout | undefined;
    const code = await Promise.race([this.exited, new Promise<'running'>(resolve => (timer = setTimeout(() => resolve('running'), ms)))]);
    clearTimeout(timer);
    if (code === 'running') {
      this.child.kill();
      assert.fail(`still running after ${ms} ms`);
    }
    return code;
  }
}

export const RAW_INITIALIZE_PARAMS = { processId: null, rootUri: null, capabilities: {}, initializationOptions: { includeBundledSeeds: false } };

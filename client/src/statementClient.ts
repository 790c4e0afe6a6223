import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CARD_COMMANDS } from '../../server/src/markdown';
import { RelatedStatementsRequest, type RelatedStatement } from '../../server/src/protocol';
import { DocumentRequest, DocumentsRequest, IndexedNotification, ReindexRequest, SearchQuotesRequest, type DocumentDetail, type DocumentSummary, type IndexedParams, type QuoteHit } from '../../server/src/protocol';

/**
 * The client's only way to talk to the language server: starts it, restarts it if it dies, and wraps every
 * custom request in a typed method.
 */
export class StatementClient implements vscode.Disposable {
  private readonly client: LanguageClient;
  private readonly indexedEmitter = new vscode.EventEmitter<IndexedParams>();
  private readonly disposables: vscode.Disposable[] = [this.indexedEmitter];
  /** The latest `statementLens/indexed` figures, once the first pass is done. */
  lastIndexed: IndexedParams | undefined;
  readonly onDidIndex = this.indexedEmitter.event;

  constructor(context: vscode.ExtensionContext, readonly outputChannel: vscode.LogOutputChannel) {
    const serverModule = context.asAbsolutePath('server/out/main.js');
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6010'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [
        { scheme: 'file', language: 'statement' },
        { scheme: 'file', language: 'markdown' },
        { scheme: 'file', language: 'plaintext' },
      ],
      outputChannel,
      synchronize: { configurationSection: 'statementLens' },
      // Hover cards may link to these commands and no others; corpus text inside them is escaped by the server.
      markdown: { isTrusted: { enabledCommands: [...CARD_COMMANDS] }, supportHtml: false },
      initializationOptions: {},
    };
    this.client = new LanguageClient('statementLens', 'Statement Lens', serverOptions, clientOptions);
    this.disposables.push(
      this.client.onNotification(IndexedNotification, params => {
        this.lastIndexed = params;
        this.indexedEmitter.fire(params);
      }),
      this.client.onDidChangeState(event => {
        if (event.oldState === State.Running && event.newState !== State.Running) outputChannel.warn('The Statement Lens server stopped; the client restarts it.');
      }),
    );
  }

  start(): Promise<void> {
    return this.client.start();
  }

  get isRunning(): boolean {
    return this.client.isRunning();
  }

  documents(): Promise<DocumentSummary[]> {
    return this.client.sendRequest(DocumentsRequest, {});
  }

  document(uri: vscode.Uri): Promise<DocumentDetail | null> {
    return this.client.sendRequest(DocumentRequest, { uri: uri.toString() });
  }

  searchQuotes(query: string, limit: number, token?: vscode.CancellationToken): Promise<QuoteHit[]> {
    return this.client.sendRequest(SearchQuotesRequest, { query, limit }, token);
  }

  relatedStatements(target: { uri: vscode.Uri; position: vscode.Position } | { text: string }, limit = 30, token?: vscode.CancellationToken): Promise<RelatedStatement[]> {
    const params = 'text' in target ? { text: target.text, limit } : { uri: target.uri.toString(), position: { line: target.position.line, character: target.position.character }, limit };
    return this.client.sendRequest(RelatedStatementsRequest, params, token);
  }

  reindex(): Promise<IndexedParams> {
    return this.client.sendRequest(ReindexRequest, {});
  }

  /** Resolves after the next `statementLens/indexed`, or at once if the server has indexed already. */
  whenIndexed(): Promise<IndexedParams> {
    if (this.lastIndexed) return Promise.resolve(this.lastIndexed);
    return new Promise(resolve => {
      const listener = this.onDidIndex(params => {
        listener.dispose();
        resolve(params);
      });
    });
  }

  /** The process id of the server, for the crash-recovery test. */
  get serverProcessId(): number | undefined {
    return (this.client as unknown as { _serverProcess?: { pid?: number } })._serverProcess?.pid;
  }

  async dispose(): Promise<void> {
    this.disposables.forEach(d => d.dispose());
    await this.client.dispose();
  }
}

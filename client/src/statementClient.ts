import * as vscode from 'vscode';
import { CloseAction, ErrorAction, LanguageClient, TransportKind, type CloseHandlerResult, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { CARD_COMMANDS } from '../../shared/markdown';
import type { InitializationOptions } from '../../shared/settings';
import { CitationsRequest, PhraseTimelineRequest, RelatedStatementsRequest, TimelineRequest, type CslItem, type RelatedStatement, type TimelineStatement } from '../../shared/protocol';
import { ClearIndexCacheRequest, DocumentRequest, DocumentsRequest, IndexedNotification, IndexingStartedNotification, PeopleRequest, ReindexRequest, SearchQuotesRequest, type DocumentDetail, type DocumentSummary, type IndexedParams, type PersonSummary, type QuoteHit } from '../../shared/protocol';

const MAX_CRASHES = { count: 5, withinMs: 3 * 60_000 };

/**
 * The client's only way to talk to the language server: starts it, restarts it if it dies, and wraps every
 * custom request in a typed method.
 */
export class StatementClient implements vscode.Disposable {
  private readonly client: LanguageClient;
  private readonly indexedEmitter = new vscode.EventEmitter<IndexedParams>();
  private readonly indexingEmitter = new vscode.EventEmitter<void>();
  private readonly disposables: vscode.Disposable[] = [this.indexedEmitter, this.indexingEmitter];
  /** Times the server died and was started again in this session. */
  restarts = 0;
  private readonly crashTimes: number[] = [];
  /** The latest `statementLens/indexed` figures, once the first pass is done. */
  lastIndexed: IndexedParams | undefined;
  readonly onDidIndex = this.indexedEmitter.event;
  /** A full pass started on the server (a corpus setting changed, a reindex, start-up). */
  readonly onDidStartIndexing = this.indexingEmitter.event;

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
      // No `synchronize.configurationSection`: the server registers for statementLens changes itself, and a second
      // source of the same notification cost a second full pass on every start.
      // Hover cards may link to these commands and no others; corpus text inside them is escaped by the server.
      markdown: { isTrusted: { enabledCommands: [...CARD_COMMANDS] }, supportHtml: false },
      // This client runs the extension's commands (card links, code lenses) itself; see InitializationOptions.
      // The index cache lives in the extension's global storage, which VS Code removes with the extension.
      initializationOptions: { commandLinks: true, cacheDirectory: vscode.Uri.joinPath(context.globalStorageUri, 'index-cache').fsPath } satisfies InitializationOptions,
      errorHandler: {
        // A failed read or write is followed by `closed` when the process is gone; one place decides.
        error: () => ({ action: ErrorAction.Continue, handled: true }),
        closed: () => this.serverClosed(),
      },
    };
    this.client = new LanguageClient('statementLens', 'Statement Lens', serverOptions, clientOptions);
    this.disposables.push(
      this.client.onNotification(IndexedNotification, params => {
        this.lastIndexed = params;
        this.indexedEmitter.fire(params);
      }),
      this.client.onNotification(IndexingStartedNotification, () => this.indexingEmitter.fire()),
    );
  }

  /**
   * The server process died: start it again and say so once, in a notification and the output. A server that
   * keeps dying (5 times in 3 minutes) is left stopped, with a message saying how to start it again.
   */
  private serverClosed(): CloseHandlerResult {
    const now = Date.now();
    this.crashTimes.push(now);
    while (this.crashTimes.length && now - this.crashTimes[0] > MAX_CRASHES.withinMs) this.crashTimes.shift();
    if (this.crashTimes.length >= MAX_CRASHES.count) {
      const message = `The Statement Lens server stopped ${MAX_CRASHES.count} times in 3 minutes and will not be restarted. Run "Statement Lens: Reindex Corpus" or reload the window to start it again.`;
      this.outputChannel.error(message);
      void vscode.window.showErrorMessage(message, 'Show Output').then(choice => choice && this.outputChannel.show());
      return { action: CloseAction.DoNotRestart, handled: true };
    }
    this.restarts++;
    this.lastIndexed = undefined;
    this.outputChannel.warn('The Statement Lens server stopped unexpectedly; restarting it.');
    void vscode.window.showWarningMessage('The Statement Lens server stopped unexpectedly and was restarted.', 'Show Output').then(choice => choice && this.outputChannel.show());
    return { action: CloseAction.Restart, handled: true };
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

  /** Resolved people whose names or aliases contain `query`, most documents first. */
  async people(query?: string, limit?: number, token?: vscode.CancellationToken): Promise<PersonSummary[]> {
    return (await this.client.sendRequest(PeopleRequest, { ...(query ? { query } : {}), ...(limit ? { limit } : {}) }, token)).people;
  }

  searchQuotes(query: string, limit: number, token?: vscode.CancellationToken): Promise<QuoteHit[]> {
    return this.client.sendRequest(SearchQuotesRequest, { query, limit }, token);
  }

  relatedStatements(target: { uri: vscode.Uri; position: vscode.Position } | { text: string }, limit = 30, token?: vscode.CancellationToken): Promise<RelatedStatement[]> {
    const params = 'text' in target ? { text: target.text, limit } : { uri: target.uri.toString(), position: { line: target.position.line, character: target.position.character }, limit };
    return this.client.sendRequest(RelatedStatementsRequest, params, token);
  }

  /** A person's quotations in date order; `person` is a name or alias as a writer types it. */
  timeline(person: string, token?: vscode.CancellationToken): Promise<TimelineStatement[]> {
    return this.client.sendRequest(TimelineRequest, { person }, token);
  }

  /** The quotations that use a phrase, in date order. */
  phraseTimeline(phrase: string, limit?: number, token?: vscode.CancellationToken): Promise<TimelineStatement[]> {
    return this.client.sendRequest(PhraseTimelineRequest, { phrase, ...(limit ? { limit } : {}) }, token);
  }

  /** The sources of a draft's quotations, as CSL-JSON items; an untitled draft (never synced to the server) sends its text. */
  citations(draft: vscode.TextDocument): Promise<CslItem[]> {
    return this.client.sendRequest(CitationsRequest, draft.uri.scheme === 'file' ? { uri: draft.uri.toString() } : { text: draft.getText() });
  }

  /** Re-reads the corpus; starts the server first if it was left stopped after repeated crashes. */
  async reindex(): Promise<IndexedParams> {
    if (!this.client.isRunning()) {
      this.crashTimes.length = 0;
      await this.client.start();
    }
    return this.client.sendRequest(ReindexRequest, {});
  }

  /** Deletes the index cache and re-reads the corpus from its files; starts the server first if it was left stopped. */
  async clearIndexCache(): Promise<IndexedParams & { cacheDirectory: string | null }> {
    if (!this.client.isRunning()) {
      this.crashTimes.length = 0;
      await this.client.start();
    }
    return this.client.sendRequest(ClearIndexCacheRequest, {});
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

  /** Stops the server, giving it time to finish writing the index cache before it answers `shutdown`. */
  stop(): Promise<void> {
    return this.client.stop(10_000);
  }

  async dispose(): Promise<void> {
    for (const disposable of this.disposables) disposable.dispose();
    await this.client.dispose();
  }
}

import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  MarkupContent,
  MessageType,
  Position,
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type FileEvent,
  type InitializeResult,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CorpusIndexer, formatCitation, QuoteChecker, type IndexReport, type QuoteCheck, type StatementParser } from './core';
import { boundQuery } from './core/queryBounds';
import { FileSystemCorpusHost, resolveRoots, uriOf } from './corpusFiles';
import { CorpusWatcher } from './corpusWatcher';
import { FileEventQueue } from './fileEvents';
import { detailOf, personSummaryOf, rangeOf, summaryOf } from './convert';
import { quotationLenses, resolveQuotationLens } from './features/codeLens';
import { definitionAt } from './features/definition';
import { documentLinks } from './features/documentLinks';
import { hoverAt } from './features/hover';
import { attributeActions, quotationHover, quoteDiagnostics, quoteFixes } from './features/quoteCheck';
import { quoteCompletions } from './features/quoteCompletion';
import { OPEN_PEOPLE_FILE_COMMAND, peopleFileActions } from './features/peopleFile';
import { referencesAt, type Draft } from './features/references';
import { relatedStatements, relatedStatementsMessage, statementAt } from './features/relatedStatements';
import { SEMANTIC_LEGEND, semanticTokens } from './features/semanticTokens';
import { workspaceSymbols } from './features/workspaceSymbols';
import { DocumentRequest, DocumentsRequest, IndexedNotification, IndexingStartedNotification, PeopleRequest, ReindexRequest, RelatedStatementsRequest, SearchQuotesRequest, SHOW_RELATED_STATEMENTS, type IndexedParams, type QuoteHit, type RelatedStatement } from './protocol';
import { markdownToPlainText } from './markdown';
import { ReindexScheduler } from './reindexScheduler';
import { isDraftLanguage, SettingsStore, type InitializationOptions, type ServerSettings } from './settings';

const MAX_WORKSPACE_DRAFTS = 2000;
const MAX_DRAFT_BYTES = 2_000_000;
/** The files under a corpus folder whose changes matter: documents and sidecar metadata. */
const WATCHED_GLOB = '**/*.{txt,md,markdown,yaml,yml,tsv}';

/** The LSP answer to a request the client cancelled: no result, and no further work done for it. */
const cancelled = () => new ResponseError<void>(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');

export interface ServerDependencies {
  /** Folder of the corpus shipped with the extension. */
  readonly bundledSeedsPath: string;
  /** Parses documents off the main thread during full passes (main.ts passes a worker pool). */
  readonly parser?: StatementParser;
}

/**
 * Wires the language server onto a connection. Each handler is a short adapter over the core; the stdio entry
 * point (main.ts) and the in-process tests both call this.
 */
export function startServer(connection: Connection, dependencies: ServerDependencies): void {
  const documents = new TextDocuments(TextDocument);
  let workspaceFolders: string[] = [];
  let canPullConfiguration = false, canRegisterConfiguration = false, canWatchDynamically = false, canWatchRelativePatterns = false, canReportProgress = false;
  /** How hover cards are written for this client: command links, Markdown or plain text. */
  let cards = { commandLinks: false, markdown: true };
  let settings!: SettingsStore;
  let host = new FileSystemCorpusHost([]);
  let indexer = new CorpusIndexer(host);
  let checker = new QuoteChecker(indexer.index);
  const log = (message: string) => connection.console.log(message);
  /**
   * A message the user must see. A notification, not vscode-languageserver's `show…Message`, which sends
   * `window/showMessageRequest`: Neovim answers that with a prompt that waits for a key.
   */
  const showMessage = (type: MessageType, message: string) => void connection.sendNotification(ShowMessageNotification.type, { type, message });
  const indexingFailed = (error: unknown) => log(`Indexing failed: ${error instanceof Error ? error.stack : error}`);
  const diagnosed = new Set<string>();

  connection.onInitialize(params => {
    const capabilities = params.capabilities;
    canPullConfiguration = !!capabilities.workspace?.configuration;
    canRegisterConfiguration = !!capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    canWatchDynamically = !!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    canWatchRelativePatterns = !!capabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport;
    canReportProgress = !!capabilities.window?.workDoneProgress;
    workspaceFolders = (params.workspaceFolders ?? []).map(folder => uriToPath(folder.uri)).filter((p): p is string => !!p);
    if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [uriToPath(params.rootUri)].filter((p): p is string => !!p);
    const initializationOptions = (params.initializationOptions ?? {}) as InitializationOptions;
    settings = new SettingsStore(connection, () => canPullConfiguration, initializationOptions);
    const hoverFormats = capabilities.textDocument?.hover?.contentFormat;
    cards = { commandLinks: initializationOptions.commandLinks === true, markdown: !hoverFormats || hoverFormats.includes('markdown') };
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        workspace: { workspaceFolders: { supported: true } },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        workspaceSymbolProvider: true,
        documentLinkProvider: { resolveProvider: false },
        codeLensProvider: { resolveProvider: true },
        semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true },
        completionProvider: { triggerCharacters: ['"', '“'] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, CodeActionKind.Refactor] },
        // The VS Code client runs Show Related Statements itself (and would register it twice).
        executeCommandProvider: { commands: [OPEN_PEOPLE_FILE_COMMAND, ...(cards.commandLinks ? [] : [SHOW_RELATED_STATEMENTS])] },
      },
      serverInfo: { name: 'statement-lens-server', version: '0.1.0' },
    };
    return result;
  });

  connection.onInitialized(async () => {
    // Only where the client says it takes the registration (eglot warns about every one it does not know);
    // a client may still refuse it, which costs the feature, never the server.
    if (canPullConfiguration && canRegisterConfiguration) connection.client.register(DidChangeConfigurationNotification.type, { section: 'statementLens' }).catch(error => log(`The client did not register for configuration changes: ${messageOf(error)}`));
    await reindexAll().catch(indexingFailed);
  });

  /** The corpus settings the latest pass read, to tell a change that needs a new pass from one that does not. */
  let corpusSettingsIndexed: string | undefined;
  const reindexing = new ReindexScheduler(async (): Promise<IndexReport> => {
    const current = await settings.get();
    corpusSettingsIndexed = corpusSettingsOf(current);
    const paths = [...(current.includeBundledSeeds ? [dependencies.bundledSeedsPath] : []), ...current.corpusPaths];
    host = new FileSystemCorpusHost(resolveRoots(paths, workspaceFolders), log);
    indexer = new CorpusIndexer(host, { limits: { maxFileBytes: current.maxFileSizeMB * 1024 * 1024, maxLineLength: current.maxLineLength }, parser: dependencies.parser });
    checker = new QuoteChecker(indexer.index);
    for (const open of documents.all()) if (host.contains(open.uri) && !host.isAlias(open.uri)) indexer.documentEdited(open.uri, open.getText());
    await watchCorpus();
    void connection.sendNotification(IndexingStartedNotification, {}).catch(() => undefined);
    const progress = canReportProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('Statement Lens: indexing corpus', 0, undefined, true);
    let report: IndexReport;
    try {
      let lastPercent = -1;
      report = await indexer.indexAll(progress?.token, (done, total) => {
        const percent = Math.floor((done / total) * 100);
        if (percent !== lastPercent) progress?.report(percent, `${done}/${total} documents`);
        lastPercent = percent;
      });
    } finally {
      // Ended however the pass ends, so no "indexing 126/12543" stays on screen.
      progress?.done();
    }
    warmUp(indexer);
    log(`Indexed ${report.documents} documents, ${report.quotes} quotes, ${report.people} people in ${report.durationMs} ms from ${host.roots.map(r => r.folder + (r.glob ? '/' + r.glob : '')).join(', ')}${report.emptyFiles ? ` (${report.emptyFiles} empty files skipped)` : ''}`);
    tellWhatWasMissed(report);
    // With another pass queued this corpus is about to be replaced: its figures would be untrue by the time they
    // are shown, and drafts would be checked against it only to be checked again.
    if (!reindexing.hasQueuedPass) announce(report);
    return report;
  });
  /** Resolves when the index is complete: no full pass runs or waits to run. */
  const corpusReady = () => reindexing.idle();

  /** Starts a full pass, or joins the one queued after the running pass (reindexScheduler.ts). */
  function reindexAll(): Promise<IndexReport> {
    return reindexing.request();
  }

  /** What the user has been told (`window/showMessage`), so that a reindex does not say it again. */
  const told = new Set<string>();
  const tellOnce = (key: string, type: MessageType, message: string) => {
    if (told.has(key)) return;
    told.add(key);
    showMessage(type, message);
  };

  /**
   * A missing corpus folder and files left out are said where a user sees them, once; the log has the
   * details. Neovim and Emacs users never see the log unless they go looking.
   */
  function tellWhatWasMissed(report: IndexReport): void {
    for (const root of host.roots) {
      if (!existsSync(root.folder)) tellOnce(`missing ${root.folder}`, MessageType.Warning, `Statement Lens: the corpus folder ${root.folder} does not exist; check corpusPaths (statementLens.corpus.paths).`);
    }
    const skipped = [...new Map(report.problems.filter(problem => problem.severity !== 'info' && !indexer.index.get(problem.uri)).map(problem => [problem.uri, problem])).values()];
    if (skipped.length === 0) return;
    const [first] = skipped;
    const example = `${decodeURIComponent(first.uri.slice(first.uri.lastIndexOf('/') + 1))}: ${first.message}`;
    tellOnce(`skipped ${skipped.map(problem => problem.uri).sort().join(' ')}`, MessageType.Warning, `Statement Lens skipped ${skipped.length} corpus file${skipped.length === 1 ? '' : 's'} (${example}${skipped.length > 1 ? ' …' : ''}). The server log lists each with its reason.`);
  }

  /** Finishes deferred search-index work between requests, so the first fuzzy search is as fast as the rest. */
  function warmUp(target: CorpusIndexer): void {
    const step = () => {
      if (target === indexer && target.index.warmUp()) setImmediate(step);
    };
    setImmediate(step);
  }

  function announce(report: IndexReport): IndexedParams {
    publishProblems(report);
    // The corpus changed: what the open drafts quote may now be found, or gone.
    for (const document of documents.all()) if (!host.contains(document.uri)) scheduleQuoteCheck(document.uri, 0);
    const params: IndexedParams = { documents: report.documents, quotes: report.quotes, people: report.people, durationMs: report.durationMs };
    void connection.sendNotification(IndexedNotification, params);
    return params;
  }

  function publishProblems(report: IndexReport): void {
    const byUri = new Map<string, Diagnostic[]>();
    for (const problem of report.problems) {
      const document = indexer.index.get(problem.uri);
      const range = document && problem.span ? rangeOf(document, problem.span) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      const severity = problem.severity === 'error' ? DiagnosticSeverity.Error : problem.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
      byUri.set(problem.uri, [...(byUri.get(problem.uri) ?? []), { range, severity, message: problem.message, source: 'Statement Lens' }]);
    }
    for (const uri of diagnosed) if (!byUri.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    diagnosed.clear();
    for (const [uri, diagnostics] of byUri) {
      diagnosed.add(uri);
      log(`${uri}: ${diagnostics.map(d => d.message).join('; ')}`);
      void connection.sendDiagnostics({ uri, diagnostics });
    }
  }

  let watcherRegistration: { dispose(): void } | undefined;
  let serverWatcher: CorpusWatcher | undefined;
  /**
   * Keeps the index in step with the corpus folders on disk. The client watches them when it can: string globs
   * unless it declares `relativePatternSupport` (eglot 1.9 fails on RelativePattern objects). The server watches
   * a folder itself when the client cannot (no dynamic registration, as in Neovim 0.7, or a refused one), and
   * when a client without relative patterns could not see it (outside every workspace folder: eglot 1.9
   * watches only its project's folders).
   */
  async function watchCorpus(): Promise<void> {
    watcherRegistration?.dispose();
    watcherRegistration = undefined;
    serverWatcher?.dispose();
    serverWatcher = undefined;
    const roots = host.roots;
    let clientWatches = false;
    if (canWatchDynamically && roots.length) {
      const watchers = roots.map(root => ({ globPattern: canWatchRelativePatterns ? { baseUri: uriOf(root.folder), pattern: WATCHED_GLOB } : `${root.folder.split(path.sep).join('/')}/${WATCHED_GLOB}` }));
      try {
        watcherRegistration = await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
        clientWatches = true;
      } catch (error) {
        log(`The client refused to watch the corpus folders (${messageOf(error)}); the server watches them itself.`);
      }
    }
    const inWorkspace = (folder: string) => workspaceFolders.some(workspace => !path.relative(workspace, folder).startsWith('..') && !path.isAbsolute(path.relative(workspace, folder)));
    const ownRoots = roots.filter(root => !clientWatches || (!canWatchRelativePatterns && !inWorkspace(root.folder)));
    if (ownRoots.length === 0) return;
    const watcher = new CorpusWatcher(changes => void applyFileChanges(changes), { log });
    serverWatcher = watcher;
    for (const root of ownRoots) await watcher.add(root.folder);
    log(`Watching ${watcher.folderCount} corpus folder${watcher.folderCount === 1 ? '' : 's'} from the server`);
  }

  // Merged per file and applied at most once per interval (fileEvents.ts), yielding to requests as it goes; the
  // client's notifications and the server's own watcher (corpusWatcher.ts) both come here.
  const fileEvents = new FileEventQueue(async batch => {
    await corpusReady();
    let report: IndexReport | undefined, done = 0;
    for (const [uri, fate] of batch) {
      if (documents.get(uri)) continue;
      if (fate === 'deleted' && !indexer.index.get(uri)) {
        // A deleted folder: every document under it is gone.
        const under = uri.endsWith('/') ? uri : `${uri}/`;
        for (const document of [...indexer.index.all()]) if (document.uri.startsWith(under) && !documents.get(document.uri)) report = indexer.fileDeleted(document.uri);
      }
      if (!host.contains(uri)) continue;
      report = fate === 'deleted' ? indexer.fileDeleted(uri) : await indexer.fileChanged(uri);
      if (++done % 50 === 0) await new Promise(resolve => setImmediate(resolve));
    }
    if (report) announce(report);
  });
  connection.onDidChangeWatchedFiles(({ changes }) => fileEvents.add(changes ?? []));
  connection.onExit(() => serverWatcher?.dispose());

  /** Files created, changed or deleted on disk (reported by the client or the server's own watcher). */
  function applyFileChanges(changes: FileEvent[]): void {
    fileEvents.add(changes);
  }

  // Only a change to statementLens.corpus.* needs a new pass; others (citation format, draft languages, quote
  // check) apply to the next request, and open drafts are checked again under them.
  connection.onDidChangeConfiguration(async () => {
    settings.invalidate();
    const current = await settings.get();
    // No await between the comparison and the request: a draft check waiting on these settings then waits for the pass.
    if (corpusSettingsOf(current) !== corpusSettingsIndexed) {
      corpusSettingsIndexed = corpusSettingsOf(current);
      void reindexAll().catch(indexingFailed);
    }
    for (const document of documents.all()) if (!host.contains(document.uri)) scheduleQuoteCheck(document.uri, 0);
  });

  // Drafts: every quotation checked against the corpus, debounced so typing stays fast.
  /** Per draft, the checks of one document version against one state of the corpus. */
  const draftChecks = new Map<string, { version: number; checker: QuoteChecker; corpus: number; checks: QuoteCheck[] }>();
  const pendingChecks = new Map<string, NodeJS.Timeout>();
  function scheduleQuoteCheck(uri: string, delay: number): void {
    clearTimeout(pendingChecks.get(uri));
    pendingChecks.set(uri, setTimeout(() => {
      pendingChecks.delete(uri);
      void checkDraft(uri);
    }, delay));
  }

  /** The checks of a draft as it is now: cached per version and corpus state, else run and published. */
  async function checkDraft(uri: string): Promise<QuoteCheck[]> {
    // Settings first: a settings change starts a new pass, which the check must then wait for.
    const current = await settings.get();
    await corpusReady();
    const document = documents.get(uri);
    if (!document || host.contains(uri)) return [];
    if (!current.quoteCheck || !isDraftLanguage(document, current.hoverLanguages)) {
      if (draftChecks.delete(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
      return [];
    }
    const cached = draftChecks.get(uri);
    if (cached && cached.version === document.version && cached.checker === checker && cached.corpus === indexer.index.version) return cached.checks;
    const started = performance.now();
    const checks = checker.check(document.getText());
    const elapsed = performance.now() - started;
    if (elapsed > 200) log(`Quote check of ${uri} took ${Math.round(elapsed)} ms (${checks.length} quotations)`);
    draftChecks.set(uri, { version: document.version, checker, corpus: indexer.index.version, checks });
    void connection.sendDiagnostics({ uri, version: document.version, diagnostics: quoteDiagnostics(indexer.index, document, checks) });
    return checks;
  }

  // Open corpus documents are indexed as they are edited, debounced so typing stays fast.
  const pendingEdits = new Map<string, NodeJS.Timeout>();
  documents.onDidChangeContent(({ document }) => {
    if (!host.contains(document.uri)) {
      scheduleQuoteCheck(document.uri, 300);
      return;
    }
    // A corpus file opened through a link: the index knows it by its listed path, which it keeps.
    if (host.isAlias(document.uri)) return;
    clearTimeout(pendingEdits.get(document.uri));
    pendingEdits.set(document.uri, setTimeout(async () => {
      pendingEdits.delete(document.uri);
      // Mid-pass, an announcement would report a partial corpus ("3 docs"); the pass reads open documents too.
      await corpusReady();
      const current = documents.get(document.uri);
      if (current) announce(indexer.documentEdited(current.uri, current.getText()));
    }, 200));
  });
  documents.onDidClose(({ document }) => {
    clearTimeout(pendingChecks.get(document.uri));
    if (draftChecks.delete(document.uri)) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
    if (!host.contains(document.uri) || host.isAlias(document.uri)) return;
    void corpusReady()
      .then(() => indexer.documentClosed(document.uri))
      .then(() => announce({ ...indexer.index.stats(), durationMs: 0, problems: indexer.problems() }));
  });

  /** Whether name features apply to this document: corpus files, and drafts in the configured languages. */
  const namesApply = async (uri: string): Promise<TextDocument | undefined> => {
    const document = documents.get(uri);
    if (!document) return undefined;
    if (host.contains(uri)) return document;
    return isDraftLanguage(document, (await settings.get()).hoverLanguages) ? document : undefined;
  };

  connection.onHover(async ({ textDocument, position }, token) => {
    await corpusReady();
    if (token.isCancellationRequested) return cancelled();
    const document = await namesApply(textDocument.uri);
    if (!document) return null;
    const onName = hoverAt(indexer.index, document, position, cards);
    const hover = onName || host.contains(textDocument.uri) ? onName : quotationHover(indexer.index, document, position, await checkDraft(textDocument.uri), cards);
    // A client that reads only plain text (eglot without markdown-mode) gets the card without markup.
    if (hover && !cards.markdown && MarkupContent.is(hover.contents)) hover.contents = { kind: 'plaintext', value: markdownToPlainText(hover.contents.value) };
    return hover;
  });

  connection.onCompletion(async ({ textDocument, position }, token) => {
    await corpusReady();
    if (token.isCancellationRequested) return cancelled();
    const document = await namesApply(textDocument.uri);
    if (!document || host.contains(textDocument.uri)) return null;
    const { citationFormat, sourceFormat } = await settings.get();
    const completions = quoteCompletions(indexer.index, document, position, { citationFormat, sourceFormat }, token);
    return token.isCancellationRequested ? cancelled() : completions;
  });

  connection.onCodeAction(async ({ textDocument, range, context }, token) => {
    await corpusReady();
    if (token.isCancellationRequested) return cancelled();
    const document = await namesApply(textDocument.uri);
    if (!document || host.contains(textDocument.uri)) return [];
    const actions = [
      ...quoteFixes(textDocument.uri, context.diagnostics),
      ...attributeActions(checker, indexer.index, document, range, await checkDraft(textDocument.uri), (await settings.get()).citationFormat),
      ...peopleFileActions(indexer.index, document, range, peopleFile()),
    ];
    const only = context.only;
    return only ? actions.filter(action => only.some(kind => action.kind === kind || action.kind?.startsWith(`${kind}.`))) : actions;
  });

  /** people.yaml of the first corpus folder the user gave (never the bundled seeds), with its text if it exists. */
  function peopleFile(): { uri: string; current: string | undefined } | undefined {
    const folder = host.roots.map(root => root.folder).find(root => path.resolve(root) !== path.resolve(dependencies.bundledSeedsPath));
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
  async function openPeopleFile(args: unknown[] | undefined): Promise<void> {
    if (typeof args?.[0] !== 'string') return;
    const line = typeof args[1] === 'number' ? args[1] : 0;
    await connection.window.showDocument({ uri: args[0], takeFocus: true, selection: { start: { line, character: 0 }, end: { line, character: 0 } } }).catch(() => undefined);
  }

  connection.onDefinition(async ({ textDocument, position }, token) => {
    await corpusReady();
    if (token.isCancellationRequested) return cancelled();
    const document = await namesApply(textDocument.uri);
    return document ? definitionAt(indexer.index, document, position) : [];
  });

  connection.onReferences(async ({ textDocument, position }, token) => {
    await corpusReady();
    if (token.isCancellationRequested) return cancelled();
    const document = await namesApply(textDocument.uri);
    const locations = document ? referencesAt(indexer.index, document, position, await workspaceDrafts(token), token) : [];
    return token.isCancellationRequested ? cancelled() : locations;
  });

  /** Open drafts plus the Markdown and text files of the workspace folders that are not corpus files. */
  async function workspaceDrafts(token?: CancellationToken): Promise<Draft[]> {
    const drafts = new Map<string, Draft>();
    for (const document of documents.all()) if (!host.contains(document.uri)) drafts.set(document.uri, { uri: document.uri, document });
    const draftHost = new FileSystemCorpusHost(workspaceFolders.map(folder => ({ folder })));
    for (const uri of (await draftHost.listFiles(token)).slice(0, MAX_WORKSPACE_DRAFTS)) {
      if (token?.isCancellationRequested) break;
      if (drafts.has(uri) || host.contains(uri) || indexer.index.get(uri)) continue;
      // The size is checked before reading: a 50 MB export beside the drafts is not read on every request.
      const bytes = await draftHost.readFile(uri, MAX_DRAFT_BYTES).catch(() => undefined);
      if (bytes && bytes.length < MAX_DRAFT_BYTES) drafts.set(uri, { uri, document: TextDocument.create(uri, 'markdown', 0, new TextDecoder().decode(bytes)) });
    }
    return [...drafts.values()];
  }

  connection.onWorkspaceSymbol(async ({ query }, token) => {
    await corpusReady();
    if (token.isCancellationRequested) return cancelled();
    const symbols = workspaceSymbols(indexer.index, query, token);
    return token.isCancellationRequested ? cancelled() : symbols;
  });

  connection.onDocumentLinks(async ({ textDocument }) => {
    await corpusReady();
    const statement = indexer.index.get(textDocument.uri);
    return statement ? documentLinks(indexer.index, statement) : [];
  });

  connection.onCodeLens(async ({ textDocument }) => {
    await corpusReady();
    const statement = indexer.index.get(textDocument.uri);
    return statement ? quotationLenses(statement) : [];
  });

  connection.onCodeLensResolve(lens => resolveQuotationLens(indexer.index, lens));

  connection.onExecuteCommand(async ({ command, arguments: args }, token) => {
    if (command === OPEN_PEOPLE_FILE_COMMAND) return openPeopleFile(args);
    if (command !== SHOW_RELATED_STATEMENTS) return new ResponseError(ErrorCodes.InvalidParams, `Unknown command: ${command}`);
    const [uri, position] = (args ?? []) as [unknown, unknown];
    if (typeof uri !== 'string' || !Position.is(position)) return new ResponseError(ErrorCodes.InvalidParams, `${command} takes [uri, position]`);
    await corpusReady();
    const document = documents.get(uri) ?? openStatement(uri);
    const statement = document && statementAt(indexer.index, document, position);
    const related = statement ? relatedStatements(indexer.index, statement.text, 20, statement, token) : [];
    if (token.isCancellationRequested) return cancelled();
    showMessage(MessageType.Info, relatedStatementsMessage(related));
    return related;
  });

  connection.languages.semanticTokens.on(async ({ textDocument }) => {
    await corpusReady();
    const document = await namesApply(textDocument.uri);
    return document && !host.contains(textDocument.uri) ? semanticTokens(indexer.index, document) : { data: [] };
  });

  connection.onRequest(RelatedStatementsRequest, async (params, token) => {
    await corpusReady();
    if (token.isCancellationRequested) return cancelled();
    const limit = Math.min(Math.max(params.limit ?? 20, 1), 100);
    let related: RelatedStatement[];
    if ('text' in params) {
      related = relatedStatements(indexer.index, params.text, limit, undefined, token);
    } else {
      const document = documents.get(params.uri) ?? openStatement(params.uri);
      const statement = document && statementAt(indexer.index, document, params.position);
      related = statement ? relatedStatements(indexer.index, statement.text, limit, statement, token) : [];
    }
    return token.isCancellationRequested ? cancelled() : related;
  });

  /** A corpus document that is not open in the editor, as a TextDocument for position conversions. */
  function openStatement(uri: string): TextDocument | undefined {
    const statement = indexer.index.get(uri);
    return statement && TextDocument.create(uri, 'statement', 0, statement.text);
  }

  connection.onRequest(DocumentsRequest, async () => {
    await corpusReady();
    return [...indexer.index.all()].map(document => summaryOf(document, indexer.index));
  });

  connection.onRequest(DocumentRequest, async ({ uri }) => {
    await corpusReady();
    const document = indexer.index.get(uri) ?? indexer.index.get(normalizeUri(uri));
    return document ? detailOf(document, indexer.index) : null;
  });

  connection.onRequest(PeopleRequest, async ({ query, limit }, token) => {
    await corpusReady();
    if (token.isCancellationRequested) return cancelled();
    const people = indexer.index.people(query, Math.max(1, limit ?? Infinity), token);
    return token.isCancellationRequested ? cancelled() : { people: people.map(personSummaryOf) };
  });

  connection.onRequest(SearchQuotesRequest, async ({ query, limit }, token) => {
    await corpusReady();
    if (token.isCancellationRequested) return cancelled();
    const { citationFormat } = await settings.get();
    if (typeof query === 'string') for (const note of boundQuery(query).notes) log(`Search: ${note}`);
    const hits = indexer.index.searchQuotes(query, Math.min(Math.max(limit ?? 20, 1), 200), token);
    if (token.isCancellationRequested) return cancelled();
    return hits.map((hit): QuoteHit => {
      const document = indexer.index.get(hit.entry.uri)!;
      return {
        text: hit.entry.text,
        speaker: hit.entry.speaker,
        date: hit.entry.date,
        uri: hit.entry.uri,
        range: rangeOf(document, hit.entry.span),
        documentTitle: hit.entry.documentTitle,
        score: Math.round(hit.score * 1000) / 1000,
        citation: formatCitation({ quote: hit.entry.text, speaker: hit.entry.speaker, date: hit.entry.date, outlet: document.outlet.value, title: document.title.value }, citationFormat),
        matches: hit.matches,
        ...(hit.sources ? { sources: hit.sources.map(source => ({ uri: source.uri, range: rangeOf(indexer.index.get(source.uri)!, source.span), date: source.date, documentTitle: source.documentTitle, speaker: source.speaker })) } : {}),
      };
    });
  });

  connection.onRequest(ReindexRequest, async () => {
    const report = await reindexAll();
    return { documents: report.documents, quotes: report.quotes, people: report.people, durationMs: report.durationMs };
  });

  documents.listen(connection);
  connection.listen();
}

/** The settings a full pass depends on (statementLens.corpus.*), as one comparable string. */
const corpusSettingsOf = ({ corpusPaths, includeBundledSeeds, maxFileSizeMB, maxLineLength }: ServerSettings) => JSON.stringify({ corpusPaths, includeBundledSeeds, maxFileSizeMB, maxLineLength });

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? new URL(uri).pathname && decodeURIComponent(new URL(uri).pathname) : undefined;
  } catch {
    return undefined;
  }
}

/** Clients differ in how they escape file URIs (`%3A` vs `:`); the index uses Node's form. */
function normalizeUri(uri: string): string {
  const file = uriToPath(uri);
  return file ? uriOf(path.resolve(file)) : uri;
}

import { existsSync } from 'node:fs';
import * as path from 'node:path';
import {
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  MessageType,
  type Connection,
  type Diagnostic,
  type FileEvent,
  type TextDocuments,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CorpusIndexer, fileNameOf, QuoteChecker, type CorpusIndex, type IndexCache, type IndexReport, type StatementParser } from './core';
import { FileSystemCorpusHost, resolveRoots, uriOf } from './corpusFiles';
import { parseHereUpTo } from './parseWorkers';
import { CorpusWatcher } from './corpusWatcher';
import { FileEventQueue, type FileFate } from './fileEvents';
import { clearCacheRoot, openIndexCache } from './indexStore/cacheFolder';
import { rangeOf } from './convert';
import { IndexedNotification, IndexingStartedNotification, type IndexedParams } from '../../shared/protocol';
import { ReindexScheduler } from './reindexScheduler';
import type { ServerSettings } from '../../shared/settings';
import type { SettingsStore } from './settings';
import { idleOf } from './requestScheduler';

/** The files under a corpus folder whose changes matter: documents and sidecar metadata. */
const WATCHED_GLOB = '**/*.{txt,md,markdown,yaml,yml,tsv}';

export interface ServerDependencies {
  /** Folder of the corpus shipped with the extension. */
  readonly bundledSeedsPath: string;
  /**
   * Parses documents off the main thread during full passes (main.ts passes a worker pool); `release` stops
   * its workers once a pass is done, before the search warm-up and the cache write add to the main heap.
   */
  /** `size`: how many worker threads parse; with one, the main thread parses small documents too. */
  readonly parser?: StatementParser & { release?(): void; readonly size?: number };
}

/** What the client said it can do at `initialize`, and the folders it opened. */
export interface ClientState {
  readonly workspaceFolders: readonly string[];
  readonly canWatchDynamically: boolean;
  readonly canWatchRelativePatterns: boolean;
  readonly canReportProgress: boolean;
  /** Where the index outlives the server (initializationOptions.cacheDirectory); none: in memory only. */
  readonly cacheDirectory?: string;
}

export interface CorpusServiceOptions {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly dependencies: ServerDependencies;
  /** Read at each pass: both are known only once the client has initialized. */
  readonly settings: () => SettingsStore;
  readonly client: () => ClientState;
  readonly log: (message: string) => void;
  readonly showMessage: (type: MessageType, message: string) => void;
}


/** A short draft with the forms of attribution the quote check reads, checked once after each full pass. */
export const WARM_UP_DRAFT = [
  'Minister Jane Roe said "we will keep every channel of dialogue open with our partners in the region."',
  '"The door to talks remains open at every level of government," John Doe told reporters on Monday.',
  'According to the spokesperson, "nothing has changed in our position on trade," and he added, "not today."',
].join('\n\n');

/**
 * The corpus as the server keeps it: the host over the corpus folders, the indexer and the quote checker over
 * its index, the watchers that keep it in step with the disk and the open editors, full passes (at start, on a
 * corpus setting change, on request) and the `indexed` announcement after each change.
 */
export class CorpusService {
  private currentHost = new FileSystemCorpusHost([]);
  private currentIndexer = new CorpusIndexer(this.currentHost);
  private currentChecker = new QuoteChecker(this.currentIndexer.index);
  /** The corpus settings the latest pass read, to tell a change that needs a new pass from one that does not. */
  private corpusSettingsIndexed: string | undefined;
  private readonly reindexing = new ReindexScheduler(() => this.indexAll());
  /** Documents whose problems were last published, so that fixed ones are cleared. */
  private readonly diagnosed = new Set<string>();
  /** What the user has been told (`window/showMessage`), so that a reindex does not say it again. */
  private readonly told = new Set<string>();
  private watcherRegistration: { dispose(): void } | undefined;
  private serverWatcher: CorpusWatcher | undefined;
  /** Open corpus documents are indexed as they are edited, debounced so typing stays fast. */
  private readonly pendingEdits = new Map<string, NodeJS.Timeout>();
  private readonly announced: (() => void)[] = [];
  // Merged per file and applied at most once per interval (fileEvents.ts), yielding to requests as it goes; the
  // client's notifications and the server's own watcher (corpusWatcher.ts) both come here.
  private readonly fileEvents = new FileEventQueue(batch => this.applyFileEvents(batch));
  /** The current corpus's index cache, when the client gave a cache folder. */
  private indexCache: IndexCache | undefined;
  /** True while a pass loads the index from the cache: requests are answered from what is loaded. */
  private answeringWhileLoading = false;
  /** Requests that arrived before the pass knew it would load from the cache, woken when it does or ends. */
  private readonly waitingForAnswers: (() => void)[] = [];
  private pendingSave: NodeJS.Timeout | undefined;
  /** Set once `shutdown` is answered: the cache is final, nothing writes to it any more. */
  private cacheFinal = false;

  constructor(private readonly options: CorpusServiceOptions) {}

  get host(): FileSystemCorpusHost {
    return this.currentHost;
  }

  get indexer(): CorpusIndexer {
    return this.currentIndexer;
  }

  get index(): CorpusIndex {
    return this.currentIndexer.index;
  }

  get checker(): QuoteChecker {
    return this.currentChecker;
  }

  /** Whether a URI is a corpus file (under a corpus folder), as opposed to a draft. */
  contains(uri: string): boolean {
    return this.currentHost.contains(uri);
  }

  /** Resolves when the index is complete: no full pass runs or waits to run. */
  ready(): Promise<void> {
    return this.reindexing.idle();
  }

  /**
   * Resolves when requests can be answered: the index is complete, or filling from the cache (answers then
   * use what is loaded). Draft checks, edits and file events wait for `ready` instead.
   */
  async answerable(): Promise<void> {
    while (!this.answeringWhileLoading) {
      const complete = this.ready().then(() => true);
      const loading = new Promise<boolean>(resolve => this.waitingForAnswers.push(() => resolve(false)));
      if (await Promise.race([complete, loading])) return;
    }
  }

  /** Writes what changed in the index to the cache; the last write is complete when `shutdown` is answered. */
  saveIndex(): Promise<void> {
    if (this.cacheFinal) return Promise.resolve();
    const indexer = this.currentIndexer;
    return indexer.cache?.flush(uri => indexer.index.get(uri)) ?? Promise.resolve();
  }

  /** `shutdown`: the cache is written, and written no more. */
  async shutdown(): Promise<void> {
    clearTimeout(this.pendingSave);
    await this.saveIndex();
    this.cacheFinal = true;
  }

  /** Deletes every corpus's cache under the cache folder, then indexes the corpus from its files. */
  async clearIndexCache(): Promise<{ report: IndexReport; cacheDirectory: string | null }> {
    const { cacheDirectory } = this.options.client();
    await this.currentIndexer.cache?.clear();
    if (cacheDirectory) {
      await clearCacheRoot(cacheDirectory);
      this.options.log(`Index cache cleared: ${cacheDirectory}`);
    }
    return { report: await this.reindexAll(), cacheDirectory: cacheDirectory ?? null };
  }

  /** After incremental changes: one write for a burst of them. */
  private scheduleSave(): void {
    clearTimeout(this.pendingSave);
    if (this.currentIndexer.cache?.dirty && !this.cacheFinal) this.pendingSave = setTimeout(() => void this.saveIndex(), 2000);
  }

  private wakeWaiting(): void {
    this.waitingForAnswers.splice(0).forEach(wake => wake());
  }

  /** Starts a full pass, or joins the one queued after the running pass (reindexScheduler.ts). */
  reindexAll(): Promise<IndexReport> {
    return this.reindexing.request();
  }

  readonly indexingFailed = (error: unknown) => this.options.log(`Indexing failed: ${error instanceof Error ? error.stack : String(error)}`);

  /** Called after each announcement: the corpus changed, so what drafts quote may now be found, or gone. */
  onAnnounced(listener: () => void): void {
    this.announced.push(listener);
  }

  /** Only a change to statementLens.corpus.* needs a new pass; others apply to the next request. */
  settingsChanged(current: ServerSettings): void {
    // No await between the comparison and the request: a draft check waiting on these settings then waits for the pass.
    if (corpusSettingsOf(current) !== this.corpusSettingsIndexed) {
      this.corpusSettingsIndexed = corpusSettingsOf(current);
      void this.reindexAll().catch(this.indexingFailed);
    }
  }

  /** Files created, changed or deleted on disk (reported by the client or the server's own watcher). */
  filesChanged(changes: FileEvent[]): void {
    this.fileEvents.add(changes);
  }

  /** An open corpus document was edited: indexed with its editor text, debounced. */
  documentEdited(uri: string): void {
    // A corpus file opened through a link: the index knows it by its listed path, which it keeps.
    if (this.currentHost.isAlias(uri)) return;
    clearTimeout(this.pendingEdits.get(uri));
    this.pendingEdits.set(uri, setTimeout(() => void (async () => {
      this.pendingEdits.delete(uri);
      // Mid-pass, an announcement would report a partial corpus ("3 docs"); the pass reads open documents too.
      await this.ready();
      const current = this.options.documents.get(uri);
      if (current) this.announce(this.currentIndexer.documentEdited(current.uri, current.getText()));
    })(), 200));
  }

  /** An open corpus document was closed: the index goes back to the file on disk. */
  documentClosed(uri: string): void {
    if (!this.currentHost.contains(uri) || this.currentHost.isAlias(uri)) return;
    void this.ready()
      .then(() => this.currentIndexer.documentClosed(uri))
      .then(() => {
        this.announce({ ...this.currentIndexer.index.stats(), durationMs: 0, problems: this.currentIndexer.problems() });
        this.scheduleSave();
      });
  }

  dispose(): void {
    this.serverWatcher?.dispose();
  }

  private async indexAll(): Promise<IndexReport> {
    const { connection, documents, dependencies, log } = this.options;
    const current = await this.options.settings().get();
    this.corpusSettingsIndexed = corpusSettingsOf(current);
    const paths = [...(current.includeBundledSeeds ? [dependencies.bundledSeedsPath] : []), ...current.corpusPaths];
    const host = (this.currentHost = new FileSystemCorpusHost(resolveRoots(paths, [...this.options.client().workspaceFolders]), log));
    // The previous corpus's last write finishes before this pass reads the cache.
    await this.indexCache?.settled();
    const { cacheDirectory } = this.options.client();
    const cache = (this.indexCache = cacheDirectory ? openIndexCache(cacheDirectory, host.roots, log) : undefined);
    const indexer = (this.currentIndexer = new CorpusIndexer(host, { limits: { maxFileBytes: current.maxFileSizeMB * 1024 * 1024, maxLineLength: current.maxLineLength }, parser: dependencies.parser, parseHereUpTo: parseHereUpTo(dependencies.parser), cache }));
    this.currentChecker = new QuoteChecker(indexer.index);
    for (const open of documents.all()) if (host.contains(open.uri) && !host.isAlias(open.uri)) indexer.documentEdited(open.uri, open.getText());
    await this.watchCorpus();
    void connection.sendNotification(IndexingStartedNotification, {}).catch(() => undefined);
    const progress = this.options.client().canReportProgress ? await connection.window.createWorkDoneProgress().catch(() => undefined) : undefined;
    progress?.begin('Statement Lens: indexing corpus', 0, undefined, true);
    let report: IndexReport;
    try {
      let lastPercent = -1;
      report = await indexer.indexAll(progress?.token, (done, total, phase) => {
        // From the cache, the index fills in seconds: requests are answered meanwhile, from what is loaded.
        if (phase === 'cache' && !this.answeringWhileLoading) {
          this.answeringWhileLoading = true;
          this.wakeWaiting();
        }
        const percent = Math.floor((done / total) * 100);
        if (percent !== lastPercent) progress?.report(percent, phase === 'cache' ? `${done}/${total} documents from the cache (answers use what is loaded)` : `${done}/${total} documents`);
        lastPercent = percent;
      });
    } finally {
      this.answeringWhileLoading = false;
      this.wakeWaiting();
      // Ended however the pass ends, so no "indexing 126/12543" stays on screen.
      progress?.done();
    }
    dependencies.parser?.release?.();
    void this.saveIndex();
    this.warmUp(indexer);
    log(`Indexed ${report.documents} documents, ${report.quotes} quotes, ${report.people} people in ${report.durationMs} ms from ${host.roots.map(r => r.folder + (r.glob ? '/' + r.glob : '')).join(', ')}${report.emptyFiles ? ` (${report.emptyFiles} empty files skipped)` : ''}${report.cached ? `; ${report.cached.restored} from the index cache, ${report.cached.parsed} parsed` : ''}`);
    this.tellWhatWasMissed(report);
    // With another pass queued this corpus is about to be replaced: its figures would be untrue by the time they
    // are shown, and drafts would be checked against it only to be checked again.
    if (!this.reindexing.hasQueuedPass) this.announce(report);
    return report;
  }

  private tellOnce(key: string, type: MessageType, message: string): void {
    if (this.told.has(key)) return;
    this.told.add(key);
    this.options.showMessage(type, message);
  }

  /**
   * A missing corpus folder and files left out are said where a user sees them, once; the log has the
   * details. Neovim and Emacs users never see the log unless they go looking.
   */
  private tellWhatWasMissed(report: IndexReport): void {
    for (const root of this.currentHost.roots) {
      if (!existsSync(root.folder)) this.tellOnce(`missing ${root.folder}`, MessageType.Warning, `Statement Lens: the corpus folder ${root.folder} does not exist; check corpusPaths (statementLens.corpus.paths).`);
    }
    const skipped = [...new Map(report.problems.filter(problem => problem.severity !== 'info' && !this.currentIndexer.index.get(problem.uri)).map(problem => [problem.uri, problem])).values()];
    if (skipped.length === 0) return;
    const [first] = skipped;
    const example = `${fileNameOf(first.uri)}: ${first.message}`;
    this.tellOnce(`skipped ${skipped.map(problem => problem.uri).sort().join(' ')}`, MessageType.Warning, `Statement Lens skipped ${skipped.length} corpus file${skipped.length === 1 ? '' : 's'} (${example}${skipped.length > 1 ? ' …' : ''}). The server log lists each with its reason.`);
  }

  /**
   * Finishes deferred search-index work between requests, so the first fuzzy search is as fast as the rest,
   * then warms the quote check.
   */
  private warmUp(target: CorpusIndexer): void {
    // Each slice waits until no request or draft check waits (requestScheduler.ts).
    const nothingLighterWaits = idleOf(this.options.connection);
    const step = () => {
      if (target !== this.currentIndexer) return;
      if (target.index.warmUp()) void nothingLighterWaits().then(step);
      // Then a throwaway quote check, on a fresh checker: what the first check in a process pays once (its
      // patterns compiled, the name lookup's first use) is paid here rather than by the writer's first draft.
      else void nothingLighterWaits().then(() => target === this.currentIndexer && new QuoteChecker(target.index).check(WARM_UP_DRAFT));
    };
    void nothingLighterWaits().then(step);
  }

  private announce(report: IndexReport): IndexedParams {
    this.publishProblems(report);
    for (const listener of this.announced) listener();
    const params: IndexedParams = { documents: report.documents, quotes: report.quotes, people: report.people, durationMs: report.durationMs };
    void this.options.connection.sendNotification(IndexedNotification, params);
    return params;
  }

  private publishProblems(report: IndexReport): void {
    const { connection, log } = this.options;
    const byUri = new Map<string, Diagnostic[]>();
    for (const problem of report.problems) {
      const document = this.currentIndexer.index.get(problem.uri);
      const range = document && problem.span ? rangeOf(document, problem.span) : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
      const severity = problem.severity === 'error' ? DiagnosticSeverity.Error : problem.severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Information;
      byUri.set(problem.uri, [...(byUri.get(problem.uri) ?? []), { range, severity, message: problem.message, source: 'Statement Lens' }]);
    }
    for (const uri of this.diagnosed) if (!byUri.has(uri)) void connection.sendDiagnostics({ uri, diagnostics: [] });
    this.diagnosed.clear();
    for (const [uri, diagnostics] of byUri) {
      this.diagnosed.add(uri);
      log(`${uri}: ${diagnostics.map(d => (typeof d.message === 'string' ? d.message : d.message.value)).join('; ')}`);
      void connection.sendDiagnostics({ uri, diagnostics });
    }
  }

  /**
   * Keeps the index in step with the corpus folders on disk. The client watches them when it can: string globs
   * unless it declares `relativePatternSupport` (eglot 1.9 fails on RelativePattern objects). The server watches
   * a folder itself when the client cannot (no dynamic registration, as in Neovim 0.7, or a refused one), and
   * when a client without relative patterns could not see it (outside every workspace folder: eglot 1.9
   * watches only its project's folders).
   */
  private async watchCorpus(): Promise<void> {
    const { connection, log } = this.options;
    const { workspaceFolders, canWatchDynamically, canWatchRelativePatterns } = this.options.client();
    this.watcherRegistration?.dispose();
    this.watcherRegistration = undefined;
    this.serverWatcher?.dispose();
    this.serverWatcher = undefined;
    const roots = this.currentHost.roots;
    let clientWatches = false;
    if (canWatchDynamically && roots.length) {
      const watchers = roots.map(root => ({ globPattern: canWatchRelativePatterns ? { baseUri: uriOf(root.folder), pattern: WATCHED_GLOB } : `${root.folder.split(path.sep).join('/')}/${WATCHED_GLOB}` }));
      try {
        this.watcherRegistration = await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers });
        clientWatches = true;
      } catch (error) {
        log(`The client refused to watch the corpus folders (${messageOf(error)}); the server watches them itself.`);
      }
    }
    const inWorkspace = (folder: string) => workspaceFolders.some(workspace => !path.relative(workspace, folder).startsWith('..') && !path.isAbsolute(path.relative(workspace, folder)));
    const ownRoots = roots.filter(root => !clientWatches || (!canWatchRelativePatterns && !inWorkspace(root.folder)));
    if (ownRoots.length === 0) return;
    const watcher = new CorpusWatcher(changes => this.filesChanged(changes), { log });
    this.serverWatcher = watcher;
    for (const root of ownRoots) await watcher.add(root.folder);
    log(`Watching ${watcher.folderCount} corpus folder${watcher.folderCount === 1 ? '' : 's'} from the server`);
  }

  private async applyFileEvents(batch: ReadonlyMap<string, FileFate>): Promise<void> {
    const { documents } = this.options;
    await this.ready();
    let report: IndexReport | undefined, done = 0;
    for (const [uri, fate] of batch) {
      if (documents.get(uri)) continue;
      if (fate === 'deleted' && !this.currentIndexer.index.get(uri)) {
        // A deleted folder: every document under it is gone.
        const under = uri.endsWith('/') ? uri : `${uri}/`;
        for (const document of [...this.currentIndexer.index.all()]) if (document.uri.startsWith(under) && !documents.get(document.uri)) report = this.currentIndexer.fileDeleted(document.uri);
      }
      if (!this.currentHost.contains(uri)) continue;
      report = fate === 'deleted' ? this.currentIndexer.fileDeleted(uri) : await this.currentIndexer.fileChanged(uri);
      if (++done % 50 === 0) await new Promise(resolve => setImmediate(resolve));
    }
    if (report) this.announce(report);
    this.scheduleSave();
  }
}

/** The settings a full pass depends on (statementLens.corpus.*), as one comparable string. */
const corpusSettingsOf = ({ corpusPaths, includeBundledSeeds, maxFileSizeMB, maxLineLength }: ServerSettings) => JSON.stringify({ corpusPaths, includeBundledSeeds, maxFileSizeMB, maxLineLength });

export const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

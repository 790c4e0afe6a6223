import { watch, type Dirent, type FSWatcher } from 'node:fs';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { FileChangeType, type FileEvent } from 'vscode-languageserver';
import { uriOf } from './corpusFiles';

/** Folders the server watches at most, all roots together; inotify watches are a per-user resource. */
export const MAX_WATCHED_FOLDERS = 4000;
/** Changes are gathered this long after the last one, then reported together. */
const DEBOUNCE_MS = 250;
/** A steady stream of changes is still reported at least this often. */
const MAX_DELAY_MS = 1000;

/** The files worth reporting: documents and sidecars (the server decides which of them are corpus files). */
const WATCHED_FILE = /\.(?:txt|md|markdown|ya?ml|tsv)$/i;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode', 'out', 'dist']);
const skipped = (name: string) => SKIPPED_FOLDERS.has(name) || name.startsWith('.');

export interface CorpusWatcherOptions {
  readonly log: (message: string) => void;
  readonly maxFolders?: number;
  readonly debounceMs?: number;
}

/**
 * The server's own file watching, for clients that cannot watch the corpus (Neovim 0.7 has no
 * `workspace/didChangeWatchedFiles`; eglot 1.9 watches only its project's folders). One `fs.watch` per
 * folder rather than Node's recursive mode, so that new subfolders are picked up on every platform and the
 * number of watches stays bounded. Reports file events in batches, as a client would.
 */
export class CorpusWatcher {
  private readonly watchers = new Map<string, FSWatcher>();
  private readonly pending = new Map<string, 'touched' | 'folderAdded'>();
  private timer: NodeJS.Timeout | undefined;
  private firstPending = 0;
  private full = false;
  private disposed = false;
  private readonly maxFolders: number;
  private readonly debounceMs: number;

  constructor(private readonly onChanges: (changes: FileEvent[]) => void, private readonly options: CorpusWatcherOptions) {
    this.maxFolders = options.maxFolders ?? MAX_WATCHED_FOLDERS;
    this.debounceMs = options.debounceMs ?? DEBOUNCE_MS;
  }

  /** Starts watching a folder and every folder below it; resolves once the watches are in place. */
  async add(folder: string): Promise<void> {
    await this.watchTree(path.resolve(folder), false);
  }

  get folderCount(): number {
    return this.watchers.size;
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
    this.pending.clear();
  }

  /**
   * Watches a folder and its subfolders. With `report`, the files found are news (a folder created or moved in,
   * or one whose change came without a name) and are reported as changed.
   */
  private async watchTree(folder: string, report: boolean): Promise<void> {
    if (this.disposed) return;
    if (!this.watchers.has(folder)) {
      if (this.watchers.size >= this.maxFolders) {
        if (!this.full) this.options.log(`Not watching ${folder} and further folders: the server watches at most ${this.maxFolders} folders. Changes there are seen on the next reindex.`);
        this.full = true;
        return;
      }
      let watcher: FSWatcher;
      try {
        watcher = watch(folder, { persistent: false }, (_event, name) => this.changed(folder, name?.toString()));
      } catch (error) {
        this.options.log(`Cannot watch ${folder}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
        return;
      }
      // The folder was deleted or became unreadable. It stays listed, so that the parent's event for it is
      // known to be a folder's (every document under it is gone).
      watcher.on('error', () => watcher.close());
      this.watchers.set(folder, watcher);
    } else if (!report) {
      return;
    }
    let entries: Dirent[];
    try {
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) {
        if (!skipped(entry.name) && !this.watchers.has(full)) await this.watchTree(full, report);
      } else if (report && WATCHED_FILE.test(entry.name)) {
        // Written before the watch was in place: reported here or never.
        this.queue(full, 'touched');
      }
    }
  }

  private unwatch(folder: string): void {
    for (const [watched, watcher] of this.watchers) {
      if (watched === folder || watched.startsWith(folder + path.sep)) {
        watcher.close();
        this.watchers.delete(watched);
      }
    }
  }

  private changed(folder: string, name: string | undefined): void {
    // Without a name (some platforms, overflow) the whole folder is looked at again.
    this.queue(name ? path.join(folder, name) : folder, name ? 'touched' : 'folderAdded');
  }

  private queue(file: string, kind: 'touched' | 'folderAdded'): void {
    if (this.disposed) return;
    if (this.pending.get(file) !== 'folderAdded') this.pending.set(file, kind);
    const now = Date.now();
    if (!this.timer) this.firstPending = now;
    clearTimeout(this.timer);
    const wait = Math.min(this.debounceMs, Math.max(0, this.firstPending + MAX_DELAY_MS - now));
    this.timer = setTimeout(() => void this.flush(), wait);
  }

  /** Looks at each touched path on disk and reports what it is now: created or changed, or deleted. */
  private async flush(): Promise<void> {
    this.timer = undefined;
    const touched = [...this.pending];
    this.pending.clear();
    const changes: FileEvent[] = [];
    for (const [file, kind] of touched) {
      if (this.disposed) return;
      const stat = await fs.stat(file).catch(() => undefined);
      if (!stat) {
        // A deleted file, or a deleted folder (the server drops every document under it).
        const wasFolder = this.watchers.has(file);
        if (wasFolder) this.unwatch(file);
        if (wasFolder || WATCHED_FILE.test(file)) changes.push({ uri: uriOf(file), type: FileChangeType.Deleted });
      } else if (stat.isDirectory()) {
        if (!skipped(path.basename(file)) && (kind === 'folderAdded' || !this.watchers.has(file))) await this.watchTree(file, true);
      } else if (stat.isFile() && WATCHED_FILE.test(file)) {
        changes.push({ uri: uriOf(file), type: FileChangeType.Changed });
      }
    }
    if (changes.length && !this.disposed) this.onChanges(changes);
  }
}

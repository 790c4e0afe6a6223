import { closeSync, constants, fstatSync, openSync, promises as fs, readFileSync, realpathSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import { type Cancellation, type CorpusHost, FileTooLarge, isCorpusDocument, isSidecarFile } from './core';

/** A corpus root: a folder, optionally narrowed by a glob ("corpus/**\/*.md"). */
export interface CorpusRoot {
  readonly folder: string;
  readonly glob?: string;
}

const GLOB_CHARS = /[*?[\]{}]/;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode', 'out', 'dist']);

/**
 * Bounds on a walk, so a corpus path of `/` or a link to `/proc/self/root` cannot read the whole disk. Real
 * corpora have tens of thousands of files a few folders deep.
 */
export interface WalkBounds {
  readonly maxFiles: number;
  readonly maxFolders: number;
  readonly maxDepth: number;
}
export const DEFAULT_WALK_BOUNDS: WalkBounds = { maxFiles: 200_000, maxFolders: 50_000, maxDepth: 32 };

/** The filesystem root and the kernel's virtual folders: never a corpus, never followed by a link. */
export function isSystemFolder(real: string): boolean {
  return real === path.parse(real).root || /^\/(?:proc|sys|dev)(?:\/|$)/.test(real);
}

/** Turns setting values (folders or globs, relative to a workspace folder or absolute) into roots. */
export function resolveRoots(paths: readonly string[], workspaceFolders: readonly string[]): CorpusRoot[] {
  const roots: CorpusRoot[] = [];
  for (const raw of paths) {
    const value = raw.replace(/^~(?=$|[/\\])/, process.env.HOME ?? '~');
    const bases = path.isAbsolute(value) ? [''] : workspaceFolders.length ? workspaceFolders : [process.cwd()];
    for (const base of bases) {
      const full = path.resolve(base, value);
      if (!GLOB_CHARS.test(value)) {
        roots.push({ folder: full });
        continue;
      }
      // The folder is the part before the first glob character; the glob matches below it.
      const parts = full.split(path.sep);
      const firstGlob = parts.findIndex(part => GLOB_CHARS.test(part));
      roots.push({ folder: parts.slice(0, firstGlob).join(path.sep) || path.sep, glob: parts.slice(firstGlob).join('/') });
    }
  }
  return roots;
}

export const uriOf = (file: string) => pathToFileURL(file).toString();
export const pathOf = (uri: string) => fileURLToPath(uri);

/** The file path of a `file:` URI; undefined for other schemes and malformed URIs. */
export function uriToPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? new URL(uri).pathname && decodeURIComponent(new URL(uri).pathname) : undefined;
  } catch {
    return undefined;
  }
}

/** Clients differ in how they escape file URIs (`%3A` vs `:`); the index uses Node's form. */
export function normalizeUri(uri: string): string {
  const file = uriToPath(uri);
  return file ? uriOf(path.resolve(file)) : uri;
}

/**
 * Corpus files on disk: `.txt`/`.md` documents and sidecar files under the roots. Symlinked folders are
 * followed once (a loop is detected by real path), unreadable folders are skipped with a message.
 */
export class FileSystemCorpusHost implements CorpusHost {
  private readonly bounds: WalkBounds;
  /** Each root's real path, once a walk has resolved it: a file opened through a link is still a corpus file. */
  private readonly realRoots = new Map<CorpusRoot, string>();
  private readonly realPaths = new Map<string, string | null>();

  constructor(readonly roots: readonly CorpusRoot[], private readonly log: (message: string) => void = () => undefined, bounds: Partial<WalkBounds> = {}) {
    this.bounds = { ...DEFAULT_WALK_BOUNDS, ...bounds };
  }

  async listFiles(token?: Cancellation): Promise<string[]> {
    const { maxFiles, maxFolders, maxDepth } = this.bounds;
    const found = new Set<string>();
    let folders = 0, stopped = false;
    for (const root of this.roots) {
      const matches = root.glob ? picomatch(root.glob, { dot: false }) : undefined;
      const seen = new Set<string>();
      let rootReal: string | undefined;
      const walk = async (folder: string, depth: number): Promise<void> => {
        if (token?.isCancellationRequested || stopped) return;
        let real: string;
        try {
          real = await fs.realpath(folder);
        } catch (error) {
          this.log(`Corpus folder not found: ${folder} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
          return;
        }
        if (isSystemFolder(real)) {
          this.log(depth === 0
            ? `Corpus folder ${folder} refused: the filesystem root and /proc, /sys, /dev are not corpora; name the folder that holds the statements`
            : `Skipped ${folder}: a link to ${real}, a system folder`);
          return;
        }
        if (rootReal === undefined) this.realRoots.set(root, (rootReal = real));
        // A link to a folder that holds the corpus would read everything beside it too.
        if (depth > 0 && rootReal.startsWith(real.endsWith(path.sep) ? real : real + path.sep)) {
          this.log(`Skipped ${folder}: a link to ${real}, which holds the corpus folder`);
          return;
        }
        if (seen.has(real)) {
          // A symlink loop, or the same folder twice.
          if (real !== folder) this.log(`Skipped ${folder}: a link to ${real}, which is read already`);
          return;
        }
        seen.add(real);
        if (depth > maxDepth) {
          this.log(`Skipped ${folder}: more than ${maxDepth} folders deep`);
          return;
        }
        if (++folders > maxFolders) {
          stopped = true;
          this.log(`Stopped reading the corpus at ${maxFolders} folders; the rest (from ${folder}) is not indexed`);
          return;
        }
        let entries: import('node:fs').Dirent[];
        try {
          entries = await fs.readdir(folder, { withFileTypes: true });
        } catch (error) {
          this.log(`Cannot read corpus folder ${folder}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
          return;
        }
        entries.sort((a, b) => a.name.localeCompare(b.name));
        for (const entry of entries) {
          const full = path.join(folder, entry.name);
          let isFolder = entry.isDirectory(), isFile = entry.isFile();
          if (entry.isSymbolicLink()) {
            try {
              const stat = await fs.stat(full);
              isFolder = stat.isDirectory();
              isFile = stat.isFile();
              // A file link into /proc would index the process's environment or memory maps.
              if (isFile && isSystemFolder(path.dirname(await fs.realpath(full)))) {
                this.log(`Skipped ${full}: a link into a system folder`);
                continue;
              }
            } catch {
              this.log(`Skipped broken link ${full}`);
              continue;
            }
          }
          if (isFolder) {
            if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) await walk(full, depth + 1);
            if (stopped) return;
          } else if (!isFile && (isCorpusDocument(uriOf(full)) || isSidecarFile(entry.name))) {
            this.log(`Skipped ${full}: not a regular file (a pipe, socket or device)`);
          } else if (isFile) {
            const uri = uriOf(full);
            const relative = path.relative(root.folder, full).split(path.sep).join('/');
            if (isSidecarFile(entry.name) || (isCorpusDocument(uri) && (!matches || matches(relative)))) found.add(uri);
            if (found.size >= maxFiles) {
              stopped = true;
              this.log(`Stopped reading the corpus at ${maxFiles} files; the rest (from ${folder}) is not indexed`);
              return;
            }
          }
        }
      };
      await walk(root.folder, 0);
    }
    return [...found];
  }

  async readFile(uri: string, maxBytes = Infinity): Promise<Uint8Array | undefined> {
    // Synchronous reads: corpus files are small, and the promise API's per-file overhead dominated full
    // passes on the main thread. One open, then the size and kind are checked on that descriptor before
    // anything is read; non-blocking, so a named pipe given a corpus name cannot hang the server.
    let descriptor: number;
    try {
      descriptor = openSync(pathOf(uri), constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      const stat = fstatSync(descriptor);
      if (!stat.isFile()) throw new Error('not a regular file (a pipe, socket or device)');
      if (stat.size > maxBytes) throw new FileTooLarge(stat.size);
      return readFileSync(descriptor);
    } finally {
      closeSync(descriptor);
    }
  }

  /**
   * True when the URI is a file this host would list, by the path it was opened with or by its real path (a
   * corpus file opened through a symlinked folder is a corpus file, not a draft).
   */
  contains(uri: string): boolean {
    if (!uri.startsWith('file:')) return false;
    return this.containsPath(pathOf(uri)) || this.isAlias(uri);
  }

  /** A corpus file opened by another path than the walk lists it under (through a link, or by its real path). */
  isAlias(uri: string): boolean {
    if (!uri.startsWith('file:') || this.containsPath(pathOf(uri))) return false;
    const real = this.realPathOf(pathOf(uri));
    if (real === null) return false;
    return this.roots.some(root => [root.folder, this.realRoots.get(root)].some(folder => folder !== undefined && this.isUnder({ ...root, folder }, real)));
  }

  private containsPath(file: string): boolean {
    return this.roots.some(root => this.isUnder(root, file));
  }

  private isUnder(root: CorpusRoot, file: string): boolean {
    const relative = path.relative(root.folder, file);
    if (relative.startsWith('..') || path.isAbsolute(relative)) return false;
    return !root.glob || isSidecarFile(path.basename(file)) || picomatch(root.glob)(relative.split(path.sep).join('/'));
  }

  /** Cached: asked on every request about open documents. */
  private realPathOf(file: string): string | null {
    let real = this.realPaths.get(file);
    if (real === undefined) {
      try {
        real = realpathSync(file);
      } catch {
        real = null;
      }
      if (this.realPaths.size >= 10_000) this.realPaths.clear();
      this.realPaths.set(file, real);
    }
    return real;
  }
}

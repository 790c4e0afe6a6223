import { closeSync, constants, fstatSync, openSync, promises as fs, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import { isCorpusDocument, type CorpusHost } from './core';
import { FileTooLarge } from './core/workspace';
import { isSidecarFile } from './core/sidecar';

/** A corpus root: a folder, optionally narrowed by a glob ("corpus/**\/*.md"). */
export interface CorpusRoot {
  readonly folder: string;
  readonly glob?: string;
}

const GLOB_CHARS = /[*?[\]{}]/;
const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', '.vscode', 'out', 'dist']);

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

/**
 * Corpus files on disk: `.txt`/`.md` documents and sidecar files under the roots. Symlinked folders are
 * followed once (a loop is detected by real path), unreadable folders are skipped with a message.
 */
export class FileSystemCorpusHost implements CorpusHost {
  constructor(readonly roots: readonly CorpusRoot[], private readonly log: (message: string) => void = () => undefined) {}

  async listFiles(token?: { isCancellationRequested: boolean }): Promise<string[]> {
    const found = new Set<string>();
    for (const root of this.roots) {
      const matches = root.glob ? picomatch(root.glob, { dot: false }) : undefined;
      const seen = new Set<string>();
      const walk = async (folder: string): Promise<void> => {
        if (token?.isCancellationRequested) return;
        let real: string;
        try {
          real = await fs.realpath(folder);
        } catch (error) {
          this.log(`Corpus folder not found: ${folder} (${(error as NodeJS.ErrnoException).code ?? error})`);
          return;
        }
        if (seen.has(real)) {
          // A symlink loop, or the same folder twice.
          if (real !== folder) this.log(`Skipped ${folder}: a link to ${real}, which is read already`);
          return;
        }
        seen.add(real);
        let entries: import('node:fs').Dirent[];
        try {
          entries = await fs.readdir(folder, { withFileTypes: true });
        } catch (error) {
          this.log(`Cannot read corpus folder ${folder}: ${(error as NodeJS.ErrnoException).code ?? error}`);
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
            } catch {
              this.log(`Skipped broken link ${full}`);
              continue;
            }
          }
          if (isFolder) {
            if (!SKIPPED_FOLDERS.has(entry.name) && !entry.name.startsWith('.')) await walk(full);
          } else if (!isFile && (isCorpusDocument(uriOf(full)) || isSidecarFile(entry.name))) {
            this.log(`Skipped ${full}: not a regular file (a pipe, socket or device)`);
          } else if (isFile) {
            const uri = uriOf(full);
            const relative = path.relative(root.folder, full).split(path.sep).join('/');
            if (isSidecarFile(entry.name) || (isCorpusDocument(uri) && (!matches || matches(relative)))) found.add(uri);
          }
        }
      };
      await walk(root.folder);
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

  /** True when the URI is a file this host would list. */
  contains(uri: string): boolean {
    if (!uri.startsWith('file:')) return false;
    const file = pathOf(uri);
    return this.roots.some(root => {
      const relative = path.relative(root.folder, file);
      if (relative.startsWith('..') || path.isAbsolute(relative)) return false;
      return !root.glob || isSidecarFile(path.basename(file)) || picomatch(root.glob)(relative.split(path.sep).join('/'));
    });
  }
}

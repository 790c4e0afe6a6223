import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { IndexCache, type StampSource } from '../core';
import type { CorpusRoot } from '../corpusFiles';
import { EXTRACTOR_FINGERPRINT } from './extractorFingerprint';
import { FileIndexStore } from './fileIndexStore';

/** Where the command line keeps its cache, and other editors' when they name none: `$XDG_CACHE_HOME/statement-lens`. */
export function defaultCacheRoot(): string {
  const xdg = process.env.XDG_CACHE_HOME;
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache'), 'statement-lens');
}

/** `~` as the home folder, as in corpus paths. */
export function expandHome(folder: string): string {
  return folder.replace(/^~(?=$|[/\\])/, os.homedir());
}

/** One folder per corpus (its set of roots), so two workspaces with different corpora do not evict each other. */
export function corpusCacheFolder(root: string, roots: readonly CorpusRoot[]): string {
  const key = JSON.stringify(roots.map(({ folder, glob }) => [path.resolve(folder), glob ?? null]).sort());
  return path.join(root, `corpus-${createHash('sha256').update(key).digest('hex').slice(0, 16)}`);
}

/** The corpus files, reached by their file URIs. */
const files: StampSource = {
  async stat(uri) {
    const stat = await fs.stat(fileURLToPath(uri));
    return stat.isFile() ? { size: stat.size, mtimeMs: stat.mtimeMs } : undefined;
  },
  readFile: uri => fs.readFile(fileURLToPath(uri)),
};

/** The cache of one corpus under a cache folder, on disk. */
export function openIndexCache(root: string, roots: readonly CorpusRoot[], log: (message: string) => void): IndexCache {
  return new IndexCache(new FileIndexStore(corpusCacheFolder(root, roots), EXTRACTOR_FINGERPRINT), files, log);
}

/** Removes every corpus's cache under `root`, and nothing else there; returns how many were removed. */
export async function clearCacheRoot(root: string): Promise<number> {
  const names = await fs.readdir(root).catch(() => [] as string[]);
  const caches = names.filter(name => /^corpus-[0-9a-f]{16}$/.test(name));
  for (const name of caches) await fs.rm(path.join(root, name), { recursive: true, force: true });
  return caches.length;
}

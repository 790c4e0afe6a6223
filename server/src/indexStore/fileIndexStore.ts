import { createHash, randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { isWholePacked, StoreDiscarded, type IndexStore, type StoredStatement } from '../core';
import { decodeStatements, encodeStatements } from './bucketCodec';

/** Written at the head of every bucket file; another file in its place is not read further. */
const MAGIC = Buffer.from('SLIXBR1\n');
const FORMAT = 'statement-lens-index-cache';
/**
 * Bumped whenever the layout of the files or of a StoredStatement changes. 2: parses packed as the parse
 * workers send them, quotations and entries that read as their span without their text. 3: a bucket is its
 * statements one after another, each behind its length (bucketCodec.ts), not one array. 4: compressed in frames of
 * about a megabyte, each behind its length, not as one brotli stream.
 */
export const FORMAT_VERSION = 4;
const MANIFEST = 'manifest.json';
/** Statements are spread over this many files by URI, so a changed file rewrites one of them, not the corpus. */
const BUCKETS = 64;
/** A temporary or orphaned file older than this is left over from a killed writer. */
const STALE_MS = 10 * 60 * 1000;

interface BucketRef {
  readonly id: number;
  readonly file: string;
  readonly sha256: string;
  readonly count: number;
}

interface Manifest {
  readonly format: string;
  readonly version: number;
  readonly extractor: string;
  readonly buckets: BucketRef[];
}

/**
 * The index cache on disk, one folder per corpus: `manifest.json` names the bucket files and their sha256;
 * each bucket holds the statements of the URIs that hash to it, serialized with node:v8 and compressed with
 * brotli (both built into Node: pure JS to us, so it loads in Electron's Node as in any other). Every file is written under a new name and renamed into place, bucket
 * files first and the manifest last, so a writer killed at any point leaves the former manifest and the files
 * it names. Anything that fails its checks is removed with one message (StoreDiscarded) and rebuilt.
 */
export class FileIndexStore implements IndexStore {
  /** The buckets as on disk, after a load or a save. */
  private buckets = new Map<number, BucketRef>();

  constructor(readonly folder: string, private readonly extractor: string) {}

  async *load(): AsyncGenerator<StoredStatement[]> {
    this.buckets.clear();
    let text: string;
    try {
      const stat = await fs.stat(this.folder);
      if (!stat.isDirectory()) throw await this.discard(`${this.folder} is not a folder`);
      text = await fs.readFile(path.join(this.folder, MANIFEST), 'utf8');
    } catch (error) {
      if (error instanceof StoreDiscarded) throw error;
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // nothing stored yet
      throw await this.discard(`its manifest cannot be read: ${messageOf(error)}`);
    }
    const manifest = parseManifest(text);
    if (typeof manifest === 'string') throw await this.discard(manifest);
    if (manifest.extractor !== this.extractor) throw await this.discard('it was written by another version of the extraction rules', 'info');
    // Known before they are read, so that a save during or after a partial load keeps the buckets not read.
    this.buckets = new Map(manifest.buckets.map(ref => [ref.id, ref]));
    for (const ref of manifest.buckets) {
      const entries = await this.readBucket(ref);
      if (typeof entries === 'string') throw await this.discard(entries);
      yield entries;
    }
  }

  async save(put: readonly string[], removed: readonly string[], read: (uri: string) => StoredStatement | undefined): Promise<void> {
    const byBucket = new Map<number, { put: string[]; removed: string[] }>();
    const of = (id: number) => byBucket.get(id) ?? byBucket.set(id, { put: [], removed: [] }).get(id)!;
    for (const uri of put) of(bucketOf(uri)).put.push(uri);
    for (const uri of removed) of(bucketOf(uri)).removed.push(uri);
    if (byBucket.size === 0) return;
    await fs.mkdir(this.folder, { recursive: true });
    const next = new Map(this.buckets);
    const replaced: string[] = [];
    for (const [id, change] of [...byBucket].sort((a, b) => a[0] - b[0])) {
      const old = this.buckets.get(id);
      // Each URI with the statement kept from the bucket, or undefined for one to `read`, in the bucket's order.
      const entries = new Map<string, StoredStatement | undefined>();
      if (old) {
        // A bucket that no longer reads is rebuilt from what changed; its other files are parsed next start.
        const kept = await this.readBucket(old);
        if (typeof kept !== 'string') for (const entry of kept) entries.set(entry.uri, entry);
        replaced.push(old.file);
      }
      for (const uri of change.removed) entries.delete(uri);
      for (const uri of change.put) entries.set(uri, undefined);
      // Read one at a time as they are written, not gathered first (bucketCodec.ts).
      const { body: compressed, count } = await encodeStatements(statementsOf(entries, read));
      if (count === 0) {
        next.delete(id);
      } else {
        const body = Buffer.concat([MAGIC, compressed]);
        const file = `b${String(id).padStart(2, '0')}-${randomBytes(6).toString('hex')}.bin`;
        await writeAtomically(path.join(this.folder, file), body);
        next.set(id, { id, file, sha256: sha256(body), count });
      }
      // Serializing is CPU on the main thread: requests are answered between buckets.
      await new Promise(resolve => setImmediate(resolve));
    }
    const manifest: Manifest = { format: FORMAT, version: FORMAT_VERSION, extractor: this.extractor, buckets: [...next.values()].sort((a, b) => a.id - b.id) };
    await writeAtomically(path.join(this.folder, MANIFEST), Buffer.from(JSON.stringify(manifest, null, 1)));
    this.buckets = next;
    for (const file of replaced) await fs.rm(path.join(this.folder, file), { force: true });
    await this.removeLeftovers();
  }

  async clear(): Promise<void> {
    this.buckets.clear();
    await fs.rm(this.folder, { recursive: true, force: true });
  }

  /** The bucket's statements, or why they cannot be trusted. */
  private async readBucket(ref: BucketRef): Promise<StoredStatement[] | string> {
    let body: Buffer;
    try {
      body = await fs.readFile(path.join(this.folder, ref.file));
    } catch (error) {
      return `${ref.file} cannot be read: ${messageOf(error)}`;
    }
    if (body.length < MAGIC.length || !body.subarray(0, MAGIC.length).equals(MAGIC)) return `${ref.file} is not an index cache file`;
    if (sha256(body) !== ref.sha256) return `${ref.file} is truncated or corrupt (its checksum differs)`;
    let entries: unknown[];
    try {
      entries = await decodeStatements(body.subarray(MAGIC.length));
    } catch (error) {
      return `${ref.file} does not decode: ${messageOf(error)}`;
    }
    if (entries.length !== ref.count || !entries.every(isStoredStatement)) return `${ref.file} does not hold what its manifest says`;
    return entries;
  }

  /** Removes everything stored and gives the one message to show for it. */
  private async discard(reason: string, kind: 'info' | 'warning' = 'warning'): Promise<StoreDiscarded> {
    this.buckets.clear();
    await fs.rm(this.folder, { recursive: true, force: true }).catch(() => undefined);
    const message = kind === 'info' ? `The index cache in ${this.folder} is not used: ${reason}; the corpus is indexed again and the cache rewritten.` : `The index cache in ${this.folder} was discarded: ${reason}. The corpus is indexed again and the cache rewritten.`;
    return new StoreDiscarded(message);
  }

  /** Temporary files of a killed writer and bucket files no manifest names, once they are old enough. */
  private async removeLeftovers(): Promise<void> {
    const named = new Set([MANIFEST, ...[...this.buckets.values()].map(ref => ref.file)]);
    const now = Date.now();
    for (const name of await fs.readdir(this.folder).catch(() => [] as string[])) {
      if (named.has(name) || !/^(?:b\d+-[0-9a-f]+\.bin|.+\.tmp)$/.test(name)) continue;
      const file = path.join(this.folder, name);
      const stat = await fs.stat(file).catch(() => undefined);
      if (stat && now - stat.mtimeMs > STALE_MS) await fs.rm(file, { force: true });
    }
  }
}

/** The manifest, or why it is not one of ours. */
function parseManifest(text: string): Manifest | string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'its manifest is not JSON (truncated, or another file in its place)';
  }
  const manifest = value as Partial<Manifest> | null;
  if (!manifest || typeof manifest !== 'object' || manifest.format !== FORMAT) return 'its manifest is not a Statement Lens index cache';
  if (manifest.version !== FORMAT_VERSION) return `its format is version ${String(manifest.version)}, not ${FORMAT_VERSION}`;
  const buckets = manifest.buckets;
  const valid = Array.isArray(buckets) && buckets.every(ref => ref && Number.isInteger(ref.id) && typeof ref.file === 'string' && /^b\d+-[0-9a-f]+\.bin$/.test(ref.file) && typeof ref.sha256 === 'string' && Number.isInteger(ref.count));
  if (!valid || typeof manifest.extractor !== 'string') return 'its manifest is incomplete';
  return manifest as Manifest;
}

function isStoredStatement(value: unknown): value is StoredStatement {
  const entry = value as StoredStatement | null;
  return (
    !!entry &&
    typeof entry.uri === 'string' &&
    typeof entry.hash === 'string' &&
    typeof entry.inputs === 'string' &&
    typeof entry.stamp?.size === 'number' &&
    typeof entry.stamp?.mtimeMs === 'number' &&
    entry.parsed?.document?.uri === entry.uri &&
    entry.parsed.search?.words instanceof Uint32Array &&
    entry.parsed.search.offsets instanceof Uint32Array &&
    isWholePacked(entry.parsed)
  );
}

/** The statements of a bucket: those kept as they are, the others read as they are reached (skipped when gone). */
function* statementsOf(entries: Map<string, StoredStatement | undefined>, read: (uri: string) => StoredStatement | undefined): Generator<StoredStatement> {
  for (const [uri, kept] of entries) {
    const entry = kept ?? read(uri);
    if (entry) yield entry;
  }
}

/** Writes a file under a temporary name, flushes it to disk and renames it into place: all of it or none. */
export async function writeAtomically(file: string, body: Uint8Array): Promise<void> {
  const temporary = `${file}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  const handle = await fs.open(temporary, 'w');
  try {
    await handle.writeFile(body);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
  // The rename itself is durable once the folder is flushed too.
  const folder = await fs.open(path.dirname(file), 'r').catch(() => undefined);
  await folder?.sync().catch(() => undefined);
  await folder?.close();
}

export function bucketOf(uri: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < uri.length; i++) hash = Math.imul(hash ^ uri.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % BUCKETS;
}

const sha256 = (body: Uint8Array) => createHash('sha256').update(body).digest('hex');
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

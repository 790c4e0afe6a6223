import type { Cancellation, StatementDocument } from '../model';
import { prepareSearch } from '../search';
import type { ParsedStatement } from './parseForIndex';
import { packForTransfer, unpackTransfer, type PackedStatement } from './transfer';

/** What the file system says of a file without reading it. */
export interface FileStamp {
  readonly size: number;
  readonly mtimeMs: number;
}

/** One parsed corpus file as a store keeps it, with what it takes to tell whether the file has changed since. */
export interface StoredStatement {
  readonly uri: string;
  readonly stamp: FileStamp;
  /** Hash of the bytes that were parsed (contentHash). */
  readonly hash: string;
  /**
   * The file was modified shortly before it was read, within the clock's resolution on some file systems: a
   * second write in the same tick would leave the stamp as it is. Such a file is trusted only after its hash
   * is checked again.
   */
  readonly verify: boolean;
  /** Everything besides the file's bytes that the parse depended on (sidecar metadata, limits), as one string. */
  readonly inputs: string;
  /**
   * The parse as plain data, packed as a parse worker sends it with its document text (transfer.ts): a store
   * serializes it as it is, and texts kept as spans in memory are not stored twice.
   */
  readonly parsed: PackedStatement;
  /** What decoding the file said (an odd encoding), which the indexer reports as it did when it parsed it. */
  readonly warning?: string;
}

/**
 * Where parsed statements outlive the server. The file-system store (server/src/indexStore/) is the one in use;
 * a shared database for corpora no single machine holds can take its place behind the same three calls.
 */
export interface IndexStore {
  /**
   * Every stored statement, a batch at a time. A store that finds its data unreadable, truncated or written by
   * another version throws StoreDiscarded once it has removed that data; the batches yielded before it are sound.
   */
  load(): AsyncIterable<readonly StoredStatement[]>;
  /**
   * Stores the statements of `put` (read through `read`, which is undefined for one gone meanwhile) in place
   * of any stored under their URIs, and removes `removed`. Complete and consistent on disk when it resolves;
   * interrupted at any point, the store holds the former state or the new one.
   */
  save(put: readonly string[], removed: readonly string[], read: (uri: string) => StoredStatement | undefined): Promise<void>;
  /** Removes everything stored. */
  clear(): Promise<void>;
}

/** A stored statement as the cache gives it back, its parse unpacked. */
export type RestoredStatement = Omit<StoredStatement, 'parsed'> & { readonly parsed: ParsedStatement };

/** The store's data could not be trusted and was removed; `message` says where and why, once. */
export class StoreDiscarded extends Error {}

/** How the cache reaches the corpus files to tell whether a stored parse still holds. */
export interface StampSource {
  stat(uri: string): Promise<FileStamp | undefined>;
  readFile(uri: string): Promise<Uint8Array | undefined>;
}

/** What the indexer knows of a file it parsed from disk, to be stored with the parse. */
interface Remembered {
  readonly stamp: FileStamp;
  readonly hash: string;
  readonly verify: boolean;
  readonly inputs: string;
  readonly warning?: string;
}

/** A file modified less than this before it was read may change again without its stamp changing. */
const CLOCK_SLACK_MS = 3000;

/**
 * Between the indexer and a store: on a full pass, gives back the stored parses of files that have not changed
 * (same size and modification time, and the same bytes where that is not enough; the same sidecar metadata and
 * limits); as files are parsed, notes what changed, and writes that to the store when asked (`flush`).
 */
export class IndexCache {
  /** The files whose parse the store holds, or will once flushed, with their stamps. */
  private readonly known = new Map<string, Remembered>();
  private readonly changed = new Set<string>();
  private readonly removed = new Set<string>();
  /** URIs the store holds as far as this cache knows (loaded, or saved since). */
  private readonly stored = new Set<string>();
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    readonly store: IndexStore,
    private readonly files: StampSource,
    private readonly log: (message: string) => void = () => undefined,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /**
   * Parses stored for `uris` that still hold, a batch at a time, in the store's order. `inputsOf` gives what
   * a parse of the file would depend on now. Files not yielded must be parsed.
   */
  async *restore(uris: readonly string[], inputsOf: (uri: string) => string, token?: Cancellation): AsyncGenerator<RestoredStatement[]> {
    const wanted = new Set(uris);
    const restored: string[] = [];
    // A save still being written would be read half old, half new.
    await this.flushing;
    try {
      for await (const batch of this.store.load()) {
        if (token?.isCancellationRequested) return;
        for (const stored of batch) this.stored.add(stored.uri);
        const checked = await Promise.all(batch.map(async stored => (wanted.has(stored.uri) && stored.inputs === inputsOf(stored.uri) && (await this.holds(stored)) ? stored : undefined)));
        const hits = checked.filter((stored): stored is StoredStatement => stored !== undefined);
        for (const stored of hits) {
          wanted.delete(stored.uri);
          restored.push(stored.uri);
          this.known.set(stored.uri, { stamp: stored.stamp, hash: stored.hash, verify: stored.verify, inputs: stored.inputs, warning: stored.warning });
        }
        // An empty source text: a stored document always carries its own.
        if (hits.length) yield hits.map(({ parsed, ...stored }) => ({ ...stored, parsed: unpackTransfer(parsed, '') }));
      }
    } catch (error) {
      if (!(error instanceof StoreDiscarded)) throw error;
      this.log(error.message);
      // The store is empty now: what was restored from it must be written again.
      this.stored.clear();
      for (const uri of restored) this.changed.add(uri);
    }
    // Stored files that are gone or no longer in the corpus.
    for (const uri of this.stored) if (!this.known.has(uri)) this.removed.add(uri);
  }

  /** The stamp to take before reading a file whose parse may be remembered. */
  stamp(uri: string): Promise<FileStamp | undefined> {
    return this.files.stat(uri).catch(() => undefined);
  }

  /** A file was parsed from `bytes`, read after `stamp` was taken. */
  remember(uri: string, stamp: FileStamp | undefined, bytes: Uint8Array, inputs: string, warning?: string): void {
    if (!stamp || stamp.size !== bytes.length) return this.forget(uri);
    this.known.set(uri, { stamp, hash: contentHash(bytes), verify: this.now() - stamp.mtimeMs < CLOCK_SLACK_MS, inputs, warning });
    this.changed.add(uri);
    this.removed.delete(uri);
  }

  /** The index no longer holds the file's parse from disk (deleted, skipped, or shown as edited in the editor). */
  forget(uri: string): void {
    this.known.delete(uri);
    this.changed.delete(uri);
    if (this.stored.has(uri)) this.removed.add(uri);
  }

  /** Whether anything waits to be written. */
  get dirty(): boolean {
    return this.changed.size > 0 || this.removed.size > 0;
  }

  /**
   * Writes what changed since the last flush; `documentOf` gives the indexed document of a URI. Flushes run
   * one after another; a failed one is logged and its changes are tried again by the next.
   */
  flush(documentOf: (uri: string) => StatementDocument | undefined): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (!this.dirty) return;
      const put = [...this.changed], removed = [...this.removed];
      this.changed.clear();
      this.removed.clear();
      try {
        await this.store.save(put, removed, uri => {
          const known = this.known.get(uri), document = documentOf(uri);
          // Read together, so the stamp is the one of the file this document was parsed from.
          return known && document ? { uri, ...known, parsed: packForTransfer({ document, search: prepareSearch(document) }, '') } : undefined;
        });
        for (const uri of put) if (this.known.has(uri)) this.stored.add(uri);
        for (const uri of removed) this.stored.delete(uri);
      } catch (error) {
        this.log(`Could not write the index cache: ${error instanceof Error ? error.message : String(error)}`);
        for (const uri of put) if (this.known.has(uri)) this.changed.add(uri);
        for (const uri of removed) if (!this.known.has(uri)) this.removed.add(uri);
      }
    });
    return this.flushing;
  }

  /** Resolves when no flush is being written. */
  settled(): Promise<void> {
    return this.flushing;
  }

  /** Empties the store and forgets what it held; the next flush writes only what changes after this. */
  async clear(): Promise<void> {
    await this.flushing;
    this.known.clear();
    this.changed.clear();
    this.removed.clear();
    this.stored.clear();
    await this.store.clear();
  }

  private async holds(stored: StoredStatement): Promise<boolean> {
    const stamp = await this.files.stat(stored.uri).catch(() => undefined);
    if (!stamp || stamp.size !== stored.stamp.size || stamp.mtimeMs !== stored.stamp.mtimeMs) return false;
    if (!stored.verify) return true;
    const bytes = await this.files.readFile(stored.uri).catch(() => undefined);
    return bytes !== undefined && contentHash(bytes) === stored.hash;
  }
}

/** FNV-1a over the bytes, twice with different seeds, as 16 hex digits: tells a changed file from the same one. */
export function contentHash(bytes: Uint8Array): string {
  let a = 0x811c9dc5, b = 0x01000193 ^ bytes.length;
  for (let i = 0; i < bytes.length; i++) {
    a = Math.imul(a ^ bytes[i], 0x01000193);
    b = Math.imul(b ^ bytes[i], 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

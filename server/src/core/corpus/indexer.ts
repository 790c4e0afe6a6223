import { CorpusIndex } from './corpusIndex';
import { decodeCorpusFile } from '../read/decode';
import type { Cancellation, DocumentProblem, GivenMetadata, StatementDocument } from '../model';
import type { PreparedSearch } from '../search';
import type { IndexCache } from './indexCache';
import { fileNameOf } from '../read/uris';
import { isSidecarFile, readSidecar, type Sidecar } from '../read/sidecar';
import { combineRules, isPeopleFile, readPeopleRules, type PeopleRules } from '../identity/peopleRules';
import type { StatementSource } from '../understand/statement';
import { parseForIndex, type ParsedStatement } from './parseForIndex';
import { packForTransfer, unpackTransfer } from './transfer';
import { FileTooLarge, folderOf, isCorpusDocument, type CorpusHost } from './workspace';

export interface IndexLimits {
  /** Files larger than this are skipped with a message. */
  readonly maxFileBytes: number;
  /** Lines longer than this (in characters) are not read, with a message; the rest of the file is. */
  readonly maxLineLength: number;
}

/** Real statements have lines of at most a few thousand characters; a whole scraped article on one line fits. */
export const DEFAULT_LIMITS: IndexLimits = { maxFileBytes: 20 * 1024 * 1024, maxLineLength: 100_000 };

/** A file the indexer could not read (fully), for the output channel and a diagnostic. */
export interface FileProblem extends DocumentProblem {
  readonly uri: string;
}

export interface IndexReport {
  readonly documents: number;
  readonly quotes: number;
  readonly people: number;
  readonly durationMs: number;
  readonly problems: FileProblem[];
  /** Empty and whitespace-only files: not documents, skipped without a diagnostic each. */
  readonly emptyFiles?: number;
  /** Of a full pass with a cache: documents taken from it, and documents parsed. */
  readonly cached?: { readonly restored: number; readonly parsed: number };
}

/** Parses a document for the index, possibly off the main thread (the server runs a worker pool). */
export type StatementParser = (source: StatementSource) => Promise<ParsedStatement>;

export interface IndexerOptions {
  /** Limits not given take their DEFAULT_LIMITS value. */
  readonly limits?: Partial<IndexLimits>;
  /** Defaults to parsing in the calling thread. */
  readonly parser?: StatementParser;
  /** Files read and parsed at once during a full pass when a parser is given. */
  readonly concurrency?: number;
  /**
   * With a parser, one lane of a full pass parses documents of up to this many characters in this thread
   * instead (0, the default: none). With one worker, on two cores, the main thread is otherwise idle between
   * storing the worker's parses, and the worker alone bounds the pass; a second worker would cost a heap of its
   * own. Larger documents still go to the parser, so a request waits behind one small parse at most.
   */
  readonly parseHereUpTo?: number;
  readonly now?: () => number;
  /** Parses kept from earlier runs: files that have not changed are taken from it instead of parsed. */
  readonly cache?: IndexCache;
}

/** What a full pass is doing, for progress: taking parses from the cache, or parsing files. */
export type IndexPhase = 'cache' | 'parse';

/**
 * Keeps a CorpusIndex in step with the files of a host: a full pass, then one file at a time as files change.
 * A file that cannot be read is reported and skipped; it never stops the others from being indexed.
 */
export class CorpusIndexer {
  readonly index = new CorpusIndex();
  private readonly sidecars = new Map<string, Sidecar & { uri: string }>();
  /** people.yaml of each corpus folder, by URI; all of them apply to the whole corpus. */
  private readonly peopleRules = new Map<string, PeopleRules>();
  /** Text of documents open in the editor, which wins over the file on disk. */
  private readonly openTexts = new Map<string, string>();
  private readonly problemsByUri = new Map<string, DocumentProblem[]>();
  /**
   * Bumped on every read, deletion and edit of a file. A parse that comes back from the worker pool after a
   * newer event (a deletion, a second change whose parse finished first) is dropped instead of stored.
   */
  private readonly versions = new Map<string, number>();
  /** Files on disk that are empty or whitespace only; a folder of 200,000 of them is no diagnostic storm. */
  private readonly emptyFiles = new Set<string>();

  private readonly limits: IndexLimits;
  private readonly parser: StatementParser | undefined;
  private readonly concurrency: number;
  private readonly parseHereUpTo: number;
  private readonly now: () => number;
  readonly cache: IndexCache | undefined;

  constructor(private readonly host: CorpusHost, options: IndexerOptions = {}) {
    this.limits = { ...DEFAULT_LIMITS, ...options.limits };
    this.parser = options.parser;
    this.concurrency = options.parser ? Math.max(1, options.concurrency ?? 16) : 1;
    this.parseHereUpTo = options.parser ? options.parseHereUpTo ?? 0 : 0;
    this.now = options.now ?? (() => Date.now());
    this.cache = options.cache;
  }

  problems(): FileProblem[] {
    return [...this.problemsByUri].flatMap(([uri, problems]) => problems.map(problem => ({ ...problem, uri })));
  }

  problemsOf(uri: string): DocumentProblem[] {
    return this.problemsByUri.get(uri) ?? [];
  }

  /** Indexes every file of the host from scratch; `progress` is called as files are done. */
  async indexAll(token?: Cancellation, progress?: (done: number, total: number, phase: IndexPhase) => void): Promise<IndexReport> {
    const started = this.now();
    const files = await this.host.listFiles(token);
    const wanted = new Set(files);
    for (const document of [...this.index.all()]) if (!wanted.has(document.uri) && !this.openTexts.has(document.uri)) this.index.delete(document.uri);
    this.sidecars.clear();
    this.peopleRules.clear();
    this.problemsByUri.clear();
    this.emptyFiles.clear();
    for (const uri of files.filter(uri => isSidecarFile(fileNameOf(uri)))) await this.loadSidecar(uri);
    this.index.setPeopleRules(combineRules(this.peopleRules.values()));
    let documents = files.filter(isCorpusDocument);
    const total = documents.length;
    let done = 0, next = 0;
    let cached: IndexReport['cached'];
    if (this.cache) {
      const restored = new Set<string>();
      for await (const batch of this.cache.restore(documents, uri => this.inputsOf(uri), token)) {
        for (const stored of batch) {
          // An open document is indexed from the editor's text, which wins.
          if (this.openTexts.has(stored.uri)) continue;
          this.bump(stored.uri);
          this.problemsByUri.delete(stored.uri);
          this.emptyFiles.delete(stored.uri);
          if (stored.warning) this.problem(stored.uri, 'warning', stored.warning);
          this.store(stored.parsed.document, stored.parsed.search);
          restored.add(stored.uri);
          progress?.(++done, total, 'cache');
        }
        // Requests are answered between batches, from what is loaded so far.
        await new Promise(resolve => setImmediate(resolve));
      }
      documents = documents.filter(uri => !restored.has(uri));
      cached = { restored: restored.size, parsed: documents.length };
    }
    // Several files in flight keep a worker pool busy; with an in-thread parser this is one at a time. The
    // first lane parses small documents here when parseHereUpTo says so; lanes take files as they finish, so
    // the split follows the speed of each side.
    const lane = async (here: boolean) => {
      while (next < documents.length && !token?.isCancellationRequested) {
        await this.indexDocument(documents[next++], here);
        progress?.(++done, total, 'parse');
        // Let the event loop answer requests between files during a long pass.
        if (done % 200 === 0) await new Promise(resolve => setImmediate(resolve));
      }
    };
    await Promise.all(Array.from({ length: this.concurrency }, (_, i) => lane(i === 0 && this.parseHereUpTo > 0)));
    return { ...this.report(started), ...(cached ? { cached } : {}) };
  }

  /** A file was created or changed on disk. */
  async fileChanged(uri: string): Promise<IndexReport> {
    const started = this.now();
    if (isPeopleFile(fileNameOf(uri))) {
      await this.loadSidecar(uri);
      this.index.setPeopleRules(combineRules(this.peopleRules.values()));
    } else if (isSidecarFile(fileNameOf(uri))) {
      await this.loadSidecar(uri);
      const folder = folderOf(uri);
      for (const document of [...this.index.all()]) if (folderOf(document.uri) === folder) await this.indexDocument(document.uri);
    } else if (isCorpusDocument(uri)) {
      await this.indexDocument(uri);
    }
    return this.report(started);
  }

  /** A file was deleted. */
  fileDeleted(uri: string): IndexReport {
    const started = this.now();
    this.bump(uri);
    this.cache?.forget(uri);
    this.index.delete(uri);
    this.problemsByUri.delete(uri);
    this.emptyFiles.delete(uri);
    if (this.peopleRules.delete(uri)) this.index.setPeopleRules(combineRules(this.peopleRules.values()));
    if (this.sidecars.delete(uri)) {
      const folder = folderOf(uri);
      for (const document of [...this.index.all()]) {
        if (folderOf(document.uri) !== folder) continue;
        this.cache?.forget(document.uri);
        this.parseAndStore(document.uri, document.text);
      }
    }
    return this.report(started);
  }

  /** An open corpus document was edited: index the editor's text. */
  documentEdited(uri: string, text: string): IndexReport {
    const started = this.now();
    this.bump(uri);
    this.openTexts.set(uri, text);
    this.cache?.forget(uri);
    this.parseAndStore(uri, text);
    return this.report(started);
  }

  /** An open corpus document was closed: go back to what is on disk. */
  async documentClosed(uri: string): Promise<void> {
    if (this.openTexts.delete(uri)) await this.indexDocument(uri);
  }

  private async indexDocument(uri: string, here = false): Promise<void> {
    const open = this.openTexts.get(uri);
    if (open !== undefined) {
      this.parseAndStore(uri, open);
      return;
    }
    const version = this.bump(uri);
    this.problemsByUri.delete(uri);
    this.emptyFiles.delete(uri);
    // Forgotten until a parse of these very bytes is stored; taken before reading, so a later write shows.
    this.cache?.forget(uri);
    const stamp = this.cache && (await this.cache.stamp(uri));
    const tooLarge = (size: number) => {
      this.index.delete(uri);
      this.problem(uri, 'warning', `Skipped: ${(size / 1048576).toFixed(1)} MB is over the limit of ${(this.limits.maxFileBytes / 1048576).toFixed(1)} MB (setting statementLens.corpus.maxFileSizeMB).`);
    };
    try {
      const bytes = await this.host.readFile(uri, this.limits.maxFileBytes);
      if (bytes === undefined) {
        this.index.delete(uri); // deleted while we were indexing
        return;
      }
      if (bytes.length > this.limits.maxFileBytes) return tooLarge(bytes.length);
      if (isBlank(bytes)) {
        this.index.delete(uri);
        this.emptyFiles.add(uri);
        return;
      }
      const decoded = decodeCorpusFile(bytes);
      if ('error' in decoded) {
        this.index.delete(uri);
        return this.problem(uri, 'error', decoded.error);
      }
      if (decoded.warning) this.problem(uri, 'warning', decoded.warning);
      const inThread = !this.parser || (here && decoded.text.length <= this.parseHereUpTo);
      // Deleted, changed again, or opened in the editor while it was read: the newer event decides.
      if (inThread && (this.versions.get(uri) !== version || this.openTexts.has(uri))) return;
      const stored = inThread ? this.parseAndStore(uri, decoded.text) : await this.parseInParser(uri, decoded.text, version);
      if (stored && this.versions.get(uri) === version) this.cache?.remember(uri, stamp, bytes, this.inputsOf(uri), decoded.warning);
    } catch (error) {
      if (error instanceof FileTooLarge) return tooLarge(error.size);
      this.index.delete(uri);
      this.problem(uri, 'error', `Could not read the file: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /** Parses and indexes a text; true when it was indexed. */
  private parseAndStore(uri: string, text: string): boolean {
    try {
      // Packed and unpacked as a worker's parse is, so texts that read as their span are not kept twice.
      const { document, search } = unpackTransfer(packForTransfer(parseForIndex({ uri, text, sidecar: this.sidecarFor(uri), maxLineLength: this.limits.maxLineLength }), text), text);
      this.store(document, search);
      return true;
    } catch (error) {
      // A bug in one rule must not take the corpus down: report it and keep going.
      this.index.delete(uri);
      this.problem(uri, 'error', `Could not analyse the document: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  private async parseInParser(uri: string, text: string, version: number): Promise<boolean> {
    try {
      const { document, search } = await this.parser!({ uri, text, sidecar: this.sidecarFor(uri), maxLineLength: this.limits.maxLineLength });
      // Deleted, changed again, or opened in the editor meanwhile: the newer event decides.
      if (this.versions.get(uri) !== version || this.openTexts.has(uri)) return false;
      this.store(document, search);
      return true;
    } catch (error) {
      if (this.versions.get(uri) !== version) return false;
      this.index.delete(uri);
      this.problem(uri, 'error', `Could not analyse the document: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  }

  private store(document: StatementDocument, search?: PreparedSearch): void {
    this.index.set(document, search);
    if (document.problems.length) this.problemsByUri.set(document.uri, [...(this.problemsByUri.get(document.uri) ?? []), ...document.problems]);
  }

  /** What a parse of the file depends on besides its bytes: its sidecar metadata and the line limit. */
  private inputsOf(uri: string): string {
    return JSON.stringify([this.sidecarFor(uri) ?? null, this.limits.maxLineLength]);
  }

  private bump(uri: string): number {
    const version = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, version);
    return version;
  }

  private sidecarFor(uri: string): GivenMetadata | undefined {
    const folder = folderOf(uri), name = fileNameOf(uri);
    for (const sidecar of this.sidecars.values()) {
      if (folderOf(sidecar.uri) !== folder) continue;
      const entry = sidecar.entries.get(name);
      if (entry) return entry;
    }
    return undefined;
  }

  private async loadSidecar(uri: string): Promise<void> {
    this.problemsByUri.delete(uri);
    // Same limit as documents: a sidecar is read whole and parsed on the main thread, so a huge one would
    // stall every request. Over it, the sidecar is left out and the documents are indexed without it.
    const tooLarge = (size: number) => {
      this.sidecars.delete(uri);
      this.peopleRules.delete(uri);
      this.problem(uri, 'warning', `Sidecar skipped: ${(size / 1048576).toFixed(1)} MB is over the limit of ${(this.limits.maxFileBytes / 1048576).toFixed(1)} MB (setting statementLens.corpus.maxFileSizeMB); the documents of this folder are indexed without it.`);
    };
    try {
      const bytes = await this.host.readFile(uri, this.limits.maxFileBytes);
      if (!bytes) {
        this.sidecars.delete(uri);
        this.peopleRules.delete(uri);
        return;
      }
      if (bytes.length > this.limits.maxFileBytes) return tooLarge(bytes.length);
      const decoded = decodeCorpusFile(bytes);
      if ('error' in decoded) return this.problem(uri, 'error', decoded.error);
      if (isPeopleFile(fileNameOf(uri))) {
        const { rules, problems } = readPeopleRules(decoded.text);
        this.peopleRules.set(uri, rules);
        if (problems.length) this.problemsByUri.set(uri, problems);
        return;
      }
      const sidecar = readSidecar(fileNameOf(uri), decoded.text);
      this.sidecars.set(uri, { ...sidecar, uri });
      if (sidecar.problems.length) this.problemsByUri.set(uri, sidecar.problems);
    } catch (error) {
      if (error instanceof FileTooLarge) return tooLarge(error.size);
      this.problem(uri, 'error', `Could not read the sidecar: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private problem(uri: string, severity: DocumentProblem['severity'], message: string): void {
    this.problemsByUri.set(uri, [...(this.problemsByUri.get(uri) ?? []), { severity, message }]);
  }

  private report(started: number): IndexReport {
    return { ...this.index.stats(), durationMs: Math.round(this.now() - started), problems: this.problems(), emptyFiles: this.emptyFiles.size };
  }
}

/** Empty, or only spaces and line ends (UTF-8 or ASCII); a UTF-8 byte order mark alone counts as empty. */
function isBlank(bytes: Uint8Array): boolean {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = start; i < bytes.length; i++) {
    const byte = bytes[i];
    if (byte !== 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
  }
  return true;
}

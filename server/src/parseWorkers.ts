import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { unpackTransfer, type PackedStatement, type ParsedStatement, type StatementParser } from './core';
import { WordReceiver, type SentVocabulary } from './workerWords';

interface Pending {
  /** The text sent to be parsed: the worker does not send it back (see core/transfer.ts). */
  readonly text: string;
  resolve(parsed: ParsedStatement): void;
  reject(error: Error): void;
}

/** A parser on worker threads: `size` workers when running, `running` now; `release` stops them after a pass. */
export type ParserPool = StatementParser & { dispose(): void; release(): void; readonly running: number; readonly size: number };

/**
 * How long the pool waits with nothing to parse before it stops its workers. Each keeps a heap of its own
 * (70–150 MB after a full pass over ../shared/corpora); a later parse starts them again, in well under the
 * two seconds in which a changed file is indexed.
 */
const IDLE_MS = 5_000;

/**
 * A pool of worker threads running `parseStatement`, so that a full index of a large corpus uses the other
 * cores while the main thread builds the search index and answers requests: one worker fewer than cores, since
 * each keeps a heap of its own and the main thread is busy through a pass too (on 2 cores a second worker
 * added 100 MB to the peak and took CPU from the main thread). Returns undefined (parse in-thread) on one core
 * or when the worker bundle is missing (running from sources). Workers start on the first parse and stop when
 * the pool has been idle for IDLE_MS.
 */
export function createParserPool(workerFile = path.join(__dirname, 'parseWorker.js'), size = availableParallelism() - 1, idleMs = IDLE_MS): ParserPool | undefined {
  if (size < 1 || !existsSync(workerFile)) return undefined;
  let workers: Worker[] = [];
  const pending = new Map<number, Pending>();
  const load = new Map<Worker, number>();
  let nextId = 0;
  let idle: NodeJS.Timeout | undefined;
  const stop = () => {
    for (const worker of workers) void worker.terminate();
    workers = [];
    load.clear();
  };
  const start = () => {
    workers = Array.from({ length: size }, () => new Worker(workerFile));
    for (const worker of workers) {
      load.set(worker, 0);
      worker.unref();
      const words = new WordReceiver();
      worker.on('message', (message: { id: number; packed?: PackedStatement; vocabulary?: SentVocabulary; error?: string }) => {
        load.set(worker, load.get(worker)! - 1);
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        // Words are taken in message order even for a parse no one waits for: later numbers follow on from them.
        if (message.packed) {
          const vocabulary = words.receive(message.vocabulary!);
          if (waiting) {
            const { document, search } = unpackTransfer({ ...message.packed, search: { ...message.packed.search, vocabulary } }, waiting.text);
            // The index maps this worker's numbers to its word ids once, not each document's words by their characters.
            waiting.resolve({ document, search: { ...search, numbered: { numbering: words, ids: message.vocabulary!.ids } } });
          }
        }
        else waiting?.reject(new Error(message.error ?? 'parse failed'));
        if (pending.size === 0) {
          clearTimeout(idle);
          idle = setTimeout(stop, idleMs);
          idle.unref();
        }
      });
      worker.on('error', error => {
        for (const waiting of pending.values()) waiting.reject(error);
        pending.clear();
      });
    }
  };
  const parser = (source => {
    clearTimeout(idle);
    if (workers.length === 0) start();
    const id = nextId++;
    const worker = workers.reduce((best, candidate) => (load.get(candidate)! < load.get(best)! ? candidate : best));
    load.set(worker, load.get(worker)! + 1);
    return new Promise<ParsedStatement>((resolve, reject) => {
      pending.set(id, { text: source.text, resolve, reject });
      worker.postMessage({ id, source });
    });
  }) as ParserPool;
  // A full pass is done: the workers' heaps go now rather than IDLE_MS later, unless a parse is under way.
  parser.release = () => {
    if (pending.size > 0) return;
    clearTimeout(idle);
    stop();
  };
  parser.dispose = () => {
    clearTimeout(idle);
    stop();
  };
  Object.defineProperty(parser, 'running', { get: () => workers.length });
  Object.defineProperty(parser, 'size', { value: size });
  return parser;
}

/**
 * With one parse worker (two cores), a full pass parses documents up to this many characters on the main thread
 * too (96% of ../shared/corpora's files, three quarters of its bytes); a request waits behind one such parse,
 * some 20 ms on ordinary text (a few tenths of a second on a hostile file of that size). With more workers the
 * main thread has their parses to store.
 */
const PARSE_HERE_UP_TO = 32_000;

/** The indexer's `parseHereUpTo` for a pool (none without one: everything is parsed here anyway). */
export const parseHereUpTo = (pool: { readonly size?: number } | undefined): number => (pool?.size === 1 ? PARSE_HERE_UP_TO : 0);

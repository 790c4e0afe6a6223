import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { unpackTransfer, type PackedStatement, type ParsedStatement, type StatementParser } from './core';

interface Pending {
  /** The text sent to be parsed: the worker does not send it back (see core/transfer.ts). */
  readonly text: string;
  resolve(parsed: ParsedStatement): void;
  reject(error: Error): void;
}

/**
 * A pool of worker threads running `parseStatement`, so that a full index of a large corpus uses every core
 * while the main thread builds the search index and answers requests. Returns undefined (parse in-thread)
 * on one core or when the worker bundle is missing (running from sources).
 */
export function createParserPool(workerFile = path.join(__dirname, 'parseWorker.js'), size = availableParallelism()): (StatementParser & { dispose(): void }) | undefined {
  if (size < 2 || !existsSync(workerFile)) return undefined;
  const workers = Array.from({ length: size }, () => new Worker(workerFile));
  const pending = new Map<number, Pending>();
  const load = new Map<Worker, number>(workers.map(worker => [worker, 0]));
  let nextId = 0;
  for (const worker of workers) {
    worker.unref();
    worker.on('message', (message: { id: number; packed?: PackedStatement; error?: string }) => {
      load.set(worker, load.get(worker)! - 1);
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.packed) waiting?.resolve(unpackTransfer(message.packed, waiting.text));
      else waiting?.reject(new Error(message.error ?? 'parse failed'));
    });
    worker.on('error', error => {
      for (const waiting of pending.values()) waiting.reject(error);
      pending.clear();
    });
  }
  const parser = (source => {
    const id = nextId++;
    const worker = workers.reduce((best, candidate) => (load.get(candidate)! < load.get(best)! ? candidate : best));
    load.set(worker, load.get(worker)! + 1);
    return new Promise<ParsedStatement>((resolve, reject) => {
      pending.set(id, { text: source.text, resolve, reject });
      worker.postMessage({ id, source });
    });
  }) as StatementParser & { dispose(): void };
  parser.dispose = () => workers.forEach(worker => void worker.terminate());
  return parser;
}

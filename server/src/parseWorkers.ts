import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ParsedStatement, StatementParser } from './core';

interface Pending {
  resolve(parsed: ParsedStatement): void;
  reject(error: Error): void;
}

/**
 * A pool of worker threads running `parseStatement`, so that a full index of a large corpus uses every core
 * while the main thread builds the search index and answers requests. Returns undefined (parse in-thread)
 * on one core or when the worker bundle is missing (running from sources). The threads start on the first
 * parse: a start that takes every file from the index cache never loads them.
 */
export function createParserPool(workerFile = path.join(__dirname, 'parseWorker.js'), size = availableParallelism()): (StatementParser & { dispose(): void }) | undefined {
  if (size < 2 || !existsSync(workerFile)) return undefined;
  const workers: Worker[] = [];
  const pending = new Map<number, Pending>();
  const load = new Map<Worker, number>();
  let nextId = 0;
  const startWorkers = () => {
    for (let i = 0; i < size; i++) {
      const worker = new Worker(workerFile);
      workers.push(worker);
      load.set(worker, 0);
      worker.unref();
      worker.on('message', (message: { id: number; parsed?: ParsedStatement; error?: string }) => {
        load.set(worker, load.get(worker)! - 1);
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (message.parsed) waiting?.resolve(message.parsed);
        else waiting?.reject(new Error(message.error ?? 'parse failed'));
      });
      worker.on('error', error => {
        for (const waiting of pending.values()) waiting.reject(error);
        pending.clear();
      });
    }
  };
  const parser = (source => {
    if (workers.length === 0) startWorkers();
    const id = nextId++;
    const worker = workers.reduce((best, candidate) => (load.get(candidate)! < load.get(best)! ? candidate : best));
    load.set(worker, load.get(worker)! + 1);
    return new Promise<ParsedStatement>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      worker.postMessage({ id, source });
    });
  }) as StatementParser & { dispose(): void };
  parser.dispose = () => workers.forEach(worker => void worker.terminate());
  return parser;
}

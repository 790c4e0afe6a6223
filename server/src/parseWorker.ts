/** Worker thread body for parseWorkers.ts: parses one statement per message. */
import { parentPort } from 'node:worker_threads';
import { parseForIndex, type StatementSource } from './core';

parentPort?.on('message', ({ id, source }: { id: number; source: StatementSource }) => {
  try {
    const parsed = parseForIndex(source);
    // The typed arrays move to the main thread instead of being copied.
    parentPort!.postMessage({ id, parsed }, [parsed.search.words.buffer as ArrayBuffer, parsed.search.offsets.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});

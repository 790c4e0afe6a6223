/** Worker thread body for parseWorkers.ts: parses one statement per message. */
import { parentPort } from 'node:worker_threads';
import { packForTransfer, parseForIndex, type StatementSource } from './core';

parentPort?.on('message', ({ id, source }: { id: number; source: StatementSource }) => {
  try {
    // Packed: strings the main thread has already (the text it sent, cuts of it) are not copied back.
    const packed = packForTransfer(parseForIndex(source), source.text);
    // The typed arrays move to the main thread instead of being copied.
    parentPort!.postMessage({ id, packed }, [packed.search.words.buffer as ArrayBuffer, packed.search.offsets.buffer as ArrayBuffer, packed.search.places.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});

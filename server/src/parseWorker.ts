/** Worker thread body for parseWorkers.ts: parses one statement per message. */
import { parentPort } from 'node:worker_threads';
import { packForTransfer, parseForIndex, type StatementSource } from './core';
import { WordSender } from './workerWords';

const words = new WordSender();

parentPort?.on('message', ({ id, source }: { id: number; source: StatementSource }) => {
  try {
    // Packed: strings the main thread has already (the text it sent, cuts of it) are not copied back.
    const { document, search } = packForTransfer(parseForIndex(source), source.text);
    const vocabulary = words.send(search.vocabulary);
    const packed = { document, search: { ...search, vocabulary: [] } };
    // The typed arrays move to the main thread instead of being copied.
    parentPort!.postMessage({ id, packed, vocabulary }, [search.words.buffer as ArrayBuffer, search.offsets.buffer as ArrayBuffer, search.places.buffer as ArrayBuffer, vocabulary.ids.buffer as ArrayBuffer]);
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});

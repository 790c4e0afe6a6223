/** Worker thread body for parseWorkers.ts: parses one statement per message. */
import { parentPort } from 'node:worker_threads';
import { parseStatement, type StatementSource } from './core';

parentPort?.on('message', ({ id, source }: { id: number; source: StatementSource }) => {
  try {
    parentPort!.postMessage({ id, document: parseStatement(source) });
  } catch (error) {
    parentPort!.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});

import * as path from 'node:path';
import { CorpusIndexer, type CorpusHost } from '../server/src/core';
import { FileSystemCorpusHost, resolveRoots, uriOf } from '../server/src/corpusFiles';
import { limitHeapGrowth } from '../server/src/heapGrowth';
import { createParserPool } from '../server/src/parseWorkers';
import { ScaledCorpusHost } from './scale';

export const CORPORA = path.resolve(__dirname, '..', '..', 'shared', 'corpora');

/** BENCH_SCALE=2 or 4 indexes the corpus with 1 or 3 altered copies (see scale.ts); default 1. */
export const SCALE = Math.max(1, Math.floor(Number(process.env.BENCH_SCALE ?? 1)) || 1);

export interface IndexRun {
  indexer: CorpusIndexer;
  files: number;
  bytes: number;
  seconds: number;
  /** User + system CPU of the whole process (main thread and parse workers) during the pass. */
  cpuSeconds: number;
  peakRssMB: number;
  dispose(): void;
}

/** Indexes all of ../shared/corpora (times SCALE) through the real file-system host, as the server does. */
export async function indexCorpora(): Promise<IndexRun> {
  // As the server and the CLI do at start.
  limitHeapGrowth();
  const files: CorpusHost = new FileSystemCorpusHost(resolveRoots([CORPORA], []));
  const host = SCALE > 1 ? new ScaledCorpusHost(files, uriOf(CORPORA), SCALE) : files;
  // The built worker bundle, as the server uses it (npm run build first).
  const parser = createParserPool(path.resolve(__dirname, '..', 'server', 'out', 'parseWorker.js'));
  const indexer = new CorpusIndexer(host, { parser });
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const report = await indexer.indexAll();
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  let bytes = 0;
  for (const document of indexer.index.all()) bytes += Buffer.byteLength(document.text);
  if (report.problems.length) console.log(`  problems: ${report.problems.length} (first: ${report.problems[0].uri} ${report.problems[0].message})`);
  return { indexer, files: report.documents, bytes, seconds, cpuSeconds: (used.user + used.system) / 1e6, peakRssMB: peak / 1048576, dispose: () => parser?.dispose() };
}

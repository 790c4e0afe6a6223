import * as path from 'node:path';
import { CorpusIndexer } from '../server/src/core';
import { FileSystemCorpusHost, resolveRoots } from '../server/src/corpusFiles';
import { createParserPool } from '../server/src/parseWorkers';

export const CORPORA = path.resolve(__dirname, '..', '..', 'shared', 'corpora');

/** Indexes all of ../shared/corpora through the real file-system host, as the server does. */
export async function indexCorpora(): Promise<{ indexer: CorpusIndexer; files: number; bytes: number; seconds: number; peakRssMB: number; dispose(): void }> {
  const host = new FileSystemCorpusHost(resolveRoots([CORPORA], []));
  // The built worker bundle, as the server uses it (npm run build first).
  const parser = createParserPool(path.resolve(__dirname, '..', 'server', 'out', 'parseWorker.js'));
  const indexer = new CorpusIndexer(host, { parser });
  let peak = process.memoryUsage.rss();
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 50);
  const started = performance.now();
  const report = await indexer.indexAll();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage.rss());
  let bytes = 0;
  for (const document of indexer.index.all()) bytes += Buffer.byteLength(document.text);
  if (report.problems.length) console.log(`  problems: ${report.problems.length} (first: ${report.problems[0].uri} ${report.problems[0].message})`);
  return { indexer, files: report.documents, bytes, seconds, peakRssMB: peak / 1048576, dispose: () => parser?.dispose() };
}

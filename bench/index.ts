/**
 * `npm run bench` (after `npm run build`): indexing, incremental updates, quote search against plain fuse.js,
 * name features and adversarial inputs, on ../shared/corpora. Prints figures; asserts nothing.
 */
import { existsSync } from 'node:fs';
import { indexCorpora, CORPORA } from './indexCorpora';
import { benchPlainFuse, benchSearch } from './search';
import { benchWriters, handQueries, searchableStrings, writerQueries } from './searchWriters';
import { benchLibraries } from './searchLibraries';
import { benchNames } from './names';
import { benchDraftCheck } from './draftCheck';
import { benchAdversarial } from './adversarial';
import { benchModel } from './model';
import { benchPeople } from './people';
import { benchTree } from './tree';
import { ms, percentile } from './stats';

const section = (title: string) => console.log(`\n## ${title}`);
/** BENCH_SECTIONS=names,adversarial runs only those (indexing always runs); default: everything. */
const wanted = (name: string) => !process.env.BENCH_SECTIONS || process.env.BENCH_SECTIONS.split(',').includes(name);

async function main(): Promise<void> {
  if (!existsSync(CORPORA)) {
    console.log(`../shared/corpora not found at ${CORPORA}; nothing to measure.`);
    return;
  }
  section('Indexing all of ../shared/corpora (worker pool + main-thread search index)');
  const run = await indexCorpora();
  const mb = run.bytes / 1048576;
  const stats = run.indexer.index.stats();
  console.log(`${run.files} documents, ${mb.toFixed(1)} MB in ${run.seconds.toFixed(1)} s: ${(run.files / run.seconds).toFixed(0)} documents/s, ${(mb / run.seconds).toFixed(2)} MB/s; peak RSS ${run.peakRssMB.toFixed(0)} MB`);
  console.log(`model: ${stats.quotes} quotations, ${stats.people} people; problems reported: ${run.indexer.problems().length}`);

  if (wanted('model')) {
    section('The statement model on the whole corpus');
    benchModel(run.indexer.index);
  }

  if (wanted('incremental')) {
  section('Incremental: one changed file re-indexed (fileChanged), 30 files');
  const uris = [...run.indexer.index.all()].map(d => d.uri).filter((_, i) => i % 400 === 0).slice(0, 30);
  const times: number[] = [];
  for (const uri of uris) {
    const started = performance.now();
    await run.indexer.fileChanged(uri);
    times.push(performance.now() - started);
  }
  console.log(`p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, max ${ms(Math.max(...times))}`);
  }

  if (wanted('people')) {
    section('People: cross-document resolution, gold merges, top people, the speaker view');
    benchPeople(run.indexer.index, run.seconds);
  }

  if (wanted('tree')) {
    section('The Statements view on the whole corpus: first rows after indexing, sort switches');
    benchTree(run.indexer.index);
  }

  while (run.indexer.index.warmUp()) { /* finish deferred trigram work before timing queries */ }
  const workload = wanted('search') || wanted('fuse') ? (section('Quote search: 200 real statements with 1-2 typos and a dropped word'), await benchSearch(run.indexer.index)) : undefined;

  if (wanted('writers')) {
    section('Quote search as writers type it: 4-10 words of a quotation with one kind of edit each, and 50 hand-written queries');
    benchWriters(run.indexer.index);
    if (process.env.LIBRARIES) {
      section('The same writer queries on MiniSearch, FlexSearch and plain fuse.js over the same strings (LIBRARY_QUERIES of each set)');
      const strings = searchableStrings(run.indexer.index);
      const queries = writerQueries(strings, Number(process.env.WRITER_QUERIES ?? 300), Number(process.env.WRITER_SEED ?? 42));
      benchLibraries(strings, queries, handQueries(), (query, limit) => run.indexer.index.searchQuotes(query, limit));
    }
  }

  if (wanted('names')) {
    section('Names: hover, definition, references on the whole corpus');
    benchNames(run.indexer.index);
  }

  if (wanted('draft')) {
    section('Draft quote check: a 5,000-word draft against the whole corpus');
    benchDraftCheck(run.indexer.index);
  }

  run.dispose();
  if (wanted('adversarial')) {
    section('Adversarial inputs: parse time against size (should grow linearly)');
    benchAdversarial();
  }
  if (workload && wanted('fuse')) {
    section('Side by side with plain fuse.js over the same strings (each plain query scans all of them; FUSE_QUERIES sets how many)');
    benchPlainFuse(run.indexer.index, workload);
  }
}

main().then(() => process.exit(0), error => {
  console.error(error);
  process.exit(1);
});

/**
 * `npm run bench` (after `npm run build`): indexing, incremental updates, quote search against plain fuse.js,
 * name features, requests to the built server under load, and adversarial inputs, on ../shared/corpora. Prints figures; asserts nothing.
 */
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { indexCorpora, CORPORA, SCALE } from './indexCorpora';
import { memoryByStructure, memoryNow, workerTransfer } from './memory';
import { benchServerProcesses } from './serverProcess';
import { benchPlainFuse, benchSearch } from './search';
import { benchWriters, handQueries, searchableStrings, writerQueries } from './searchWriters';
import { benchLibraries } from './searchLibraries';
import { benchNames } from './names';
import { benchDraftCheck, plantDraft } from './draftCheck';
import { benchRequests } from './requests';
import { benchAdversarial } from './adversarial';
import { benchModel } from './model';
import { benchPeople } from './people';
import { benchWarmStart } from './warmStart';
import { benchTimeline } from './timeline';
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
  if (process.env.BENCH_SECTIONS === 'requests') {
    // Alone, the server's own pass is the only index (no 5,000-word draft to check then: it is made from the index).
    section('Requests over stdio to the built server: references on frequent names, 16 mixed requests in flight');
    await benchRequests();
    return;
  }
  if (wanted('warmstart')) {
    section('Start-up of the built server, cold and warm: spawn to first hover and search answers (wall, CPU)');
    console.log(`load average at start: ${loadavg().map(load => load.toFixed(2)).join(' ')}`);
    await benchWarmStart();
    console.log(`load average at end: ${loadavg().map(load => load.toFixed(2)).join(' ')}`);
    // Alone, it needs none of the in-process indexing below.
    if (process.env.BENCH_SECTIONS === 'warmstart') return;
  }
  if (wanted('server')) {
    section('Cold start of the built server process (stdio), as an editor starts it');
    await benchServerProcesses(CORPORA);
    // Alone, it needs none of the in-process indexing below.
    if (process.env.BENCH_SECTIONS === 'server') return;
  }
  section(`Indexing all of ../shared/corpora${SCALE > 1 ? ` ×${SCALE} (BENCH_SCALE: altered copies)` : ''} (worker pool + main-thread search index)`);
  const run = await indexCorpora();
  const mb = run.bytes / 1048576;
  const stats = run.indexer.index.stats();
  console.log(`${run.files} documents, ${mb.toFixed(1)} MB in ${run.seconds.toFixed(1)} s wall, ${run.cpuSeconds.toFixed(1)} CPU-seconds: ${(run.files / run.seconds).toFixed(0)} documents/s, ${(mb / run.seconds).toFixed(2)} MB/s; peak RSS ${run.peakRssMB.toFixed(0)} MB`);
  memoryNow('after the pass');
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
      const queries = writerQueries(strings, Number(process.env.WRITER_QUERIES ?? 300), Number(process.env.WRITER_SEED?.split(',')[0] ?? 42));
      benchLibraries(strings, queries, handQueries(), (query, limit) => run.indexer.index.searchQuotes(query, limit));
    }
  }

  if (wanted('names')) {
    section('Names: hover, definition, references on the whole corpus');
    benchNames(run.indexer.index);
  }

  if (wanted('timeline')) {
    section('Timelines: a person\'s statements, and who used a phrase, on the whole corpus');
    benchTimeline(run.indexer.index);
  }

  if (wanted('draft')) {
    section('Draft quote check: a 5,000-word draft against the whole corpus');
    benchDraftCheck(run.indexer.index);
  }

  if (wanted('memory')) {
    section('Memory: where it goes');
    workerTransfer(run.indexer.index);
  }

  if (wanted('requests')) {
    section('Requests over stdio to the built server: references on frequent names, 16 mixed requests in flight, first draft check');
    await benchRequests(plantDraft(run.indexer.index).draft);
  }

  run.dispose();
  if (wanted('memory')) {
    // Worker threads stop asynchronously; their heaps leave RSS once they have.
    await new Promise(resolve => setTimeout(resolve, 500));
    memoryNow('parse workers stopped');
  }
  if (wanted('adversarial')) {
    section('Adversarial inputs: parse time against size (should grow linearly)');
    benchAdversarial();
  }
  if (workload && wanted('fuse')) {
    section('Side by side with plain fuse.js over the same strings (each plain query scans all of them; FUSE_QUERIES sets how many)');
    benchPlainFuse(run.indexer.index, workload);
  }
  if (wanted('memory')) {
    section('Memory held by each structure of the index (freed one after another; destroys the index)');
    memoryByStructure(run.indexer);
  }
}

main().then(() => process.exit(0), error => {
  console.error(error);
  process.exit(1);
});

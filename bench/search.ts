import Fuse from 'fuse.js';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { prepareSearch, QuoteSearchIndex, type CorpusIndex, type PreparedSearch, type SearchHit } from '../server/src/core';
import { ms, percentile } from './stats';

/** A seeded generator, so every run asks the same 200 queries. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => ((state = (state * 1664525 + 1013904223) >>> 0) / 4294967296);
}

/** One or two typos (a swap or a dropped letter) in longer words, and one dropped word. */
export function garble(text: string, next: () => number): string {
  const words = text.split(/\s+/);
  words.splice(1 + Math.floor(next() * (words.length - 2)), 1);
  const typos = 1 + Math.floor(next() * 2);
  for (let t = 0; t < typos; t++) {
    const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => /^[A-Za-z]{5,}$/.test(w));
    if (!candidates.length) break;
    const [word, i] = candidates[Math.floor(next() * candidates.length)];
    const at = 1 + Math.floor(next() * (word.length - 2));
    words[i] = next() < 0.5 ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) : word.slice(0, at) + word.slice(at + 1);
  }
  return words.join(' ');
}

export interface SearchWorkload {
  readonly strings: { text: string; uri: string }[];
  readonly targets: { text: string; uri: string }[];
  readonly queries: string[];
}

/**
 * Where the target is among hits: `exact` counts only the target's own document; `sameText` also counts the
 * identical sentence in another document (a press release published twice, a boilerplate line of every
 * disaster declaration), which no ranking can tell apart from the target.
 */
function rankOf(texts: { text: string; uri: string }[], target: { text: string; uri: string }): { exact: number; sameText: number } {
  return { exact: texts.findIndex(hit => hit.text === target.text && hit.uri === target.uri), sameText: texts.findIndex(hit => hit.text === target.text) };
}

class Recall {
  private top1 = 0;
  private top10 = 0;
  private sameTop1 = 0;
  private sameTop10 = 0;
  private count = 0;
  add(rank: { exact: number; sameText: number }): void {
    this.count++;
    if (rank.exact === 0) this.top1++;
    if (rank.exact >= 0) this.top10++;
    if (rank.sameText === 0) this.sameTop1++;
    if (rank.sameText >= 0) this.sameTop10++;
  }
  toString(): string {
    const f = (n: number) => (n / this.count).toFixed(3);
    return `top-1 ${f(this.top1)}, top-10 ${f(this.top10)} (identical text in another document counted: top-1 ${f(this.sameTop1)}, top-10 ${f(this.sameTop10)})`;
  }
}

const hitTexts = (hits: SearchHit[]) => hits.map(hit => ({ text: hit.entry.text, uri: hit.entry.uri }));

/** `seed` picks the queries: the bench asks seed 42's; tuning uses other seeds, so the bench stays a held-out check. */
export async function benchSearch(index: CorpusIndex, seed = 42): Promise<SearchWorkload> {
  const next = random(seed);
  // Documents in URI order: the worker pool finishes them in a different order each run, and the targets must
  // not depend on it.
  const documents = [...index.all()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  const memory = searchIndexMemory(documents.map(document => ({ uri: document.uri, prepare: () => prepareSearch(document) })));
  // Every searchable string, as the index holds them, for the targets and for plain fuse.js.
  const strings: { text: string; uri: string }[] = [];
  for (const document of documents) for (const entry of prepareSearch(document).entries) strings.push({ text: entry.text, uri: document.uri });
  const quotes = strings.filter((s, i) => i % 7 === 0 && s.text.split(/\s+/).length >= 8 && s.text.split(/\s+/).length <= 30);
  const targets = Array.from({ length: 200 }, () => quotes[Math.floor(next() * quotes.length)]);
  const queries = targets.map(target => garble(target.text.split(/\s+/).slice(0, 14).join(' '), next));

  const recall = new Recall();
  const latencies: number[] = [];
  queries.forEach((query, i) => {
    const started = performance.now();
    const hits = index.searchQuotes(query, 10);
    latencies.push(performance.now() - started);
    recall.add(rankOf(hitTexts(hits), targets[i]));
  });
  console.log(`${strings.length.toLocaleString()} searchable strings (every quotation and body sentence)`);
  console.log(`search index alone: ${memory.megabytes.toFixed(0)} MB of heap (postings, vocabulary, trigram index, entries), built in ${(memory.milliseconds / 1000).toFixed(1)} s from parsed documents`);
  console.log(`Statement Lens (inverted index + trigram typo lookup → exact rescoring → fuse.js re-rank): ${recall.toString()}, p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}, max ${ms(Math.max(...latencies))}`);
  return { strings, targets, queries };
}

/**
 * The heap a search index takes, measured by building a second one from the same documents between two full
 * garbage collections (the entries' texts are mostly slices of the documents, which the corpus holds anyway).
 */
function searchIndexMemory(documents: { uri: string; prepare: () => PreparedSearch }[]): { megabytes: number; milliseconds: number } {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  const before = process.memoryUsage().heapUsed;
  const started = performance.now();
  let index: QuoteSearchIndex | undefined = new QuoteSearchIndex();
  for (const { uri, prepare } of documents) {
    index.setDocument({ uri, date: null, documentTitle: uri, prepared: prepare(), speakerOf: raw => ({ speaker: raw, speakerNames: [raw] }) });
  }
  while (index.warmUp()) { /* the trigram index too */ }
  const milliseconds = performance.now() - started;
  gc();
  const megabytes = (process.memoryUsage().heapUsed - before) / 1048576;
  index = undefined;
  gc();
  return { megabytes, milliseconds };
}

/**
 * Plain fuse.js over the same strings, side by side with Statement Lens on the same first FUSE_QUERIES queries
 * (default 1): each plain query scans every string, 2-4 minutes here (a pattern over 32 characters is searched
 * in chunks), so the default keeps `npm run bench` under ten minutes; FUSE_QUERIES=10 takes about half an hour.
 */
export function benchPlainFuse(index: CorpusIndex, { strings, targets, queries }: SearchWorkload): void {
  const sample = Math.min(queries.length, Number(process.env.FUSE_QUERIES ?? 1));
  const built = performance.now();
  const fuse = new Fuse(strings, { keys: ['text'], ignoreLocation: true, threshold: 0.6, includeScore: true });
  const buildSeconds = (performance.now() - built) / 1000;
  const fuseRecall = new Recall(), ourRecall = new Recall();
  const fuseLatencies: number[] = [], ourLatencies: number[] = [];
  for (let i = 0; i < sample; i++) {
    let started = performance.now();
    const hits = fuse.search(queries[i], { limit: 10 });
    fuseLatencies.push(performance.now() - started);
    fuseRecall.add(rankOf(hits.map(hit => hit.item), targets[i]));
    console.log(`  query ${i + 1}/${sample}: plain fuse.js ${(fuseLatencies[i] / 1000).toFixed(1)} s`);
    started = performance.now();
    const ours = index.searchQuotes(queries[i], 10);
    ourLatencies.push(performance.now() - started);
    ourRecall.add(rankOf(hitTexts(ours), targets[i]));
  }
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  console.log(`the first ${sample} of the 200 queries, over all ${strings.length.toLocaleString()} strings:`);
  console.log(`plain fuse.js (index build ${buildSeconds.toFixed(1)} s): ${fuseRecall.toString()}, p50 ${ms(percentile(fuseLatencies, 50))}, mean ${ms(mean(fuseLatencies))}, max ${ms(Math.max(...fuseLatencies))}`);
  console.log(`Statement Lens:                  ${ourRecall.toString()}, p50 ${ms(percentile(ourLatencies, 50))}, mean ${ms(mean(ourLatencies))}, max ${ms(Math.max(...ourLatencies))}`);
  console.log(`speed-up on these queries: ${(percentile(fuseLatencies, 50) / percentile(ourLatencies, 50)).toFixed(0)}× at p50, ${(mean(fuseLatencies) / mean(ourLatencies)).toFixed(0)}× in mean time`);
}

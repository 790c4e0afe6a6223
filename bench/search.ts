import Fuse from 'fuse.js';
import { prepareSearch, type CorpusIndex } from '../server/src/core';
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
  /** Statement Lens's latencies on the same queries, for the speed-up figure. */
  readonly latencies: number[];
}

export async function benchSearch(index: CorpusIndex): Promise<SearchWorkload> {
  const next = random(42);
  // Every searchable string, as the index holds them, for the targets and for plain fuse.js.
  const strings: { text: string; uri: string }[] = [];
  for (const document of index.all()) for (const entry of prepareSearch(document).entries) strings.push({ text: entry.text, uri: document.uri });
  const quotes = strings.filter((s, i) => i % 7 === 0 && s.text.split(/\s+/).length >= 8 && s.text.split(/\s+/).length <= 30);
  const targets = Array.from({ length: 200 }, () => quotes[Math.floor(next() * quotes.length)]);
  const queries = targets.map(target => garble(target.text.split(/\s+/).slice(0, 14).join(' '), next));

  const heapBefore = process.memoryUsage().heapUsed;
  let top1 = 0, top10 = 0;
  const latencies: number[] = [];
  queries.forEach((query, i) => {
    const started = performance.now();
    const hits = index.searchQuotes(query, 10);
    latencies.push(performance.now() - started);
    const rank = hits.findIndex(hit => hit.entry.text === targets[i].text && hit.entry.uri === targets[i].uri);
    if (rank === 0) top1++;
    if (rank >= 0) top10++;
  });
  console.log(`${strings.length.toLocaleString()} searchable strings (every quotation and body sentence)`);
  console.log(`Statement Lens (inverted index + trigram typo lookup → fuse.js re-rank): top-1 ${(top1 / 200).toFixed(3)}, top-10 ${(top10 / 200).toFixed(3)}, p50 ${ms(percentile(latencies, 50))}, p95 ${ms(percentile(latencies, 95))}`);
  void heapBefore;
  return { strings, targets, queries, latencies };
}

/** Plain fuse.js over the same strings, on the first queries of the same workload. */
export function benchPlainFuse(index: CorpusIndex, { strings, targets, queries, latencies }: SearchWorkload): void {
  // Plain fuse.js over the same strings: the same queries, fewer of them, since each one scans everything.
  const sample = Number(process.env.FUSE_QUERIES ?? 10);
  const built = performance.now();
  const fuse = new Fuse(strings, { keys: ['text'], ignoreLocation: true, threshold: 0.6, includeScore: true });
  const buildSeconds = (performance.now() - built) / 1000;
  let fuseTop1 = 0, fuseTop10 = 0, ourTop1 = 0;
  const fuseLatencies: number[] = [];
  for (let i = 0; i < sample; i++) {
    const started = performance.now();
    const hits = fuse.search(queries[i], { limit: 10 });
    fuseLatencies.push(performance.now() - started);
    const rank = hits.findIndex(hit => hit.item.text === targets[i].text && hit.item.uri === targets[i].uri);
    if (rank === 0) fuseTop1++;
    if (rank >= 0) fuseTop10++;
    const ours = index.searchQuotes(queries[i], 10);
    if (ours[0]?.entry.text === targets[i].text) ourTop1++;
  }
  const fuseP50 = percentile(fuseLatencies, 50);
  console.log(`plain fuse.js (same strings, first ${sample} queries; index build ${buildSeconds.toFixed(1)} s): top-1 ${(fuseTop1 / sample).toFixed(3)}, top-10 ${(fuseTop10 / sample).toFixed(3)}, p50 ${ms(fuseP50)}, p95 ${ms(percentile(fuseLatencies, 95))}; Statement Lens on the same ${sample}: top-1 ${(ourTop1 / sample).toFixed(3)}`);
  console.log(`speed-up at p50: ${(fuseP50 / percentile(latencies, 50)).toFixed(0)}×`);
}

/**
 * Quote search as a writer uses it: four to ten words of a quotation they half-remember, typed with typos, a
 * word dropped or swapped, another inflection. Two sets, scored the same way:
 * - generated: spans of the corpus's own quotations, one kind of edit each, from a seeded generator;
 * - hand-written: `bench/searchQueries.json`, 50 queries a writer would type, each naming the document file
 *   and the first words of the quotation (or of its sentence, for a long one) it should find.
 *
 * `node --max-old-space-size=8192 --import tsx bench/searchWriters.ts [corpus folders…]` (after `npm run build`)
 * indexes the State Department and UN folders of ../shared/corpora by default (about 1 in 7 of the corpus, a
 * minute; LIBRARIES=1 adds MiniSearch, FlexSearch and plain fuse.js on the same queries, see searchLibraries.ts);
 * `BENCH_SECTIONS=writers npm run bench` runs the same sets on all of it.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { CorpusIndexer, prepareSearch, type CorpusIndex, type SearchEntry, type SearchHit } from '../server/src/core';
import { FileSystemCorpusHost, resolveRoots } from '../server/src/corpusFiles';
import { createParserPool } from '../server/src/parseWorkers';
import { CORPORA } from './indexCorpora';
import { benchLibraries } from './searchLibraries';
import { searchWords } from '../server/src/core/read/searchText';
import { ms, percentile } from './stats';

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => ((state = (state * 1664525 + 1013904223) >>> 0) / 4294967296);
}

export const EDITS = ['exact', 'typo: swap', 'typo: drop', 'typo: insert', 'typo: substitute', 'typo: double', 'dropped word', 'swapped words', 'other inflection', 'two edits'] as const;
export type Edit = (typeof EDITS)[number];

/** Keys next to each other on a QWERTY keyboard: what a substituted or inserted letter usually is. */
const NEIGHBOURS: Record<string, string> = {
  a: 'qwsz', b: 'vghn', c: 'xdfv', d: 'serfcx', e: 'wsdr', f: 'drtgvc', g: 'ftyhbv', h: 'gyujnb', i: 'ujko', j: 'huikmn',
  k: 'jiolm', l: 'kop', m: 'njk', n: 'bhjm', o: 'iklp', p: 'ol', q: 'wa', r: 'edft', s: 'awedxz', t: 'rfgy', u: 'yhji',
  v: 'cfgb', w: 'qase', x: 'zsdc', y: 'tghu', z: 'asx',
};

/** Irregular forms and derivations a writer swaps without noticing. */
const INFLECTIONS: [string, string][] = [
  ['said', 'says'], ['say', 'said'], ['says', 'said'], ['relations', 'relationship'], ['relationship', 'relations'], ['is', 'was'],
  ['are', 'were'], ['has', 'had'], ['have', 'has'], ['will', 'would'], ['can', 'could'], ['made', 'makes'], ['make', 'made'],
  ['people', 'persons'], ['children', 'child'], ['took', 'takes'], ['take', 'took'], ['came', 'comes'], ['come', 'came'],
  ['went', 'goes'], ['go', 'going'], ['brought', 'bring'], ['thought', 'think'], ['think', 'thought'], ['gave', 'give'],
  ['give', 'gave'], ['told', 'tells'], ['left', 'leave'], ['kept', 'keep'], ['knew', 'know'], ['know', 'knew'],
];

/** Another inflection of a regular word: -s dropped or added, -ed ↔ -ing, -tion ↔ -tions; undefined if none fits. */
export function otherInflection(word: string): string | undefined {
  const lower = word.toLowerCase();
  const irregular = INFLECTIONS.find(([from]) => from === lower);
  if (irregular) return irregular[1];
  if (!/^[a-z]{4,}$/.test(lower)) return undefined;
  if (lower.endsWith('ies')) return lower.slice(0, -3) + 'y';
  if (lower.endsWith('ing') && lower.length > 6) return lower.slice(0, -3) + 'ed';
  if (lower.endsWith('ed') && lower.length > 5) return lower.slice(0, -2) + 'ing';
  if (lower.endsWith('s') && !lower.endsWith('ss') && !lower.endsWith('us')) return lower.slice(0, -1);
  if (lower.endsWith('y')) return lower.slice(0, -1) + 'ies';
  return lower + 's';
}

function typo(word: string, kind: Edit, next: () => number): string {
  const at = 1 + Math.floor(next() * (word.length - 2));
  const letter = word[at].toLowerCase();
  const near = NEIGHBOURS[letter] ?? 'e';
  const pick = near[Math.floor(next() * near.length)];
  switch (kind) {
    case 'typo: swap': return word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2);
    case 'typo: drop': return word.slice(0, at) + word.slice(at + 1);
    case 'typo: insert': return word.slice(0, at) + pick + word.slice(at);
    case 'typo: substitute': return word.slice(0, at) + pick + word.slice(at + 1);
    default: return word.slice(0, at) + word[at] + word.slice(at);
  }
}

/** Applies one edit to a span's words; false when the span has no place for it (the caller picks another). */
function applyEdit(words: string[], edit: Edit, next: () => number): boolean {
  const pickIndex = (fits: (word: string, i: number) => boolean): number => {
    const indices = words.map((word, i) => (fits(word, i) ? i : -1)).filter(i => i >= 0);
    return indices.length ? indices[Math.floor(next() * indices.length)] : -1;
  };
  if (edit === 'exact') return true;
  if (edit.startsWith('typo')) {
    // Typos in words long enough to carry one: the ones a writer spells from memory.
    const i = pickIndex(word => /^[A-Za-z]{4,}$/.test(word));
    if (i < 0) return false;
    words[i] = typo(words[i], edit, next);
    return true;
  }
  if (edit === 'dropped word') {
    if (words.length < 5) return false;
    words.splice(Math.floor(next() * words.length), 1);
    return true;
  }
  if (edit === 'swapped words') {
    const i = Math.floor(next() * (words.length - 1));
    [words[i], words[i + 1]] = [words[i + 1], words[i]];
    return true;
  }
  if (edit === 'other inflection') {
    const i = pickIndex(word => otherInflection(word) !== undefined);
    if (i < 0) return false;
    words[i] = otherInflection(words[i])!;
    return true;
  }
  const first = EDITS[1 + Math.floor(next() * 8)];
  let second = EDITS[1 + Math.floor(next() * 8)];
  if (second === 'dropped word' && first === 'dropped word') second = 'typo: swap';
  return applyEdit(words, first, next) && applyEdit(words, second, next);
}

export interface Target {
  readonly text: string;
  readonly uri: string;
  /** Where the entry starts in its document: what names it, since its text here may differ from the index's. */
  readonly start: number;
}

export interface WriterQuery {
  readonly query: string;
  readonly span: number;
  readonly edit: Edit;
  readonly target: Target;
  /** The span as it stands in the quotation, before the edit. */
  readonly original: string;
}

/**
 * `count` queries from the quotations among `strings`: a span of 4–10 words at a random place, case folded,
 * trailing punctuation dropped, with one edit of each kind in turn.
 */
export function writerQueries(strings: readonly (Target & { isQuote: boolean })[], count: number, seed: number): WriterQuery[] {
  const next = random(seed);
  const quotes = strings.filter(s => s.isQuote && s.text.split(/\s+/).length >= 8);
  const queries: WriterQuery[] = [];
  while (queries.length < count) {
    const target = quotes[Math.floor(next() * quotes.length)];
    const all = target.text.split(/\s+/).map(word => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter(Boolean);
    const span = 4 + Math.floor(next() * 7);
    if (all.length < span) continue;
    const start = Math.floor(next() * (all.length - span + 1));
    const words = all.slice(start, start + span);
    const original = words.join(' ');
    const edit = EDITS[queries.length % EDITS.length];
    if (!applyEdit(words, edit, next)) continue;
    queries.push({ query: words.join(' ').toLowerCase(), span, edit, target, original });
  }
  return queries;
}

export interface HandQuery {
  readonly query: string;
  /** The document's file name. */
  readonly file: string;
  /** The first words of the expected quotation (of its sentence, when a long quotation is searched by sentence). */
  readonly starts: string;
}

export const HAND_QUERIES = path.resolve(__dirname, 'searchQueries.json');

export function handQueries(): HandQuery[] {
  return JSON.parse(readFileSync(HAND_QUERIES, 'utf8')) as HandQuery[];
}

const fileOf = (uri: string) => decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
const folded = (text: string) => searchWords(text).join(' ');

/** Top-1 and top-10 counts; `loose` also counts the same text in another document, or a hit containing the span. */
class Tally {
  count = 0;
  top1 = 0;
  top10 = 0;
  loose1 = 0;
  loose10 = 0;
  add(strict: number, loose: number): void {
    this.count++;
    if (strict === 0) this.top1++;
    if (strict >= 0) this.top10++;
    if (loose === 0) this.loose1++;
    if (loose >= 0) this.loose10++;
  }
  toString(): string {
    const f = (n: number) => (n / Math.max(1, this.count)).toFixed(2);
    return `${String(this.count).padStart(4)} queries: top-1 ${f(this.top1)}, top-10 ${f(this.top10)} (loose ${f(this.loose1)} / ${f(this.loose10)})`;
  }
}

/** A hit stands for every document it lists as a source (identical texts collapsed into one hit). */
const urisOf = (hit: SearchHit) => [hit.entry.uri, ...((hit as { sources?: { uri: string }[] }).sources ?? []).map(source => source.uri)];

/**
 * Is the hit the target entry (or a collapsed copy listing the target's document)? Matched by place as well as
 * by text: the bench prepares targets on the main thread, where a Markdown document's text is the source with
 * its markup ("Act**,", "\[sic\]"), while the index holds the text as the worker read it, markup blanked.
 */
function isTargetHit(hit: SearchHit, target: Target): boolean {
  const sources = (hit as { sources?: readonly SearchEntry[] }).sources ?? [hit.entry];
  return sources.some(source => source.uri === target.uri && (source.text === target.text || source.span?.start === target.start));
}

export interface SearchFunction {
  (query: string, limit: number): SearchHit[];
}

export function scoreGenerated(search: SearchFunction, queries: readonly WriterQuery[], label: string): void {
  const all = new Tally();
  const bySpan = new Map<string, Tally>();
  const byEdit = new Map<string, Tally>();
  const latencies: number[] = [], cpu: number[] = [];
  for (const q of queries) {
    const hits = timed(() => search(q.query, 10), latencies, cpu);
    const strict = hits.findIndex(hit => isTargetHit(hit, q.target));
    const span = folded(q.original);
    const loose = hits.findIndex(hit => isTargetHit(hit, q.target) || hit.entry.text === q.target.text || folded(hit.entry.text).includes(span));
    const spanKey = q.span <= 5 ? '4–5 words' : q.span <= 7 ? '6–7 words' : '8–10 words';
    for (const tally of [all, get(bySpan, spanKey), get(byEdit, q.edit)]) tally.add(strict, loose);
  }
  console.log(`${label}: ${all.toString()}; ${latencyLine(latencies, cpu)}`);
  for (const key of ['4–5 words', '6–7 words', '8–10 words']) if (bySpan.has(key)) console.log(`  ${key.padEnd(18)} ${bySpan.get(key)!.toString()}`);
  for (const key of EDITS) if (byEdit.has(key)) console.log(`  ${key.padEnd(18)} ${byEdit.get(key)!.toString()}`);
}

export function scoreHand(search: SearchFunction, queries: readonly HandQuery[], label: string, verbose = false): void {
  const all = new Tally();
  const latencies: number[] = [], cpu: number[] = [];
  for (const q of queries) {
    const hits = timed(() => search(q.query, 10), latencies, cpu);
    const starts = folded(q.starts);
    const isTarget = (hit: SearchHit) => folded(hit.entry.text).startsWith(starts);
    const strict = hits.findIndex(hit => isTarget(hit) && urisOf(hit).some(uri => fileOf(uri) === q.file));
    all.add(strict, hits.findIndex(isTarget));
    if (verbose && strict !== 0) console.log(`  miss (rank ${strict}): "${q.query}" → ${hits[0] ? `"${hits[0].entry.text.slice(0, 90)}" (${fileOf(hits[0].entry.uri)})` : 'nothing'}`);
  }
  console.log(`${label}: ${all.toString()}; ${latencyLine(latencies, cpu)}`);
}

/**
 * Runs one query, recording its wall time and the process's CPU time: on a loaded machine the wall time
 * includes waiting for a core, the CPU time is what the query costs (no worker threads run during search).
 */
function timed<T>(run: () => T, wall: number[], cpu: number[]): T {
  const cpuStart = process.cpuUsage();
  const started = performance.now();
  const result = run();
  wall.push(performance.now() - started);
  const used = process.cpuUsage(cpuStart);
  cpu.push((used.user + used.system) / 1000);
  return result;
}

const latencyLine = (wall: number[], cpu: number[]) =>
  `p50 ${ms(percentile(wall, 50))}, p95 ${ms(percentile(wall, 95))}, max ${ms(Math.max(...wall))}; CPU p50 ${ms(percentile(cpu, 50))}, p95 ${ms(percentile(cpu, 95))}`;

function get(map: Map<string, Tally>, key: string): Tally {
  let tally = map.get(key);
  if (!tally) map.set(key, (tally = new Tally()));
  return tally;
}

/** Every searchable string of the index, documents in URI order so the targets never depend on indexing order. */
export function searchableStrings(index: CorpusIndex): (Target & { isQuote: boolean })[] {
  const documents = [...index.all()].sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  const strings: (Target & { isQuote: boolean })[] = [];
  for (const document of documents) for (const entry of prepareSearch(document).entries) strings.push({ text: entry.text, uri: document.uri, start: entry.span.start, isQuote: entry.isQuote });
  return strings;
}

/**
 * The queries whose span, as the quotation has it, is in no other distinct text of the corpus. A span that
 * several texts contain ("so we’re going to") cannot say which of them the writer meant: strict top-1 and
 * top-10 on those measure luck, so the bench also scores the identifiable ones apart.
 */
export function identifiable(strings: readonly Target[], queries: readonly WriterQuery[]): WriterQuery[] {
  const texts = [...new Set(strings.map(s => s.text))].map(text => ` ${folded(text)} `);
  return queries.filter(q => {
    const span = ` ${folded(q.original)} `;
    let found = 0;
    for (const text of texts) if (text.includes(span) && ++found > 1) return false;
    return true;
  });
}

/**
 * The generated set (seed 42 is the held-out bench; tune on others) and the hand-written set. WRITER_SEED may
 * list several seeds ("42,7"), each scored on the same index.
 */
export function benchWriters(index: CorpusIndex, count = Number(process.env.WRITER_QUERIES ?? 300), seeds = (process.env.WRITER_SEED ?? '42').split(',').map(Number)): void {
  const strings = searchableStrings(index);
  const search: SearchFunction = (query, limit) => index.searchQuotes(query, limit);
  for (const seed of seeds) {
    const queries = writerQueries(strings, count, seed);
    console.log(`${strings.length.toLocaleString()} searchable strings; ${count} generated queries (seed ${seed}), ${handQueries().length} hand-written`);
    scoreGenerated(search, queries, `generated, seed ${seed}`);
    scoreGenerated(search, identifiable(strings, queries), `generated, seed ${seed}, spans in one text only`);
  }
  const queries = writerQueries(strings, count, seeds[0]);
  scoreHand(search, handQueries(), 'hand-written', !!(process.env.VERBOSE || process.env.WRITER_MISSES));
  const common = ['what it was', 'we have to do it', 'as we said', 'this is not who we are', 'at the end of the day'];
  const times = common.map(query => {
    const started = performance.now();
    const hits = search(query, 10).length;
    return { query, hits, ms: performance.now() - started };
  });
  console.log(`only common words: ${times.map(t => `"${t.query}" ${t.hits} hits in ${ms(t.ms)}`).join('; ')}`);
  if (process.env.VERBOSE || process.env.WRITER_MISSES) printMisses(search, process.env.WRITER_MISSES ? queries : queries.slice(0, 200));
}

/**
 * WRITER_MISSES=1: every generated query of the first seed whose target is not first, with its span length,
 * edit, the target's rank and score, and what came first instead (and its score): the causes to fix in ranking.
 */
export function printMisses(search: SearchFunction, queries: readonly WriterQuery[]): void {
  for (const q of queries) {
    const hits = search(q.query, 10);
    const rank = hits.findIndex(hit => isTargetHit(hit, q.target));
    if (rank === 0) continue;
    const target = rank > 0 ? ` (score ${hits[rank].score.toFixed(4)})` : '';
    const first = hits[0] ? `"${hits[0].entry.text.slice(0, 110)}" (score ${hits[0].score.toFixed(4)}, ${fileOf(hits[0].entry.uri)})` : 'nothing';
    console.log(`  miss (rank ${rank}${target}) [${q.span} words, ${q.edit}] "${q.query}" ← "${q.original}"\n      target "${q.target.text.slice(0, 110)}" (${fileOf(q.target.uri)})\n      first  ${first}`);
  }
}

if (require.main === module) {
  void (async () => {
    const folders = process.argv.slice(2).length ? process.argv.slice(2) : ['statedept', 'un-speeches'].map(name => path.join(CORPORA, name));
    const parser = createParserPool(path.resolve(__dirname, '..', 'server', 'out', 'parseWorker.js'));
    const indexer = new CorpusIndexer(new FileSystemCorpusHost(resolveRoots(folders, [])), { parser });
    const started = performance.now();
    const report = await indexer.indexAll();
    while (indexer.index.warmUp()) { /* the trigram index too, before timing queries */ }
    console.log(`${report.documents} documents of ${folders.map(folder => path.basename(folder)).join(', ')} indexed in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    benchWriters(indexer.index);
    if (process.env.LIBRARIES) {
      const strings = searchableStrings(indexer.index);
      benchLibraries(strings, writerQueries(strings, Number(process.env.WRITER_QUERIES ?? 300), Number(process.env.WRITER_SEED?.split(',')[0] ?? 42)), handQueries(), (query, limit) => indexer.index.searchQuotes(query, limit));
    }
    parser?.dispose();
    process.exit(0);
  })();
}

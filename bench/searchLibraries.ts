/**
 * The writer queries side by side on general-purpose search libraries over the same strings, in one process:
 * MiniSearch (fuzzy 0.2, prefix, OR), FlexSearch (LatinBalance encoder, suggest) and plain fuse.js. Fuzzy MiniSearch
 * and plain fuse.js take seconds a query, so each library answers the first LIBRARY_QUERIES (default 40) of each
 * set, and Statement Lens is scored on the same ones; plain fuse.js, minutes a query on the whole corpus, only
 * the first PLAIN_FUSE_QUERIES (default 5) of them.
 */
import Fuse from 'fuse.js';
import { Charset, Index } from 'flexsearch';
import MiniSearch from 'minisearch';
import type { SearchHit } from '../server/src/core';
import { scoreGenerated, scoreHand, type HandQuery, type SearchFunction, type Target, type WriterQuery } from './searchWriters';

/** Library results as hits: only the text and the document are scored. */
const asHits = (strings: readonly Target[], ids: readonly number[]) => ids.map(id => ({ entry: strings[id], score: 0, matches: [] }) as unknown as SearchHit);

export function benchLibraries(strings: readonly Target[], allGenerated: readonly WriterQuery[], allHand: readonly HandQuery[], ours: SearchFunction): void {
  const sample = Number(process.env.LIBRARY_QUERIES ?? 40);
  const generated = allGenerated.slice(0, sample), hand = allHand.slice(0, sample);
  scoreGenerated(ours, generated, `Statement Lens, first ${generated.length} generated`);
  scoreHand(ours, hand, `Statement Lens, first ${hand.length} hand-written`);

  let started = performance.now();
  const flex = new Index({ tokenize: 'forward', encoder: Charset.LatinBalance });
  strings.forEach((s, id) => flex.add(id, s.text));
  console.log(`FlexSearch index built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const flexSearch: SearchFunction = (query, limit) => asHits(strings, (flex.search(query, { limit, suggest: true }) as number[]).slice(0, limit));
  scoreGenerated(flexSearch, generated, 'FlexSearch, generated');
  scoreHand(flexSearch, hand, 'FlexSearch, hand-written');

  started = performance.now();
  const mini = new MiniSearch<{ id: number; text: string }>({ fields: ['text'], searchOptions: { fuzzy: 0.2, prefix: true, combineWith: 'OR' } });
  mini.addAll(strings.map((s, id) => ({ id, text: s.text })));
  console.log(`MiniSearch index built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const miniSearch: SearchFunction = (query, limit) => asHits(strings, mini.search(query).slice(0, limit).map(result => result.id as number));
  scoreGenerated(miniSearch, generated, 'MiniSearch, generated');
  scoreHand(miniSearch, hand, 'MiniSearch, hand-written');

  const few = Number(process.env.PLAIN_FUSE_QUERIES ?? 5);
  const fuse = new Fuse(strings.map((s, id) => ({ id, text: s.text })), { keys: ['text'], ignoreLocation: true, threshold: 0.6 });
  const fuseSearch: SearchFunction = (query, limit) => asHits(strings, fuse.search(query, { limit }).map(result => result.item.id));
  scoreGenerated(ours, generated.slice(0, few), `Statement Lens, first ${Math.min(few, generated.length)} generated`);
  scoreGenerated(fuseSearch, generated.slice(0, few), `plain fuse.js, first ${Math.min(few, generated.length)} generated`);
  scoreHand(ours, hand.slice(0, few), `Statement Lens, first ${Math.min(few, hand.length)} hand-written`);
  scoreHand(fuseSearch, hand.slice(0, few), `plain fuse.js, first ${Math.min(few, hand.length)} hand-written`);
}

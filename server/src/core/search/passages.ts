import { indexableWords } from '../read/searchText';
import type { SearchEntry } from './searchHit';
import type { SearchStore } from './searchStore';

/** The rarest words of a quoted passage that locate its source. */
const PASSAGE_WORDS = 8;

/**
 * Entries that share the most of a passage's rarest words, weighted by rarity: where a quotation may come
 * from. Exact words only, no typo variants: a quoted passage keeps most of its words even when one changed.
 */
export function passagesContaining(store: SearchStore, text: string, limit = 20): SearchEntry[] {
  const ids = [...new Set(indexableWords(text))].map(word => store.vocabulary.idOf(word)).filter((id): id is number => id !== undefined && store.postings.count(id) > 0);
  if (ids.length === 0) return [];
  ids.sort((a, b) => store.postings.count(a) - store.postings.count(b));
  const scores = store.scratch.scores(store.entryCount);
  const touched: number[] = [];
  const total = Math.max(1, store.live);
  for (const wordId of ids.slice(0, PASSAGE_WORDS)) {
    const weight = Math.log(1 + total / store.postings.count(wordId));
    for (const id of store.postings.ids(wordId)) {
      if (scores[id] === 0) touched.push(id);
      scores[id] += weight;
    }
  }
  let best = 0;
  for (const id of touched) if (scores[id] > best) best = scores[id];
  const kept = touched.filter(id => scores[id] >= best * 0.5 && store.isLive(id));
  kept.sort((a, b) => scores[b] - scores[a]);
  for (const id of touched) scores[id] = 0;
  return kept.slice(0, limit).map(id => store.entryAt(id)!);
}

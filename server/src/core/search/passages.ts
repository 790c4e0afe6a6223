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
  const words = ids.slice(0, PASSAGE_WORDS);
  const weights = words.map(wordId => Math.log(1 + total / store.postings.count(wordId)));
  // What the words from k on can add to an entry; a hair over, for the float32 sums of `scores`.
  const remaining = new Float64Array(words.length + 1);
  for (let k = words.length - 1; k >= 0; k--) remaining[k] = remaining[k + 1] + weights[k] * (1 + 1e-5);
  // Only entries reaching half the best score are kept. Once an entry no rare word touched cannot reach that
  // even with every commoner word, the commoner words' long postings are not walked: each is searched for
  // the few entries that still can (most of a long draft's first check was walking them).
  let best = 0, k = 0;
  for (; k < words.length && !(best > 0 && remaining[k] < best * 0.5); k++) {
    const list = store.postings.ids(words[k]), weight = weights[k];
    for (let i = 0; i < list.length; i++) {
      const id = list[i];
      if (scores[id] === 0) touched.push(id);
      scores[id] += weight;
      // Read back: the sum as stored (float32), which is what the cut compares.
      if (scores[id] > best) best = scores[id];
    }
  }
  if (k < words.length) {
    let open = touched.filter(id => scores[id] + remaining[k] >= best * 0.5).sort((a, b) => a - b);
    for (; k < words.length && open.length; k++) {
      const list = store.postings.ids(words[k]), weight = weights[k];
      let at = 0;
      for (const id of open) {
        at = lowerBound(list, id, at);
        if (at === list.length) break;
        if (list[at] !== id) continue;
        scores[id] += weight;
        if (scores[id] > best) best = scores[id];
      }
      open = open.filter(id => scores[id] + remaining[k + 1] >= best * 0.5);
    }
  }
  const kept = touched.filter(id => scores[id] >= best * 0.5 && store.isLive(id));
  kept.sort((a, b) => scores[b] - scores[a] || store.comparePlaces(a, b));
  for (const id of touched) scores[id] = 0;
  return kept.slice(0, limit).map(id => store.entryAt(id)!);
}

/** The first index from `from` on whose id is at least `id` (ids ascending): galloping, then binary search. */
function lowerBound(list: Int32Array | readonly number[], id: number, from: number): number {
  let low = from, step = 1;
  while (low + step < list.length && list[low + step] < id) {
    low += step;
    step *= 2;
  }
  if (low >= list.length || list[low] >= id) return low;
  let high = Math.min(list.length, low + step);
  // list[low] < id <= list[high] (or high is the end).
  while (high - low > 1) {
    const middle = (low + high) >>> 1;
    if (list[middle] < id) low = middle;
    else high = middle;
  }
  return high;
}

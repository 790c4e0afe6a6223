import type { Cancellation } from '../model';
import { searchWords, stemOf, STOP_WORDS } from '../read/searchText';
import { byPlace, wordMatches, type SearchEntry, type SearchHit } from './searchHit';
import type { SearchStore } from './searchStore';
import { STEM_SIMILARITY } from './typoLookup';

/** Words in more than this share of entries are too common to relate statements by. */
export const STOP_FRACTION = 0.04;

/**
 * Statements that say the same thing or speak to the same subject as `text`, ranked as quote search ranks:
 * shared words weigh their rarity (another inflection of a word counts at STEM_SIMILARITY), and pairs of
 * neighbouring words weigh what the pair says beyond its rarer word, measured by how many statements hold
 * both. So "exploring process", two words seldom together, outranks "as soon as possible", whose "possible"
 * adds nothing once "soon" is there.
 */
export function relatedStatements(store: SearchStore, text: string, limit = 10, exclude?: (entry: SearchEntry) => boolean, token?: Cancellation): SearchHit[] {
  store.vocabulary.indexGrams();
  const total = Math.max(1, store.live);
  const idfOf = (count: number) => Math.log(1 + total / (1 + count));
  const sequence = searchWords(text).filter(word => word.length > 2 && !STOP_WORDS.has(word));
  const terms = new Map<string, { variants: Map<number, number>; idf: number; stem: string }>();
  for (const word of sequence) {
    if (terms.has(word)) continue;
    const stem = stemOf(word);
    const variants = new Map<number, number>();
    // Weaker than in search: a passage shares a subject through its exact words; "rights" is no "right track".
    for (const id of store.vocabulary.withStem(stem)) variants.set(id, STEM_SIMILARITY / 2);
    const exact = store.vocabulary.idOf(word);
    if (exact !== undefined) variants.set(exact, 1);
    let frequency = 0;
    for (const id of variants.keys()) frequency = Math.max(frequency, store.postings.count(id));
    const idf = idfOf(frequency);
    if (variants.size && idf > Math.log(1 + 1 / STOP_FRACTION)) terms.set(word, { variants, idf, stem });
  }
  // A word that nearly always follows the previous one ("possible" after "soon") adds little of its own.
  const pairs = new Map<string, number>();
  const independence = new Map<string, number>();
  for (let i = 1; i < sequence.length; i++) {
    const a = terms.get(sequence[i - 1]), b = terms.get(sequence[i]);
    if (!a || !b || a === b) continue;
    const both = cooccurrences(store, sequence[i - 1], sequence[i]);
    const together = idfOf(both);
    const surprise = Math.max(0, together - Math.max(a.idf, b.idf));
    pairs.set(`${a.stem} ${b.stem}`, Math.max(pairs.get(`${a.stem} ${b.stem}`) ?? 0, surprise));
    // Two or three statements together may be the source itself and a copy: that says nothing of the pair.
    const share = both < 4 ? 1 : Math.min(1, Math.max(0.1, (together - a.idf) / b.idf));
    independence.set(sequence[i], Math.min(independence.get(sequence[i]) ?? 1, share));
  }
  const scores = new Map<number, number>();
  let weight = 0;
  for (const [word, term] of terms) {
    if (token?.isCancellationRequested) return [];
    const value = term.idf * (independence.get(word) ?? 1);
    weight += value;
    for (const [id, similarity] of term.variants) {
      for (const entryId of store.postings.ids(id)) scores.set(entryId, Math.max(scores.get(entryId) ?? 0, 0) + value * similarity);
    }
  }
  if (weight === 0) return [];
  let pairWeight = 0;
  for (const value of pairs.values()) pairWeight += value;
  const shortlist: [SearchEntry, number][] = [];
  for (const [id, score] of [...scores.entries()].sort((a, b) => b[1] - a[1] || store.comparePlaces(a[0], b[0]))) {
    if (shortlist.length >= 300) break;
    const entry = store.entryAt(id);
    if (entry && !exclude?.(entry)) shortlist.push([entry, score]);
  }
  const hits: SearchHit[] = [];
  for (const [entry, wordScore] of shortlist) {
    const words = searchWords(entry.text);
    const content = words.filter(word => word.length > 2 && !STOP_WORDS.has(word)).map(stemOf);
    let phrase = 0;
    const seen = new Set<string>();
    for (let i = 1; i < content.length; i++) {
      const pair = `${content[i - 1]} ${content[i]}`;
      const value = pairs.get(pair);
      if (value !== undefined && !seen.has(pair)) {
        seen.add(pair);
        phrase += value;
      }
    }
    // Long entries share words by sheer length; dampen them.
    const lengthPenalty = Math.sqrt(Math.max(1, words.length / Math.max(8, sequence.length * 2)));
    const score = (wordScore + 2 * phrase) / (weight + 2 * pairWeight) / lengthPenalty;
    hits.push({ entry, score, matches: wordMatches(entry.text, text) });
  }
  return hits.sort((a, b) => b.score - a.score || byPlace(a.entry, b.entry)).slice(0, limit);
}

/** How many entries hold both words (anywhere): postings are in id order, so one merge walk. */
function cooccurrences(store: SearchStore, a: string, b: string): number {
  const idA = store.vocabulary.idOf(a), idB = store.vocabulary.idOf(b);
  if (idA === undefined || idB === undefined) return 0;
  const first = store.postings.ids(idA), second = store.postings.ids(idB);
  let count = 0;
  for (let i = 0, j = 0; i < first.length && j < second.length;) {
    if (first[i] === second[j]) {
      count++;
      i++;
      j++;
    } else if (first[i] < second[j]) i++;
    else j++;
  }
  return count;
}

import { editDistance, stemOf, trigrams } from '../read/searchText';

/** What another inflection of a query word is worth against the word itself ("says" for "said"). */
export const STEM_SIMILARITY = 0.85;
/** A query word in fewer entries than this share of them, a stop word one edit away, is likely that stop word. */
export const RARE_FRACTION = 1 / 2000;

/**
 * The index's vocabulary: word ↔ id, and the lookups from a query word to the vocabulary words it may stand
 * for: itself, its other inflections (by Porter2 stem), and words a typo or two away (by a trigram index keyed
 * by first letter, and a direct lookup of every string one edit away).
 */
export class Vocabulary {
  private readonly ids = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly gramIndex = new Map<string, number[]>();
  /** Stem → vocabulary words with that stem (built with the trigram index), so a query word finds its inflections. */
  private readonly stemIndex = new Map<string, number[]>();
  /** Words below this id are in the trigram index; the rest are added on the first fuzzy lookup. */
  private gramIndexed = 0;
  private gramCounts = new Int32Array(0);

  get size(): number {
    return this.words.length;
  }

  /** True while words added since the last `indexGrams` wait for the trigram and stem indexes. */
  get pending(): boolean {
    return this.gramIndexed < this.words.length;
  }

  idOf(word: string): number | undefined {
    return this.ids.get(word);
  }

  wordOf(id: number): string {
    return this.words[id];
  }

  /** The vocabulary words with a stem (call `indexGrams` first). */
  withStem(stem: string): readonly number[] {
    return this.stemIndex.get(stem) ?? [];
  }

  /** The vocabulary words a query term may stand for: itself, and words within a small edit distance. */
  variants(term: string, countOf: (id: number) => number, live: number): Map<number, number> {
    const found = new Map<number, number>();
    const exact = this.ids.get(term);
    if (exact !== undefined) found.set(exact, 1);
    if (term.length < 3 || term.length > MAX_TYPO_WORD) return found;
    this.indexGrams();
    for (const id of this.stemIndex.get(stemOf(term)) ?? []) if (id !== exact) found.set(id, STEM_SIMILARITY);
    if (term.length < 4) {
      // Three letters: too short for the trigram lookup. A rare one ("kep") is likely a typo of a common word
      // one edit away; a common one ("war", "tax") is meant as typed.
      if (exact !== undefined && countOf(exact) >= live * RARE_FRACTION) return found;
      for (const near of oneEditAway(term)) {
        const id = this.ids.get(near);
        if (id !== undefined && id !== exact && !found.has(id)) found.set(id, 1 - 1 / (term.length + 1));
      }
      return found;
    }
    const maxEdits = term.length <= 5 ? 1 : 2;
    if (this.gramCounts.length < this.words.length) this.gramCounts = new Int32Array(Math.max(this.words.length, this.gramCounts.length * 2));
    const counts = this.gramCounts;
    const touched: number[] = [];
    const grams = trigrams(term);
    // Typos rarely hit the first letter; a swap of the first two is the exception worth covering.
    for (const first of new Set([term[0], term[1]])) {
      for (const gram of grams) {
        for (const id of this.gramIndex.get(first + gram) ?? []) {
          if (counts[id] === 0) touched.push(id);
          counts[id]++;
        }
      }
    }
    const needed = grams.length - 3 * maxEdits;
    for (const id of touched) {
      const count = counts[id];
      counts[id] = 0;
      if (id === exact || count < needed) continue;
      const word = this.words[id];
      if (Math.abs(word.length - term.length) > maxEdits) continue;
      const distance = editDistance(term, word, maxEdits);
      if (distance <= maxEdits) found.set(id, Math.max(found.get(id) ?? 0, 1 - distance / (term.length + 1)));
    }
    // A swap of two letters can leave too few shared trigrams ("gerat" and "great" share one), so every word
    // one edit away is also looked up directly: a few hundred map lookups.
    for (const near of oneEditAway(term)) {
      const id = this.ids.get(near);
      if (id !== undefined && id !== exact && (found.get(id) ?? 0) < 1 - 1 / (term.length + 1)) found.set(id, 1 - 1 / (term.length + 1));
    }
    return found;
  }


  /** The id of a word, given one if it is new. */
  intern(word: string): number {
    let id = this.ids.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.ids.set(word, id);
      this.words.push(word);
    }
    return id;
  }

  /**
   * Brings the vocabulary's trigram index up to date. Deferred from indexing to the first typo-tolerant lookup
   * (or `warmUp`), which keeps a full pass over a large corpus fast.
   */
  indexGrams(limit = Infinity): void {
    const end = Math.min(this.words.length, this.gramIndexed + limit);
    for (let id = this.gramIndexed; id < end; id++) {
      const word = this.words[id];
      const stem = stemOf(word);
      let sameStem = this.stemIndex.get(stem);
      if (!sameStem) this.stemIndex.set(stem, (sameStem = []));
      sameStem.push(id);
      // Keyed by first letter and trigram, so a lookup only walks words that start like the query word.
      for (const gram of trigrams(word)) {
        const key = word[0] + gram;
        let list = this.gramIndex.get(key);
        if (!list) this.gramIndex.set(key, (list = []));
        list.push(id);
      }
    }
    this.gramIndexed = end;
  }
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** Longer query words are matched exactly only: no real word that long is worth a typo search. */
const MAX_TYPO_WORD = 32;

/** Every string one deletion, swap of neighbours, substitution or insertion (of a-z) away from `word`. */
export function oneEditAway(word: string): string[] {
  // 53 strings of the word's length per letter: quadratic, so a long word gets no typo lookup.
  if (word.length > MAX_TYPO_WORD) return [];
  const near: string[] = [];
  for (let i = 0; i <= word.length; i++) {
    const head = word.slice(0, i), tail = word.slice(i);
    if (i < word.length) near.push(head + tail.slice(1));
    if (i < word.length - 1) near.push(head + tail[1] + tail[0] + tail.slice(2));
    for (const letter of LETTERS) {
      if (i < word.length && letter !== tail[0]) near.push(head + letter + tail.slice(1));
      near.push(head + letter + tail);
    }
  }
  return near;
}


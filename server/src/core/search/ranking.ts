import Fuse from 'fuse.js';
import { searchWords } from '../read/searchText';
import { byPlace, collapseCopies, wordMatches, type SearchEntry, type SearchHit } from './searchHit';

/** Candidates fuse.js re-ranks per query. */
const FUSE_RERANKED = 25;
/** What a stop word of the query weighs in rescoring: about the idf of the commonest words. */
export const STOP_WEIGHT = 1;

/**
 * Scores a candidate's text against the whole query: how much of the query's weight it contains (rare words
 * weigh their idf, typo variants their similarity, stop words STOP_WEIGHT), how much of it in the query's
 * order, and, lightly, how little else it says.
 */
export class CandidateScorer {
  /** Entry word → the query positions it matches, with the value of the match there. */
  private readonly matches = new Map<string, { position: number; value: number }[]>();
  private readonly weights: number[];
  private readonly weightSum: number;
  private readonly pairSum: number;

  constructor(private readonly queryWords: readonly string[], terms: readonly { word: string; weight: number; forms: Map<string, number> }[]) {
    const byWord = new Map(terms.map(term => [term.word, term]));
    this.weights = queryWords.map(word => byWord.get(word)?.weight ?? STOP_WEIGHT);
    this.weightSum = this.weights.reduce((sum, weight) => sum + weight, 0);
    let pairSum = 0;
    for (let i = 1; i < this.weights.length; i++) pairSum += (this.weights[i - 1] + this.weights[i]) / 2;
    this.pairSum = Math.max(pairSum, 1e-9);
    queryWords.forEach((word, position) => {
      const forms = byWord.get(word)?.forms ?? new Map([[word, 1]]);
      for (const [form, similarity] of forms) {
        let list = this.matches.get(form);
        if (!list) this.matches.set(form, (list = []));
        list.push({ position, value: this.weights[position] * similarity });
      }
    });
  }

  score(text: string): number {
    const words = searchWords(text);
    const n = this.queryWords.length;
    const best = new Float64Array(n);
    // chain[i]: the best weight of query words matched in order, ending at query position i.
    const chain = new Float64Array(n);
    // Where each query position last matched in the entry, and the best value of each query word pair (i - 1, i)
    // found side by side: a rare pair ("gangster logic") says more than its two words apart.
    const lastAt = new Int32Array(n).fill(-9);
    const pair = new Float64Array(n);
    words.forEach((word, at) => {
      const found = this.matches.get(word);
      if (!found) return;
      const updates: [number, number][] = [];
      for (const { position, value } of found) {
        if (value > best[position]) best[position] = value;
        let before = 0;
        for (let i = 0; i < position; i++) if (chain[i] > before) before = chain[i];
        updates.push([position, before + value]);
      }
      for (const [position, value] of updates) if (value > chain[position]) chain[position] = value;
      for (const { position, value } of found) {
        // In order, next to each other or one word apart (a word the writer left out); or swapped.
        if (position > 0 && at - lastAt[position - 1] <= 2) pair[position] = Math.max(pair[position], (value + best[position - 1]) / 2);
        if (position + 1 < n && at - lastAt[position + 1] === 1) pair[position + 1] = Math.max(pair[position + 1], (value + best[position + 1]) / 4);
        lastAt[position] = at;
      }
    });
    let coverage = 0, ordered = 0, pairs = 0;
    for (let i = 0; i < n; i++) {
      coverage += best[i];
      pairs += pair[i];
      if (chain[i] > ordered) ordered = chain[i];
    }
    const concise = Math.min(1, (n + 1) / (words.length + 1));
    return (PART.coverage * coverage + PART.ordered * ordered + PART.pairs * (pairs / this.pairSum) * this.weightSum) / this.weightSum + PART.concise * concise;
  }
}

/** The parts of a candidate's score (see CandidateScorer). */
const PART = { coverage: 0.55, ordered: 0.23, pairs: 0.2, concise: 0.02 };

/** Fuse re-ranks the head of the shortlist and gives the matched ranges; the exact rescoring keeps the lead. */
export function rerank(shortlist: { entry: SearchEntry; coverage: number }[], words: string, limit: number): SearchHit[] {
  if (shortlist.length === 0) return [];
  // Fuse judges how closely the words run together in order; it is the costly step, so it sees only the
  // best few by coverage, and matched ranges are computed for the hits returned.
  const head = shortlist.slice(0, FUSE_RERANKED).map(candidate => ({ candidate, text: candidate.entry.text.slice(0, 240) }));
  const fuse = new Fuse(head, { keys: ['text'], includeScore: true, ignoreLocation: true, threshold: 1, minMatchCharLength: 3 });
  const pattern = searchWords(words).filter(w => w.length > 2).join(' ').slice(0, 32);
  const fused = new Map<typeof shortlist[number], number>();
  for (const result of fuse.search(pattern)) fused.set(result.item.candidate, result.score ?? 1);
  const ranked = shortlist
    .map(candidate => ({ candidate, score: 0.85 * candidate.coverage + 0.15 * (1 - (fused.get(candidate) ?? 1)) + (candidate.entry.isQuote ? 0.01 : 0) }))
    .sort((a, b) => b.score - a.score || byPlace(a.candidate.entry, b.candidate.entry));
  return collapseCopies(ranked.map(({ candidate, score }) => ({ entry: candidate.entry, score })), limit)
    .map(({ entry, score, sources }) => ({ entry, score, matches: wordMatches(entry.text, words), ...(sources.length > 1 ? { sources } : {}) }));
}

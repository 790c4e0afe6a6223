import type { SearchStore } from './searchStore';
import type { NeighbourPairs } from './wordPairs';

/** Candidates rescored exactly per query, and the postings a retrieval may walk before it stops adding words. */
export const MAX_RESCORED = 300;
const MIN_RETRIEVED = 50;
const RETRIEVAL_BUDGET = 150_000;
const BM25_K1 = 1.2;
const BM25_B = 0.75;
/** Entries tested for query words side by side when a query's indexed words are too common to cut by. */
const NEIGHBOUR_TESTS = 30_000;
/** Entries missing a retrieved word are tested too, up to this many tests in all. */
const PARTIAL_TESTS = 5_000;

/**
 * Candidate ids from the postings of the rarest query words, enough of them to carry most of the query's
 * weight; common words are left to the exact rescoring. Scores accumulate in a reused typed array, each
 * word's share damped by the entry's length as in BM25, so that among entries sharing the same rare words
 * the ones made of little else come first. Only ids that `accept` (the query's filters) are kept.
 */
export function retrieve(store: SearchStore, terms: { variants: Map<number, number>; frequency: number; weight: number }[], accept?: (id: number) => boolean, neighbours?: NeighbourPairs): number[] {
  const { scratch } = store;
  const scores = scratch.scores(store.entryCount), coverage = scratch.coverage, marks = scratch.marks, touched = scratch.touched;
  let touchedCount = 0;
  const weightSum = terms.reduce((sum, term) => sum + term.weight, 0);
  // Lengths of removed entries stay in the average until compaction; it only scales the damping.
  const averageLength = Math.max(1, store.averageLength);
  // BM25's length damping by number of words, from a table: one multiplication per posting.
  const damping = new Float32Array(DAMPED_LENGTHS + 1);
  for (let length = 0; length <= DAMPED_LENGTHS; length++) damping[length] = (1 + BM25_K1) / (1 + BM25_K1 * (1 - BM25_B + (BM25_B * length) / averageLength));
  const lengths = store.lengths;
  let covered = 0, work = 0;
  // The least coverage of an entry holding every walked word by one of its forms, whichever.
  let anyFormCoverage = 0;
  // The best score and coverage of all touched entries, kept as they grow: the answer when every entry is eligible.
  let touchedBest = 0, touchedBestCoverage = 0;
  for (const term of [...terms].sort((a, b) => a.frequency - b.frequency)) {
    if (term.variants.size === 0) continue;
    if (covered >= weightSum * 0.7 && touchedCount >= MIN_RETRIEVED) break;
    if (work > RETRIEVAL_BUDGET && touchedCount > 0) break;
    // An entry counts once per term, by its closest form: "charged" and "charges" both in it are not two words.
    const epoch = ++scratch.epoch;
    for (const [wordId, similarity] of [...term.variants].sort((a, b) => b[1] - a[1])) {
      const list = store.postings.ids(wordId);
      work += list.length;
      const value = term.weight * similarity;
      for (let i = 0; i < list.length; i++) {
        const id = list[i];
        if (marks[id] === epoch) continue;
        marks[id] = epoch;
        if (scores[id] === 0) touched[touchedCount++] = id;
        const length = lengths[id];
        scores[id] += value * damping[length < DAMPED_LENGTHS ? length : DAMPED_LENGTHS];
        coverage[id] += value;
        if (scores[id] > touchedBest) touchedBest = scores[id];
        if (coverage[id] > touchedBestCoverage) touchedBestCoverage = coverage[id];
      }
    }
    covered += term.weight;
    let least = 1;
    for (const similarity of term.variants.values()) if (similarity < least) least = similarity;
    anyFormCoverage += term.weight * least;
  }
  // Removed entries keep their postings until compaction; when there are none, no entry needs the check.
  const allLive = store.live === store.entryCount;
  const touchedIds = touched.subarray(0, touchedCount);
  const eligible = accept ? touchedIds.filter(id => store.isLive(id) && accept(id)) : allLive ? touchedIds : touchedIds.filter(id => store.isLive(id));
  let best = touchedBest, bestCoverage = touchedBestCoverage;
  if (eligible !== touchedIds) {
    best = bestCoverage = 0;
    for (let i = 0; i < eligible.length; i++) {
      const id = eligible[i];
      if (scores[id] > best) best = scores[id];
      if (coverage[id] > bestCoverage) bestCoverage = coverage[id];
    }
  }
  // One pass over the eligible entries (tens of thousands, scattered in memory) finds those the score cut keeps
  // and, for the pair test below, those holding every retrieved word and the first kept ones that do not.
  const cut = best * 0.4, fullCut = bestCoverage * 0.999, anyFormCut = anyFormCoverage * 0.999;
  // Full: holding every retrieved word by its best form, then by any form ("fighting" for a query's "fighted":
  // a few entries that hold the typo itself set the best coverage). By coverage, not by counting words in
  // another per-entry array, which the walk would write once more per posting.
  const kept: number[] = [], full: number[] = [], fullByForm: number[] = [], partial: number[] = [];
  for (let i = 0; i < eligible.length; i++) {
    const id = eligible[i];
    const isFull = coverage[id] >= fullCut || coverage[id] >= anyFormCut;
    if (neighbours && isFull) (coverage[id] >= fullCut ? full : fullByForm).push(id);
    if (scores[id] >= cut) {
      kept.push(id);
      if (neighbours && !isFull && partial.length < PARTIAL_TESTS) partial.push(id);
    }
  }
  if (fullByForm.length) for (let i = 0; i < fullByForm.length && full.length < NEIGHBOUR_TESTS; i++) full.push(fullByForm[i]);
  if (neighbours && kept.length > MAX_RESCORED) {
    // Too many entries share the query's few indexed words ("countries" in "in our countries in") for the cut
    // to keep the right one by chance: those that also hold query words next to their neighbours, stop words
    // included, go first, the more pairs the better. A regular expression over raw text, for a bounded number
    // of entries. Entries holding every retrieved word are tested first, whatever their length (the length
    // damping may have cut them): a long sentence with the query's words side by side is what a writer
    // remembers a line of.
    const tested = full.length >= NEIGHBOUR_TESTS ? full.slice(0, NEIGHBOUR_TESTS) : [...full, ...partial.slice(0, Math.max(0, PARTIAL_TESTS - full.length))];
    for (const id of tested) {
      const text = store.looseTextAt(id)!;
      if (!neighbours.any.test(text)) continue;
      // Scores only grow: the kept stay kept, and an entry under the cut joins them once it holds a pair.
      const wasKept = scores[id] >= cut;
      scores[id] += best * (1 + neighbours.pairsIn(text));
      if (!wasKept && scores[id] >= cut) kept.push(id);
    }
  }
  const top = topByScore(kept, scores, MAX_RESCORED, (a, b) => store.comparePlaces(a, b));
  for (let i = 0; i < touchedCount; i++) scores[touched[i]] = coverage[touched[i]] = 0;
  return top;
}

/** Entries longer than this many distinct words are damped as if this long. */
const DAMPED_LENGTHS = 1024;

/**
 * The `count` ids with the highest scores, best first. A full sort of tens of thousands of candidates costs
 * more than the rest of a retrieval: the cut-off score is found by selection on a copy, then only the ids at or
 * above it are sorted (ties by place, so the answer does not depend on the order documents were indexed in).
 */
function topByScore(ids: number[], scores: Float32Array, count: number, tieBreak: (a: number, b: number) => number): number[] {
  if (ids.length > count * 4) {
    const values = new Float32Array(ids.length);
    for (let i = 0; i < ids.length; i++) values[i] = scores[ids[i]];
    const cutoff = kthLargest(values, count);
    ids = ids.filter(id => scores[id] >= cutoff);
  }
  return ids.sort((a, b) => scores[b] - scores[a] || tieBreak(a, b)).slice(0, count);
}

/** The k-th largest value (1-based), by quickselect in place. */
function kthLargest(values: Float32Array, k: number): number {
  let low = 0, high = values.length - 1;
  const target = k - 1;
  while (low < high) {
    const pivot = values[(low + high) >>> 1];
    let i = low, j = high;
    while (i <= j) {
      while (values[i] > pivot) i++;
      while (values[j] < pivot) j--;
      if (i <= j) {
        const swap = values[i];
        values[i] = values[j];
        values[j] = swap;
        i++;
        j--;
      }
    }
    if (target <= j) high = j;
    else if (target >= i) low = i;
    else break;
  }
  return values[target];
}

import type { Postings } from './postings';
import type { PreparedEntry } from './searchPreparation';
import type { SearchEntry } from './searchHit';
import type { Vocabulary } from './typoLookup';

/**
 * What retrieval, related statements, passages and the common-word scan read of the index: entry ids run from
 * 0 to `entryCount`, removed entries keep theirs (not live) until compaction.
 */
export interface SearchStore {
  readonly postings: Postings;
  readonly vocabulary: Vocabulary;
  readonly entryCount: number;
  /** Entries not removed. */
  readonly live: number;
  /** Distinct indexed words per entry, on average (removed entries included until compaction). */
  readonly averageLength: number;
  /** Entry id → its number of distinct indexed words (a view: read it again after entries are added). */
  readonly lengths: Int32Array;
  readonly scratch: Scratch;
  isLive(id: number): boolean;
  /** The entry as prepared (text, kind), without making a hit's entry; undefined once removed. */
  preparedAt(id: number): PreparedEntry | undefined;
  /** The entry's text for patterns that read any white space alike (see PreparedEntry.looseText). */
  looseTextAt(id: number): string | undefined;
  /** Equal scores by place, as byPlace orders entries, without making them (see byPlace). */
  comparePlaces(a: number, b: number): number;
  /** The entry with an id, made on demand (only candidates ever become objects); undefined once removed. */
  entryAt(id: number): SearchEntry | undefined;
}

/** Per-entry arrays reused by every query (a query runs to completion before the next starts). */
export class Scratch {
  private scoreArray = new Float32Array(0);
  /** Per entry, the weight of the retrieved words it holds, undamped by length. */
  coverage = new Float32Array(0);
  /** Per entry, the last term that reached it (`epoch` counts terms), so each term counts once per entry. */
  marks = new Int32Array(0);
  /** The ids a retrieval touched, in the order it touched them (a reused array: no list grown per query). */
  touched = new Int32Array(0);
  epoch = 0;

  /** Zeroed scores for `entries` entries (callers zero what they touched before returning). */
  scores(entries: number): Float32Array {
    if (this.scoreArray.length < entries) {
      this.scoreArray = new Float32Array(Math.max(entries, this.scoreArray.length * 2));
      this.coverage = new Float32Array(this.scoreArray.length);
      this.marks = new Int32Array(this.scoreArray.length);
      this.touched = new Int32Array(this.scoreArray.length);
    }
    return this.scoreArray;
  }
}

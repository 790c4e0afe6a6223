import { editDistance, searchWords } from '../read/searchText';
import type { Span } from '../model';
import { sameWording } from './nearCopies';

/** A searchable statement: a quotation, or a sentence of a document's body. */
export interface SearchEntry {
  readonly uri: string;
  readonly text: string;
  readonly span: Span;
  readonly speaker: string | null;
  /** Every name the speaker goes by, for `speaker:` filters. */
  readonly speakerNames: readonly string[];
  readonly date: string | null;
  readonly documentTitle: string;
  readonly isQuote: boolean;
}

export interface SearchHit {
  readonly entry: SearchEntry;
  readonly score: number;
  /** Matched character ranges in `entry.text`, for highlighting. */
  readonly matches: [number, number][];
  /**
   * Every document that carries this text (a press release published twice, a line repeated in several
   * speeches), or a copy of it that differs by a few misspelt words, earliest first; `entry` is the earliest
   * of those that read as the best-ranked copy. Only set when there is more than one.
   */
  readonly sources?: readonly SearchEntry[];
}

/** Undated documents last; the same date by URI, so the order never depends on indexing order. */
export const earliestFirst = (a: SearchEntry, b: SearchEntry) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);


/**
 * One hit per distinct text, listing every document that carries it, earliest first: the copies of a press
 * release cannot be told apart by ranking, and ten of them would push everything else off the list. A copy
 * that differs only by a few misspelt words (see sameWording) is the same text: its hit shows the copy that
 * ranked first, the one spelt as the query is when the query matches one exactly, else the earliest.
 */
export function collapseCopies(ranked: { entry: SearchEntry; score: number }[], limit: number): { entry: SearchEntry; score: number; sources: SearchEntry[] }[] {
  const byText = new Map<string, { entry: SearchEntry; score: number; sources: SearchEntry[]; words: string[] }>();
  const kept: { entry: SearchEntry; score: number; sources: SearchEntry[]; words: string[] }[] = [];
  for (const { entry, score } of ranked) {
    const key = entry.text.replace(/\s+/g, ' ').trim();
    const known = byText.get(key);
    if (known) {
      known.sources.push(entry);
      continue;
    }
    const words = searchWords(entry.text);
    const near = kept.find(hit => sameWording(hit.words, words));
    if (near) {
      near.sources.push(entry);
      byText.set(key, near);
    } else if (kept.length < limit) {
      const hit = { entry, score, sources: [entry], words };
      kept.push(hit);
      byText.set(key, hit);
    }
  }
  return kept.map(({ entry, score, sources }) => {
    sources.sort(earliestFirst);
    // The earliest of the copies that read exactly as the best-ranked one.
    return { entry: sources.find(source => source.text === entry.text) ?? entry, score, sources };
  });
}

/** Ranges of the entry's words that match a query word (exactly or with a typo), for highlighting. */
export function wordMatches(text: string, query: string): [number, number][] {
  const terms = new Set(searchWords(query).filter(w => w.length > 2));
  const ranges: [number, number][] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}'’]+/gu)) {
    const word = searchWords(match[0])[0];
    if (!word || word.length < 3) continue;
    for (const term of terms) {
      if (word === term || term.length >= 4 && editDistance(word, term, term.length <= 5 ? 1 : 2) <= (term.length <= 5 ? 1 : 2)) {
        ranges.push([match.index, match.index + match[0].length]);
        break;
      }
    }
  }
  return ranges;
}

/**
 * Where an entry is, for breaking ties between equal scores: by document URI, then offset. Entry ids follow the
 * order documents were indexed in, which differs between a cold pass and a cache load; this does not.
 */
export function byPlace(a: SearchEntry | undefined, b: SearchEntry | undefined): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  return a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : a.span.start - b.span.start;
}

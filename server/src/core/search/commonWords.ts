import type { Cancellation } from '../model';
import { searchWords } from '../read/searchText';
import type { SearchEntry, SearchHit } from './searchHit';
import type { SearchStore } from './searchStore';
import { spelled } from './wordPairs';

/** The longest a query of only common words scans for its phrase. */
const PHRASE_SCAN_MS = 150;

/**
 * A query of only common words ("what it was"): they are not indexed, so statements saying them in this
 * order are found by a scan that stops once `limit` quotations turn up (body sentences fill the rest),
 * shortest first. The scan looks at raw text with one regular expression before any word splitting.
 * `forms` gives a query word's other readings (the stop words a typo of one may be: "onply" is "only").
 * A writer who left a word out ("we will be when any" for "we will be ready when any") is matched too, with
 * one word allowed between any two query words; statements saying the words exactly come first.
 */
export function phraseMatches(store: SearchStore, queryWords: readonly string[], accept: (entry: SearchEntry) => boolean, limit: number, token?: Cancellation, forms?: ReadonlyMap<string, readonly string[]>): SearchHit[] {
  // No Unicode flag and no lookbehind: about 1.2–1.5× faster over 600k sentences; query words are ASCII-folded.
  const words = queryWords.map(word => {
    const readings = forms?.get(word);
    return readings?.length ? `(?:${[word, ...readings].map(spelled).join('|')})` : spelled(word);
  });
  const phrase = new RegExp(`\\b${words.join('\\W+')}\\b`, 'i');
  // At most one word of letters or digits between two query words; \w and \W never overlap, so this stays linear.
  const loose = words.length > 2 ? new RegExp(`\\b${words.join('(?:\\W+\\w+)?\\W+')}\\b`, 'i') : phrase;
  const quotes: SearchEntry[] = [], sentences: SearchEntry[] = [], looseQuotes: SearchEntry[] = [], looseSentences: SearchEntry[] = [];
  const started = performance.now();
  for (let id = 0; id < store.entryCount && quotes.length < limit; id++) {
    // A phrase that is everywhere fills the list at once; one that is nowhere gets a scan capped in time.
    if (id % 8192 === 0 && (token?.isCancellationRequested || performance.now() - started > PHRASE_SCAN_MS)) break;
    const prepared = store.preparedAt(id);
    if (!prepared) continue;
    if (!prepared.isQuote && sentences.length >= limit) continue;
    // The text as its document holds it: the patterns read any run of white space alike.
    const text = store.looseTextAt(id)!;
    if (!loose.test(text)) continue;
    const exact = loose === phrase || phrase.test(text);
    if (!exact && (prepared.isQuote ? looseQuotes : looseSentences).length >= limit) continue;
    const entry = store.entryAt(id)!;
    if (accept(entry)) (exact ? (entry.isQuote ? quotes : sentences) : entry.isQuote ? looseQuotes : looseSentences).push(entry);
  }
  if (token?.isCancellationRequested) return [];
  const shortestFirst = (list: SearchEntry[]) => list.sort((a, b) => Number(b.isQuote) - Number(a.isQuote) || a.text.length - b.text.length);
  const score = (entry: SearchEntry) => Math.min(1, (queryWords.length + 1) / (searchWords(entry.text).length + 1));
  return [
    ...shortestFirst([...quotes, ...sentences]).map(entry => ({ entry, score: score(entry), matches: phraseRanges(entry.text, phrase) })),
    // A statement that needs a word more ranks under every exact one, whatever its length.
    ...shortestFirst([...looseQuotes, ...looseSentences]).map(entry => ({ entry, score: score(entry) / 2, matches: phraseRanges(entry.text, loose) })),
  ].slice(0, limit);
}

export function allMatching(store: SearchStore, accept: (entry: SearchEntry) => boolean, limit: number): SearchHit[] {
  const hits: SearchHit[] = [];
  for (let id = 0; id < store.entryCount; id++) {
    if (!store.preparedAt(id)?.isQuote) continue;
    const entry = store.entryAt(id)!;
    if (accept(entry)) hits.push({ entry, score: 1, matches: [] });
  }
  return hits.sort((a, b) => (b.entry.date ?? '').localeCompare(a.entry.date ?? '')).slice(0, limit);
}

function phraseRanges(text: string, phrase: RegExp): [number, number][] {
  const match = phrase.exec(text);
  return match ? [[match.index, match.index + match[0].length]] : [];
}

import type { Cancellation } from '../model';
import { indexableWords, searchWords, stemOf, STOP_WORDS } from '../read/searchText';
import { allMatching, phraseMatches } from './commonWords';
import { passagesContaining } from './passages';
import { IntList, Postings } from './postings';
import { matchesFilters, parseQuery, type SearchQuery } from './queryParsing';
import { CandidateScorer, rerank, STOP_WEIGHT } from './ranking';
import { relatedStatements, STOP_FRACTION } from './relatedStatements';
import { retrieve } from './retrieval';
import { earliestFirst, wordMatches, type SearchEntry, type SearchHit } from './searchHit';
import type { NumberedVocabulary, PreparedEntry, PreparedSearch } from './searchPreparation';
import { sameWording } from './nearCopies';
import { Scratch, type SearchStore } from './searchStore';
import { oneEditAway, RARE_FRACTION, STEM_SIMILARITY, Vocabulary } from './typoLookup';
import { NeighbourPairs } from './wordPairs';

export { parseQuery, type SearchQuery } from './queryParsing';
export type { SearchEntry, SearchHit } from './searchHit';


/** Stop words by their Porter2 stem, for query words that are another inflection of one. */
const STOP_WORDS_BY_STEM = new Map<string, string[]>();
for (const stop of STOP_WORDS) {
  const stem = stemOf(stop);
  STOP_WORDS_BY_STEM.set(stem, [...(STOP_WORDS_BY_STEM.get(stem) ?? []), stop]);
}

/** The most a query word that may be a stop word weighs: the idf of a word in STOP_FRACTION of entries. */
const COMMON_WEIGHT = Math.max(STOP_WEIGHT, Math.log(1 + 1 / STOP_FRACTION));

/** More ids than this left open after a full pass are sealed by warm-up; an edit adds hundreds. */
const UNSEALED_AFTER_PASS = 1 << 16;
/** Candidates rescored exactly and handed to the re-ranking. */
const MAX_CANDIDATES = 120;
/** The longest posting list walked to find the copies of a hit's text. */
const COPIES_SCANNED = 5_000;
/** How many characters a near copy's text may differ in length by: a few letters dropped or doubled. */
const NEAR_COPY_LENGTH = 3;

/** How the index sees a document: metadata shared by its entries, and the entries prepared off-thread. */
export interface SearchDocument {
  readonly uri: string;
  readonly date: string | null;
  readonly documentTitle: string;
  readonly prepared: PreparedSearch;
  /** A raw speaker name as the document writes it → corpus-wide name and every alias (resolved on use). */
  readonly speakerOf: (raw: string) => { speaker: string; speakerNames: readonly string[] };
}

/** What the index keeps of a document once its words are posted. */
type IndexedDocument = Omit<SearchDocument, 'prepared'> & { readonly entries: PreparedEntry[] };

/**
 * Fuzzy search over every quotation and sentence of the corpus. fuse.js alone scans every string per query,
 * which is seconds on 100k+ sentences; so an inverted index over words (with a trigram index over the
 * vocabulary for typos) retrieves a few hundred candidates and Fuse re-ranks only those. Entries are added
 * and removed per document; removed ids are tombstoned and the postings compacted when they pile up.
 */
export class QuoteSearchIndex {
  /** Entry id → slot of its document and index within it; slots of removed documents are undefined. */
  private readonly entrySlot = new IntList();
  private readonly entryLocal = new IntList();
  /** Entry id → its number of distinct indexed words, for length normalization. */
  private readonly entryLength = new IntList();
  /** Entry id → the length of its text: copies of a hit's text are looked for among entries of the same length. */
  private readonly entryTextLength = new IntList();
  /**
   * Entry id → where its loose text starts and ends in its document's text (`slotTexts`), or -1 when the entry
   * keeps a string of its own: the word-pair test reads up to 30,000 texts a query, and reaching each through
   * its entry and span objects cost more than reading it.
   */
  private readonly entryStart = new IntList();
  private readonly entryEnd = new IntList();
  private totalLength = 0;
  private readonly slots: (IndexedDocument | undefined)[] = [];
  /** Slot → the document text its entries' loose texts are cut from; undefined once removed. */
  private readonly slotTexts: (string | undefined)[] = [];
  private readonly slotByUri = new Map<string, { slot: number; ids: number }>();
  private readonly vocabulary = new Vocabulary();
  /** Per numbering of prepared vocabularies (a parse worker's), its numbers' word ids plus one; 0 when not met yet. */
  private readonly numberings = new WeakMap<object, { ids: Int32Array }>();
  private readonly postings = new Postings();
  private readonly scratch = new Scratch();
  private removed = 0;
  private live = 0;

  get size(): number {
    return this.live;
  }

  /** Adds a document's entries, each posted under its distinct words (see prepareSearch). */
  setDocument(document: SearchDocument): void {
    this.removeDocument(document.uri);
    const { prepared } = document;
    const slot = this.slots.length;
    // Only the entries outlive insertion: the document's own vocabulary and word lists would double the heap.
    this.slots.push({ uri: document.uri, date: document.date, documentTitle: document.documentTitle, entries: prepared.entries, speakerOf: document.speakerOf });
    const documentText = prepared.entries.find(entry => entry.documentText !== undefined)?.documentText;
    this.slotTexts.push(documentText);
    const globalIds = prepared.numbered ? this.idsOfNumbered(prepared.vocabulary, prepared.numbered) : prepared.vocabulary.map(word => this.vocabulary.intern(word));
    for (let i = 0; i < prepared.entries.length; i++) {
      const id = this.entrySlot.length;
      this.entrySlot.push(slot);
      this.entryLocal.push(i);
      this.entryLength.push(prepared.offsets[i + 1] - prepared.offsets[i]);
      this.entryTextLength.push(prepared.entries[i].textLength ?? prepared.entries[i].text.length);
      const ofSpan = documentText !== undefined && prepared.entries[i].documentText === documentText;
      this.entryStart.push(ofSpan ? prepared.entries[i].span.start : -1);
      this.entryEnd.push(ofSpan ? prepared.entries[i].span.end : 0);
      this.totalLength += prepared.offsets[i + 1] - prepared.offsets[i];
      for (let w = prepared.offsets[i]; w < prepared.offsets[i + 1]; w++) this.postings.add(globalIds[prepared.words[w]], id);
    }
    this.slotByUri.set(document.uri, { slot, ids: prepared.entries.length });
    this.live += prepared.entries.length;
    this.postings.settle();
  }

  /** Word ids of a vocabulary prepared elsewhere: each number is looked up by its word only the first time. */
  private idsOfNumbered(vocabulary: readonly string[], { numbering, ids }: NumberedVocabulary): number[] {
    let known = this.numberings.get(numbering);
    if (!known) this.numberings.set(numbering, (known = { ids: new Int32Array(1024) }));
    const globalIds = new Array<number>(ids.length);
    for (let i = 0; i < ids.length; i++) {
      const number = ids[i];
      if (number >= known.ids.length) {
        const grown = new Int32Array(Math.max(known.ids.length * 2, number + 1));
        grown.set(known.ids);
        known.ids = grown;
      }
      let id = known.ids[number] - 1;
      if (id < 0) known.ids[number] = (id = this.vocabulary.intern(vocabulary[i])) + 1;
      globalIds[i] = id;
    }
    return globalIds;
  }

  removeDocument(uri: string): void {
    const known = this.slotByUri.get(uri);
    if (!known) return;
    this.slots[known.slot] = undefined;
    this.slotTexts[known.slot] = undefined;
    this.slotByUri.delete(uri);
    this.live -= known.ids;
    this.removed += known.ids;
    if (this.removed > 10_000 && this.removed > this.live / 4) this.compact();
  }

  /** What the search modules read of the index. */
  private readonly store: SearchStore = (() => {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the view reads the index's fields as they change
    const index = this;
    return {
      get postings() { return index.postings; },
      get vocabulary() { return index.vocabulary; },
      get entryCount() { return index.entrySlot.length; },
      get live() { return index.live; },
      get averageLength() { return index.totalLength / Math.max(1, index.entrySlot.length); },
      get lengths() { return index.entryLength.values; },
      get scratch() { return index.scratch; },
      isLive: id => index.isLive(id),
      preparedAt: id => index.slots[index.entrySlot.get(id)]?.entries[index.entryLocal.get(id)],
      looseTextAt: id => {
        const start = index.entryStart.get(id);
        if (start >= 0) return index.slotTexts[index.entrySlot.get(id)]?.slice(start, index.entryEnd.get(id));
        const prepared = index.slots[index.entrySlot.get(id)]?.entries[index.entryLocal.get(id)];
        return prepared && (prepared.looseText ?? prepared.text);
      },
      comparePlaces: (a, b) => index.comparePlaces(a, b),
      entryAt: id => index.entryAt(id),
    };
  })();

  /** The entry with an id, made on demand (only candidates ever become objects); undefined once removed. */
  private entryAt(id: number): SearchEntry | undefined {
    const document = this.slots[this.entrySlot.get(id)];
    if (!document) return undefined;
    const entry = document.entries[this.entryLocal.get(id)];
    const speaker = entry.speaker ? document.speakerOf(entry.speaker) : { speaker: null, speakerNames: [] };
    return { uri: document.uri, date: document.date, documentTitle: document.documentTitle, text: entry.text, span: entry.span, isQuote: entry.isQuote, ...speaker };
  }

  /** byPlace(entryAt(a), entryAt(b)), by the document's URI and the entry's offset alone. */
  private comparePlaces(a: number, b: number): number {
    const first = this.slots[this.entrySlot.get(a)], second = this.slots[this.entrySlot.get(b)];
    if (!first || !second) return first ? -1 : second ? 1 : 0;
    if (first.uri !== second.uri) return first.uri < second.uri ? -1 : 1;
    return first.entries[this.entryLocal.get(a)].span.start - second.entries[this.entryLocal.get(b)].span.start;
  }

  private isLive(id: number): boolean {
    return this.slots[this.entrySlot.get(id)] !== undefined;
  }

  search(raw: string | SearchQuery, limit = 20, token?: Cancellation): SearchHit[] {
    const query = typeof raw === 'string' ? parseQuery(raw) : raw;
    const accept = (entry: SearchEntry) => matchesFilters(entry, query);
    const queryWords = searchWords(query.words);
    // One- and two-letter words ("un", "eu", "ok") and stop words count in rescoring but never retrieve a hit.
    const words = [...new Set(queryWords.filter(word => word.length > 2 && !STOP_WORDS.has(word)))];
    if (words.length === 0) {
      if (queryWords.length > 0) return phraseMatches(this.store, queryWords, accept, limit, token);
      if (!query.speaker && !query.before && !query.after) return [];
      return allMatching(this.store, accept, limit);
    }
    const total = Math.max(1, this.live);
    // Each query word with the vocabulary words it may stand for (itself, and words a typo or two away).
    const terms = words.map(word => {
      const variants = this.vocabulary.variants(word, id => this.postings.count(id), this.live);
      let frequency = 0;
      for (const id of variants.keys()) frequency = Math.max(frequency, this.postings.count(id));
      let weight = variants.size ? Math.log(1 + total / (1 + frequency)) : Math.log(1 + total);
      const forms = new Map([...variants].map(([id, similarity]) => [this.vocabulary.wordOf(id), similarity]));
      const own = this.vocabulary.idOf(word);
      // Another inflection of a stop word ("thats", "yours", "veries") matches the stop word as "says" matches
      // "said" (stop words are not indexed, so `variants` never finds them), and weighs as a word is weighed by
      // its commonest form: no more than a common word.
      const stopInflections = STOP_WORDS_BY_STEM.get(stemOf(word)) ?? [];
      if (stopInflections.length) weight = Math.min(weight, COMMON_WEIGHT);
      for (const stop of stopInflections) forms.set(stop, Math.max(forms.get(stop) ?? 0, STEM_SIMILARITY));
      if (word.length >= 3 && (own === undefined || this.postings.count(own) < total * RARE_FRACTION)) {
        // Stop words are not indexed, so a typo of one ("aobut", "thn") would match only rare oddities ("aout"
        // from "août", "THN") and weigh the most of all: it weighs no more than a common word, and matches the
        // stop word too. Its other readings stay ("tiem" is "them" or "time").
        const stopForms = oneEditAway(word).filter(near => STOP_WORDS.has(near));
        if (stopForms.length) weight = Math.min(weight, COMMON_WEIGHT);
        for (const near of stopForms) forms.set(near, Math.max(forms.get(near) ?? 0, 1 - 1 / (word.length + 1)));
      }
      return { word, variants, frequency, weight, forms };
    });
    if (token?.isCancellationRequested) return [];
    // Every indexed word is a misspelt stop word ("we onply had a") or another form of one: nothing in the
    // index holds it, so the query is read as common words, each with its stop-word readings.
    if (terms.every(term => term.variants.size === 0 && term.forms.size > 0)) {
      return phraseMatches(this.store, queryWords, accept, limit, token, new Map(terms.map(term => [term.word, [...term.forms.keys()]])));
    }

    // Retrieval by the rarest words: their postings are short and any good answer contains most of them.
    // With filters, candidates are filtered before the retrieval cut: otherwise hundreds of other speakers'
    // sentences sharing a common word fill the cut and the filtered query finds nothing.
    const filtered = !!(query.speaker || query.before || query.after);
    const candidates = retrieve(this.store, terms, filtered ? id => accept(this.entryAt(id)!) : undefined, NeighbourPairs.of(queryWords, terms));
    if (token?.isCancellationRequested) return [];
    // Exact rescoring of the candidates on every query word, stop words included, and on their order.
    const scorer = new CandidateScorer(queryWords, terms);
    // Scored by their text alone: only the few kept become entries (a speaker's names cost a lookup each).
    const scoredIds = candidates.map(id => ({ id, coverage: scorer.score(this.store.preparedAt(id)!.text) }));
    scoredIds.sort((a, b) => b.coverage - a.coverage || this.comparePlaces(a.id, b.id));
    const scored: { entry: SearchEntry; coverage: number }[] = [];
    for (const { id, coverage } of scoredIds) {
      if (scored.length === MAX_CANDIDATES) break;
      const entry = this.entryAt(id)!;
      if (accept(entry)) scored.push({ entry, coverage });
    }
    if (token?.isCancellationRequested) return [];
    return rerank(scored, query.words, limit).map(hit => this.withAllSources(hit, accept));
  }


  /**
   * The hit with every document that carries its text or a near copy of it (see sameWording), earliest first:
   * the candidates held only some of the copies when many statements scored alike. Found through the postings
   * of the text's three rarest words, among entries of about its length holding two of them (a near copy may
   * misspell one).
   */
  private withAllSources(hit: SearchHit, accept: (entry: SearchEntry) => boolean): SearchHit {
    const text = hit.entry.text;
    const rare = [...new Set(indexableWords(text))]
      .map(word => this.vocabulary.idOf(word))
      .filter((id): id is number => id !== undefined)
      .sort((a, b) => this.postings.count(a) - this.postings.count(b))
      .slice(0, 3)
      .filter(id => this.postings.count(id) <= COPIES_SCANNED);
    if (rare.length === 0) return hit;
    const needed = Math.min(2, rare.length);
    const held = new Map<number, number>();
    const textLengths = this.entryTextLength.values;
    for (const wordId of rare) {
      for (const id of this.postings.ids(wordId)) if (Math.abs(textLengths[id] - text.length) <= NEAR_COPY_LENGTH) held.set(id, (held.get(id) ?? 0) + 1);
    }
    const words = searchWords(text);
    const sources: SearchEntry[] = [];
    for (const [id, count] of held) {
      if (count < needed) continue;
      const other = this.slots[this.entrySlot.get(id)]?.entries[this.entryLocal.get(id)].text;
      // Exact copies are compared as stored (the same bytes extracted the same way give equal strings).
      if (other === undefined || (other !== text && !sameWording(words, searchWords(other)))) continue;
      const entry = this.entryAt(id)!;
      if (accept(entry)) sources.push(entry);
    }
    for (const source of hit.sources ?? []) if (!sources.some(copy => copy.uri === source.uri && copy.span.start === source.span.start)) sources.push(source);
    if (sources.length <= 1) return hit;
    sources.sort(earliestFirst);
    const entry = sources.find(source => source.text === text) ?? hit.entry;
    return { ...hit, entry, sources, matches: entry.text === hit.entry.text ? hit.matches : wordMatches(entry.text, hit.entry.text) };
  }

  /**
   * Statements that say the same thing or speak to the same subject as `text`, ranked as quote search ranks
   * (see relatedStatements.ts).
   */
  related(text: string, limit = 10, exclude?: (entry: SearchEntry) => boolean, token?: Cancellation): SearchHit[] {
    return relatedStatements(this.store, text, limit, exclude, token);
  }

  /** Entries that share the most of a passage's rarest words: where a quotation may come from (passages.ts). */
  passagesContaining(text: string, limit = 20): SearchEntry[] {
    return passagesContaining(this.store, text, limit);
  }

  /** Does a slice of deferred work; returns true while more remains (call again from an idle callback). */
  warmUp(words = 20_000): boolean {
    // The ids a full pass added since the last seal, however few they are against the sealed ones: left open,
    // every common word's postings were copied into a fresh array on each lookup. Not the few an edit adds.
    if (this.postings.unsealed > Math.min(this.postings.size / 8, UNSEALED_AFTER_PASS)) {
      this.postings.seal();
      return true;
    }
    this.vocabulary.indexGrams(words);
    return this.vocabulary.pending;
  }

  private compact(): void {
    this.postings.seal(id => this.isLive(id));
    this.removed = 0;
  }
}

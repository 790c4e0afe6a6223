import Fuse from 'fuse.js';
import type { Cancellation, Span } from '../model';
import type { PreparedEntry, PreparedSearch } from './searchPreparation';
import { editDistance, indexableWords, searchWords, stemOf, STOP_WORDS, trigrams } from '../read/searchText';

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
   * Every document that carries this very text (a press release published twice, a line repeated in several
   * speeches), earliest first; `entry` is the earliest. Only set when there is more than one.
   */
  readonly sources?: readonly SearchEntry[];
}

export interface SearchQuery {
  readonly words: string;
  readonly speaker?: string;
  readonly before?: string;
  readonly after?: string;
}

/** "speaker:qin after:2021 exploring process" → filters and words. Dates compare as ISO prefixes. */
export function parseQuery(raw: string): SearchQuery {
  let speaker: string | undefined, before: string | undefined, after: string | undefined;
  const words = raw.replace(/\b(speaker|before|after):(?:"([^"]*)"|(\S+))/gi, (_, key: string, quoted: string | undefined, bare: string | undefined) => {
    const value = (quoted ?? bare ?? '').trim();
    if (key.toLowerCase() === 'speaker') speaker = value;
    else if (key.toLowerCase() === 'before') before = value;
    else after = value;
    return ' ';
  });
  return { words: words.trim(), speaker, before, after };
}

const MAX_CANDIDATES = 120;
/** Candidates rescored exactly per query, and the postings a retrieval may walk before it stops adding words. */
const MAX_RESCORED = 300;
/** Candidates fuse.js re-ranks per query. */
const FUSE_RERANKED = 25;
const MIN_RETRIEVED = 50;
const RETRIEVAL_BUDGET = 150_000;
const STOP_FRACTION = 0.04;
/** A query word in fewer entries than this share of them, a stop word one edit away, is likely that stop word. */
const RARE_FRACTION = 1 / 2000;
/** The rarest words of a quoted passage that locate its source. */
const PASSAGE_WORDS = 8;
const BM25_K1 = 1.2;
const BM25_B = 0.75;
/** What a stop word of the query weighs in rescoring: about the idf of the commonest words. */
const STOP_WEIGHT = 1;
/** The longest a query of only common words scans for its phrase. */
const PHRASE_SCAN_MS = 150;
/** What another inflection of a query word is worth against the word itself ("says" for "said"). */
const STEM_SIMILARITY = 0.85;

/**
 * Fuzzy search over every quotation and sentence of the corpus. fuse.js alone scans every string per query,
 * which is seconds on 100k+ sentences; so an inverted index over words (with a trigram index over the
 * vocabulary for typos) retrieves a few hundred candidates and Fuse re-ranks only those. Entries are added
 * and removed per document; removed ids are tombstoned and the postings compacted when they pile up.
 */
/** How the index sees a document: metadata shared by its entries, and the entries prepared off-thread. */
export interface SearchDocument {
  readonly uri: string;
  readonly date: string | null;
  readonly documentTitle: string;
  readonly prepared: PreparedSearch;
  /** A raw speaker name as the document writes it → corpus-wide name and every alias (resolved on use). */
  speakerOf(raw: string): { speaker: string; speakerNames: readonly string[] };
}

/** What the index keeps of a document once its words are posted. */
type IndexedDocument = Omit<SearchDocument, 'prepared'> & { readonly entries: PreparedEntry[] };

/** A growable Int32Array: entry ids and their document slots, without an object per entry. */
class IntList {
  private data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  get(index: number): number {
    return this.data[index];
  }
  /** The backing array, for tight loops; replaced when the list grows, so never kept across a push. */
  get values(): Int32Array {
    return this.data;
  }
}

/** The fewest ids added since the last seal that make a new seal worth its copy. */
const SEAL_AT = 1 << 20;
const NO_IDS: readonly number[] = [];

/**
 * Entry ids per vocabulary word, ascending. Most are sealed into one Int32Array by word (4 bytes an id, against
 * 8 and an array per word for plain arrays); ids added since live in small arrays until they are worth a new
 * seal (half as many as are sealed), and a full pass ends sealed (`seal` from warm-up).
 */
class Postings {
  private sealed = new Int32Array(0);
  /** Word w's sealed ids are sealed[starts[w] .. starts[w + 1]); words from sealedWords on have none. */
  private starts = new Int32Array(1);
  private sealedWords = 0;
  private open: (number[] | undefined)[] = [];
  private openCount = 0;

  add(word: number, id: number): void {
    const list = this.open[word];
    if (list) list.push(id);
    else this.open[word] = [id];
    this.openCount++;
  }

  count(word: number): number {
    return this.sealedCount(word) + (this.open[word]?.length ?? 0);
  }

  /** The word's ids, ascending: a view of the sealed ids when nothing was added since. */
  ids(word: number): Int32Array | readonly number[] {
    const open = this.open[word];
    const sealed = this.sealedCount(word);
    if (sealed === 0) return open ?? NO_IDS;
    const view = this.sealed.subarray(this.starts[word], this.starts[word + 1]);
    if (!open) return view;
    const all = new Array<number>(sealed + open.length);
    for (let i = 0; i < sealed; i++) all[i] = view[i];
    for (let i = 0; i < open.length; i++) all[sealed + i] = open[i];
    return all;
  }

  get unsealed(): number {
    return this.openCount;
  }

  get size(): number {
    return this.sealed.length + this.openCount;
  }

  /** Seals when enough was added since the last seal, so the copying stays proportional to what is added. */
  settle(): void {
    if (this.openCount >= Math.max(SEAL_AT, this.sealed.length / 2)) this.seal();
  }

  /** Everything into one sealed array; `keep` drops ids (removed entries) on the way. */
  seal(keep?: (id: number) => boolean): void {
    const words = Math.max(this.sealedWords, this.open.length);
    const starts = new Int32Array(words + 1);
    let total = 0;
    for (let w = 0; w < words; w++) {
      starts[w] = total;
      if (keep) {
        for (const id of this.ids(w)) if (keep(id)) total++;
      } else total += this.count(w);
    }
    starts[words] = total;
    const sealed = new Int32Array(total);
    let at = 0;
    for (let w = 0; w < words; w++) {
      // Sealed ids all precede the ids added since (ids only grow), so both parts copy in order.
      const from = this.sealedCount(w) ? this.starts[w] : 0, to = from + this.sealedCount(w);
      for (let i = from; i < to; i++) if (!keep || keep(this.sealed[i])) sealed[at++] = this.sealed[i];
      for (const id of this.open[w] ?? NO_IDS) if (!keep || keep(id)) sealed[at++] = id;
    }
    this.sealed = sealed;
    this.starts = starts;
    this.sealedWords = words;
    this.open = [];
    this.openCount = 0;
  }

  private sealedCount(word: number): number {
    return word < this.sealedWords ? this.starts[word + 1] - this.starts[word] : 0;
  }
}

export class QuoteSearchIndex {
  /** Entry id → slot of its document and index within it; slots of removed documents are undefined. */
  private readonly entrySlot = new IntList();
  private readonly entryLocal = new IntList();
  /** Entry id → its number of distinct indexed words, for length normalization. */
  private readonly entryLength = new IntList();
  /** Entry id → the length of its text: copies of a hit's text are looked for among entries of the same length. */
  private readonly entryTextLength = new IntList();
  private totalLength = 0;
  private readonly slots: (IndexedDocument | undefined)[] = [];
  private readonly slotByUri = new Map<string, { slot: number; ids: number }>();
  private readonly vocabulary = new Map<string, number>();
  private readonly words: string[] = [];
  private readonly postings = new Postings();
  private readonly gramIndex = new Map<string, number[]>();
  /** Stem → vocabulary words with that stem (built with the trigram index), so a query word finds its inflections. */
  private readonly stemIndex = new Map<string, number[]>();
  /** Words below this id are in the trigram index; the rest are added on the first fuzzy lookup. */
  private gramIndexed = 0;
  private gramCounts = new Int32Array(0);
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
    const globalIds = prepared.vocabulary.map(word => this.wordId(word));
    for (let i = 0; i < prepared.entries.length; i++) {
      const id = this.entrySlot.length;
      this.entrySlot.push(slot);
      this.entryLocal.push(i);
      this.entryLength.push(prepared.offsets[i + 1] - prepared.offsets[i]);
      this.entryTextLength.push(prepared.entries[i].text.length);
      this.totalLength += prepared.offsets[i + 1] - prepared.offsets[i];
      for (let w = prepared.offsets[i]; w < prepared.offsets[i + 1]; w++) this.postings.add(globalIds[prepared.words[w]], id);
    }
    this.slotByUri.set(document.uri, { slot, ids: prepared.entries.length });
    this.live += prepared.entries.length;
    this.postings.settle();
  }

  removeDocument(uri: string): void {
    const known = this.slotByUri.get(uri);
    if (!known) return;
    this.slots[known.slot] = undefined;
    this.slotByUri.delete(uri);
    this.live -= known.ids;
    this.removed += known.ids;
    if (this.removed > 10_000 && this.removed > this.live / 4) this.compact();
  }

  /** The entry with an id, made on demand (only candidates ever become objects); undefined once removed. */
  private entryAt(id: number): SearchEntry | undefined {
    const document = this.slots[this.entrySlot.get(id)];
    if (!document) return undefined;
    const entry = document.entries[this.entryLocal.get(id)];
    const speaker = entry.speaker ? document.speakerOf(entry.speaker) : { speaker: null, speakerNames: [] };
    return { uri: document.uri, date: document.date, documentTitle: document.documentTitle, text: entry.text, span: entry.span, isQuote: entry.isQuote, ...speaker };
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
      if (queryWords.length > 0) return this.phraseMatches(queryWords, accept, limit, token);
      if (!query.speaker && !query.before && !query.after) return [];
      return this.allMatching(accept, limit);
    }
    const total = Math.max(1, this.live);
    // Each query word with the vocabulary words it may stand for (itself, and words a typo or two away).
    const terms = words.map(word => {
      const variants = this.variants(word);
      let frequency = 0;
      for (const id of variants.keys()) frequency = Math.max(frequency, this.postings.count(id));
      let weight = variants.size ? Math.log(1 + total / (1 + frequency)) : Math.log(1 + total);
      const forms = new Map([...variants].map(([id, similarity]) => [this.words[id], similarity]));
      const own = this.vocabulary.get(word);
      if (word.length >= 3 && (own === undefined || this.postings.count(own) < total * RARE_FRACTION)) {
        // Stop words are not indexed, so a typo of one ("aobut", "thn") would match only rare oddities ("aout"
        // from "août", "THN") and weigh the most of all: it weighs no more than a common word, and matches the
        // stop word too. Its other readings stay ("tiem" is "them" or "time").
        const stopForms = oneEditAway(word).filter(near => STOP_WORDS.has(near));
        if (stopForms.length) {
          weight = Math.min(weight, Math.max(STOP_WEIGHT, Math.log(1 + 1 / STOP_FRACTION)));
          for (const near of stopForms) forms.set(near, Math.max(forms.get(near) ?? 0, 1 - 1 / (word.length + 1)));
        }
      }
      return { word, variants, frequency, weight, forms };
    });
    if (token?.isCancellationRequested) return [];

    // Retrieval by the rarest words: their postings are short and any good answer contains most of them.
    // With filters, candidates are filtered before the retrieval cut: otherwise hundreds of other speakers'
    // sentences sharing a common word fill the cut and the filtered query finds nothing.
    const filtered = !!(query.speaker || query.before || query.after);
    const candidates = this.retrieve(terms, filtered ? id => accept(this.entryAt(id)!) : undefined, NeighbourPairs.of(queryWords, terms));
    if (token?.isCancellationRequested) return [];
    // Exact rescoring of the candidates on every query word, stop words included, and on their order.
    const scorer = new CandidateScorer(queryWords, terms);
    const scored: { entry: SearchEntry; coverage: number }[] = [];
    for (const id of candidates) {
      const entry = this.entryAt(id)!;
      if (accept(entry)) scored.push({ entry, coverage: scorer.score(entry.text) });
    }
    scored.sort((a, b) => b.coverage - a.coverage);
    if (token?.isCancellationRequested) return [];
    return rerank(scored.slice(0, MAX_CANDIDATES), query.words, limit).map(hit => this.withAllSources(hit, accept));
  }

  private scratch = new Float32Array(0);
  /** Per entry, the weight of the retrieved words it holds, undamped by length (reused like `scratch`). */
  private coverage = new Float32Array(0);
  /** Per entry, the last term that reached it (`epoch` counts terms), so each term counts once per entry. */
  private marks = new Int32Array(0);
  private epoch = 0;

  /**
   * The hit with every document that carries its very text, earliest first: the candidates held only some of
   * the copies when many statements scored alike. Found through the postings of the text's rarest word.
   */
  private withAllSources(hit: SearchHit, accept: (entry: SearchEntry) => boolean): SearchHit {
    let rarest: number | undefined;
    for (const word of indexableWords(hit.entry.text)) {
      const id = this.vocabulary.get(word);
      if (id !== undefined && (rarest === undefined || this.postings.count(id) < this.postings.count(rarest))) rarest = id;
    }
    if (rarest === undefined || this.postings.count(rarest) > COPIES_SCANNED) return hit;
    // Copies are compared as stored: the same bytes extracted the same way give equal strings, and most
    // comparisons end at the length.
    const text = hit.entry.text;
    const copies: SearchEntry[] = [];
    const textLengths = this.entryTextLength.values;
    for (const id of this.postings.ids(rarest)) {
      if (textLengths[id] !== text.length) continue;
      const document = this.slots[this.entrySlot.get(id)];
      if (!document || document.entries[this.entryLocal.get(id)].text !== text) continue;
      const entry = this.entryAt(id)!;
      if (accept(entry)) copies.push(entry);
    }
    if (copies.length <= 1) return hit;
    copies.sort(earliestFirst);
    return { ...hit, entry: copies[0], sources: copies, matches: copies[0].text === hit.entry.text ? hit.matches : wordMatches(copies[0].text, hit.entry.text) };
  }

  /**
   * Candidate ids from the postings of the rarest query words, enough of them to carry most of the query's
   * weight; common words are left to the exact rescoring. Scores accumulate in a reused typed array, each
   * word's share damped by the entry's length as in BM25, so that among entries sharing the same rare words
   * the ones made of little else come first. Only ids that `accept` (the query's filters) are kept.
   */
  private retrieve(terms: { variants: Map<number, number>; frequency: number; weight: number }[], accept?: (id: number) => boolean, neighbours?: NeighbourPairs): number[] {
    if (this.scratch.length < this.entrySlot.length) this.scratch = new Float32Array(Math.max(this.entrySlot.length, this.scratch.length * 2));
    if (this.coverage.length < this.scratch.length) this.coverage = new Float32Array(this.scratch.length);
    if (this.marks.length < this.scratch.length) this.marks = new Int32Array(this.scratch.length);
    const scores = this.scratch, coverage = this.coverage, marks = this.marks;
    const touched: number[] = [];
    const weightSum = terms.reduce((sum, term) => sum + term.weight, 0);
    // Lengths of removed entries stay in the average until compaction; it only scales the damping.
    const averageLength = Math.max(1, this.totalLength / Math.max(1, this.entrySlot.length));
    // BM25's length damping by number of words, from a table: one multiplication per posting.
    const damping = new Float32Array(DAMPED_LENGTHS + 1);
    for (let length = 0; length <= DAMPED_LENGTHS; length++) damping[length] = (1 + BM25_K1) / (1 + BM25_K1 * (1 - BM25_B + (BM25_B * length) / averageLength));
    const lengths = this.entryLength.values;
    let covered = 0, work = 0;
    for (const term of [...terms].sort((a, b) => a.frequency - b.frequency)) {
      if (term.variants.size === 0) continue;
      if (covered >= weightSum * 0.7 && touched.length >= MIN_RETRIEVED) break;
      if (work > RETRIEVAL_BUDGET && touched.length > 0) break;
      // An entry counts once per term, by its closest form: "charged" and "charges" both in it are not two words.
      const epoch = ++this.epoch;
      for (const [wordId, similarity] of [...term.variants].sort((a, b) => b[1] - a[1])) {
        const list = this.postings.ids(wordId);
        work += list.length;
        const value = term.weight * similarity;
        for (let i = 0; i < list.length; i++) {
          const id = list[i];
          if (marks[id] === epoch) continue;
          marks[id] = epoch;
          if (scores[id] === 0) touched.push(id);
          const length = lengths[id];
          scores[id] += value * damping[length < DAMPED_LENGTHS ? length : DAMPED_LENGTHS];
          coverage[id] += value;
        }
      }
      covered += term.weight;
    }
    const eligible = accept ? touched.filter(id => this.isLive(id) && accept(id)) : touched;
    let best = 0;
    for (const id of eligible) if (scores[id] > best) best = scores[id];
    let kept = eligible.filter(id => scores[id] >= best * 0.4 && this.isLive(id));
    if (neighbours && kept.length > MAX_RESCORED) {
      // Too many entries share the query's few indexed words ("countries" in "in our countries in") for the cut
      // to keep the right one by chance: those that also hold query words next to their neighbours, stop words
      // included, go first, the more pairs the better. A regular expression over raw text, for a bounded number
      // of entries. Entries holding every retrieved word are tested first, whatever their length (the length
      // damping may have cut them): a long sentence with the query's words side by side is what a writer
      // remembers a line of.
      let bestCoverage = 0;
      for (const id of eligible) if (coverage[id] > bestCoverage) bestCoverage = coverage[id];
      const full = eligible.filter(id => coverage[id] >= bestCoverage * 0.999 && this.isLive(id));
      const tested = full.length >= NEIGHBOUR_TESTS ? full.slice(0, NEIGHBOUR_TESTS) : [...full, ...kept.filter(id => coverage[id] < bestCoverage * 0.999).slice(0, Math.max(0, PARTIAL_TESTS - full.length))];
      for (const id of tested) {
        const text = this.slots[this.entrySlot.get(id)]!.entries[this.entryLocal.get(id)].text;
        if (neighbours.any.test(text)) scores[id] += best * (1 + neighbours.pairsIn(text));
      }
      kept = eligible.filter(id => scores[id] >= best * 0.4 && this.isLive(id));
    }
    const top = topByScore(kept, scores, MAX_RESCORED);
    for (const id of touched) scores[id] = coverage[id] = 0;
    return top;
  }

  /**
   * Statements that say the same thing or speak to the same subject as `text`, ranked as quote search ranks:
   * shared words weigh their rarity (another inflection of a word counts at STEM_SIMILARITY), and pairs of
   * neighbouring words weigh what the pair says beyond its rarer word, measured by how many statements hold
   * both. So "exploring process", two words seldom together, outranks "as soon as possible", whose "possible"
   * adds nothing once "soon" is there.
   */
  related(text: string, limit = 10, exclude?: (entry: SearchEntry) => boolean, token?: Cancellation): SearchHit[] {
    this.indexGrams();
    const total = Math.max(1, this.live);
    const idfOf = (count: number) => Math.log(1 + total / (1 + count));
    const sequence = searchWords(text).filter(word => word.length > 2 && !STOP_WORDS.has(word));
    const terms = new Map<string, { variants: Map<number, number>; idf: number; stem: string }>();
    for (const word of sequence) {
      if (terms.has(word)) continue;
      const stem = stemOf(word);
      const variants = new Map<number, number>();
      // Weaker than in search: a passage shares a subject through its exact words; "rights" is no "right track".
      for (const id of this.stemIndex.get(stem) ?? []) variants.set(id, STEM_SIMILARITY / 2);
      const exact = this.vocabulary.get(word);
      if (exact !== undefined) variants.set(exact, 1);
      let frequency = 0;
      for (const id of variants.keys()) frequency = Math.max(frequency, this.postings.count(id));
      const idf = idfOf(frequency);
      if (variants.size && idf > Math.log(1 + 1 / STOP_FRACTION)) terms.set(word, { variants, idf, stem });
    }
    // A word that nearly always follows the previous one ("possible" after "soon") adds little of its own.
    const pairs = new Map<string, number>();
    const independence = new Map<string, number>();
    for (let i = 1; i < sequence.length; i++) {
      const a = terms.get(sequence[i - 1]), b = terms.get(sequence[i]);
      if (!a || !b || a === b) continue;
      const cooccurrences = this.cooccurrences(sequence[i - 1], sequence[i]);
      const together = idfOf(cooccurrences);
      const surprise = Math.max(0, together - Math.max(a.idf, b.idf));
      pairs.set(`${a.stem} ${b.stem}`, Math.max(pairs.get(`${a.stem} ${b.stem}`) ?? 0, surprise));
      // Two or three statements together may be the source itself and a copy: that says nothing of the pair.
      const share = cooccurrences < 4 ? 1 : Math.min(1, Math.max(0.1, (together - a.idf) / b.idf));
      independence.set(sequence[i], Math.min(independence.get(sequence[i]) ?? 1, share));
    }
    const scores = new Map<number, number>();
    let weight = 0;
    for (const [word, term] of terms) {
      if (token?.isCancellationRequested) return [];
      const value = term.idf * (independence.get(word) ?? 1);
      weight += value;
      for (const [id, similarity] of term.variants) {
        for (const entryId of this.postings.ids(id)) scores.set(entryId, Math.max(scores.get(entryId) ?? 0, 0) + value * similarity);
      }
    }
    if (weight === 0) return [];
    let pairWeight = 0;
    for (const value of pairs.values()) pairWeight += value;
    const shortlist: [SearchEntry, number][] = [];
    for (const [id, score] of [...scores.entries()].sort((a, b) => b[1] - a[1])) {
      if (shortlist.length >= 300) break;
      const entry = this.entryAt(id);
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
    return hits.sort((a, b) => b.score - a.score).slice(0, limit);
  }

  /** How many entries hold both words (anywhere): postings are in id order, so one merge walk. */
  private cooccurrences(a: string, b: string): number {
    const idA = this.vocabulary.get(a), idB = this.vocabulary.get(b);
    if (idA === undefined || idB === undefined) return 0;
    const first = this.postings.ids(idA), second = this.postings.ids(idB);
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

  /**
   * Entries that share the most of a passage's rarest words, weighted by rarity: where a quotation may come
   * from. Exact words only, no typo variants: a quoted passage keeps most of its words even when one changed.
   */
  passagesContaining(text: string, limit = 20): SearchEntry[] {
    const ids = [...new Set(indexableWords(text))].map(word => this.vocabulary.get(word)).filter((id): id is number => id !== undefined && this.postings.count(id) > 0);
    if (ids.length === 0) return [];
    ids.sort((a, b) => this.postings.count(a) - this.postings.count(b));
    if (this.scratch.length < this.entrySlot.length) this.scratch = new Float32Array(Math.max(this.entrySlot.length, this.scratch.length * 2));
    const scores = this.scratch;
    const touched: number[] = [];
    const total = Math.max(1, this.live);
    for (const wordId of ids.slice(0, PASSAGE_WORDS)) {
      const weight = Math.log(1 + total / this.postings.count(wordId));
      for (const id of this.postings.ids(wordId)) {
        if (scores[id] === 0) touched.push(id);
        scores[id] += weight;
      }
    }
    let best = 0;
    for (const id of touched) if (scores[id] > best) best = scores[id];
    const kept = touched.filter(id => scores[id] >= best * 0.5 && this.isLive(id));
    kept.sort((a, b) => scores[b] - scores[a]);
    for (const id of touched) scores[id] = 0;
    return kept.slice(0, limit).map(id => this.entryAt(id)!);
  }

  /**
   * A query of only common words ("what it was"): they are not indexed, so statements saying them in this
   * order are found by a scan that stops once `limit` quotations turn up (body sentences fill the rest),
   * shortest first. The scan looks at raw text with one regular expression before any word splitting.
   */
  private phraseMatches(queryWords: readonly string[], accept: (entry: SearchEntry) => boolean, limit: number, token?: Cancellation): SearchHit[] {
    // No Unicode flag and no lookbehind: about 1.2–1.5× faster over 600k sentences; query words are ASCII-folded.
    const phrase = new RegExp(`\\b${queryWords.map(spelled).join('\\W+')}\\b`, 'i');
    const quotes: SearchEntry[] = [], sentences: SearchEntry[] = [];
    const started = performance.now();
    for (let id = 0; id < this.entrySlot.length && quotes.length < limit; id++) {
      // A phrase that is everywhere fills the list at once; one that is nowhere gets a scan capped in time.
      if (id % 8192 === 0 && (token?.isCancellationRequested || performance.now() - started > PHRASE_SCAN_MS)) break;
      const document = this.slots[this.entrySlot.get(id)];
      if (!document) continue;
      const prepared = document.entries[this.entryLocal.get(id)];
      if (!prepared.isQuote && sentences.length >= limit) continue;
      if (!phrase.test(prepared.text)) continue;
      const entry = this.entryAt(id)!;
      if (accept(entry)) (entry.isQuote ? quotes : sentences).push(entry);
    }
    if (token?.isCancellationRequested) return [];
    const found = [...quotes, ...sentences].sort((a, b) => Number(b.isQuote) - Number(a.isQuote) || a.text.length - b.text.length).slice(0, limit);
    return found.map(entry => ({ entry, score: Math.min(1, (queryWords.length + 1) / (searchWords(entry.text).length + 1)), matches: phraseRanges(entry.text, phrase) }));
  }

  private allMatching(accept: (entry: SearchEntry) => boolean, limit: number): SearchHit[] {
    const hits: SearchHit[] = [];
    for (let id = 0; id < this.entrySlot.length; id++) {
      const document = this.slots[this.entrySlot.get(id)];
      if (!document?.entries[this.entryLocal.get(id)].isQuote) continue;
      const entry = this.entryAt(id)!;
      if (accept(entry)) hits.push({ entry, score: 1, matches: [] });
    }
    return hits.sort((a, b) => (b.entry.date ?? '').localeCompare(a.entry.date ?? '')).slice(0, limit);
  }

  /** The vocabulary words a query term may stand for: itself, and words within a small edit distance. */
  private variants(term: string): Map<number, number> {
    const found = new Map<number, number>();
    const exact = this.vocabulary.get(term);
    if (exact !== undefined) found.set(exact, 1);
    if (term.length < 3 || term.length > MAX_TYPO_WORD) return found;
    this.indexGrams();
    for (const id of this.stemIndex.get(stemOf(term)) ?? []) if (id !== exact) found.set(id, STEM_SIMILARITY);
    if (term.length < 4) {
      // Three letters: too short for the trigram lookup. A rare one ("kep") is likely a typo of a common word
      // one edit away; a common one ("war", "tax") is meant as typed.
      if (exact !== undefined && this.postings.count(exact) >= this.live * RARE_FRACTION) return found;
      for (const near of oneEditAway(term)) {
        const id = this.vocabulary.get(near);
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
      const id = this.vocabulary.get(near);
      if (id !== undefined && id !== exact && (found.get(id) ?? 0) < 1 - 1 / (term.length + 1)) found.set(id, 1 - 1 / (term.length + 1));
    }
    return found;
  }


  private wordId(word: string): number {
    let id = this.vocabulary.get(word);
    if (id === undefined) {
      id = this.words.length;
      this.vocabulary.set(word, id);
      this.words.push(word);
    }
    return id;
  }

  /**
   * Brings the vocabulary's trigram index up to date. Deferred from indexing to the first typo-tolerant lookup
   * (or `warmUp`), which keeps a full pass over a large corpus fast.
   */
  private indexGrams(limit = Infinity): void {
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

  /** Does a slice of deferred work; returns true while more remains (call again from an idle callback). */
  warmUp(words = 20_000): boolean {
    // The ids a full pass added since the last seal; not the few an edit adds.
    if (this.postings.unsealed > this.postings.size / 8) {
      this.postings.seal();
      return true;
    }
    this.indexGrams(words);
    return this.gramIndexed < this.words.length;
  }

  private compact(): void {
    this.postings.seal(id => this.isLive(id));
    this.removed = 0;
  }
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** Longer query words are matched exactly only: no real word that long is worth a typo search. */
const MAX_TYPO_WORD = 32;

/** Every string one deletion, swap of neighbours, substitution or insertion (of a-z) away from `word`. */
function oneEditAway(word: string): string[] {
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

/** Undated documents last; the same date by URI, so the order never depends on indexing order. */
const earliestFirst = (a: SearchEntry, b: SearchEntry) => (a.date ?? '9999').localeCompare(b.date ?? '9999') || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0);

/** Entries longer than this many distinct words are damped as if this long. */
const DAMPED_LENGTHS = 1024;

/**
 * The `count` ids with the highest scores, best first. A full sort of tens of thousands of candidates costs
 * more than the rest of a retrieval: the cut-off score is found by selection on a copy, then only the ids at or
 * above it are sorted (ties at the cut-off keep id order, as the sort did).
 */
function topByScore(ids: number[], scores: Float32Array, count: number): number[] {
  if (ids.length > count * 4) {
    const values = new Float32Array(ids.length);
    for (let i = 0; i < ids.length; i++) values[i] = scores[ids[i]];
    const cutoff = kthLargest(values, count);
    ids = ids.filter(id => scores[id] >= cutoff);
  }
  return ids.sort((a, b) => scores[b] - scores[a]).slice(0, count);
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

/** The longest posting list walked to find the copies of a hit's text. */
const COPIES_SCANNED = 5_000;

/** Entries tested for query words side by side when a query's indexed words are too common to cut by. */
const NEIGHBOUR_TESTS = 30_000;
/** Entries missing a retrieved word are tested too, up to this many tests in all. */
const PARTIAL_TESTS = 5_000;

/** What a pair of query words found swapped in an entry counts for, against one found in the query's order. */
const SWAPPED_PAIR = 0.5;
/** The most query word pairs counted per entry (one bit each). */
const COUNTED_PAIRS = 30;

/**
 * Query words next to their neighbours as raw text can spell them ("our countries", "countries in"): indexed
 * words by any form they stand for (typo variants, inflections), stop words as typed with an optional apostrophe
 * ("were" for "we’re"). `any` finds entries with a pair that holds an indexed word, in either order (pairs of two
 * stop words say nothing alone); `pairsIn` then weighs the distinct pairs an entry holds, stop words' too, so the
 * entry that runs on with the query ("think there should be a") outranks the hundreds that share one pair.
 */
export class NeighbourPairs {
  private constructor(readonly any: RegExp, private readonly counter: RegExp, private readonly weights: readonly number[]) {}

  static of(queryWords: readonly string[], terms: readonly { word: string; forms: Map<string, number> }[]): NeighbourPairs | undefined {
    const byWord = new Map(terms.map(term => [term.word, term]));
    const alternatives = queryWords.map(word => {
      const forms = byWord.get(word)?.forms;
      if (!forms?.size) return { indexed: false, pattern: spelled(word) };
      const best = [...forms].sort((a, b) => b[1] - a[1]).slice(0, FORMS_PER_WORD).map(([form]) => spelled(form));
      return { indexed: true, pattern: `(?:${best.join('|')})` };
    });
    const deciding: string[] = [], counted: string[] = [], weights: number[] = [];
    for (let i = 1; i < alternatives.length; i++) {
      const a = alternatives[i - 1], b = alternatives[i];
      const inOrder = `${a.pattern}\\W+${b.pattern}`, swapped = `${b.pattern}\\W+${a.pattern}`;
      if (a.indexed || b.indexed) deciding.push(inOrder);
      if (counted.length < COUNTED_PAIRS) {
        counted.push(inOrder);
        weights.push(1);
      }
      if ((a.indexed || b.indexed) && counted.length < COUNTED_PAIRS) {
        counted.push(swapped);
        weights.push(SWAPPED_PAIR);
      }
    }
    if (!deciding.length) return undefined;
    return new NeighbourPairs(new RegExp(`\\b(?:${deciding.join('|')})\\b`, 'i'), new RegExp(`\\b(?:${counted.map(pair => `(${pair})`).join('|')})\\b`, 'gi'), weights);
  }

  /** The weight of the distinct pairs in `text`: a pair in order counts 1, swapped SWAPPED_PAIR. */
  pairsIn(text: string): number {
    const counter = this.counter;
    counter.lastIndex = 0;
    let seen = 0, sum = 0;
    for (let match = counter.exec(text); match; match = counter.exec(text)) {
      for (let group = 1; group < match.length; group++) {
        if (match[group] === undefined) continue;
        if (!(seen & (1 << group))) {
          seen |= 1 << group;
          sum += this.weights[group - 1];
        }
        break;
      }
      // Pairs overlap ("think there", "there should"): the next one may start at the next word.
      counter.lastIndex = match.index + 1;
    }
    return sum;
  }
}

/** The forms of a query word looked for side by side with its neighbours: the closest few. */
const FORMS_PER_WORD = 8;

/**
 * A folded word as raw text may spell it, with an apostrophe where English contracts ("dont" is "don’t", "im"
 * is "I’m", "youre" is "you’re", "americas" is "America’s"). One optional apostrophe between every letter
 * costs irregexp a hundred times more to compile and ten times more to run.
 */
function spelled(word: string): string {
  const cut = /(?:re|ve|ll)$/.test(word) ? word.length - 2 : word.length > 1 && /[stdm]$/.test(word) ? word.length - 1 : 0;
  return cut > 0 ? `${escapeRegExp(word.slice(0, cut))}['’]?${escapeRegExp(word.slice(cut))}` : escapeRegExp(word);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function phraseRanges(text: string, phrase: RegExp): [number, number][] {
  const match = phrase.exec(text);
  return match ? [[match.index, match.index + match[0].length]] : [];
}

function matchesFilters(entry: SearchEntry, query: SearchQuery): boolean {
  if (query.speaker) {
    const wanted = query.speaker.toLowerCase().replace(/[_"]/g, ' ').trim();
    if (!entry.speakerNames.some(name => name.toLowerCase().includes(wanted))) return false;
  }
  if (query.after && !(entry.date && entry.date.slice(0, query.after.length) >= query.after)) return false;
  if (query.before && !(entry.date && entry.date.slice(0, query.before.length) <= query.before)) return false;
  return true;
}

/**
 * Scores a candidate's text against the whole query: how much of the query's weight it contains (rare words
 * weigh their idf, typo variants their similarity, stop words STOP_WEIGHT), how much of it in the query's
 * order, and, lightly, how little else it says.
 */
class CandidateScorer {
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
function rerank(shortlist: { entry: SearchEntry; coverage: number }[], words: string, limit: number): SearchHit[] {
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
    .sort((a, b) => b.score - a.score);
  return collapseCopies(ranked.map(({ candidate, score }) => ({ entry: candidate.entry, score })), limit)
    .map(({ entry, score, sources }) => ({ entry, score, matches: wordMatches(entry.text, words), ...(sources.length > 1 ? { sources } : {}) }));
}

/**
 * One hit per distinct text, listing every document that carries it, earliest first: the copies of a press
 * release cannot be told apart by ranking, and ten of them would push everything else off the list.
 */
function collapseCopies(ranked: { entry: SearchEntry; score: number }[], limit: number): { entry: SearchEntry; score: number; sources: SearchEntry[] }[] {
  const byText = new Map<string, { entry: SearchEntry; score: number; sources: SearchEntry[] }>();
  for (const { entry, score } of ranked) {
    const key = entry.text.replace(/\s+/g, ' ').trim();
    const known = byText.get(key);
    if (known) known.sources.push(entry);
    else if (byText.size < limit) byText.set(key, { entry, score, sources: [entry] });
  }
  return [...byText.values()].map(hit => {
    hit.sources.sort(earliestFirst);
    return { ...hit, entry: hit.sources[0] };
  });
}

/** Ranges of the entry's words that match a query word (exactly or with a typo), for highlighting. */
function wordMatches(text: string, query: string): [number, number][] {
  const terms = new Set(searchWords(query).filter(w => w.length > 2));
  const ranges: [number, number][] = [];
  for (const match of text.matchAll(/[\p{L}\p{N}'’]+/gu)) {
    const word = searchWords(match[0])[0];
    if (!word || word.length < 3) continue;
    for (const term of terms) {
      if (word === term || term.length >= 4 && editDistance(word, term, term.length <= 5 ? 1 : 2) <= (term.length <= 5 ? 1 : 2)) {
        ranges.push([match.index!, match.index! + match[0].length]);
        break;
      }
    }
  }
  return ranges;
}

import type { Span, StatementDocument } from '../model';
import { indexableWords } from '../read/searchText';
import { splitSentences } from '../read/sentences';
import { readableText } from '../understand/statement';

/** A searchable statement before the corpus is consulted (speaker names are made canonical on insertion). */
export interface PreparedEntry {
  readonly text: string;
  readonly span: Span;
  readonly speaker: string | null;
  readonly isQuote: boolean;
  /** The text's length, when the entry makes its text on demand (kept as a span of the document). */
  readonly textLength?: number;
  /**
   * The text with the document's white space (runs not collapsed, ends not trimmed), when the entry keeps a
   * span: a slice costs nothing, while `text` is a new string. Patterns that read any run of white space alike
   * (`\W+`, `\b`) match it as they match `text`.
   */
  readonly looseText?: string;
  /** The string `looseText` is `slice(span.start, span.end)` of, when the entry keeps a span of its document. */
  readonly documentText?: string;
}

/**
 * What the search index needs of one document, computed where the document is parsed (a worker thread during
 * a full pass): the entries, the document's own vocabulary, and each entry's distinct words as indices into
 * it. The main thread then only maps that small vocabulary to global word ids.
 */
export interface PreparedSearch {
  readonly entries: PreparedEntry[];
  readonly vocabulary: string[];
  /** Entry i's distinct words are `words[offsets[i]] .. words[offsets[i + 1] - 1]`. */
  readonly words: Uint32Array;
  readonly offsets: Uint32Array;
  /** The vocabulary as numbers of the thread that prepared it, when it was prepared on another. */
  readonly numbered?: NumberedVocabulary;
}

/**
 * A vocabulary numbered where it was prepared: a parse worker numbers each word once, in the order it first
 * sends it (server/workerWords.ts), so `ids[i]` stands for `vocabulary[i]` for as long as `numbering` lives.
 * The index maps each such number to its own word id once, instead of looking every word of every document up
 * by its characters among hundreds of thousands (the main thread's largest single cost in storing a parse).
 */
export interface NumberedVocabulary {
  /** What the numbers are numbers of (one per worker, since a new worker numbers from 0 again). */
  readonly numbering: object;
  readonly ids: Uint32Array;
}

/** Quotations longer than this are searched sentence by sentence, so a hit points at the words that matched. */
const LONG_QUOTE = 320;

export function prepareSearch(document: StatementDocument): PreparedSearch {
  const entries = searchEntries(document);
  const localIds = new Map<string, number>();
  const vocabulary: string[] = [];
  const words: number[] = [];
  const offsets = new Uint32Array(entries.length + 1);
  const lastEntry: number[] = [];
  entries.forEach((entry, i) => {
    offsets[i] = words.length;
    for (const word of indexableWords(entry.text)) {
      let id = localIds.get(word);
      if (id === undefined) {
        id = vocabulary.length;
        localIds.set(word, id);
        vocabulary.push(word);
      }
      if (lastEntry[id] === i) continue;
      lastEntry[id] = i;
      words.push(id);
    }
  });
  offsets[entries.length] = words.length;
  return { entries, vocabulary, words: Uint32Array.from(words), offsets };
}

/**
 * What search sees of a document: every quotation (long ones sentence by sentence, each keeping its speaker)
 * and every body sentence that no quotation covers.
 */
function searchEntries(document: StatementDocument): PreparedEntry[] {
  const text = readableText(document);
  const entries: PreparedEntry[] = [];
  const flat = (span: Span) => {
    const slice = text.slice(span.start, span.end);
    return /\s\s|\n/.test(slice) ? slice.replace(/\s+/g, ' ').trim() : slice.trim();
  };
  for (const quote of document.quotes) {
    if (quote.text.length <= LONG_QUOTE) {
      entries.push({ text: quote.text, span: quote.span, speaker: quote.speaker, isQuote: true });
      continue;
    }
    for (const sentence of splitSentences(text, quote.span)) {
      const sentenceText = flat(sentence);
      if (sentenceText.length >= 12) entries.push({ text: sentenceText, span: sentence, speaker: quote.speaker, isQuote: true });
    }
  }
  const covered = document.quotes.map(q => q.span).sort((a, b) => a.start - b.start);
  let next = 0;
  for (const paragraph of document.paragraphs) {
    if (paragraph.debris) continue;
    for (const sentence of splitSentences(text, paragraph.span)) {
      while (next < covered.length && covered[next].end <= sentence.start) next++;
      if (next < covered.length && covered[next].start < sentence.end) continue;
      const sentenceText = flat(sentence);
      if (sentenceText.length >= 20) entries.push({ text: sentenceText, span: sentence, speaker: null, isQuote: false });
    }
  }
  return entries;
}

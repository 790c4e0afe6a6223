import type { Paragraph, Person, Quote, Span, StatementDocument } from '../model';
import type { PreparedEntry, PreparedSearch } from '../search/searchPreparation';
import type { ParsedStatement } from './parseForIndex';
import { quoteFields, readsAsSpan, SpanEntry, SpanQuote } from './spanText';

/**
 * A parsed statement as a parse worker sends it back: without the strings the receiving side has already or can
 * cut from what it has. A message is copied whole, so every string in it arrives as a new copy: the document's
 * text (which the sender of the parse request still holds) and each search entry's text (most are a
 * quotation's text, a sentence of a quotation, or a sentence of the document as written) would otherwise be
 * kept a second and third time. Unpacked, those entries share their characters with the document. A quotation
 * or entry whose text is its span of the document as one line (`spanText`) is sent without it and made a
 * `SpanQuote` or `SpanEntry`, which keep no copy at all. The cache stores the same shape.
 */
export interface PackedStatement {
  /**
   * The document; `text` is absent when it is the text the parse was asked for, character for character. A
   * quotation without `text` reads `spanText` of its span.
   */
  readonly document: Omit<StatementDocument, 'text' | 'quotes'> & { readonly text?: string; readonly quotes: PackedQuote[] };
  readonly search: Omit<PreparedSearch, 'entries'> & {
    /** Entries; `text` is absent when `places` says where to cut it from. */
    readonly entries: (Omit<PreparedEntry, 'text'> & { readonly text?: string })[];
    /**
     * Per entry three numbers: the string its text is cut from (FROM_DOCUMENT, or a quotation's index in
     * `document.quotes`; SENT when the text is in the entry; OF_SPAN when it is `spanText` of the entry's
     * span), then the start and end of the cut (for OF_SPAN, 0 and the text's length).
     */
    readonly places: Int32Array;
  };
}

export type PackedQuote = Omit<Quote, 'text'> & { readonly text?: string };

const SENT = -1;
const FROM_DOCUMENT = -2;
const OF_SPAN = -3;
/** How many quotations past the last one used an entry's text is looked for in (entries follow quotation order). */
const QUOTES_AHEAD = 8;

/**
 * What a worker sends for a parse of `sourceText` (the cache stores it with `sourceText` empty); the typed
 * arrays can be transferred rather than copied.
 */
export function packForTransfer(parsed: ParsedStatement, sourceText: string): PackedStatement {
  const { document, search } = parsed;
  const { quotes, text } = document;
  const places = new Int32Array(search.entries.length * 3).fill(SENT);
  // Quotations made from their span have no string of their own for an entry to be cut from.
  const ofSpan = quotes.map(quote => quote instanceof SpanQuote || readsAsSpan(text, quote.span, quote.text));
  let quote = 0;
  const entries = search.entries.map((entry, i) => {
    if (entry instanceof SpanEntry || readsAsSpan(text, entry.span, entry.text)) {
      places[3 * i] = OF_SPAN;
      places[3 * i + 2] = entry.textLength ?? entry.text.length;
      return { span: entry.span, speaker: entry.speaker, isQuote: entry.isQuote };
    }
    const place = (from: number, start: number) => {
      places[3 * i] = from;
      places[3 * i + 1] = start;
      places[3 * i + 2] = start + entry.text.length;
      return { span: entry.span, speaker: entry.speaker, isQuote: entry.isQuote };
    };
    if (entry.isQuote) {
      for (let q = quote; q < quotes.length && q <= quote + QUOTES_AHEAD; q++) {
        if (ofSpan[q]) continue;
        const at = quotes[q].text.indexOf(entry.text);
        if (at < 0) continue;
        quote = q;
        return place(q, at);
      }
    }
    const at = startOf(text, entry.text, entry.span.start);
    return at < 0 ? entry : place(FROM_DOCUMENT, at);
  });
  const { text: parsedText, quotes: _quotes, ...rest } = document;
  const packedQuotes = quotes.map((quote, q): PackedQuote => (ofSpan[q] ? quoteFields(quote) : quote));
  return {
    document: parsedText === sourceText ? { ...rest, quotes: packedQuotes } : { ...rest, text: parsedText, quotes: packedQuotes },
    search: { vocabulary: search.vocabulary, words: search.words, offsets: search.offsets, entries, places },
  };
}

/** The parsed statement back from what a worker sent for a parse of `sourceText`. */
export function unpackTransfer(packed: PackedStatement, sourceText: string): ParsedStatement {
  const { uri, text = sourceText, paragraphs, people, ...fields } = packed.document;
  const span = spanMaker();
  const quotes = packed.document.quotes.map((quote): Quote => {
    if (quote.text === undefined) return new SpanQuote(text, { ...quote, span: span(quote.span) });
    (quote as { span: Span }).span = span(quote.span);
    return quote as Quote;
  });
  // The text goes back in its place among the fields, and the quotations in theirs, so the document reads as
  // one parsed in this thread.
  const document = { uri, text, ...fields, paragraphs: paragraphs.map((paragraph): Paragraph => ({ span: span(paragraph.span), debris: paragraph.debris })), people: people.map(person => personOf(person, span)), quotes } as StatementDocument;
  const { places } = packed.search;
  const entries = packed.search.entries.map((entry, i): PreparedEntry => {
    const from = places[3 * i];
    if (from === SENT) return { text: entry.text!, span: span(entry.span), speaker: entry.speaker, isQuote: entry.isQuote };
    if (from === OF_SPAN) return new SpanEntry(text, span(entry.span), entry.speaker, entry.isQuote, places[3 * i + 2]);
    const source = from === FROM_DOCUMENT ? document.text : document.quotes[from].text;
    // A cut of a longer string shares its characters; the whole of a quotation's text is that very string.
    return { text: source.slice(places[3 * i + 1], places[3 * i + 2]), span: span(entry.span), speaker: entry.speaker, isQuote: entry.isQuote };
  });
  const { vocabulary, words, offsets } = packed.search;
  return { document, search: { entries, vocabulary, words, offsets } };
}

/**
 * V8 makes an object it deserializes (a message, the cache) as it makes `{}`, with room for four fields; a
 * span, a paragraph or a role has two, so each takes 16 bytes more than the same object written as a literal,
 * and the index keeps millions of them (spans of paragraphs, mentions, quotations and entries). They are made
 * again as literals. A span the parse shared (a quotation's and its entry's) stays one object.
 */
function spanMaker(): (span: Span) => Span {
  const made = new Map<Span, Span>();
  return span => {
    let copy = made.get(span);
    if (!copy) made.set(span, (copy = { start: span.start, end: span.end }));
    return copy;
  };
}

function personOf(person: Person, span: (span: Span) => Span): Person {
  const roles = person.roles.map(role => ({ title: role.title, date: role.date }));
  const mentions = person.mentions.map(span);
  const { name, aliases, introduction } = person;
  return 'introduction' in person ? { name, roles, aliases, mentions, introduction: introduction && span(introduction) } : { name, roles, aliases, mentions };
}

/** Whether every entry of a packed statement read back from storage has its text or a place it can be made from. */
export function isWholePacked(packed: PackedStatement): boolean {
  const { entries, places } = packed.search;
  if (!Array.isArray(entries) || !Array.isArray(packed.document.quotes) || !(places instanceof Int32Array) || places.length !== entries.length * 3) return false;
  return entries.every((entry, i) => {
    const from = places[3 * i];
    return from === OF_SPAN || from === FROM_DOCUMENT || (from === SENT ? typeof entry.text === 'string' : typeof packed.document.quotes[from]?.text === 'string');
  });
}

/** Where `part` starts in `text` at `start`, or after the white space there; -1 when it does not. */
function startOf(text: string, part: string, start: number): number {
  if (text.startsWith(part, start)) return start;
  let at = start;
  while (at < text.length && /\s/.test(text[at])) at++;
  return at !== start && text.startsWith(part, at) ? at : -1;
}

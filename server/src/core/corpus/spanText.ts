import type { Quote, QuoteKind, Span, SpeakerKind } from '../model';
import type { PreparedEntry } from '../search/searchPreparation';

/**
 * The words of a span of a document as one line: white space runs collapsed to one space, the ends trimmed.
 * Most quotations and search entries of a hard-wrapped corpus read so; kept as their own strings they were
 * a second copy of the corpus text (53M characters of quotations, two bytes each, and the sentences cut
 * from them). Such texts are kept as their span and made when read (`SpanQuote`, `SpanEntry`).
 */
export function spanText(text: string, span: Span): string {
  const slice = text.slice(span.start, span.end);
  return /\s\s|[^\S ]/.test(slice) ? slice.replace(/\s+/g, ' ').trim() : slice.trim();
}

/** JavaScript's white space (`\s`, what `trim` removes): the code points `spanText` collapses. */
function isSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 160) return false;
  return code === 160 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Whether `spanText(text, span)` is `words`, without making that string (the parse workers ask it of every entry). */
export function readsAsSpan(text: string, span: Span, words: string): boolean {
  let at = span.start, end = Math.min(span.end, text.length);
  while (at < end && isSpace(text.charCodeAt(at))) at++;
  while (end > at && isSpace(text.charCodeAt(end - 1))) end--;
  let i = 0;
  while (at < end) {
    const code = text.charCodeAt(at);
    if (isSpace(code)) {
      // A run of white space inside the trimmed span reads as one space.
      while (isSpace(text.charCodeAt(at))) at++;
      if (words.charCodeAt(i++) !== 32) return false;
    } else {
      if (words.charCodeAt(i++) !== code) return false;
      at++;
    }
  }
  return i === words.length;
}

/** A quotation whose text is `spanText` of its span: the document's text is kept, not a copy of the words. */
export class SpanQuote implements Quote {
  readonly #document: string;
  readonly speaker: string | null;
  declare readonly speakerKind?: Exclude<SpeakerKind, 'person'>;
  declare readonly via?: string;
  readonly kind: QuoteKind;
  readonly span: Span;

  constructor(document: string, fields: Omit<Quote, 'text'>) {
    this.#document = document;
    this.speaker = fields.speaker;
    // Absent rather than undefined, as in a quotation straight from the parser.
    if (fields.speakerKind !== undefined) (this as { speakerKind?: string }).speakerKind = fields.speakerKind;
    if (fields.via !== undefined) (this as { via?: string }).via = fields.via;
    this.kind = fields.kind;
    this.span = fields.span;
  }

  get text(): string {
    return spanText(this.#document, this.span);
  }
}

/** A search entry whose text is `spanText` of its span (a body sentence, a sentence of a long quotation). */
export class SpanEntry implements PreparedEntry {
  readonly #document: string;

  /** `textLength` is the text's length, which the index keeps per entry without making the text. */
  constructor(document: string, readonly span: Span, readonly speaker: string | null, readonly isQuote: boolean, readonly textLength: number) {
    this.#document = document;
  }

  get text(): string {
    return spanText(this.#document, this.span);
  }

  get looseText(): string {
    return this.#document.slice(this.span.start, this.span.end);
  }

  /** The document's text that `looseText` is cut from (the search index keeps it once per document). */
  get documentText(): string {
    return this.#document;
  }
}

/** The quotation's fields besides its text, for a quotation sent or stored without it. */
export function quoteFields(quote: Quote): Omit<Quote, 'text'> {
  return { speaker: quote.speaker, ...(quote.speakerKind !== undefined ? { speakerKind: quote.speakerKind } : {}), ...(quote.via !== undefined ? { via: quote.via } : {}), kind: quote.kind, span: quote.span };
}

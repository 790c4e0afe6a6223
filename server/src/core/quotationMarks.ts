import type { Span } from './model';

/** A span of text between quotation marks; `content` excludes the marks. */
export interface MarkedSpan {
  readonly outer: Span;
  readonly content: Span;
  /** The quotation was still open at the end of the paragraph (it continues in the next one). */
  readonly open: boolean;
  readonly single: boolean;
}

const DOUBLE_OPEN = new Set(['“', '„', '«']);
const DOUBLE_CLOSE = new Set(['”', '»']);

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/**
 * Finds double-quoted spans in one paragraph, in one linear pass (no backtracking, so a paragraph of 10,000
 * unmatched marks costs no more than its length). Straight quotes open when they follow a space or start the
 * paragraph and close otherwise; curly quotes say which they are. Nested single quotes are found inside.
 */
export function findQuotationMarks(text: string, span: Span): MarkedSpan[] {
  const found: MarkedSpan[] = [];
  let openAt = -1;
  for (let i = span.start; i < span.end; i++) {
    const c = text[i];
    if (c !== '"' && !DOUBLE_OPEN.has(c) && !DOUBLE_CLOSE.has(c)) continue;
    const opens = DOUBLE_OPEN.has(c) || (c === '"' && (openAt === -1 ? !isWordChar(text[i - 1]) || i === span.start : false));
    if (openAt === -1) {
      if (opens || c === '"') openAt = i;
      continue;
    }
    if (DOUBLE_OPEN.has(c)) {
      openAt = i; // an unclosed quotation followed by a new one: the first never closed
      continue;
    }
    found.push({ outer: { start: openAt, end: i + 1 }, content: { start: openAt + 1, end: i }, open: false, single: false });
    openAt = -1;
  }
  if (openAt !== -1 && span.end - openAt > 1) found.push({ outer: { start: openAt, end: span.end }, content: { start: openAt + 1, end: span.end }, open: true, single: false });
  return found;
}

/** Single-quoted spans inside a quotation (‘...’ or '...'), telling apostrophes ("China's") from marks. */
export function findNestedQuotes(text: string, span: Span): MarkedSpan[] {
  const found: MarkedSpan[] = [];
  let openAt = -1;
  for (let i = span.start; i < span.end; i++) {
    const c = text[i];
    if (c !== '‘' && c !== '’' && c !== "'") continue;
    const before = text[i - 1], after = text[i + 1];
    if (openAt === -1) {
      if ((c === '‘' || c === "'") && !isWordChar(before) && isWordChar(after)) openAt = i;
    } else if ((c === '’' || c === "'") && !isWordChar(after)) {
      found.push({ outer: { start: openAt, end: i + 1 }, content: { start: openAt + 1, end: i }, open: false, single: true });
      openAt = -1;
    }
  }
  return found;
}

import type { Span } from '../model';

/** A span of text between quotation marks; `content` excludes the marks. */
export interface MarkedSpan {
  readonly outer: Span;
  readonly content: Span;
  /** The quotation was still open at the end of the paragraph (it continues in the next one). */
  readonly open: boolean;
  readonly single: boolean;
}

/** Closing marks each opening mark pairs with: English “…”, German „…“ (or „…”), French and Russian «…». */
const CLOSERS_OF: Record<string, string> = { '“': '”', '”': '”“', '„': '“”', '«': '»', '"': '"', "''": "''", '``': "''" };
const CLOSING = new Set(['”', '»']);

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** The double mark at `i`, as written: one character, or two for `''` and ``` `` ``` (typewriter and archive styles). */
function markAt(text: string, i: number, end: number): string | undefined {
  const c = text[i];
  if (c === '"' || c === '“' || c === '”' || c === '„' || c === '«' || c === '»') return c;
  if ((c === "'" || c === '`') && i + 1 < end && text[i + 1] === c && text[i + 2] !== c) return c + c;
  return undefined;
}

/**
 * Finds double-quoted spans in one paragraph, in one linear pass (no backtracking, so a paragraph of 10,000
 * unmatched marks costs no more than its length). Straight marks and doubled apostrophes (`''We are
 * ready,'' she said`, as newspaper archives write them) open after a space or at the paragraph start and close
 * otherwise; curly marks, `„` and guillemets say which they are, and a quotation closes with a mark of its own
 * style (`„…“` closes at `“`, which elsewhere opens).
 */
export function findQuotationMarks(text: string, span: Span): MarkedSpan[] {
  const found: MarkedSpan[] = [];
  let openAt = -1;
  let opener = '';
  for (let i = span.start; i < span.end; i++) {
    const mark = markAt(text, i, span.end);
    if (!mark) continue;
    const length = mark.length;
    if (openAt === -1) {
      // A closing mark with nothing open is stray (or closes a quotation from the paragraph before); `''` and
      // ``` `` ``` open only where a word does not end right before them (`the politicians'' votes` is no quote).
      // A closing mark before a word, after a space, opens all the same (`Caption. ”We …”` in hurried scrapes).
      const closerUsedAsOpener = mark === '”' && !isWordChar(text[i - 1]) && !/[.,!?;:]/.test(text[i - 1] ?? '') && isWordChar(text[i + 1]);
      if ((CLOSING.has(mark) && !closerUsedAsOpener) || (mark === "''" && isWordChar(text[i - 1]) && i !== span.start)) {
        i += length - 1;
        continue;
      }
      openAt = i;
      opener = mark;
      i += length - 1;
      continue;
    }
    // Scrapes mix styles (“…"), so any closing mark closes; `“` closes only the German „…“.
    const closes = CLOSERS_OF[opener].includes(mark) || CLOSING.has(mark) || mark === '"' || mark === "''";
    if (!closes && opener === '"' && mark === '“') {
      // "… “a quoted question” …": curly marks nested in straight ones, when the curly quotation closes before
      // the next straight mark (looked for in a bounded window, so hostile text stays linear).
      const window = text.slice(i + 1, Math.min(span.end, i + 2000));
      const close = window.indexOf('”'), straight = window.indexOf('"');
      if (close !== -1 && (straight === -1 || close < straight)) {
        i += close + 1;
        continue;
      }
    }
    if (!closes) {
      // A new opening mark while one is open: the first never closed.
      if (mark === '“' || mark === '„' || mark === '«' || mark === '``') {
        openAt = i;
        opener = mark;
      }
      i += length - 1;
      continue;
    }
    found.push({ outer: { start: openAt, end: i + length }, content: { start: openAt + opener.length, end: i }, open: false, single: false });
    openAt = -1;
    i += length - 1;
  }
  if (openAt !== -1 && span.end - openAt > opener.length) found.push({ outer: { start: openAt, end: span.end }, content: { start: openAt + opener.length, end: span.end }, open: true, single: false });
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

import type { Span } from '../model';

export interface SplitParagraphs {
  readonly paragraphs: Span[];
  /** Lines longer than the limit: left out of every paragraph, so no rule reads them. */
  readonly overlong: Span[];
}

/**
 * Splits the body into paragraphs. Archives hard-wrap paragraphs at ~80 columns and separate them with blank
 * lines; web scrapes put one paragraph per line. The document's own line lengths tell which is which.
 * A line over `maxLineLength` characters (a minified dump, a whole archive on one line) ends the paragraph
 * it is in and is returned in `overlong` instead.
 */
export function splitParagraphs(text: string, bodyStart: number, maxLineLength = Infinity): SplitParagraphs {
  const lines: Span[] = [];
  const overlong: Span[] = [];
  let position = bodyStart;
  while (position <= text.length) {
    let end = text.indexOf('\n', position);
    if (end === -1) end = text.length;
    const line = { start: position, end: end > position && text.charCodeAt(end - 1) === 13 ? end - 1 : end };
    if (line.end - line.start > maxLineLength) {
      overlong.push(line);
      lines.push({ start: line.start, end: line.start }); // a paragraph break where the line was
    } else {
      lines.push(line);
    }
    position = end + 1;
  }
  const hardWrapped = isHardWrapped(lines);
  const paragraphs: Span[] = [];
  let current: Span | undefined;
  for (const line of lines) {
    const blank = isBlank(text, line);
    if (blank || !hardWrapped) {
      if (current) paragraphs.push(current);
      current = undefined;
      if (!blank) paragraphs.push(trim(text, line));
      continue;
    }
    current = current ? { start: current.start, end: line.end } : line;
  }
  if (current) paragraphs.push(current);
  return { paragraphs: paragraphs.map(p => trim(text, p)).filter(p => p.end > p.start), overlong };
}

function isHardWrapped(lines: Span[]): boolean {
  let long = 0, wrapped = 0;
  for (const line of lines) {
    const length = line.end - line.start;
    if (length < 40) continue;
    long++;
    if (length <= 100) wrapped++;
  }
  // Several consecutive non-blank lines of similar width are the sign of hard wrapping.
  return long >= 4 && wrapped / long >= 0.8 && hasConsecutiveTextLines(lines);
}

function hasConsecutiveTextLines(lines: Span[]): boolean {
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].end - lines[i].start >= 40 && lines[i - 1].end - lines[i - 1].start >= 40) return true;
  }
  return false;
}

function isBlank(text: string, span: Span): boolean {
  for (let i = span.start; i < span.end; i++) if (text.charCodeAt(i) > 32 && text.charCodeAt(i) !== 160) return false;
  return true;
}

function trim(text: string, span: Span): Span {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

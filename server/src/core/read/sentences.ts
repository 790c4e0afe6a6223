import type { Span } from '../model';
import { ABBREVIATIONS } from './tokens';

/** The word before a period is a title ("Del.", "Sgt."), an initial, or a dotted abbreviation ("U.S", "e.g"). */
const titles = [...ABBREVIATIONS].map(word => word.slice(0, -1)).map(word => (word === 'vs' ? word : word[0].toUpperCase() + word.slice(1)));
const ABBREVIATION_BEFORE = new RegExp(`(?:\\b(?:${titles.join('|')}|etc|e\\.g|i\\.e)|\\b[A-Z]|(?:\\b[A-Za-z]\\.){1,}[A-Za-z])$`);

/**
 * Splits a paragraph into sentences at `.`, `!` or `?` (with any closing quotation marks) followed by space
 * and a capital or an opening mark, except after abbreviations ("U.S.", "Mr.", "J.").
 */
export function splitSentences(text: string, span: Span): Span[] {
  const sentences: Span[] = [];
  let start = span.start;
    // The lookbehind starts a match only at the first mark of a run, so a run of 10,000 dots stays linear.
  // The next sentence may open with a quotation mark, doubled apostrophes (''We …'') or guillemets included.
  const boundary = /(?<![.!?])[.!?]+["”’')\]»“]*(?=\s+(?:''|["“‘'(«„])?[A-Z0-9])/g;
  const body = text.slice(span.start, span.end);
  let match: RegExpExecArray | null;
  while ((match = boundary.exec(body))) {
    const index = span.start + match.index;
    const end = index + match[0].length;
    if (match[0].startsWith('.') && ABBREVIATION_BEFORE.test(text.slice(Math.max(span.start, index - 12), index))) {
      // "U.S. Secretary" is not a sentence end; "in the U.S. They" is, but telling them apart needs more than
      // punctuation, so an abbreviation followed by a capitalized word is kept inside the sentence.
      continue;
    }
    sentences.push({ start, end });
    start = end;
    while (start < span.end && /\s/.test(text[start])) start++;
  }
  if (start < span.end) sentences.push({ start, end: span.end });
  return sentences;
}

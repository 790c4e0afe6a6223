/**
 * Bounds on what a search or completion query may cost. Queries come from the quote picker, workspace symbols,
 * completion and the command line, and nothing upstream limits them: a pasted megabyte or one 10,000-letter
 * "word" must still answer at once. No word of a real statement is near MAX_QUERY_WORD_CHARS, and a quotation
 * pasted whole is well under MAX_QUERY_CHARS.
 */
export const MAX_QUERY_CHARS = 1000;
export const MAX_QUERY_WORD_CHARS = 64;

export interface BoundedQuery {
  /** The query to run: the original when it was within the bounds. */
  readonly text: string;
  /** What was cut, for the log or the command line; empty when nothing was. */
  readonly notes: string[];
}

/** Letters, digits, marks and apostrophes: what searchWords may join into one word (accents fold away). */
const LONG_WORD = new RegExp(`[\\p{L}\\p{N}\\p{M}'’]{${MAX_QUERY_WORD_CHARS + 1},}`, 'gu');

/** How much of a query is read at all: enough to skip a few long words and still find MAX_QUERY_CHARS of words. */
const MAX_SCANNED_CHARS = 64 * 1024;

/**
 * Drops words over MAX_QUERY_WORD_CHARS (the rest of the query still counts), then cuts the query to
 * MAX_QUERY_CHARS, at a space when there is one.
 */
export function boundQuery(raw: string): BoundedQuery {
  const notes: string[] = [];
  let dropped = 0;
  let text = raw.slice(0, MAX_SCANNED_CHARS).replace(LONG_WORD, () => {
    dropped++;
    return ' ';
  });
  if (dropped) notes.push(`${dropped} word${dropped === 1 ? '' : 's'} longer than ${MAX_QUERY_WORD_CHARS} characters left out of the query.`);
  if (raw.length > MAX_SCANNED_CHARS || text.trim().length > MAX_QUERY_CHARS) {
    text = text.trim();
    const head = text.slice(0, MAX_QUERY_CHARS + 1);
    const space = head.search(/\s\S*$/);
    if (head.length > MAX_QUERY_CHARS) text = space > 0 ? head.slice(0, space) : head.slice(0, MAX_QUERY_CHARS);
    notes.push(`Query of ${raw.length} characters: only its first ${MAX_QUERY_CHARS} characters of words are searched.`);
  }
  return { text, notes };
}

/**
 * What completion reads of the words typed after an opening quotation mark: the last MAX_QUERY_CHARS, since
 * the word being typed is the last one, without over-long words.
 */
export function boundTypedQuotation(typed: string): string {
  const tail = typed.length > MAX_QUERY_CHARS ? typed.slice(typed.length - MAX_QUERY_CHARS).replace(/^\S*/, '') : typed;
  return tail.replace(LONG_WORD, ' ');
}

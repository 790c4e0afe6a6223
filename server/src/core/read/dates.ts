import * as chrono from 'chrono-node';

/** A date found in text: ISO with the precision the text gives, or a yearless `partial` as written. */
export interface FoundDate {
  readonly iso?: string;
  readonly partial?: string;
  readonly index: number;
}

const FOUR_DIGIT_YEAR = /\b(?:1[6-9]|20)\d\d\b/;
const MONTH_NAME = /\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\b/i;
/** Absolute calendar dates only: chrono also reads "last month" and "on Tuesday", which are not a document's date. */
const ISO_LIKE = /\b\d{4}-\d{2}-\d{2}\b/;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Finds the first absolute calendar date in a line. chrono-node does the parsing (it reads "01-Oct-2021",
 * "June 18, 2023", "2023-06-18", "18 June 2023"); the year counts only when it is written in the match, so a
 * yearless "June 18" stays partial instead of being completed with a guessed year.
 */
export function findDate(line: string): FoundDate | undefined {
  if (!MONTH_NAME.test(line) && !ISO_LIKE.test(line) && !/\d{1,2}[/.]\d{1,2}[/.]\d{2,4}/.test(line)) return undefined;
  for (const result of chrono.parse(line, new Date(2000, 0, 1))) {
    const start = result.start;
    const hasYear = FOUR_DIGIT_YEAR.test(result.text);
    const hasMonth = start.isCertain('month') && (MONTH_NAME.test(result.text) || /\d/.test(result.text));
    const hasDay = start.isCertain('day');
    if (!hasMonth) continue;
    const year = start.get('year'), month = start.get('month'), day = start.get('day');
    if (month === null) continue;
    if (hasYear && year !== null) {
      return { iso: hasDay && day !== null ? `${year}-${pad(month)}-${pad(day)}` : `${year}-${pad(month)}`, index: result.index };
    }
    if (hasDay && MONTH_NAME.test(result.text)) return { partial: result.text.trim(), index: result.index };
  }
  return undefined;
}

/** Normalizes a metadata value (YAML date, string, Date) to ISO `YYYY-MM-DD` / `YYYY-MM` / `YYYY`. */
export function normalizeDate(value: unknown): string | undefined {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    return `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`;
  }
  if (typeof value === 'number' && value >= 1000 && value <= 9999) return String(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const iso = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ].*)?$/.exec(text);
  if (iso) return iso[3] ? `${iso[1]}-${iso[2]}-${iso[3]}` : iso[2] ? `${iso[1]}-${iso[2]}` : iso[1];
  return findDate(text)?.iso;
}

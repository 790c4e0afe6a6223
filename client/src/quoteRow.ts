import { escapeIcons } from './iconText';

/** What a Search Quotes row shows of a hit. */
export interface QuoteRowHit {
  readonly text: string;
  readonly speaker: string | null;
  readonly date: string | null;
  readonly documentTitle: string;
  /** The server's matched ranges in `text`. */
  readonly matches: readonly [number, number][];
  /** Every document with this very text, the hit's own first (absent when it is the only one). */
  readonly sources?: readonly unknown[];
}

/** Long enough for most quotations; a longer label would push the row's end off screen. */
export const LABEL_CHARS = 90;
const LEAD_CHARS = 24;

/**
 * A picker row: the quotation as the label, cut to fit and starting near the first matched word when that is
 * far in; `speaker · date · title` as the detail, its own line, so who said it and when are always visible
 * (a description would follow a long label off screen), then how many other documents carry the same text.
 * Markup in corpus text (`<s>GTB</s> \[GDP\]`) shows as plain text.
 */
export function quoteRow(hit: QuoteRowHit): { label: string; detail: string } {
  const plain = plainText(hit.text);
  const firstMatch = hit.matches.length ? Math.min(...hit.matches.map(([start]) => start)) : 0;
  const matchAt = plain.origin.findIndex(origin => origin >= firstMatch);
  let start = 0;
  if (matchAt > LABEL_CHARS - LEAD_CHARS) {
    start = matchAt - LEAD_CHARS;
    const space = plain.text.indexOf(' ', start);
    if (space !== -1 && space < matchAt) start = space + 1;
  }
  const end = start + LABEL_CHARS;
  let label = plain.text.slice(start, end);
  if (end < plain.text.length) label = `${label.slice(0, label.lastIndexOf(' ') > LABEL_CHARS / 2 ? label.lastIndexOf(' ') : label.length).trimEnd()}…`;
  if (start > 0) label = `…${label}`;
  const others = (hit.sources?.length ?? 1) - 1;
  const detail = [hit.speaker ?? 'unattributed', hit.date ?? 'undated', plainText(hit.documentTitle).text, ...(others > 0 ? [`and ${others} other source${others === 1 ? '' : 's'}`] : [])].join(' · ');
  return { label: escapeIcons(label).text, detail: escapeIcons(detail).text };
}

/**
 * HTML tags dropped, Markdown backslash escapes and entities undone, whitespace runs made one space; with the
 * offset in the original of each character, so matched ranges can be found in the result.
 */
export function plainText(text: string): { text: string; origin: number[] } {
  let out = '';
  const origin: number[] = [];
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };
  for (let i = 0; i < text.length; ) {
    const tag = /^<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/.exec(text.slice(i, i + 200));
    if (tag) {
      i += tag[0].length;
      continue;
    }
    const entity = /^&(amp|lt|gt|quot|apos|nbsp|#39);/.exec(text.slice(i, i + 8));
    let char = text[i];
    let length = 1;
    if (entity) {
      char = entities[entity[1]];
      length = entity[0].length;
    } else if (char === '\\' && /[\\`*_{}[\]()#+\-.!<>|~]/.test(text[i + 1] ?? '')) {
      char = text[i + 1];
      length = 2;
    }
    if (/\s/.test(char)) {
      if (out === '' || out.endsWith(' ')) {
        i += length;
        continue;
      }
      char = ' ';
    }
    out += char;
    origin.push(i);
    i += length;
  }
  return { text: out.trimEnd(), origin: origin.slice(0, out.trimEnd().length) };
}

import { showFormatControls, withoutFormatControls } from './core/invisible';

/**
 * Corpus text is untrusted: a document may contain Markdown links, HTML or `command:` URIs. Everything taken
 * from the corpus goes through `escapeMarkdown` before it reaches a hover or a tooltip, so it renders as text.
 */
export function escapeMarkdown(text: string): string {
  // Format characters are shown (⟨U+202E⟩), so a bidi override cannot make a hover read differently; every
  // line break form becomes a space, so a lone CR in a field cannot start a heading.
  return showFormatControls(
    text.replace(/[\\`*_{}[\]()#+\-.!|~:<>&=]/g, c => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : `\\${c}`)).replace(/\r\n?|[\n\u000B\f\u0085\u2028\u2029]/g, ' '),
  );
}

/** The commands a card may link to; the client trusts exactly these and no other. */
export const CARD_COMMANDS = ['statementLens.documents.open', 'statementLens.showMentions', 'statementLens.searchQuotes'] as const;
export type CardCommand = (typeof CARD_COMMANDS)[number];

export function commandLink(label: string, command: CardCommand, args: unknown[]): string {
  return `[${escapeMarkdown(label)}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

export function truncate(text: string, length: number): string {
  const flat = withoutFormatControls(text).replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

import { COMMANDS } from './commands';
import { showFormatControls, withoutFormatControls } from '../server/src/core/read/invisible';

/**
 * Corpus text is untrusted: a document may contain Markdown links, HTML or `command:` URIs. Everything taken
 * from the corpus goes through `escapeMarkdown` before it reaches a hover or a tooltip, so it renders as text.
 * Only what Markdown would read as markup is escaped, since Neovim and eglot show the text as written: a link
 * or image needs `[`, an HTML tag or autolink `<`, emphasis `*` or `_` at a word's edge, code a backtick,
 * strikethrough `~`, and a block (heading, list, quote) its mark at the start of a line. `U.S.` stays `U.S.`.
 */
export function escapeMarkdown(text: string): string {
  // Format characters are shown (⟨U+202E⟩), so a bidi override cannot make a hover read differently; every
  // line break form becomes a space, so a lone CR in a field cannot start a heading.
  return showFormatControls(
    text
      .replace(/\r\n?|[\n\u000B\f\u0085\u2028\u2029]/g, ' ')
      .replace(/[\\`*[\]<>~]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, c => `\\${c}`)
      // A block mark where the text may start a line: "# 1", "- x", "> x", "1. x", "=" (a setext heading).
      .replace(/^(\s*)([#>+=|-]|\d+(?=[.)]))/u, (_, space: string, mark: string) => (/\d/.test(mark) ? `${space}${mark}\\` : `${space}\\${mark}`))
  );
}

/** The commands a card may link to; the client trusts exactly these and no other. */
export const CARD_COMMANDS = [COMMANDS.openDocument, COMMANDS.showMentions, COMMANDS.searchQuotes, COMMANDS.showTimeline] as const;
export type CardCommand = (typeof CARD_COMMANDS)[number];

export function commandLink(label: string, command: CardCommand, args: unknown[]): string {
  return `[${escapeMarkdown(label)}](command:${command}?${encodeURIComponent(JSON.stringify(args))})`;
}

/** How a client shows cards: whether it runs the extension's commands from links (the VS Code client does). */
export interface CardOptions {
  readonly commandLinks?: boolean;
}

/**
 * The card's Markdown as plain text, for clients that ask for plaintext (eglot without markdown-mode): markers
 * of the cards' own markup dropped (bold, italics at a word's edge), escapes undone.
 */
export function markdownToPlainText(markdown: string): string {
  return markdown.replace(/\\([\\`*[\]<>~_#>+=|.)-])|\*\*|(?<![\p{L}\p{N}\\])_|_(?![\p{L}\p{N}])/gu, (_whole, escaped: string | undefined) => escaped ?? '');
}

export function truncate(text: string, length: number): string {
  const flat = withoutFormatControls(text).replace(/\s+/g, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length - 1)}…` : flat;
}

import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import type { Span } from '../model';

/** A block of a Markdown document, with its place in the source. */
export interface MarkdownBlock {
  /** From the first to the last character of the block's text (markup outside it excluded). */
  readonly span: Span;
  readonly kind: 'paragraph' | 'heading' | 'cell';
  /** Every character of the block's text is inside `**…**` or `*…*`: a bold lead-in or a sub-heading. */
  readonly emphasized: boolean;
  /** The list the block is an item of (blocks of one list share the number), if any. */
  readonly list?: number;
}

export interface MarkdownReading {
  /**
   * The source with its markup blanked out: the same length and the same line breaks, so every offset still
   * points at the same character. Links read as their text, `\[` as `[`; destinations, emphasis marks, list
   * markers, headings' `#`, HTML tags and blocks, images and struck-out text (`<s>…</s>`) become spaces.
   */
  readonly plain: string;
  readonly blocks: MarkdownBlock[];
}

// Tables and ~~strike~~ (the default preset); HTML is recognized so that it can be blanked; no typographer.
const parser = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
// Keep escapes (`\[`) and entities as their own tokens, so the backslash can be blanked and the text aligned.
parser.disable(['text_join', 'linkify', 'replacements', 'smartquotes']);
// Inline parsing is run by readMarkdown itself, only on blocks that have a character inline syntax starts with.
parser.disable('inline');
/** Characters that can start inline Markdown; a block without any of them is plain text as written. */
const INLINE_SYNTAX = /[*_[\]<>`&!~\\]/;

// Struck-out words were withdrawn, and a figure holds a picture and its caption: neither is the text.
const HIDDEN_OPEN = /^<(?:s|del|strike|figure|figcaption|script|style)\b[^>]*>$/i;
const HIDDEN_CLOSE = /^<\/(?:s|del|strike|figure|figcaption|script|style)\s*>$/i;
/** An escaped closing bracket keeps its place at the backslash, so `\[GDP\]` reads ` [GDP] `. */
const CLOSERS = new Set([']', ')', '}', '>']);

/** True for the extensions the corpus reads as Markdown. */
export const isMarkdownFile = (fileName: string) => /\.(?:md|markdown|mdown|mkd)$/i.test(fileName);

/**
 * Reads the body of a Markdown document (from `bodyStart`, after any front matter) with markdown-it and keeps
 * offsets into the source: the parser gives each block its lines, and the inline tokens are aligned with the
 * source line by line. Text the alignment cannot place is left as written rather than guessed.
 */
export function readMarkdown(text: string, bodyStart = 0): MarkdownReading {
  // Web archives put a no-break space on "empty" lines; CommonMark would read them as text joining two
  // paragraphs. Blank them (same length) so that they separate paragraphs, as they do on the page.
  const sliced = text.slice(bodyStart);
  const body = sliced.includes('\u00A0') ? sliced.replace(/^[ \t]*\u00A0[ \t\u00A0]*$/gm, line => ' '.repeat(line.length)) : sliced;
  const plain = new Plain(text);
  const lineStarts = [0];
  for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) lineStarts.push(i + 1);

  const blocks: MarkdownBlock[] = [];
  const lists: number[] = [];
  let listCount = 0;
  let heading = false;
  let cell = false;
  const environment = {};
  for (const token of parser.parse(body, environment)) {
    if (token.type === 'bullet_list_open' || token.type === 'ordered_list_open') lists.push(++listCount);
    else if (token.type === 'bullet_list_close' || token.type === 'ordered_list_close') lists.pop();
    else if (token.type === 'heading_open') heading = true;
    else if (token.type === 'heading_close') heading = false;
    else if (token.type === 'th_open' || token.type === 'td_open') cell = true;
    else if (token.type === 'th_close' || token.type === 'td_close') cell = false;
    else if (token.type === 'inline' && token.map) {
      token.children = [];
      if (INLINE_SYNTAX.test(token.content)) parser.inline.parse(token.content, parser, environment, token.children);
      else token.children = plainInline(token);
      const placed = placeInline(body, lineStarts, token, plain, bodyStart);
      if (placed) {
        blocks.push({ span: placed.span, kind: heading ? 'heading' : cell ? 'cell' : 'paragraph', emphasized: placed.emphasized, ...(lists.length ? { list: lists[lists.length - 1] } : {}) });
      }
    }
  }
  return { plain: plain.toString(), blocks };
}

const UTF16 = new TextDecoder('utf-16le');

/**
 * The readable text being built: which source characters are kept (the rest become spaces, line breaks
 * stay), plus the few characters moved to another place. Built from slices of the source, not char by char.
 */
class Plain {
  private readonly kept: Uint8Array;
  private readonly moved = new Map<number, string>();
  constructor(private readonly source: string) {
    this.kept = new Uint8Array(source.length);
  }

  keepRange(start: number, end: number): void {
    this.kept.fill(1, start, end);
  }

  put(at: number, character: string): void {
    this.moved.set(at, character);
  }

  toString(): string {
    const { source, kept } = this;
    // Kept characters are copied, the rest become spaces (line breaks stay); a native decoder makes the string.
    const codes = new Uint16Array(source.length);
    for (let i = 0; i < source.length; i++) {
      const code = source.charCodeAt(i);
      codes[i] = kept[i] === 1 || code === 10 || code === 13 ? code : 32;
    }
    for (const [at, character] of this.moved) codes[at] = character.charCodeAt(0);
    return UTF16.decode(codes);
  }
}

/**
 * Maps an inline token's content back to the source: markdown-it builds it from the block's lines with their
 * indentation, list markers and `>` removed and the whole trimmed, so each content line is the tail of its
 * source line (less trailing spaces on the last).
 */
function contentToSource(body: string, lineStarts: number[], token: Token): LineMap | undefined {
  const [firstLine, endLine] = token.map!;
  const lines = token.content.split('\n');
  const starts: number[] = [];
  const sourceStarts: number[] = [];
  let contentOffset = 0;
  for (let i = 0; i < lines.length; i++) {
    const lineNumber = firstLine + i;
    if (lineNumber >= endLine || lineNumber >= lineStarts.length) return undefined;
    const lineStart = lineStarts[lineNumber];
    const lineEnd = lineNumber + 1 < lineStarts.length ? lineStarts[lineNumber + 1] - 1 : body.length;
    const content = lines[i];
    // The content line is the source line less a prefix (indentation, markers) and, on the last line,
    // trailing spaces: try the tail first, without copying the line.
    let at = lineEnd - lineStart - content.length;
    if (at < 0 || !body.startsWith(content, lineStart + at)) {
      at = body.slice(lineStart, lineEnd).indexOf(content);
      if (at === -1) return undefined;
    }
    starts.push(contentOffset);
    sourceStarts.push(lineStart + at);
    contentOffset += content.length + 1;
  }
  return { starts, sourceStarts };
}

/** Content lines' starts and where each starts in the source. */
interface LineMap {
  readonly starts: number[];
  readonly sourceStarts: number[];
}

function lineOf(map: LineMap, offset: number): number {
  let line = map.starts.length - 1;
  while (line > 0 && map.starts[line] > offset) line--;
  return line;
}

const sourceOf = (map: LineMap, offset: number) => {
  const line = lineOf(map, offset);
  return map.sourceStarts[line] + (offset - map.starts[line]);
};

/** The inline tokens of a block with no inline syntax: its lines as text, joined by soft breaks. */
function plainInline(block: Token): Token[] {
  const TokenOf = block.constructor as new (type: string, tag: string, nesting: number) => Token;
  const tokens: Token[] = [];
  block.content.split('\n').forEach((line, i) => {
    if (i > 0) tokens.push(new TokenOf('softbreak', 'br', 0));
    const text = line.trim();
    if (!text) return;
    const token = new TokenOf('text', '', 0);
    token.content = text;
    tokens.push(token);
  });
  return tokens;
}

/** Copies the text of one inline token into `plain` and returns the block's span. */
function placeInline(body: string, lineStarts: number[], token: Token, plain: Plain, bodyStart: number): { span: Span; emphasized: boolean } | undefined {
  const map = contentToSource(body, lineStarts, token);
  if (!map) return undefined;
  const content = token.content;
  let cursor = 0;
  let first = -1, last = -1;
  let emphasis = 0;
  let plainOutsideEmphasis = false;
  let struck = 0;
  const keep = (from: number, to: number) => {
    if (struck > 0 || from >= to) return;
    // Line by line: each piece of content maps to one run of the source.
    for (let line = lineOf(map, from), i = from; i < to; line++) {
      const lineEnd = Math.min(to, line + 1 < map.starts.length ? map.starts[line + 1] - 1 : content.length);
      if (lineEnd > i) {
        const source = map.sourceStarts[line] + (i - map.starts[line]);
        // Text the parser read from the source verbatim is kept in place (a decoded entity would not be).
        // A cut of the content costs no copy, and startsWith compares natively.
        const verbatim = body.startsWith(content.slice(i, lineEnd), source);
        // The first and last characters that are not spaces (nor no-break spaces), read from either end.
        let lead = -1, trail = -1;
        for (let k = i; k < lineEnd; k++) {
          const code = content.charCodeAt(k);
          if (code > 32 && code !== 160) {
            lead = k - i;
            break;
          }
        }
        if (lead !== -1) {
          for (let k = lineEnd - 1; ; k--) {
            const code = content.charCodeAt(k);
            if (code > 32 && code !== 160) {
              trail = k - i + 1;
              break;
            }
          }
        }
        if (verbatim) plain.keepRange(bodyStart + source, bodyStart + source + lineEnd - i);
        else for (let k = i; k < lineEnd; k++) plain.put(bodyStart + source + k - i, content[k]);
        if (lead !== -1) {
          if (first === -1) first = bodyStart + source + lead;
          last = bodyStart + source + trail;
          if (emphasis === 0) plainOutsideEmphasis = true;
        }
      }
      i = lineEnd + 1;
    }
  };
  /** Copies one content character to another source place (an escaped closer moves onto its backslash). */
  const keepAt = (from: number, sourceOffset: number) => {
    if (struck > 0) return;
    const at = bodyStart + sourceOffset;
    plain.put(at, content[from]);
    if (first === -1) first = at;
    last = at + 1;
    if (emphasis === 0) plainOutsideEmphasis = true;
  };
  const skipSpaces = () => {
    while (cursor < content.length && /\s/.test(content[cursor])) cursor++;
  };
  const children = token.children!;
  for (let c = 0; c < children.length; c++) {
    const child = children[c];
    switch (child.type) {
      case 'text':
        if (!content.startsWith(child.content, cursor)) return finish();
        keep(cursor, cursor + child.content.length);
        cursor += child.content.length;
        break;
      case 'text_special': // an escape (`\[`) or an entity (`&amp;`): keep the character, blank the backslash
        if (child.info === 'escape' && content[cursor] === '\\') {
          if (CLOSERS.has(content[cursor + 1])) keepAt(cursor + 1, sourceOf(map, cursor));
          else keep(cursor + 1, cursor + 2);
          cursor += 2;
        } else if (content.startsWith(child.markup, cursor)) {
          cursor += child.markup.length;
        } else return finish();
        break;
      case 'softbreak':
      case 'hardbreak':
        if (content[cursor] === '\\') cursor++;
        skipSpaces();
        break;
      case 'strong_open': case 'em_open': case 's_open':
        if (!content.startsWith(child.markup, cursor)) return finish();
        cursor += child.markup.length;
        if (child.type !== 's_open') emphasis++;
        else struck++;
        break;
      case 'strong_close': case 'em_close': case 's_close':
        if (!content.startsWith(child.markup, cursor)) return finish();
        cursor += child.markup.length;
        if (child.type !== 's_close') emphasis--;
        else struck--;
        break;
      case 'code_inline': {
        const open = content.indexOf(child.markup, cursor);
        if (open !== cursor) return finish();
        const close = content.indexOf(child.markup, cursor + child.markup.length);
        if (close === -1) return finish();
        keep(cursor + child.markup.length, close);
        cursor = close + child.markup.length;
        break;
      }
      case 'link_open':
        if (child.markup === 'autolink') {
          // `<https://…>`: an address, not words; skip to the matching close
          const close = content.indexOf('>', cursor);
          if (close === -1) return finish();
          cursor = close + 1;
          while (c < children.length && children[c].type !== 'link_close') c++;
        } else {
          if (content[cursor] !== '[') return finish();
          cursor++;
        }
        break;
      case 'link_close':
        if (content[cursor] !== ']') return finish();
        cursor = afterLinkTarget(content, cursor + 1);
        break;
      case 'image': {
        // `![alt](src)`: a picture, never words of the text
        if (!content.startsWith('![', cursor)) return finish();
        const close = closingBracket(content, cursor + 1);
        if (close === -1) return finish();
        cursor = afterLinkTarget(content, close + 1);
        break;
      }
      case 'html_inline':
        if (!content.startsWith(child.content, cursor)) return finish();
        if (HIDDEN_OPEN.test(child.content)) struck++;
        else if (HIDDEN_CLOSE.test(child.content) && struck > 0) struck--;
        cursor += child.content.length;
        break;
      default:
        // Unknown inline syntax: keep what is left as written rather than guess its shape.
        return finish();
    }
  }
  return finish();

  function finish() {
    if (cursor < content.length) {
      const wasStruck = struck;
      struck = 0;
      keep(cursor, content.length);
      struck = wasStruck;
      cursor = content.length;
    }
    if (first === -1) return undefined;
    return { span: { start: first, end: last }, emphasized: !plainOutsideEmphasis };
  }
}

/** The `]` that closes the `[` at `open`, counting nested brackets and skipping escapes; -1 when none. */
function closingBracket(content: string, open: number): number {
  let depth = 0;
  for (let i = open; i < content.length; i++) {
    const c = content[i];
    if (c === '\\') i++;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

/** After a link's `]`: skips an inline destination `(url "title")` or a reference `[label]`, as markdown-it reads them. */
function afterLinkTarget(content: string, position: number): number {
  if (content[position] === '(') {
    let at = position + 1;
    while (at < content.length && /\s/.test(content[at])) at++;
    const destination = parser.helpers.parseLinkDestination(content, at, content.length);
    if (destination.ok) at = destination.pos;
    while (at < content.length && /\s/.test(content[at])) at++;
    const title = parser.helpers.parseLinkTitle(content, at, content.length);
    if (title.ok) at = title.pos;
    while (at < content.length && /\s/.test(content[at])) at++;
    return content[at] === ')' ? at + 1 : position;
  }
  if (content[position] === '[') {
    const close = closingBracket(content, position);
    return close === -1 ? position : close + 1;
  }
  return position;
}

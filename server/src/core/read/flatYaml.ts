/**
 * Front matter of the shape web archives write (`../shared/corpora`: every block is a few `key: value` lines,
 * the title double-quoted with escapes and folded over lines), read without the YAML library, which cost
 * about as much as the rest of a short document's reading (its parser, composer and schema run per block).
 * Anything outside that shape gives undefined, and the caller asks the library: so a block read here gives what
 * `yaml`'s `parse` gives, and every error, warning and rarer construct is still the library's.
 */

/** A line that opens a value: a key in the block's first column (never one the core schema reads as null or a boolean). */
const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*): (.*)$/;
const SPECIAL_KEY = /^(?:[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|__proto__)$/;
/** Plain values the YAML 1.2 core schema reads as something other than a string (from `yaml`'s own tests). */
const NOT_A_STRING = [
  /^(?:~|[Nn]ull|NULL)?$/,
  /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
  /^0o[0-7]+$/,
  /^[-+]?[0-9]+$/,
  /^0x[0-9a-fA-F]+$/,
  /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
  /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
];
/** Characters that start something other than a plain scalar (indicators, quotes, comments, reserved). */
const PLAIN_START = /^[^-?:,[\]{}#&*!|>'"%@`\s]/;
/** Escapes of double-quoted scalars, as YAML 1.2 (and `yaml`) read them; `\x`, `\u`, `\U` are read apart. */
const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};
const CONTROL = /[\x00-\x09\x0b-\x1f\x7f\u0085\u2028\u2029\ufeff]/;
const HEX_LENGTH: Record<string, number> = { x: 2, u: 4, U: 8 };

/**
 * The mapping of a front matter block made only of `key: value` lines whose values are plain one-line
 * strings, single-quoted one-line strings or double-quoted strings (over indented lines); undefined for
 * anything else (comments, lists, nesting, numbers, dates left plain, tabs, blank lines inside a value).
 */
export function readFlatYaml(block: string): Record<string, string> | undefined {
  // Tabs, carriage returns and control characters are the library's to read (or reject).
  if (CONTROL.test(block)) return undefined;
  const lines = block.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  if (lines.length === 0) return undefined;
  const record: Record<string, string> = {};
  for (let i = 0; i < lines.length; i++) {
    const line = KEY_LINE.exec(lines[i]);
    if (!line) return undefined;
    const [, key, value] = line;
    if (SPECIAL_KEY.test(key) || Object.prototype.hasOwnProperty.call(record, key)) return undefined;
    let read: string | undefined;
    if (value.startsWith('"')) {
      const quoted = doubleQuoted(lines, i, value);
      if (!quoted) return undefined;
      read = quoted.value;
      i = quoted.lastLine;
    } else {
      // One-line values only: an indented line after one would continue it.
      if (i + 1 < lines.length && lines[i + 1].startsWith(' ')) return undefined;
      read = value.startsWith("'") ? singleQuoted(value) : plain(value);
    }
    if (read === undefined) return undefined;
    record[key] = read;
  }
  return record;
}

function plain(value: string): string | undefined {
  if (!PLAIN_START.test(value) || value.endsWith(' ') || value.endsWith(':') || value.includes(': ') || value.includes(' #')) return undefined;
  return NOT_A_STRING.some(pattern => pattern.test(value)) ? undefined : value;
}

function singleQuoted(value: string): string | undefined {
  let read = '';
  for (let i = 1; i < value.length; i++) {
    if (value[i] !== "'") read += value[i];
    else if (value[i + 1] === "'") {
      read += "'";
      i++;
    }
    else return /^ *$/.test(value.slice(i + 1)) ? read : undefined;
  }
  return undefined;
}

/**
 * A double-quoted value from line `first` on: a line break folds to a space (white space around it dropped), an
 * escaped one joins the lines; the lines after the first must be indented and hold words.
 */
function doubleQuoted(lines: string[], first: number, value: string): { value: string; lastLine: number } | undefined {
  let read = '';
  /** Spaces as written, held until something follows them on their line (a line break drops them). */
  let spaces = '';
  let line = first, text = value, i = 1;
  /** Moves to the next line, past its indentation; false when there is none or it holds no words. */
  const nextLine = () => {
    const next = lines[line + 1];
    if (next === undefined || !next.startsWith(' ') || /^ *$/.test(next)) return false;
    line++;
    text = next;
    i = 0;
    while (text[i] === ' ') i++;
    return true;
  };
  for (;;) {
    if (i >= text.length) {
      // An unescaped line break: the spaces before it are dropped and it reads as one space.
      if (!nextLine()) return undefined;
      spaces = '';
      read += ' ';
      continue;
    }
    const ch = text[i];
    if (ch === ' ') {
      spaces += ch;
      i++;
      continue;
    }
    read += spaces;
    spaces = '';
    if (ch === '"') return /^ *$/.test(text.slice(i + 1)) ? { value: read, lastLine: line } : undefined;
    if (ch !== '\\') {
      read += ch;
      i++;
      continue;
    }
    const escaped = text[i + 1];
    if (escaped === undefined) {
      // An escaped line break: the lines join with nothing between, the next one's indentation dropped.
      if (!nextLine()) return undefined;
    } else if (ESCAPES[escaped] !== undefined) {
      read += ESCAPES[escaped];
      i += 2;
    } else if (HEX_LENGTH[escaped] !== undefined) {
      const hex = text.substr(i + 2, HEX_LENGTH[escaped]);
      if (hex.length !== HEX_LENGTH[escaped] || !/^[0-9a-fA-F]+$/.test(hex) || parseInt(hex, 16) > 0x10ffff) return undefined;
      read += String.fromCodePoint(parseInt(hex, 16));
      i += 2 + hex.length;
    } else return undefined;
  }
}

import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { readFlatYaml } from '../../server/src/core/read/flatYaml';
import { readFrontMatter } from '../../server/src/core/read/frontMatter';

/** What the YAML library makes of a block, or 'error' when it rejects it (as readFrontMatter calls it). */
function library(block: string): unknown {
  try {
    return parseYaml(block, { maxAliasCount: 50, logLevel: 'error' });
  } catch {
    return 'error';
  }
}

test('front matter as web archives write it is read without the library, as the library reads it', () => {
  const block = [
    "date: '2022-04-21'",
    'published_time: 2022-04-21 18:35:30-04:00',
    'source_url: https://bidenwhitehouse.archives.gov/briefing-room/statements-releases/2022/04/21/remarks/',
    'tags: statements-releases',
    'title: "Remarks by Vice President Harris on the Administration\\u2019s Commitment to\\',
    '  \\ Improve Maternal\\_Health and the \\"Plan\\" of\\',
    '  \\ the Year"',
    '',
  ].join('\n');
  const flat = readFlatYaml(block);
  assert.ok(flat);
  assert.equal(flat.title, 'Remarks by Vice President Harris on the Administration’s Commitment to Improve Maternal\u00a0Health and the "Plan" of the Year');
  assert.equal(flat.published_time, '2022-04-21 18:35:30-04:00');
  assert.deepEqual({ ...flat }, library(block));
});

test('folded lines, quotes and escapes read as the library reads them', () => {
  const blocks = ['a: "x \\\n  y"\n', 'a: "x\\ \n  y"\n', 'a: "x   \n   y  z"\n', "a: 'it''s'\n", 'a: 2022-01-01\n', 'a: "\\u00e9\\x41\\U0001F600"\n', 'a: "q" \n', 'a: x\nb: "y\n  z"\n', 'a: "a\\tb\\"c\\\\d\\/e\\_f"\n', 'a: "x\\\n   \\ y"\n', 'a: "x\n  y\\\n  z"\n', "a: 'x' \n"];
  for (const block of blocks) assert.deepEqual({ ...readFlatYaml(block) }, library(block), JSON.stringify(block));
});

test('anything else is left to the library: numbers, nulls, comments, nesting, errors', () => {
  for (const block of ['a: 12\n', 'a: ~\n', 'a: .5\n', 'a: true\n', 'a: b: c\n', 'a: x #c\n', 'a: "y\n\n  z"\n', 'a: x\n  y\n', 'a: x\na: y\n', 'a: "\\q"\n', 'a: "\\u12"\n', 'a:  x\n', "a: 'x'\u00a0\n", 'a:\n  - x\n', 'a: x\r\n', '# c\na: x\n', 'true: x\n', '']) {
    assert.equal(readFlatYaml(block), undefined, JSON.stringify(block));
  }
  // Still reported as the library reports it.
  assert.match(readFrontMatter('---\na: x\na: y\n---\nbody').problems[0].message, /not valid YAML/);
});

test('a block read without the library is always what the library reads', () => {
  const pieces = fc.constantFrom('title', 'date', 'a', 'b', ': ', ':', '"', "'", "''", '\\', '\\u2019', '\\x4', '\\_', '\\ ', '\\"', '\n', '\n  ', ' ', '  ', '#', ' #', '-', '2022', '12', '.5', 'true', 'null', '~', 'x', 'y z', '\u00a0', '\t', '[', '{', '*', '&', '!');
  const value = fc.array(pieces, { maxLength: 12 }).map(parts => parts.join(''));
  // Keys and values, so that most blocks have the shape the reader takes, and random text besides.
  const lines = fc.array(fc.tuple(fc.constantFrom('title', 'date', 'a', 'a', 'null'), value).map(([key, words]) => `${key}: ${words}\n`), { maxLength: 4 }).map(keyed => keyed.join(''));
  const block = fc.oneof(lines, fc.array(pieces, { maxLength: 40 }).map(parts => parts.join('')));
  fc.assert(
    fc.property(block, text => {
      const flat = readFlatYaml(text);
      if (flat !== undefined) assert.deepEqual({ ...flat }, library(text));
    }),
    { numRuns: 5000 },
  );
});

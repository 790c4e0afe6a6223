import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parseForIndex, type ParsedStatement } from '../../server/src/core';
import { createParserPool } from '../../server/src/parseWorkers';

const PROJECT = path.resolve(__dirname, '..', '..');
const SEEDS = path.join(PROJECT, 'seeds');
const sources = readdirSync(SEEDS).filter(file => file.endsWith('.txt')).map(file => ({ uri: `file://${SEEDS}/${file}`, text: readFileSync(path.join(SEEDS, file), 'utf8') }));

/**
 * Quotations and entries as plain objects with their text, however they keep it (SpanQuote, SpanEntry); without
 * the worker's numbers for the vocabulary, which say how its words were sent (checked by `numberedConsistently`).
 */
const plain = ({ document, search: { numbered: _numbered, ...search } }: ParsedStatement) => ({
  document: { ...document, quotes: document.quotes.map(quote => Object.assign({ text: quote.text }, quote)) },
  search: { ...search, entries: search.entries.map(({ text, span, speaker, isQuote }) => ({ text, span, speaker, isQuote })) },
});

/** A worker's number stands for one word in every parse it sent, so the index may map each number once. */
function numberedConsistently(parses: ParsedStatement[]): void {
  const words = new Map<object, Map<number, string>>();
  for (const { search } of parses) {
    assert.ok(search.numbered, 'a worker parse comes with its numbers');
    assert.equal(search.numbered.ids.length, search.vocabulary.length);
    if (!words.has(search.numbered.numbering)) words.set(search.numbered.numbering, new Map());
    const known = words.get(search.numbered.numbering)!;
    search.numbered.ids.forEach((number, i) => {
      if (!known.has(number)) known.set(number, search.vocabulary[i]);
      assert.equal(known.get(number), search.vocabulary[i]);
    });
  }
}

test('the built worker pool parses as the main thread does, stops its workers when idle and starts them again', async () => {
  const pool = createParserPool(path.join(PROJECT, 'server', 'out', 'parseWorker.js'), 2, 300);
  assert.ok(pool, 'npm run build makes server/out/parseWorker.js');
  try {
    assert.equal(pool.running, 0, 'no workers before the first parse');
    const parsed = await Promise.all(sources.map(source => pool(source)));
    parsed.forEach((result, i) => assert.deepEqual(plain(result), plain(parseForIndex(sources[i]))));
    // Again: the workers send words they have sent before as numbers (workerWords.ts).
    const again = await Promise.all(sources.map(source => pool(source)));
    again.forEach((result, i) => assert.deepEqual(plain(result), plain(parseForIndex(sources[i]))));
    numberedConsistently([...parsed, ...again]);
    assert.equal(pool.running, 2);
    const deadline = Date.now() + 10_000;
    while (pool.running > 0 && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 50));
    assert.equal(pool.running, 0, 'stopped once idle');
    assert.deepEqual(plain(await pool(sources[0])), plain(parseForIndex(sources[0])), 'a later parse starts them again');
    pool.release();
    assert.equal(pool.running, 0, 'released once a pass is done, without waiting to be idle');
  } finally {
    pool.dispose();
  }
});

import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import { CorpusIndex, parseStatement } from '../../server/src/core';
import { boundQuery, boundTypedQuotation, MAX_QUERY_CHARS, MAX_QUERY_WORD_CHARS } from '../../server/src/core/search/queryBounds';
import { readSidecar } from '../../server/src/core/read/sidecar';

const SEEDS = path.resolve(__dirname, '..', '..', 'seeds');
const index = new CorpusIndex();

before(() => {
  const sidecar = readSidecar('statements.yaml', readFileSync(path.join(SEEDS, 'statements.yaml'), 'utf8'));
  for (const file of readdirSync(SEEDS).filter(f => f.endsWith('.txt'))) {
    index.set(parseStatement({ uri: `file://${SEEDS}/${file}`, text: readFileSync(path.join(SEEDS, file), 'utf8'), sidecar: sidecar.entries.get(file) }));
  }
  index.searchQuotes('warm up the trigram index', 1);
});

/** CPU milliseconds of this process, not wall time: on a shared machine, other processes' load must not count. */
const timed = <T>(run: () => T): { value: T; ms: number } => {
  const started = process.cpuUsage();
  const value = run();
  const used = process.cpuUsage(started);
  return { value, ms: (used.user + used.system) / 1000 };
};

/** Filler words that are all in the seeds' vocabulary or near it, so every word costs a typo lookup. */
const ordinaryWords = (chars: number) => 'shorten exploring process relations daylight robbery gangster '.repeat(Math.ceil(chars / 63)).slice(0, chars);

describe('hostile search queries are bounded', () => {
  test('a query with one 10,000-character word answers fast, and its other words still find the quotation', () => {
    const { value: hits, ms } = timed(() => index.searchQuotes(`${'x'.repeat(10_000)} shortn exploring proccess`, 5));
    assert.ok(ms < 1000, `took ${Math.round(ms)} ms`);
    assert.match(hits[0]?.entry.text ?? '', /shorten this exploring process/);
  });

  test('a 1 MB query of ordinary words and a 200 MB query answer fast', () => {
    const megabyte = timed(() => index.searchQuotes(ordinaryWords(1_000_000), 5));
    assert.ok(megabyte.ms < 1000, `1 MB took ${Math.round(megabyte.ms)} ms`);
    const huge = 'a'.repeat(200 * 1024 * 1024);
    const hundreds = timed(() => index.searchQuotes(huge, 5));
    assert.ok(hundreds.ms < 1000, `200 MB took ${Math.round(hundreds.ms)} ms`);
  });

  test('time grows at most about 2x when the word or the query doubles', () => {
    const median = (run: () => void) => {
      const times = Array.from({ length: 5 }, () => timed(run).ms).sort((a, b) => a - b);
      return times[2];
    };
    for (const make of [(n: number) => 'q'.repeat(n), (n: number) => ordinaryWords(n)]) {
      let previous = median(() => index.searchQuotes(make(500), 5));
      for (let size = 1000; size <= 64_000; size *= 2) {
        const current = median(() => index.searchQuotes(make(size), 5));
        // 25 ms of slack: on a loaded machine small times are noise (the quadratic lookup took 200 ms at 1,000).
        assert.ok(current <= 2.5 * previous + 25, `${size} characters: ${current.toFixed(1)} ms after ${previous.toFixed(1)} ms`);
        previous = current;
      }
    }
  });

  test('boundQuery cuts the query at a word boundary, drops over-long words, keeps filters, and says so', () => {
    assert.deepEqual(boundQuery('speaker:qin exploring process'), { text: 'speaker:qin exploring process', notes: [] });
    const long = boundQuery(`speaker:qin ${'y'.repeat(MAX_QUERY_WORD_CHARS + 1)} process`);
    assert.equal(long.text, 'speaker:qin   process');
    assert.match(long.notes.join(), /longer than 64/);
    const words = ordinaryWords(5000), cut = boundQuery(words);
    assert.ok(cut.text.length <= MAX_QUERY_CHARS && words.startsWith(cut.text) && /\s/.test(words[cut.text.length]));
    assert.match(cut.notes.join(), /first 1000 characters/);
  });
});

describe('hostile completion prefixes are bounded', () => {
  test('the typed quotation is read from its end, without over-long words', () => {
    const typed = `${ordinaryWords(5000)} ${'z'.repeat(5000)} shorte`;
    const bounded = boundTypedQuotation(typed);
    assert.ok(bounded.length <= MAX_QUERY_CHARS && bounded.endsWith(' shorte') && !/z{65}/.test(bounded));
  });
});

describe('hostile documents parse in about linear time', () => {
  test('one sentence of thousands of ", who say" clauses after lower-case words', () => {
    const sentence = (chars: number) => `The clerk noted ${'the growers, who say that, '.repeat(Math.ceil(chars / 27))}the end.`;
    parseStatement({ uri: 'file:///warm.txt', text: sentence(2000) });
    const { ms } = timed(() => parseStatement({ uri: 'file:///who.txt', text: sentence(400_000) }));
    // Reading the whole sentence so far again at every "who" took about 5 s here.
    assert.ok(ms < 2000, `took ${Math.round(ms)} ms`);
  });

  test('one sentence of thousands of "… and said" clauses', () => {
    const { ms } = timed(() => parseStatement({ uri: 'file:///said.txt', text: 'he said about 20 and said to the after the the the '.repeat(8_000) }));
    // Reading the sentence's subject window again at every clause took about 10 s here.
    assert.ok(ms < 2000, `took ${Math.round(ms)} ms`);
  });

  test('a list of thousands of different full names', () => {
    // Surnames no one else has, so no two names are forms of one person: three letters from the counter.
    const letters = 'abcdefghijklmnopqrstuvwxyz';
    const given = ['Ana', 'Tom', 'Maria', 'John', 'Elif', 'Ivo', 'Karen', 'Peter', 'Laura', 'Mark'];
    const sentences = Array.from({ length: 12_000 }, (_, n) => `${given[n % given.length]} K${letters[n % 26]}${letters[Math.floor(n / 26) % 26]}${letters[Math.floor(n / 676) % 26]}orn spoke.${n % 50 === 49 ? '\n\n' : ''}`);
    const text = `A list of speakers\n\n${sentences.join(' ')}`;
    parseStatement({ uri: 'file:///warm.txt', text: text.slice(0, 4000) });
    const { value, ms } = timed(() => parseStatement({ uri: 'file:///names.txt', text }));
    // Comparing every name with every other for a fuller form of it took about 10 s here.
    assert.ok(ms < 3000, `took ${Math.round(ms)} ms`);
    assert.ok(value.people.length > 10_000, `${value.people.length} people`);
  });

  test('one sentence of thousands of "told"', () => {
    const { ms } = timed(() => parseStatement({ uri: 'file:///told.txt', text: `Inga ${'told Ruud told Vance told '.repeat(14_000)}nobody.` }));
    // Looking for "that" from the sentence's start at every "told" took about 2.5 s here.
    assert.ok(ms < 1500, `took ${Math.round(ms)} ms`);
  });
});

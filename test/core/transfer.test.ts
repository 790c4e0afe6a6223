import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { packForTransfer, parseForIndex, unpackTransfer, type ParsedStatement, type StatementSource } from '../../server/src/core';
import { readsAsSpan, spanText } from '../../server/src/core/corpus/spanText';

const SEEDS = path.resolve(__dirname, '..', '..', 'seeds');
const seeds: StatementSource[] = readdirSync(SEEDS).filter(file => file.endsWith('.txt')).map(file => ({ uri: `file://${SEEDS}/${file}`, text: readFileSync(path.join(SEEDS, file), 'utf8') }));

const markdown: StatementSource = {
  uri: 'file:///corpus/briefing.md',
  text: [
    '# Press briefing by the spokesperson',
    '',
    'WASHINGTON — Secretary Antony J. Blinken said on Tuesday that the talks were "constructive and candid,',
    'and we will keep at it." He added: "We have **no illusions** about how [hard](https://example.com) this is."',
    '',
    '**SECRETARY BLINKEN:** Thank you all for coming. We had a long day of talks with our partners, and I want to',
    'say a few words about what we agreed. First, the two sides will meet again next month. Second, we will set',
    'up working groups on trade, on climate and on the safety of navigation. Third, we will keep talking.',
    '',
    '**QUESTION:** Mr. Secretary, what did the minister say about the sanctions?',
  ].join('\n'),
};

/** A message between threads copies its data as this does. */
const roundTrip = (source: StatementSource) => unpackTransfer(structuredClone(packForTransfer(parseForIndex(source), source.text)), source.text);

/** Quotations and entries as plain objects with their text, however they keep it (SpanQuote, SpanEntry). */
const withTexts = ({ document, search }: ParsedStatement) => ({
  document: { ...document, quotes: document.quotes.map(quote => Object.assign({ text: quote.text }, quote)) },
  search: { ...search, entries: search.entries.map(({ text, span, speaker, isQuote, textLength }) => {
    // The length an entry keeps instead of its text is that text's length.
    if (textLength !== undefined) assert.equal(textLength, text.length);
    return { text, span, speaker, isQuote };
  }) },
});

describe('parse results sent from a worker', () => {
  test('unpack to exactly what was parsed: the seeds, Markdown, and a text whose lone CRs the parse rewrites', () => {
    const lineEnds = { uri: 'file:///corpus/old-mac.txt', text: seeds[0].text.replace(/\n/g, '\r') };
    for (const source of [...seeds, markdown, lineEnds]) {
      assert.deepEqual(withTexts(roundTrip(source)), withTexts(parseForIndex(source)), source.uri);
    }
  });

  test('leave out the document text and the entry texts that can be cut from what the receiver has', () => {
    for (const source of [...seeds, markdown]) {
      const packed = packForTransfer(parseForIndex(source), source.text);
      assert.equal(packed.document.text, undefined, `${source.uri}: the text the parse was asked for is not sent back`);
      const sent = packed.search.entries.filter(entry => entry.text !== undefined).length;
      assert.ok(packed.search.entries.length > 0, source.uri);
      assert.ok(sent < packed.search.entries.length / 2, `${source.uri}: ${sent} of ${packed.search.entries.length} entry texts sent`);
    }
    const wrapped = packForTransfer(parseForIndex(seeds[0]), seeds[0].text).document.quotes;
    assert.ok(wrapped.some(quote => quote.text === undefined), 'quotations that read as their span are sent without their text');
    const rewritten = { uri: 'file:///corpus/old-mac.txt', text: 'Qin Gang said: "We will keep talking."\r\rMore text here.' };
    assert.equal(typeof packForTransfer(parseForIndex(rewritten), rewritten.text).document.text, 'string', 'a text the parse changed is sent');
  });
});

describe('an entry kept as its span', () => {
  test('gives its text uncollapsed too (looseText), which patterns over words read as they read its text', () => {
    const wrapped = { uri: 'file:///corpus/wrapped.md', text: 'Remarks\n\nThe next round of the talks will be held in the\nspring in Geneva, the ministry said on\nTuesday.\n' };
    const entries = [...seeds, wrapped].flatMap(source => roundTrip(source).search.entries).filter(entry => entry.looseText !== undefined);
    assert.ok(entries.some(entry => entry.looseText !== entry.text), 'a hard-wrapped sentence keeps its line breaks');
    // What the word-pair test asks of an entry's text: two words side by side across any white space.
    const pair = /\b(?:the|a)\W+\w+\b/gi;
    for (const entry of entries) {
      assert.equal(entry.looseText!.replace(/\s+/g, ' ').trim(), entry.text);
      assert.deepEqual(entry.looseText!.match(pair)?.map(found => found.replace(/\s+/g, ' ')), entry.text.match(pair) ?? undefined);
    }
  });
});

describe('readsAsSpan', () => {
  test('agrees with spanText: trimmed, every run of white space one space', () => {
    const text = '  He said:\n"We will\u00a0 keep\ttalking."\r\n  \u2028Then he left. ';
    const spans = [[0, text.length], [2, 10], [10, 30], [11, 29], [29, text.length], [5, 5], [3, 4]];
    for (const [start, end] of spans) {
      const span = { start, end };
      const words = spanText(text, span);
      assert.ok(readsAsSpan(text, span, words), JSON.stringify(words));
      for (const other of [words + ' ', ` ${words}`, words.replace(/ /, '  '), words.slice(0, -1), words.replace(/ /, '\n')]) {
        if (other !== words) assert.equal(readsAsSpan(text, span, other), false, JSON.stringify(other));
      }
    }
  });
});

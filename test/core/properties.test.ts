import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { CorpusIndex, parseStatement } from '../../server/src/core';
import { readFrontMatter } from '../../server/src/core/read/frontMatter';
import { readSidecar } from '../../server/src/core/read/sidecar';
import { decodeCorpusFile } from '../../server/src/core/read/decode';

/** Text made of the pieces statements are made of, so random input reaches the interesting rules. */
const pieces = fc.constantFrom('"', '“', '”', '‘', '’', "'", ' said', ' told', ' Qin Gang', ' President Xi', ' Minister', ' he', ', ', '. ', '\n', '\n\n', '\r\n', '---\n', 'title: x\n', 'Q: ', 'SECRETARY BLINKEN: ', 'June 18', '2023-06-18', ' according to', ' the ambassador', '(', ')', '*', '#', '\u0000', '\uFEFF', 'é', ' ');
const statementText = fc.array(fc.oneof(pieces, fc.string({ maxLength: 12 })), { maxLength: 120 }).map(parts => parts.join(''));

test('parsing never throws, and every span lies inside the text and matches its quote', () => {
  fc.assert(
    fc.property(statementText, text => {
      const document = parseStatement({ uri: 'memory:///random.txt', text });
      for (const quote of document.quotes) {
        assert.ok(quote.span.start >= 0 && quote.span.end <= text.length && quote.span.start <= quote.span.end);
        assert.ok(quote.text.length > 0);
      }
      for (const person of document.people) for (const mention of person.mentions) assert.ok(mention.start >= 0 && mention.end <= text.length);
      for (const paragraph of document.paragraphs) assert.ok(paragraph.span.start < paragraph.span.end && paragraph.span.end <= text.length);
    }),
    { numRuns: 400 },
  );
});

test('front matter and sidecar readers report problems instead of throwing', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 300 }), raw => {
      readFrontMatter(`---\n${raw}`);
      readFrontMatter(`---\n${raw}\n---\nbody`);
      readSidecar('statements.yaml', raw);
      readSidecar('MANIFEST.tsv', raw);
    }),
    { numRuns: 300 },
  );
});

test('any bytes decode to text or to a clear reason', () => {
  fc.assert(
    fc.property(fc.uint8Array({ maxLength: 200 }), bytes => {
      const decoded = decodeCorpusFile(bytes);
      assert.ok('text' in decoded ? typeof decoded.text === 'string' : decoded.error.length > 0);
    }),
    { numRuns: 300 },
  );
});

test('the index stays consistent through random adds and deletes', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.boolean(), statementText), { maxLength: 25 }), operations => {
      const index = new CorpusIndex();
      const live = new Map<string, number>();
      for (const [slot, remove, text] of operations) {
        const uri = `memory:///doc${slot}.txt`;
        if (remove) {
          index.delete(uri);
          live.delete(uri);
        } else {
          const document = parseStatement({ uri, text });
          index.set(document);
          live.set(uri, document.quotes.length);
        }
      }
      const stats = index.stats();
      assert.equal(stats.documents, live.size);
      assert.equal(stats.quotes, [...live.values()].reduce((a, b) => a + b, 0));
      for (const hit of index.searchQuotes('said minister', 10)) assert.ok(live.has(hit.entry.uri), 'no hit from a deleted document');
    }),
    { numRuns: 100 },
  );
});

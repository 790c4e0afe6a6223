import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parseStatement } from '../../server/src/core';

const SEEDS = path.resolve(__dirname, '..', '..', 'seeds');

test('every quote\'s span holds exactly its text, so opening a quote selects its words', () => {
  for (const file of readdirSync(SEEDS).filter(f => f.endsWith('.txt'))) {
    const document = parseStatement({ uri: `file://${SEEDS}/${file}`, text: readFileSync(path.join(SEEDS, file), 'utf8') });
    for (const quote of document.quotes) {
      assert.equal(document.text.slice(quote.span.start, quote.span.end).replace(/\s+/g, ' '), quote.text, `${file}: ${quote.text.slice(0, 40)}`);
    }
    for (const person of document.people) {
      for (const mention of person.mentions) assert.ok(mention.end > mention.start && /^[A-Z]/.test(document.text.slice(mention.start, mention.end)), `${file}: mention of ${person.name}`);
    }
  }
});

import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import { CorpusIndex, formatCitation, parseStatement } from '../../server/src/core';
import { readSidecar } from '../../server/src/core/read/sidecar';

const SEEDS = path.resolve(__dirname, '..', '..', 'seeds');
const index = new CorpusIndex();

before(() => {
  const sidecar = readSidecar('statements.yaml', readFileSync(path.join(SEEDS, 'statements.yaml'), 'utf8'));
  for (const file of readdirSync(SEEDS).filter(f => f.endsWith('.txt'))) {
    index.set(parseStatement({ uri: `file://${SEEDS}/${file}`, text: readFileSync(path.join(SEEDS, file), 'utf8'), sidecar: sidecar.entries.get(file) }));
  }
});

describe('quote search on the seeds', () => {
  test('two typos and a missing word still find the quotation at rank 1', () => {
    // "My job is to shorten this exploring process as soon as possible": typos in two words, "this" dropped.
    const hits = index.searchQuotes('my job is to shortn exploring proccess as soon as possible', 5);
    assert.match(hits[0].entry.text, /^My job is to shorten this exploring process/);
    assert.equal(hits[0].entry.speaker, 'Qin Gang');
    assert.equal(hits[0].entry.date, '2021-10-01');
  });

  test('reordered words', () => {
    const hits = index.searchQuotes('gangster logic sheer robbery daylight', 3);
    assert.match(hits[0].entry.text, /sheer gangster logic and daylight robbery/);
    assert.equal(hits[0].entry.speaker, 'Le Yucheng');
  });

  test('speaker: filter by any alias, before:/after: dates', () => {
    const qin = index.searchQuotes('speaker:qin relations', 20);
    assert.ok(qin.length > 0 && qin.every(hit => hit.entry.speaker === 'Qin Gang'));
    const later = index.searchQuotes('after:2023 relations', 20);
    assert.ok(later.length > 0 && later.every(hit => (hit.entry.date ?? '') >= '2023'));
    const earlier = index.searchQuotes('before:2021-06 relations', 20);
    assert.ok(earlier.length > 0 && earlier.every(hit => (hit.entry.date ?? '9') <= '2021-06'));
  });

  test('debris is never a hit', () => {
    assert.equal(index.searchQuotes('cookie settings browser', 10).filter(hit => /cookie/i.test(hit.entry.text)).length, 0);
    assert.equal(index.searchQuotes('Search Trends', 10).filter(hit => /Search Trends/.test(hit.entry.text)).length, 0);
  });

  test('the citation carries the exact corpus text, speaker, outlet and date', () => {
    const [hit] = index.searchQuotes('shorten this exploring process', 1);
    const document = index.get(hit.entry.uri)!;
    const citation = formatCitation({ quote: hit.entry.text, speaker: hit.entry.speaker, date: hit.entry.date, outlet: document.outlet.value, title: document.title.value });
    assert.equal(citation, `“${hit.entry.text.replace(/[\s.,]+$/, '')},” Qin Gang told CGTN on 1 October 2021.`);
    assert.ok(document.text.includes(hit.entry.text));
  });
});

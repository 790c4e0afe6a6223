import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { CorpusIndex, displayTitleOf, parseStatement } from '../../server/src/core';
import { readSidecar } from '../../server/src/core/read/sidecar';

const SEEDS = path.resolve(__dirname, '..', '..', 'seeds');
const sidecar = readSidecar('statements.yaml', readFileSync(path.join(SEEDS, 'statements.yaml'), 'utf8'));
const parse = (file: string, withSidecar = true) =>
  parseStatement({ uri: `file://${SEEDS}/${file}`, text: readFileSync(path.join(SEEDS, file), 'utf8'), sidecar: withSidecar ? sidecar.entries.get(file) : undefined });

describe('the bundled seeds', () => {
  test('the CGTN interview: date from the "Updated" line, Qin Gang as speaker with his role', () => {
    const document = parse('000_320e4d2b8b7a98aa.txt');
    assert.deepEqual(document.date, { value: '2021-10-01', source: 'text' });
    assert.deepEqual(document.speakers.value, ['Qin Gang']);
    const qin = document.people.find(p => p.name === 'Qin Gang');
    assert.ok(qin);
    assert.ok(qin.roles.some(role => /ambassador to the U\.S\./i.test(role.title) && role.date === '2021-10-01'), JSON.stringify(qin.roles));
    assert.ok(qin.aliases.includes('Qin'));
    const split = document.quotes.find(q => q.text.startsWith('I will make it clear to America\'s different sectors that cooperation'));
    assert.equal(split?.speaker, 'Qin Gang', '"He continued, "..." is Qin Gang');
    const relayed = document.quotes.find(q => q.text.startsWith('we must do and must do well'));
    assert.equal(relayed?.speaker, 'Xi Jinping');
    assert.equal(relayed?.via, 'Qin Gang');
    assert.ok(!document.quotes.some(q => q.kind === 'direct' && /^(?:exploring|timely and important)$/.test(q.text)), 'scare quotes are not quotations');
  });

  test('debris is never a quote or a person, but stays in the paragraphs', () => {
    for (const file of ['000_320e4d2b8b7a98aa.txt', '003_e40286a65c6de054.txt', '004_4ce518e5b85375c6.txt']) {
      const document = parse(file);
      const debris = document.paragraphs.filter(p => p.debris).map(p => document.text.slice(p.span.start, p.span.end));
      assert.ok(debris.length > 0, `${file} has debris`);
      for (const quote of document.quotes) assert.ok(!debris.some(d => d.includes(quote.text)), `quote from debris: ${quote.text}`);
    }
    const cgtn = parse('004_4ce518e5b85375c6.txt');
    const debrisText = cgtn.paragraphs.filter(p => p.debris).map(p => cgtn.text.slice(p.span.start, p.span.end)).join('\n');
    assert.match(debrisText, /Cookie Policy/);
    assert.match(debrisText, /Search Trends/);
    assert.match(debrisText, /\/CFP/);
    assert.equal(cgtn.title.value, '5 major goals for Blinken\'s China visit, Chinese Foreign Ministry says');
    const shop = parse('003_e40286a65c6de054.txt');
    assert.equal(shop.title.value, 'Senior diplomat urges continued dialogue with US');
  });

  test('a yearless date is kept as written, and the sidecar supplies the year with its provenance', () => {
    const bare = parse('002_b75e0c9e01f78e2c.txt', false);
    assert.equal(bare.date.value, null);
    assert.equal(bare.partialDate, 'June 18');
    const withSidecar = parse('002_b75e0c9e01f78e2c.txt');
    assert.deepEqual(withSidecar.date, { value: '2023-06-18', source: 'sidecar' });
  });

  test('the readout: both parties, Qin Gang\'s titles, reported statements', () => {
    const document = parse('002_b75e0c9e01f78e2c.txt');
    assert.deepEqual([...document.speakers.value].sort(), ['Antony Blinken', 'Qin Gang']);
    const qin = document.people.find(p => p.name === 'Qin Gang')!;
    assert.ok(qin.roles.some(r => r.title === 'State Councilor and Foreign Minister'));
    const blinken = document.people.find(p => p.name === 'Antony Blinken')!;
    assert.ok(blinken.roles.some(r => r.title === 'U.S. Secretary of State'));
    assert.ok(blinken.aliases.includes('Secretary Blinken'));
    const reported = document.quotes.filter(q => q.kind === 'reported' && q.speaker === 'Qin Gang');
    assert.ok(reported.some(q => q.text.startsWith('the China-U.S. relationship is at the lowest point')));
    assert.ok(!document.quotes.some(q => /one-China principle|Taiwan independence/.test(q.text) && q.kind === 'direct'), 'policy names are not quotes');
  });

  test('words quoted from someone else belong to them, relayed by the speaker', () => {
    const document = parse('003_e40286a65c6de054.txt');
    const deng = document.quotes.find(q => q.text.startsWith('The last country in the world'));
    assert.equal(deng?.speaker, 'Deng Xiaoping');
    assert.equal(deng?.via, 'Le Yucheng');
    assert.ok(!document.quotes.some(q => q.text === 'radio silence'));
    assert.ok(!document.quotes.some(q => q.text.startsWith('A New Cold War Against China')), 'an event\'s theme is not a quote');
  });

  test('the speech: one quote per paragraph by the speaker the sidecar names', () => {
    const document = parse('001_f8739ae2d684661e.txt');
    assert.equal(document.kind, 'speech');
    assert.deepEqual(document.speakers, { value: ['Wang Yi'], source: 'sidecar' });
    const speech = document.quotes.filter(q => q.kind === 'speech');
    assert.ok(speech.length >= 15, `speech paragraphs: ${speech.length}`);
    assert.ok(speech.every(q => q.speaker === 'Wang Yi'));
  });

  test('an appositive role: "Yang Tao, director-general of ..."', () => {
    const document = parse('004_4ce518e5b85375c6.txt');
    const yang = document.people.find(p => p.name === 'Yang Tao')!;
    assert.match(yang.roles[0].title, /^director-general of the department of North American and Oceanian affairs/);
    assert.deepEqual(document.outlet, { value: 'CGTN', source: 'text' });
    assert.deepEqual(document.speakers.value, ['Yang Tao']);
  });

  test('nesting and continuity (issue 11, point 10): the reported statement, not the listener; the speaker after a nested quotation; no debris as speech', () => {
    const cgtn = parse('000_320e4d2b8b7a98aa.txt');
    const exploring = cgtn.quotes.find(q => q.kind === 'reported' && q.text.startsWith('China and the United States are going through'));
    assert.equal(exploring?.speaker, 'Qin Gang');
    assert.ok(!cgtn.quotes.some(q => q.text.startsWith("China Media Group's Washington bureau")), 'the listener is no statement');

    const chinaDaily = parse('003_e40286a65c6de054.txt');
    assert.equal(chinaDaily.quotes.find(q => q.text.includes('expose their ignorance of China and the Party'))?.speaker, 'Le Yucheng');
    const deng = chinaDaily.quotes.find(q => q.speaker === 'Deng Xiaoping');
    assert.ok(deng, 'the nested quotation is Deng Xiaoping\'s');
    const after = chinaDaily.quotes.filter(q => q.span.start > deng.span.end && q.speaker);
    assert.equal(after[0]?.speaker, 'Le Yucheng', 'after the nested quotation the speaker is Le Yucheng again');

    const speech = parse('001_f8739ae2d684661e.txt');
    assert.ok(!speech.quotes.some(q => /enter your email address/i.test(q.text)), 'a newsletter prompt is debris, not speech');
  });
});

describe('the title a seed shows everywhere', () => {
  test('a readout without a title line shows its first sentence in search hits, as in the tree, never its file name', () => {
    const index = new CorpusIndex();
    index.set(parse('002_b75e0c9e01f78e2c.txt'));
    const [hit] = index.searchQuotes('lowest point since its establishment', 1);
    assert.equal(hit?.entry.documentTitle, displayTitleOf(parse('002_b75e0c9e01f78e2c.txt')).title);
    assert.match(hit.entry.documentTitle, /^On June 18, State Councilor and Foreign Minister Qin Gang held talks/);
  });
});

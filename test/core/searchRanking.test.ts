import * as assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { CorpusIndexer, type CorpusIndex } from '../../server/src/core';
import { MemoryHost } from './memoryHost';

/** A small corpus where every rule has a statement that follows it and a distractor that does not. */
async function corpus(documents: Record<string, string>, filler = 60): Promise<CorpusIndex> {
  const host = new MemoryHost();
  // Filler makes common words common, so word rarity means something.
  for (let i = 0; i < filler; i++) {
    host.set(`2020-01-${String(1 + (i % 28)).padStart(2, '0')}_filler-${i}.txt`, `Briefing ${i}\n\n"We said that the meeting was important for the country and for the people," Spokesperson Ana Reed said.\n\nThe minister will travel to the region next week to meet partners on trade number ${i}.\n`);
  }
  for (const [name, text] of Object.entries(documents)) host.set(name, text);
  const indexer = new CorpusIndexer(host);
  await indexer.indexAll();
  return indexer.index;
}

describe('quote search ranking', () => {
  let index: CorpusIndex;
  before(async () => {
    index = await corpus({
      '2021-03-01_canada.txt': 'Canada visit\n\n"Our relationship with Canada has never been stronger," Secretary Lena Hart said.\n',
      '2021-03-02_mexico.txt': 'Mexico visit\n\n"Trade with Mexico keeps growing every year," Secretary Lena Hart said.\n',
      '2021-04-01_robbery.txt': 'Statement\n\n"It was daylight robbery, plain and simple," Minister Paul Ode said.\n\n"The robbery stopped when daylight came back," Minister Paul Ode said.\n',
      '2022-05-01_copy-b.txt': 'Release\n\n"We will rebuild the harbour at Lorne together," Mayor Iris Vale said.\n',
      '2020-05-01_copy-a.txt': 'Release\n\n"We will rebuild the harbour at Lorne together," Mayor Iris Vale said.\n',
      '2021-05-01_copy-c.txt': 'Release\n\n"We will rebuild the harbour at Lorne together," Mayor Iris Vale said.\n',
      '2021-06-01_report.txt': 'Report\n\nThe mayor spoke at the harbour on Monday evening: we will never abandon the fishermen of Lorne, she told the crowd.\n',
      '2021-06-02_speech.txt': 'Speech\n\n"We will never abandon the fishermen of Lorne," Mayor Iris Vale said.\n\n"It was what it was, and we move on," Mayor Iris Vale said.\n',
    });
  });

  test('another inflection finds the quotation: "relations" for "relationship", "says" for "said"', () => {
    assert.match(index.searchQuotes('our relations with canada never stronger', 3)[0].entry.text, /^Our relationship with Canada/);
    assert.match(index.searchQuotes('lena hart says trade with mexico keep growing', 3)[0].entry.text, /^Trade with Mexico/);
  });

  test('words side by side in the query\'s order outrank the same words apart', () => {
    const hits = index.searchQuotes('daylight robbery', 5);
    assert.match(hits[0].entry.text, /^It was daylight robbery/);
    assert.match(hits[1].entry.text, /^The robbery stopped/);
  });

  test('identical texts in several documents are one hit listing its sources, earliest first', () => {
    const hits = index.searchQuotes('rebuild the harbor at lorne', 10);
    const copies = hits.filter(hit => hit.entry.text.startsWith('We will rebuild'));
    assert.equal(copies.length, 1);
    assert.equal(copies[0].entry.date, '2020-05-01');
    assert.deepEqual(copies[0].sources?.map(source => source.date), ['2020-05-01', '2021-05-01', '2022-05-01']);
  });

  test('the quotation outranks the sentence around it', () => {
    const hits = index.searchQuotes('never abandon the fishermen of lorne', 5);
    assert.equal(hits[0].entry.isQuote, true);
    assert.match(hits[0].entry.text, /^We will never abandon the fishermen of Lorne/);
    assert.ok(hits.some(hit => !hit.entry.isQuote && hit.entry.text.includes('never abandon')), 'the sentence is found too');
  });

  test('stop words and one- or two-letter words never decide a hit alone', () => {
    for (const hit of index.searchQuotes('it is of an ox at canada', 10)) assert.match(hit.entry.text, /Canada/);
  });

  test('a query of only common words still finds the statements that say them in order, fast', () => {
    const started = performance.now();
    const hits = index.searchQuotes('what it was', 5);
    assert.ok(performance.now() - started < 200);
    assert.ok(hits.length > 0);
    for (const hit of hits) assert.match(hit.entry.text, /\bwhat it was\b/i);
  });
});

test('a query whose indexed words are everywhere keeps the statement with its words side by side', async () => {
  const host = new MemoryHost();
  // 400 short statements share "countries"; the one wanted is longer, so word rarity and length alone lose it.
  for (let i = 0; i < 400; i++) host.set(`2020-03-${String(1 + (i % 28)).padStart(2, '0')}_c-${i}.txt`, `Note ${i}\n\n"Many countries met ${i} times," Envoy Tom Bay said.\n`);
  host.set('2021-01-01_target.txt', 'Speech\n\n"We want lasting peace and prosperity in our countries in the decades ahead, for every family and every village," Envoy Tom Bay said.\n');
  const indexer = new CorpusIndexer(host);
  await indexer.indexAll();
  assert.match(indexer.index.searchQuotes('in our cuontries in', 5)[0].entry.text, /^We want lasting peace/);
});

test('a line repeated in more documents than search rescores is still one hit naming every document', async () => {
  const host = new MemoryHost();
  for (let i = 0; i < 150; i++) {
    const date = `20${String(10 + (i % 12)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`;
    host.set(`${date}_declaration-${i}.txt`, `Declaration ${i}\n\n"Federal funding is available to affected individuals in the designated areas," Administrator Deanne Criswell said.\n`);
  }
  const indexer = new CorpusIndexer(host);
  await indexer.indexAll();
  const [hit, ...rest] = indexer.index.searchQuotes('federal funding available to affected individuals', 10);
  assert.equal(rest.filter(other => other.entry.text === hit.entry.text).length, 0);
  assert.equal(hit.sources?.length, 150);
  assert.equal(hit.entry.date, '2010-01-10');
  assert.deepEqual(hit.sources.map(source => source.date), [...hit.sources.map(source => source.date)].sort());
});

test('another inflection of a stop word matches the stop word ("veries" for "very") and weighs as a common word', async () => {
  const index = await corpus({
    // Holds every query word by some reading ("varies" is a typo away from "veries"), none side by side.
    '2021-07-01_costs.txt': 'Costs\n\n"The cost of working on the pier varies from month to month, and we watch it closely," Mayor Iris Vale said.\n',
    '2021-07-02_board.txt': 'Board\n\n"We are working very closely with the harbour board," Mayor Iris Vale said.\n',
  });
  assert.match(index.searchQuotes('working veries closely', 5)[0]?.entry.text ?? '', /^We are working very closely/);
});

test('a query whose only indexed word is a misspelt stop word is read as common words ("onply" for "only")', async () => {
  const index = await corpus({ '2021-08-01_votes.txt': 'Votes\n\n"It passed even though we only had a couple of votes to spare," Mayor Iris Vale said.\n' });
  assert.match(index.searchQuotes('we onply had a', 5)[0]?.entry.text ?? '', /^It passed even though we only had a/);
});

test('a query of only common words with a word left out finds the statement, under those that say it exactly', async () => {
  const index = await corpus({
    '2021-09-01_ruling.txt': 'Ruling\n\n"We will be ready when any ruling is issued," Mayor Iris Vale said.\n',
    '2021-09-02_exact.txt': 'Aside\n\n"Whoever asks first, we will be, when any of them calls on us for help at the harbour, there for them," Mayor Iris Vale said.\n',
  });
  const hits = index.searchQuotes('we will be when any', 5);
  assert.match(hits[0]?.entry.text ?? '', /^Whoever asks first, we will be, when any/);
  assert.match(hits[1]?.entry.text ?? '', /^We will be ready when any ruling/);
});

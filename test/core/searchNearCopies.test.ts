import * as assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { CorpusIndex } from '../../server/src/core';
import { searchWords } from '../../server/src/core/read/searchText';
import { sameWording } from '../../server/src/core/search/nearCopies';
import { indexOf, MemoryHost } from './memoryHost';

const same = (a: string, b: string) => sameWording(searchWords(a), searchWords(b));

test('a copy with a few words one letter off is the same wording; another word or number is not', () => {
  assert.ok(same('The new pier at Corran will open to every boat.', 'The new pier at Corren will open to every boat.'));
  assert.ok(same('Thank you, thank you. Thank you!', 'Thank you. Thank you. Thank you.'));
  assert.ok(!same('The new pier at Corran will open to every boat.', 'The new pier at Corran will open to every ship.'));
  assert.ok(!same('The pier will open in 2023.', 'The pier will open in 2024.'));
  assert.ok(!same('The new pier at Corran will open.', 'The new pier at Corran will open soon.'));
  // Short words are not misspelt copies of each other ("are", "art"); nor is a text most of whose words differ.
  assert.ok(!same('We are here.', 'We art here.'));
  assert.ok(!same('Harbour plans change often', 'Harbeur plams chonge oftin'));
});

describe('copies of a quotation that differ by a misspelt word', () => {
  let index: CorpusIndex;
  before(async () => {
    const host = new MemoryHost();
    for (let i = 0; i < 40; i++) host.set(`2020-01-${String(1 + (i % 28)).padStart(2, '0')}_filler-${i}.txt`, `Briefing ${i}\n\n"We said that the meeting was important for the country," Spokesperson Ana Reed said.\n`);
    host.set('2021-07-01_pier.txt', 'Release\n\n"The new pier at Corran will open to every fishing boat in the spring," Mayor Iris Vale said.\n');
    host.set('2021-07-02_pier-transcript.txt', 'Transcript\n\n"The new pier at Corren will open to every fishing boat in the spring," Mayor Iris Vale said.\n');
    host.set('2021-07-03_pier-ships.txt', 'Remarks\n\n"The new pier at Corran will open to every fishing ship in the spring," Mayor Iris Vale said.\n');
    index = await indexOf(host);
  });

  test('are one hit listing both documents, earliest first', () => {
    const hits = index.searchQuotes('new pier at corran will open', 10);
    const boat = hits.filter(hit => /fishing boat/.test(hit.entry.text));
    assert.equal(boat.length, 1);
    assert.deepEqual(boat[0].sources?.map(source => source.date), ['2021-07-01', '2021-07-02']);
    assert.ok(hits.some(hit => /fishing ship/.test(hit.entry.text)), 'a copy with another word is a hit of its own');
  });

  test('the hit shows the copy spelt as the query when the query matches it exactly', () => {
    const corren = index.searchQuotes('the new pier at corren', 10).find(hit => /fishing boat/.test(hit.entry.text));
    assert.match(corren!.entry.text, /Corren/);
    assert.equal(corren!.sources?.length, 2);
    const corran = index.searchQuotes('every fishing boat in the spring', 10).find(hit => /fishing boat/.test(hit.entry.text));
    assert.match(corran!.entry.text, /Corran/, 'a query that matches both shows the earliest');
  });
});

test('a line repeated in more documents than search rescores lists its misspelt copies too', async () => {
  const host = new MemoryHost();
  for (let i = 0; i < 150; i++) {
    const date = `20${String(10 + (i % 12)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`;
    const funding = i % 5 === 4 ? 'funnding' : 'funding';
    host.set(`${date}_declaration-${i}.txt`, `Declaration ${i}\n\n"Federal ${funding} is available to affected individuals in the designated areas," Administrator Deanne Criswell said.\n`);
  }
  const hits = (await indexOf(host)).searchQuotes('federal funding available to affected individuals', 10);
  assert.equal(hits.length, 1);
  assert.equal(hits[0].sources?.length, 150);
  assert.match(hits[0].entry.text, /Federal funding/);
});

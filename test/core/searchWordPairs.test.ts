import * as assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { CorpusIndexer, type CorpusIndex } from '../../server/src/core';
import { spelled } from '../../server/src/core/search/wordPairs';
import { indexOf, MemoryHost } from './memoryHost';

/**
 * Four- and five-word queries are mostly stop words around one common indexed word: hundreds of short
 * statements share that word, and the one wanted is long. Every rule below has such a crowd and one target.
 */
describe('quote search by word pairs side by side', () => {
  let index: CorpusIndex;
  before(async () => {
    const host = new MemoryHost();
    for (let i = 0; i < 400; i++) {
      const day = `2020-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`;
      // Each crowd statement holds the indexed word, and some a single pair of the query ("think there").
      host.set(`${day}_crowd-${i}.txt`, `Note ${i}\n\n"Do you think there will be talks ${i}?" a reporter asked.\n\n"We focus on jobs, part of plant ${i}," Envoy Tom Bay said.\n\n"There has been no change in the plan for site ${i}," Envoy Tom Bay said.\n`);
    }
    host.set('2021-01-01_spirit.txt', 'Speech\n\n"I think there should be a spirit of patience here, a spirit of building things slowly and together, in every village of the valley," Envoy Tom Bay said.\n');
    host.set('2021-01-02_pacific.txt', 'Speech\n\n"And as part of our focus on the islands, we recognize how much the fishing agreements matter to every family," Envoy Tom Bay said.\n');
    host.set('2021-01-03_charged.txt', 'Release\n\n"Ahmed Noor has been charged in the northern district with smuggling rare birds and with conspiracy to commit fraud," the prosecutor said.\n');
    host.set('2021-01-04_contraction.txt', 'Remarks\n\n"Look, I’m not going to get ahead of the committee on the harbour plan or its budget for next year," Envoy Tom Bay said.\n');
    host.set('2021-01-05_crowd-contraction.txt', 'Remarks\n\n"I am not going to the harbour," Envoy Tom Bay said.\n');
    index = await indexOf(host);
  });

  test('the entry holding more of the query\'s pairs, stop words\' too, outranks hundreds sharing one pair', () => {
    assert.match(index.searchQuotes('think there should be a', 5)[0].entry.text, /^I think there should be a spirit/);
  });

  test('a pair found swapped counts too: "part of focus our" finds "part of our focus" over "part of" alone', () => {
    assert.match(index.searchQuotes('part of focus our', 5)[0].entry.text, /^And as part of our focus on/);
  });

  test('a typo whose forms are common ("chargd": change, charge, charged) keeps the entry with the pairs', () => {
    assert.match(index.searchQuotes('has been chargd in', 5)[0].entry.text, /^Ahmed Noor has been charged in/);
  });

  test('a folded contraction matches the apostrophe the text has ("im" for "I’m")', () => {
    assert.match(index.searchQuotes('look im not going', 5)[0].entry.text, /^Look, I’m not going/);
  });
});

test('a folded word is spelled with an apostrophe only where English contracts', () => {
  const matches = (word: string, text: string) => new RegExp(`^${spelled(word)}$`, 'i').test(text);
  assert.ok(matches('dont', 'don’t'));
  assert.ok(matches('im', "I'm"));
  assert.ok(matches('youre', 'you’re'));
  assert.ok(matches('americas', 'America’s'));
  assert.ok(matches('theyll', 'they’ll'));
  assert.ok(!matches('plan', 'pl’an'));
  // One optional apostrophe at most: the pattern stays small enough to compile in well under a millisecond.
  assert.ok(spelled('internationalization').length < 30);
});

test('a long statement under the score cut that holds every query word side by side is still kept', async () => {
  const host = new MemoryHost();
  // 400 short statements hold both indexed words apart; the target holds them side by side in a sentence so long
  // that the length damping puts its score under the retrieval's cut (0.4 of the best).
  for (let i = 0; i < 400; i++) host.set(`2020-04-${String(1 + (i % 28)).padStart(2, '0')}_short-${i}.txt`, `Note ${i}\n\n"Harbour ${i} gets a new ferry," Envoy Tom Bay said.\n`);
  const filler = Array.from({ length: 60 }, (_, i) => `clause${i}`).join(' ');
  host.set('2021-02-01_long.txt', `Speech\n\n"We spoke of ${filler} and then the harbour ferry crossing was opened for every family of the valley," Envoy Tom Bay said.\n`);
  const index = await indexOf(host);
  assert.match(index.searchQuotes('then the harbour ferry', 10)[0]?.entry.text ?? '', /^We spoke of clause0/);
});

test('the pair test reads each entry\'s text from its own document, after documents are removed and edited', async () => {
  const host = new MemoryHost();
  for (let i = 0; i < 400; i++) host.set(`2020-04-${String(1 + (i % 28)).padStart(2, '0')}_short-${i}.txt`, `Note ${i}\n\n"Harbour ${i} gets a new ferry," Envoy Tom Bay said.\n`);
  const filler = Array.from({ length: 60 }, (_, i) => `clause${i}`).join(' ');
  // The pair first stands in a statement that is then deleted, and the target holds it only once edited.
  const gone = host.set('2021-01-15_gone.txt', `Speech\n\n"We spoke of ${filler} and then the harbour ferry crossing was closed for good," Envoy Tom Bay said.\n`);
  const edited = host.set('2021-02-01_long.txt', `Speech\n\n"We spoke of ${filler} and the harbour and later a ferry for every family of the valley," Envoy Tom Bay said.\n`);
  const indexer = new CorpusIndexer(host);
  await indexer.indexAll();
  indexer.fileDeleted(gone);
  host.files.delete(gone);
  host.set('2021-02-01_long.txt', `Speech\n\n"We spoke of ${filler} and then the harbour ferry crossing was opened for every family of the valley," Envoy Tom Bay said.\n`);
  await indexer.fileChanged(edited);
  const first = indexer.index.searchQuotes('then the harbour ferry', 10)[0];
  assert.equal(first?.entry.uri, edited);
  assert.match(first?.entry.text ?? '', /crossing was opened/);
});

test('a long statement holding another form of a misspelt word, side by side with its neighbours, is still kept', async () => {
  const host = new MemoryHost();
  // 400 short statements hold "fighting" apart from the query's other words; one holds the misspelling itself,
  // so its coverage is the best, and the target is so long that the length damping puts it under the cut.
  for (let i = 0; i < 400; i++) host.set(`2020-05-${String(1 + (i % 28)).padStart(2, '0')}_short-${i}.txt`, `Note ${i}\n\n"Fighting ${i} ended at dawn," Envoy Tom Bay said.\n`);
  host.set('2020-06-01_typo.txt', 'Note\n\n"They fighted on," Envoy Tom Bay said.\n');
  const filler = Array.from({ length: 60 }, (_, i) => `clause${i}`).join(' ');
  host.set('2021-02-01_long.txt', `Speech\n\n"We spoke of ${filler} and so many of you have been fighting this battle for a long time," Envoy Tom Bay said.\n`);
  const index = await indexOf(host);
  const hits = index.searchQuotes('have been fighted this', 10);
  assert.ok(hits.some(hit => hit.entry.text.startsWith('We spoke of clause0')), hits.map(hit => hit.entry.text).join(' | '));
});

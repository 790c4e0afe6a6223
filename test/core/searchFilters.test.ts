import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { CorpusIndexer } from '../../server/src/core';
import { MemoryHost } from './memoryHost';

test('a speaker filter finds the speaker\'s quotation even when hundreds of other statements share its words', async () => {
  const host = new MemoryHost();
  // Other documents first, so their statements get the lower ids and win ties in retrieval.
  for (let i = 0; i < 400; i++) host.set(`a${String(i).padStart(3, '0')}.txt`, `Statement ${i}\n\n"We discussed trade route ${i} and shipping again," Minister Ola Nord told reporters.\n\nThe talks touched on the right track for relations.\n`);
  host.set('z.txt', 'Ambassador speaks\n\n"They hope that the bilateral relations can improve as soon as possible," Ambassador Qin Gang said.\n');
  const indexer = new CorpusIndexer(host);
  await indexer.indexAll();
  const hits = indexer.index.searchQuotes('speaker:"Qin Gang" relations', 5);
  assert.deepEqual(hits.map(hit => hit.entry.speaker), ['Qin Gang']);
  assert.equal(indexer.index.searchQuotes('after:2030-01-01 relations', 5).length, 0, 'a filter that nothing passes finds nothing');
});

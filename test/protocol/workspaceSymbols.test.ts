import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CancellationToken } from 'vscode-languageserver';
import type { CorpusIndex } from '../../server/src/core';
import { workspaceSymbols } from '../../server/src/features/workspaceSymbols';

test('workspace symbols stop at the first slice after the request is cancelled, matching names or not', async () => {
  // No name matches the query: before, the token was only looked at after a match.
  const names = Array.from({ length: 10_000 }, (_, i) => `Person ${i}`);
  const index = {
    peopleNames: () => names,
    all: () => [][Symbol.iterator](),
    searchQuotes: () => { throw new Error('no quote search after cancellation'); },
  } as unknown as CorpusIndex;
  const token = { isCancellationRequested: false } as { isCancellationRequested: boolean } & CancellationToken;
  let slices = 0;
  const symbols = await workspaceSymbols(index, 'zzzq', token, async () => {
    slices++;
    token.isCancellationRequested = true;
  });
  assert.deepEqual(symbols, []);
  assert.equal(slices, 1, 'gave way once, then saw the cancellation');
});

test('a document edited or deleted while workspace symbols give way is listed once, or not at all', async () => {
  const documentAt = (uri: string, title: string) => ({ uri, title: { value: title }, date: { value: '2024-01-01' } });
  const documents = new Map(Array.from({ length: 2_500 }, (_, i) => [`file:///d${i}.txt`, documentAt(`file:///d${i}.txt`, `Harbour notice ${i}`)]));
  documents.set('file:///d7.txt', documentAt('file:///d7.txt', 'Ferry timetable'));
  documents.set('file:///d2400.txt', documentAt('file:///d2400.txt', 'Ferry pier closure'));
  const index = {
    peopleNames: () => [],
    all: () => documents.values(),
    get: (uri: string) => documents.get(uri),
    searchQuotes: () => [],
  } as unknown as CorpusIndex;
  const symbols = await workspaceSymbols(index, 'ferry', undefined, async () => {
    // Saving a file re-adds its document at the end of the map; deleting one removes it.
    documents.delete('file:///d7.txt');
    documents.set('file:///d7.txt', documentAt('file:///d7.txt', 'Ferry timetable, revised'));
    documents.delete('file:///d2400.txt');
  });
  assert.deepEqual(symbols.map(s => s.location.uri), ['file:///d7.txt'], JSON.stringify(symbols.map(s => s.name)));
});

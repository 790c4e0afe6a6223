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

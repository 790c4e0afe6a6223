import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { CorpusIndexer } from '../../server/src/core';
import { MemoryHost } from './memoryHost';

test('related statements: a shared rare phrase outranks shared common words', async () => {
  const host = new MemoryHost();
  for (let i = 0; i < 80; i++) {
    const soon = i % 3 === 0 ? ' We hope to finish the work as soon as possible.' : '';
    host.set(`2020-02-${String(1 + (i % 28)).padStart(2, '0')}_filler-${i}.txt`, `Briefing ${i}\n\nThe minister will travel to the region next week to meet partners on trade number ${i}.${soon} The job of the process is to help people.\n`);
  }
  host.set('2021-10-01_qin.txt', 'Interview\n\n"My job is to shorten this exploring process as soon as possible," Ambassador Qin Gang said.\n');
  host.set('2021-10-05_echo.txt', 'Remarks\n\nBoth sides are still exploring how the talks should go.\n');
  host.set('2021-10-06_common.txt', 'Remarks\n\nWe will reply to the letter as soon as possible.\n');
  const indexer = new CorpusIndexer(host);
  await indexer.indexAll();
  const source = 'My job is to shorten this exploring process as soon as possible';
  const hits = indexer.index.relatedStatements(source, 10, entry => entry.uri.endsWith('qin.txt'));
  const rank = (name: string) => hits.findIndex(hit => hit.entry.uri.endsWith(name));
  assert.ok(rank('echo.txt') >= 0, 'the statement sharing "exploring process" is related');
  assert.ok(rank('common.txt') < 0 || rank('echo.txt') < rank('common.txt'), `"exploring process" (${rank('echo.txt')}) before "job … process … as soon as possible" (${rank('common.txt')})`);
  assert.equal(rank('echo.txt'), 0);
});

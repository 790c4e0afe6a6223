import * as assert from 'node:assert/strict';
import { appendFileSync, copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, type FileEvent } from 'vscode-languageserver-protocol';
import { DocumentRequest, SearchQuotesRequest } from '../../shared/protocol';
import { initialize, SEEDS, startStdio, type TestClient } from '../protocol/serverHarness';

/** Storms of file-change notifications: merged per file, applied at most once per interval, searches answered. */
describe('file-change storms through the built server', { timeout: 120_000 }, () => {
  const root = mkdtempSync(path.join(tmpdir(), 'statement-lens-events-'));
  const uriOf = (name: string) => pathToFileURL(path.join(root, name)).toString();
  let client: TestClient;
  let indexedCount = 0;

  before(async () => {
    for (const seed of readdirSync(SEEDS)) copyFileSync(path.join(SEEDS, seed), path.join(root, seed));
    mkdirSync(path.join(root, 'many'));
    for (let i = 0; i < 1000; i++) writeFileSync(path.join(root, 'many', `${i}.txt`), `Note ${i}\n\n"We met on day ${i} and talked," Minister Ana Sousa said.\n`);
    writeFileSync(path.join(root, 'growing.txt'), 'A growing log\n\n');
    client = startStdio();
    await initialize(client, { corpusPaths: [root], includeBundledSeeds: false });
    // The harness owns the notification handler: count through it.
    const count = (): void => void client.nextIndexed().then(() => {
      indexedCount++;
      count();
    });
    count();
  });

  after(async () => {
    await client?.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('a file appended 50 times, one notification each, is re-indexed once per interval, not 50 times', async () => {
    indexedCount = 0;
    const done = client.nextIndexed();
    for (let i = 0; i < 50; i++) {
      appendFileSync(path.join(root, 'growing.txt'), `"Entry ${i} of the log is here," Minister Kari Berg said.\n\n`);
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('growing.txt'), type: FileChangeType.Changed }] });
    }
    await done;
    await new Promise(resolve => setTimeout(resolve, 600));
    assert.ok(indexedCount <= 3, `${indexedCount} re-indexes`);
    const detail = await client.connection.sendRequest(DocumentRequest, { uri: uriOf('growing.txt') });
    assert.equal(detail?.quotes.length, 50, 'the last version is the one indexed');
  });

  test('10,000 notifications on 1,000 files while searching: searches keep answering', async () => {
    indexedCount = 0;
    const done = client.nextIndexed();
    const changes: FileEvent[] = Array.from({ length: 10_000 }, (_, i) => ({ uri: uriOf(`many/${i % 1000}.txt`), type: FileChangeType.Changed }));
    for (let i = 0; i < changes.length; i += 500) await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: changes.slice(i, i + 500) });
    const times: number[] = [];
    for (let i = 0; i < 5; i++) {
      const started = performance.now();
      const hits = await client.connection.sendRequest(SearchQuotesRequest, { query: 'shorten exploring process' });
      times.push(performance.now() - started);
      assert.ok(hits.length > 0);
    }
    await done;
    await new Promise(resolve => setTimeout(resolve, 1000));
    times.sort((a, b) => a - b);
    assert.ok(times[2] < 2000, `search p50 ${Math.round(times[2])} ms`);
    assert.ok(indexedCount <= 3, `${indexedCount} re-index passes for 10,000 notifications`);
  });
});

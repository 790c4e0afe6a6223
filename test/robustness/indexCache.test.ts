import * as assert from 'node:assert/strict';
import { appendFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, watch, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { ExitNotification, LogMessageNotification, ShutdownRequest } from 'vscode-languageserver-protocol';
import { SearchQuotesRequest } from '../../shared/protocol';
import { initialize, startStdio, type TestClient } from '../protocol/serverHarness';

const DOCUMENTS = 300;
const SPEAKERS = ['Wang Yi', 'Antony Blinken', 'Qin Gang', 'Le Yucheng', 'Jake Sullivan'];

/**
 * The index cache of the built server under what happens to files on real machines: a server killed while it
 * writes the cache, a truncated cache, garbage in its place. Each start must index every document right.
 */
describe('the index cache survives kills, truncation and garbage', { timeout: 600_000 }, () => {
  const root = mkdtempSync(path.join(tmpdir(), 'statement-lens-cache-robust-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const corpus = path.join(root, 'corpus');
  const cacheDirectory = path.join(root, 'cache');
  mkdirSync(corpus);
  for (let i = 0; i < DOCUMENTS; i++) {
    const speaker = SPEAKERS[i % SPEAKERS.length];
    const body = Array.from({ length: 6 }, (_, p) => `"Statement ${i} paragraph ${p} keeps the channels of communication open and the talks on course," ${speaker} said on ${1 + (p % 28)} March 2023.`).join('\n\n');
    writeFileSync(path.join(corpus, `statement-${String(i).padStart(4, '0')}.txt`), `Remarks number ${i}\n\n${body}\n`);
  }
  /** The folder of this corpus's cache (one per corpus under the cache directory). */
  const cacheFolder = () => path.join(cacheDirectory, readdirSync(cacheDirectory).find(name => name.startsWith('corpus-'))!);

  /** A start of the built server until its first index; `shutdown` (and exit) unless the test kills it. */
  async function start(during?: (client: TestClient) => Promise<void>) {
    const client = startStdio();
    const logs: string[] = [];
    client.connection.onNotification(LogMessageNotification.type, ({ message }) => void logs.push(message));
    const indexed = await initialize(client, { corpusPaths: [corpus], includeBundledSeeds: false, initializationOptions: { cacheDirectory } });
    const line = logs.find(message => message.startsWith('Indexed ')) ?? '';
    const counts = /; (\d+) from the index cache, (\d+) parsed/.exec(line);
    assert.ok(counts, line);
    const search = (query: string) => client.connection.sendRequest(SearchQuotesRequest, { query, limit: 1 });
    const run = { client, logs, indexed, restored: Number(counts[1]), parsed: Number(counts[2]), search, discards: () => logs.filter(message => /index cache/.test(message) && /discarded/.test(message)) };
    if (during) await during(client);
    else {
      await client.connection.sendRequest(ShutdownRequest.type);
      await client.connection.sendNotification(ExitNotification.type);
      await client.close();
    }
    return run;
  }

  test('killed with SIGKILL while it rewrites the cache: the next start indexes every document right, and the cache is whole again after it', async () => {
    const first = await start();
    assert.equal(first.indexed.documents, DOCUMENTS);
    assert.equal((await start()).parsed, 0, 'the cache was complete after shutdown');
    // Every file changes, so the next start rewrites every bucket of the cache.
    for (const name of readdirSync(corpus)) appendFileSync(path.join(corpus, name), `\n"Addendum to ${name.slice(0, -4)} after the kill," Wang Yi said.\n`);
    let sawWrite = false;
    await start(async client => {
      const folder = cacheFolder();
      await new Promise<void>(resolve => {
        const watcher = watch(folder, (_, name) => {
          if (!name?.endsWith('.tmp')) return;
          sawWrite = true;
          process.kill(client.pid!, 'SIGKILL');
          watcher.close();
          resolve();
        });
      });
      await client.close();
    });
    assert.ok(sawWrite, 'the server was killed while a cache file was being written');
    // Left running: the test asks it and shuts it down itself.
    const after = await start(async () => undefined);
    try {
      assert.equal(after.indexed.documents, DOCUMENTS);
      assert.equal(after.restored + after.parsed, DOCUMENTS);
      assert.deepEqual(after.discards(), [], 'an interrupted write leaves a cache that reads, not one to discard');
      const hits = await after.search('Addendum to statement-0123 after the kill');
      assert.match(hits[0]?.text ?? '', /Addendum to statement-0123 after the kill/, 'the text on disk, not a stale parse');
    } finally {
      await after.client.connection.sendRequest(ShutdownRequest.type);
      await after.client.close();
    }
    assert.equal((await start()).parsed, 0, 'whole again once a server shut down normally');
  });

  test('a truncated cache file is discarded with one message and rebuilt', async () => {
    for (const target of ['bucket', 'manifest'] as const) {
      const folder = cacheFolder();
      const file = target === 'manifest' ? path.join(folder, 'manifest.json') : path.join(folder, readdirSync(folder).filter(name => name.endsWith('.bin')).sort()[3]);
      truncateSync(file, Math.floor(statSync(file).size / 2));
      const run = await start();
      assert.equal(run.indexed.documents, DOCUMENTS, target);
      assert.equal(run.discards().length, 1, `${target}: one message\n${run.logs.join('\n')}`);
      assert.match(run.discards()[0], target === 'manifest' ? /manifest is not JSON/ : /truncated or corrupt/);
      const next = await start();
      assert.equal(next.parsed, 0, `${target}: rebuilt, so the start after reads it all`);
      assert.deepEqual(next.discards(), []);
    }
  });

  test('garbage in place of the cache, or of its folder, is discarded with one message and rebuilt', async () => {
    const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    const places = {
      'the manifest': () => writeFileSync(path.join(cacheFolder(), 'manifest.json'), garbage),
      'a bucket file': () => {
        const folder = cacheFolder();
        writeFileSync(path.join(folder, readdirSync(folder).filter(name => name.endsWith('.bin')).sort()[0]), garbage);
      },
      'a manifest of another program': () => writeFileSync(path.join(cacheFolder(), 'manifest.json'), JSON.stringify({ format: 'something-else', version: 1, buckets: [] })),
      'the folder itself': () => {
        const folder = cacheFolder();
        rmSync(folder, { recursive: true });
        writeFileSync(folder, garbage);
      },
    };
    for (const [place, spoil] of Object.entries(places)) {
      spoil();
      const run = await start();
      assert.equal(run.indexed.documents, DOCUMENTS, place);
      assert.equal(run.discards().length, 1, `${place}: one message\n${run.logs.join('\n')}`);
      const next = await start();
      assert.equal(next.parsed, 0, `${place}: rebuilt`);
      assert.ok(statSync(cacheFolder()).isDirectory());
      assert.ok(readFileSync(path.join(cacheFolder(), 'manifest.json'), 'utf8').startsWith('{'));
    }
  });
});

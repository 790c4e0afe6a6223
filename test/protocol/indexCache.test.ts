import * as assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { LogMessageNotification, ShutdownRequest } from 'vscode-languageserver-protocol';
import { ClearIndexCacheRequest, DocumentsRequest, SearchQuotesRequest } from '../../shared/protocol';
import { initialize, SEEDS, startInProcess } from './serverHarness';

/** A second start takes unchanged files from the index cache and parses only what changed. */
describe('the index cache', { timeout: 60_000 }, () => {
  const root = mkdtempSync(path.join(tmpdir(), 'statement-lens-cache-'));
  after(() => rmSync(root, { recursive: true, force: true }));
  const corpus = path.join(root, 'corpus');
  const cacheDirectory = path.join(root, 'cache');
  cpSync(SEEDS, corpus, { recursive: true });
  const seedFiles = readdirSync(corpus).filter(name => /\.(?:txt|md)$/.test(name)).sort();

  /** One server life: start, index, ask, shut down (which completes the cache), and what it logged. */
  async function start(ask?: (client: ReturnType<typeof startInProcess>) => Promise<unknown>) {
    const client = startInProcess();
    const logs: string[] = [];
    client.connection.onNotification(LogMessageNotification.type, ({ message }) => void logs.push(message));
    try {
      await initialize(client, { corpusPaths: [corpus], includeBundledSeeds: false, initializationOptions: { cacheDirectory } });
      const documents = await client.connection.sendRequest(DocumentsRequest, {});
      const answer = await ask?.(client);
      await client.connection.sendRequest(ShutdownRequest.type);
      const indexed = logs.find(line => line.startsWith('Indexed '));
      const counts = /; (\d+) from the index cache, (\d+) parsed/.exec(indexed ?? '');
      assert.ok(counts, `the Indexed line says what came from the cache: ${indexed}`);
      return { logs, documents, answer, restored: Number(counts[1]), parsed: Number(counts[2]) };
    } finally {
      await client.close();
    }
  }

  test('a second start re-parses nothing when no file changed, and gives the same corpus', async () => {
    const first = await start();
    assert.equal(first.restored, 0);
    assert.equal(first.parsed, seedFiles.length);
    const second = await start();
    assert.equal(second.restored, seedFiles.length);
    assert.equal(second.parsed, 0, 'nothing is parsed again');
    const byUri = (documents: { uri: string }[]) => [...documents].sort((a, b) => a.uri.localeCompare(b.uri));
    assert.deepEqual(byUri(second.documents), byUri(first.documents), 'the same documents, titles, dates, speakers and quote counts');
  });

  test('a changed file is parsed again, and only it; its new text is what search finds', async () => {
    const changed = path.join(corpus, seedFiles[0]);
    writeFileSync(changed, readFileSync(changed, 'utf8') + '\n"Cached parses must never hide a new quotation," Wang Yi said.\n');
    const search = (client: ReturnType<typeof startInProcess>) => client.connection.sendRequest(SearchQuotesRequest, { query: 'cached parses must never hide', limit: 3 });
    const run = await start(search);
    assert.equal(run.restored, seedFiles.length - 1);
    assert.equal(run.parsed, 1);
    assert.match((run.answer as { text: string }[])[0]?.text ?? '', /Cached parses must never hide a new quotation/);
  });

  test('a file rewritten with the same size and modification time is caught by its hash when it was read right after a write', async () => {
    // Written just now: the cache stores it with a hash to check, as a second write in the same clock tick
    // would leave size and time as they are.
    const file = path.join(corpus, 'racy.txt');
    writeFileSync(file, 'Talks in Geneva\n\n"We agreed on the first step," Wang Yi said.\n');
    const { mtime } = statSync(file);
    assert.equal((await start()).parsed, 1);
    writeFileSync(file, 'Talks in Geneva\n\n"We agreed on the final step," Wang Yi said.\n');
    utimesSync(file, mtime, mtime);
    const run = await start(client => client.connection.sendRequest(SearchQuotesRequest, { query: 'agreed on the final step', limit: 1 }));
    assert.equal(run.parsed, 1, 'the same stamp, other bytes: parsed again');
    assert.match((run.answer as { text: string }[])[0]?.text ?? '', /final step/);
  });

  test('Clear Index Cache removes the cache and the corpus is parsed again', async () => {
    const run = await start(client => client.connection.sendRequest(ClearIndexCacheRequest, {}));
    assert.equal((run.answer as { cacheDirectory: string }).cacheDirectory, cacheDirectory);
    const cleared = run.logs.filter(line => line.startsWith('Indexed ')).at(-1) ?? '';
    assert.match(cleared, /; 0 from the index cache, \d+ parsed/, 'the pass after clearing parsed everything');
    assert.equal((await start()).parsed, 0, 'and wrote a new cache');
  });
});

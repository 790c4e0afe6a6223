import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CorpusIndexer, IndexCache, StoreDiscarded, type FileStamp, type IndexStore, type StoredStatement } from '../../server/src/core';
import { MemoryHost } from './memoryHost';

/** A store in memory, with a way to make its next load fail part-way as a damaged file would. */
class MemoryStore implements IndexStore {
  readonly statements = new Map<string, StoredStatement>();
  failAfterBatches: number | undefined;
  async *load(): AsyncGenerator<StoredStatement[]> {
    let batches = 0;
    for (const statement of [...this.statements.values()]) {
      if (this.failAfterBatches !== undefined && batches++ >= this.failAfterBatches) {
        this.statements.clear();
        throw new StoreDiscarded('damaged');
      }
      yield [structuredClone(statement)];
    }
  }
  async save(put: readonly string[], removed: readonly string[], read: (uri: string) => StoredStatement | undefined): Promise<void> {
    for (const uri of removed) this.statements.delete(uri);
    for (const uri of put) {
      const statement = read(uri);
      if (statement) this.statements.set(uri, structuredClone(statement));
      else this.statements.delete(uri);
    }
  }
  async clear(): Promise<void> {
    this.statements.clear();
  }
}

const OLD = 1_000_000; // a modification time long before any read

/** A host whose files have stamps a test controls. */
function corpus() {
  const host = new MemoryHost();
  const stamps = new Map<string, FileStamp>();
  const write = (name: string, text: string, mtimeMs = OLD) => {
    const uri = host.set(name, text);
    stamps.set(uri, { size: host.files.get(uri)!.length, mtimeMs });
    return uri;
  };
  const reads: string[] = [];
  host.onRead = uri => reads.push(uri);
  const files = { stat: async (uri: string) => stamps.get(uri), readFile: async (uri: string) => host.files.get(uri) };
  return { host, stamps, write, reads, files };
}

async function pass(setup: ReturnType<typeof corpus>, store: MemoryStore, logs: string[] = []) {
  const cache = new IndexCache(store, setup.files, message => logs.push(message));
  const indexer = new CorpusIndexer(setup.host, { cache });
  setup.reads.length = 0;
  const report = await indexer.indexAll();
  await cache.flush(uri => indexer.index.get(uri));
  return { indexer, report, reads: [...setup.reads] };
}

describe('IndexCache', () => {
  test('unchanged files come from the store, changed ones are read and parsed, deleted ones leave it', async () => {
    const setup = corpus(), store = new MemoryStore();
    const a = setup.write('a.txt', 'Talks\n\n"We will keep talking," Wang Yi said.\n');
    const b = setup.write('b.txt', 'Visit\n\n"The visit went well," Antony Blinken said.\n');
    const first = await pass(setup, store);
    assert.deepEqual(first.report.cached, { restored: 0, parsed: 2 });
    assert.deepEqual([...store.statements.keys()].sort(), [a, b]);

    const second = await pass(setup, store);
    assert.deepEqual(second.report.cached, { restored: 2, parsed: 0 });
    assert.deepEqual(second.reads, [], 'no file was read');
    assert.deepEqual(second.indexer.index.get(a)?.quotes.map(q => q.text), first.indexer.index.get(a)?.quotes.map(q => q.text));

    setup.write('b.txt', 'Visit\n\n"The visit went very well," Antony Blinken said.\n', OLD + 1000);
    setup.host.files.delete(a);
    const third = await pass(setup, store);
    assert.deepEqual(third.report.cached, { restored: 0, parsed: 1 });
    assert.match(third.indexer.index.get(b)!.quotes[0].text, /very well/);
    assert.deepEqual([...store.statements.keys()], [b], 'the deleted file left the store');
  });

  test('a file whose sidecar metadata changed is parsed again', async () => {
    const setup = corpus(), store = new MemoryStore();
    const a = setup.write('a.txt', 'Talks\n\n"We will keep talking," Wang Yi said.\n');
    setup.write('statements.yaml', 'a.txt:\n  date: 2021-01-01\n');
    await pass(setup, store);
    setup.write('statements.yaml', 'a.txt:\n  date: 2022-02-02\n');
    const run = await pass(setup, store);
    assert.deepEqual(run.report.cached, { restored: 0, parsed: 1 });
    assert.equal(run.indexer.index.get(a)?.date.value, '2022-02-02');
  });

  test('a file modified just before it was read is checked by its hash: same stamp, other bytes, parsed again', async () => {
    const setup = corpus(), store = new MemoryStore();
    const a = setup.write('a.txt', 'Talks\n\n"We agreed on the first step," Wang Yi said.\n', Date.now());
    await pass(setup, store);
    assert.equal(store.statements.get(a)?.verify, true);
    const stamp = setup.stamps.get(a)!;
    setup.host.set('a.txt', 'Talks\n\n"We agreed on the final step," Wang Yi said.\n');
    setup.stamps.set(a, stamp);
    const run = await pass(setup, store);
    assert.deepEqual(run.report.cached, { restored: 0, parsed: 1 });
    assert.match(run.indexer.index.get(a)!.quotes[0].text, /final step/);
    const again = await pass(setup, store);
    assert.deepEqual(again.report.cached, { restored: 1, parsed: 0 }, 'the same bytes: taken from the store after the hash check');
  });

  test('a store that fails part-way: one message, what loaded is kept and written back with the rest', async () => {
    const setup = corpus(), store = new MemoryStore();
    for (let i = 0; i < 4; i++) setup.write(`d${i}.txt`, `Talks ${i}\n\n"We will keep talking, round ${i}," Wang Yi said.\n`);
    await pass(setup, store);
    store.failAfterBatches = 2;
    const logs: string[] = [];
    const run = await pass(setup, store, logs);
    assert.deepEqual(logs, ['damaged']);
    assert.deepEqual(run.report.cached, { restored: 2, parsed: 2 });
    assert.equal(run.indexer.index.size, 4);
    store.failAfterBatches = undefined;
    assert.equal(store.statements.size, 4, 'everything is stored again');
    assert.deepEqual((await pass(setup, store)).report.cached, { restored: 4, parsed: 0 });
  });
});

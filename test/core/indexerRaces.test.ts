import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CorpusIndexer, parseForIndex, type ParsedStatement, type StatementParser } from '../../server/src/core';
import { MemoryHost } from './memoryHost';

const ARTICLE = (words: string) => `Talks\n\n"${words}," Minister Wang Yi told reporters on Monday.\n`;

/** A parser whose results the test releases, in any order, as a worker pool may return them. */
function heldParser(): { parser: StatementParser; held: { uri: string; text: string; release(): void }[] } {
  const held: { uri: string; text: string; release(): void }[] = [];
  const parser: StatementParser = source => new Promise<ParsedStatement>(resolve => held.push({ uri: source.uri, text: source.text, release: () => resolve(parseForIndex(source)) }));
  return { parser, held };
}

const settle = () => new Promise(resolve => setImmediate(resolve));

/** Files deleted or rewritten while they are being indexed, made deterministic by holding the parser. */
describe('CorpusIndexer: files that change while they are being indexed', () => {
  test('a file deleted while its parse is in flight stays deleted', async () => {
    const host = new MemoryHost();
    const { parser, held } = heldParser();
    const indexer = new CorpusIndexer(host, { parser });
    const uri = host.set('doomed.txt', ARTICLE('This file is about to be deleted by its owner'));
    const changed = indexer.fileChanged(uri);
    await settle();
    assert.equal(held.length, 1, 'the parse is in flight');
    host.files.delete(uri);
    assert.equal(indexer.fileDeleted(uri).documents, 0);
    held[0].release();
    const report = await changed;
    assert.equal(indexer.index.get(uri), undefined, 'the late parse does not bring the deleted file back');
    assert.equal(report.documents, 0);
  });

  test('a file rewritten twice: the newest text wins whatever order the parses finish in', async () => {
    const host = new MemoryHost();
    const { parser, held } = heldParser();
    const indexer = new CorpusIndexer(host, { parser });
    const uri = host.set('draft.txt', ARTICLE('The first version of this statement was wrong'));
    const first = indexer.fileChanged(uri);
    await settle();
    host.set('draft.txt', ARTICLE('The second version of this statement is right'));
    const second = indexer.fileChanged(uri);
    await settle();
    assert.equal(held.length, 2);
    held[1].release();
    await second;
    held[0].release();
    await first;
    assert.match(indexer.index.get(uri)!.quotes[0].text, /^The second version/);
  });

  test('a file rewritten during a full pass, between listing and reading, is indexed with its new text', async () => {
    const host = new MemoryHost();
    const a = host.set('a.txt', ARTICLE('The old text of the first file'));
    const b = host.set('b.txt', ARTICLE('The old text of the second file'));
    host.onRead = read => {
      if (read === a) host.set('b.txt', ARTICLE('The new text of the second file, written mid-pass'));
    };
    const indexer = new CorpusIndexer(host);
    const report = await indexer.indexAll();
    assert.equal(report.documents, 2);
    assert.match(indexer.index.get(b)!.quotes[0].text, /^The new text/);
  });

  test('a file deleted right after it was read stays deleted, with or without a parser', async () => {
    for (const mode of ['in this thread', 'parsed here', 'sent to the parser'] as const) {
      const host = new MemoryHost();
      const uri = host.set('withdrawn.txt', ARTICLE('A notice its author withdraws within the hour'));
      const parser: StatementParser | undefined = mode === 'in this thread' ? undefined : async source => parseForIndex(source);
      const indexer = new CorpusIndexer(host, { parser, parseHereUpTo: mode === 'parsed here' ? 10_000 : 0 });
      // The bytes are read, then the deletion's event comes before the pass gets back to them.
      host.onRead = read => {
        if (read === uri) queueMicrotask(() => {
          host.files.delete(uri);
          indexer.fileDeleted(uri);
        });
      };
      await indexer.indexAll();
      assert.equal(indexer.index.get(uri), undefined, `${mode}: the stale read does not bring the file back`);
    }
  });

  test('with parseHereUpTo, one lane of a full pass parses small documents here and sends large ones to the parser', async () => {
    const host = new MemoryHost();
    const sent: string[] = [];
    const parser: StatementParser = async source => {
      sent.push(source.uri);
      await settle(); // a worker answers in a later turn
      return parseForIndex(source);
    };
    const small = Array.from({ length: 12 }, (_, i) => host.set(`small-${i}.txt`, ARTICLE(`Short statement number ${i} on the talks`)));
    const large = host.set('large.txt', ARTICLE(`A long statement ${'on the talks and the trade terms '.repeat(40)}`));
    const indexer = new CorpusIndexer(host, { parser, concurrency: 2, parseHereUpTo: 500 });
    const report = await indexer.indexAll();
    assert.equal(report.documents, 13);
    for (const uri of [...small, large]) assert.ok(indexer.index.get(uri)?.quotes.length, `${uri} is indexed with its quotation`);
    assert.ok(sent.includes(large), 'the large document went to the parser');
    assert.ok(sent.length < 13 && sent.length > 1, `both sides parsed (${sent.length} of 13 sent)`);
  });

  test('without parseHereUpTo every document of a full pass goes to the parser', async () => {
    const host = new MemoryHost();
    const sent: string[] = [];
    const parser: StatementParser = async source => {
      sent.push(source.uri);
      return parseForIndex(source);
    };
    for (let i = 0; i < 5; i++) host.set(`doc-${i}.txt`, ARTICLE(`Statement number ${i} on the talks`));
    await new CorpusIndexer(host, { parser, concurrency: 2 }).indexAll();
    assert.equal(sent.length, 5);
  });
});

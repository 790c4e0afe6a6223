import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CorpusIndexer, type CorpusHost } from '../../server/src/core';
import { MemoryHost } from './memoryHost';

const ARTICLE = (speaker: string, words: string) => `Officials meet\nJune 2, 2024\n\n"${words}," ${speaker} told reporters on Monday.\n`;

describe('hostile corpus files', () => {
  test('sidecars over the size limit are skipped with a message; the documents are still indexed', async () => {
    const host = new MemoryHost();
    host.set('a.md', ARTICLE('Secretary Jane Roe', 'The alliance has never been stronger than it is today'));
    host.set('statements.yaml', `a.md:\n  title: A title from the sidecar\n${'#'.repeat(4096)}\n`);
    host.set('MANIFEST.tsv', `file\ttitle\n${'b.md\tB\n'.repeat(1000)}`);
    host.set('people.yaml', `# ${'x'.repeat(4096)}\n`);
    let readWhole = 0;
    const limited: CorpusHost = {
      listFiles: () => host.listFiles(),
      readFile: async (uri: string, maxBytes?: number) => {
        if (maxBytes === undefined) readWhole++;
        return host.readFile(uri);
      },
    };
    const indexer = new CorpusIndexer(limited, { limits: { maxFileBytes: 1024 } });
    const report = await indexer.indexAll();
    assert.equal(report.documents, 1);
    assert.equal(readWhole, 0, 'every read is given the limit, so a host can refuse before reading');
    for (const name of ['statements.yaml', 'MANIFEST.tsv', 'people.yaml']) {
      assert.match(report.problems.find(p => p.uri.endsWith(name))?.message ?? '', /over the limit.*maxFileSizeMB/, name);
    }
    assert.notEqual(indexer.index.get('memory:///corpus/a.md')!.title.value, 'A title from the sidecar');
  });
});

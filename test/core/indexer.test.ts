import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CorpusIndexer } from '../../server/src/core';
import { MemoryHost } from './memoryHost';

const ARTICLE = (speaker: string, words: string) => `Officials meet\nJune 2, 2024\n\n"${words}," ${speaker} told reporters on Monday.\n`;

describe('CorpusIndexer', () => {
  test('a binary file, bad UTF-8 and half-written front matter are reported; an empty file is skipped silently', async () => {
    const host = new MemoryHost();
    host.set('good.md', ARTICLE('Foreign Minister Wang Yi', 'We will keep talking with every partner who wants peace'));
    host.set('image.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    host.set('latin1.txt', new Uint8Array([...new TextEncoder().encode('Caf'), 0xe9, ...new TextEncoder().encode(' talks\n\n"We agreed on every point of the plan today," Minister Jean Dupont said.')]));
    host.set('half.md', '---\ntitle: Unfinished\ndate: 2024-01-01\n\nThe body never closes its front matter.');
    host.set('empty.txt', '');
    const indexer = new CorpusIndexer(host);
    const report = await indexer.indexAll();
    assert.equal(report.documents, 3, 'all but the binary and the empty file are indexed');
    assert.equal(report.emptyFiles, 1);
    const byUri = (name: string) => report.problems.filter(p => p.uri.endsWith(name)).map(p => p.message).join(' ');
    assert.match(byUri('image.txt'), /binary/i);
    assert.match(byUri('latin1.txt'), /not valid UTF-8/);
    assert.match(byUri('half.md'), /never closes/);
    assert.equal(byUri('empty.txt'), '');
    const good = indexer.index.get('memory:///corpus/good.md')!;
    assert.equal(good.quotes[0].speaker, 'Wang Yi');
    assert.equal(indexer.index.get('memory:///corpus/latin1.txt')!.quotes[0].speaker, 'Jean Dupont');
  });

  test('a file deleted while the pass runs is simply absent; a file over the size limit is skipped with a message', async () => {
    const host = new MemoryHost();
    const doomed = host.set('a.md', ARTICLE('Secretary Jane Roe', 'The alliance has never been stronger than it is today'));
    host.set('b.md', ARTICLE('Ambassador John Doe', 'Our door remains open to dialogue at every level'));
    host.set('big.md', 'x'.repeat(2048));
    host.onRead = uri => {
      if (uri.endsWith('b.md')) host.files.delete(doomed);
    };
    const indexer = new CorpusIndexer(host, { limits: { maxFileBytes: 1024 } });
    const report = await indexer.indexAll();
    assert.ok(indexer.index.get(doomed), 'a.md was read before it was deleted');
    assert.match(report.problems.find(p => p.uri.endsWith('big.md'))!.message, /over the limit/);
    host.onRead = undefined;
    const after = indexer.fileDeleted(doomed);
    assert.equal(after.documents, 1);
  });

  test('an over-long line is not read, said on the file with its line number; the rest of the file is indexed', async () => {
    const host = new MemoryHost();
    const dump = 'Minister Zed Quux said "this is not a real quotation" '.repeat(40);
    const uri = host.set('dump.txt', `Talks in Geneva\n\n"We made real progress on the hardest questions," Secretary Jane Roe said.\n${dump}\n\n"Nothing is agreed until everything is agreed," Secretary Jane Roe said.\n`);
    const indexer = new CorpusIndexer(host, { limits: { maxLineLength: 1000 } });
    const report = await indexer.indexAll();
    const document = indexer.index.get(uri)!;
    assert.deepEqual(document.quotes.map(q => q.text.slice(0, 10)), ['We made re', 'Nothing is']);
    assert.ok(!document.people.some(p => p.name.includes('Quux')), 'the long line is not read for people');
    assert.equal(indexer.index.searchQuotes('not a real quotation', 5).filter(hit => hit.entry.text.includes('real quotation')).length, 0);
    const [problem] = report.problems.filter(p => p.uri === uri);
    assert.equal(problem.severity, 'warning');
    assert.match(problem.message, new RegExp(`^Line 4 \\(${dump.length.toLocaleString('en-US')} characters\\) is over the limit of 1,000 characters \\(setting statementLens\\.corpus\\.maxLineLength\\)`));
    assert.deepEqual(problem.span, { start: document.text.indexOf(dump), end: document.text.indexOf(dump) + dump.length });
    // The default limit leaves such a line alone.
    const unlimited = new CorpusIndexer(host);
    assert.deepEqual((await unlimited.indexAll()).problems, []);
  });

  test('CRLF and lone-CR line ends read like LF: same title, quotation and offsets', async () => {
    const host = new MemoryHost();
    const lf = 'Envoys meet in Lima\n\n"The door to dialogue remains open for anyone who wants it," Ambassador Rosa Pinto said.\n\nThey meet again next week.\n';
    const uris = { lf: host.set('lf.txt', lf), crlf: host.set('crlf.txt', lf.replace(/\n/g, '\r\n')), cr: host.set('cr.txt', lf.replace(/\n/g, '\r')) };
    const indexer = new CorpusIndexer(host);
    await indexer.indexAll();
    for (const [name, uri] of Object.entries(uris)) {
      const document = indexer.index.get(uri)!;
      assert.equal(document.title.value, 'Envoys meet in Lima', name);
      assert.deepEqual(document.quotes.map(q => [q.text, q.speaker]), [['The door to dialogue remains open for anyone who wants it', 'Rosa Pinto']], name);
    }
    assert.deepEqual(indexer.index.get(uris.cr)!.quotes[0].span, indexer.index.get(uris.lf)!.quotes[0].span, 'a lone CR is one character, like LF');
  });

  test('incremental updates: a changed file, a sidecar, an edited open document', async () => {
    const host = new MemoryHost();
    const uri = host.set('talks.txt', 'Talks in Geneva\n\n"We made real progress on the hardest questions," Secretary Jane Roe said.\n');
    const indexer = new CorpusIndexer(host);
    await indexer.indexAll();
    assert.equal(indexer.index.get(uri)!.date.value, null);
    host.set('statements.yaml', 'talks.txt:\n  date: 2022-03-04\n  outlet: Test Wire\n  source: https://example.org/record\n');
    await indexer.fileChanged('memory:///corpus/statements.yaml');
    assert.deepEqual(indexer.index.get(uri)!.date, { value: '2022-03-04', source: 'sidecar' });
    host.set('talks.txt', 'Talks in Geneva\n\n"Nothing is agreed until everything is agreed," Secretary Jane Roe said.\n');
    const report = await indexer.fileChanged(uri);
    assert.equal(report.quotes, 1);
    assert.match(indexer.index.get(uri)!.quotes[0].text, /^Nothing is agreed/);
    indexer.documentEdited(uri, 'Talks in Geneva\n\n"An unsaved edit counts too, as the writer types it," Secretary Jane Roe said.\n');
    assert.match(indexer.index.get(uri)!.quotes[0].text, /^An unsaved edit/);
  });

  test('people across documents: "President Biden" in one document is the Joe Biden of another, roles dated', async () => {
    const host = new MemoryHost();
    host.set('one.md', '---\ndate: 2021-03-01\n---\n\nU.S. President Joe Biden said on Monday that the talks were useful and would continue.\n');
    host.set('two.md', '---\ndate: 2022-05-01\n---\n\n"We stand with our allies in every hour of need," President Biden said.\n');
    const indexer = new CorpusIndexer(host);
    await indexer.indexAll();
    const biden = indexer.index.person('Biden')!;
    assert.equal(biden.name, 'Joe Biden');
    assert.equal(biden.uris.length, 2);
    assert.deepEqual(biden.roles.map(r => [r.title, r.date]), [['President', '2022-05-01'], ['U.S. President', '2021-03-01']]);
    const hits = indexer.index.searchQuotes('speaker:Biden allies', 5);
    assert.equal(hits[0].entry.speaker, 'Joe Biden', 'the quote is filed under the full name');
  });
});

import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, FileChangeType, ShutdownRequest } from 'vscode-languageserver-protocol';
import { DocumentRequest, DocumentsRequest, SearchQuotesRequest } from '../../shared/protocol';
import { initialize, SEEDS, startInProcess, startStdio } from './serverHarness';

const seedUri = (file: string) => pathToFileURL(path.join(SEEDS, file)).toString();

describe('the language server (in-process)', () => {
  const corpus = mkdtempSync(path.join(tmpdir(), 'statement-lens-corpus-'));
  after(() => rmSync(corpus, { recursive: true, force: true }));

  test('indexes the seeds, answers documents, document and search', async () => {
    const client = startInProcess();
    try {
      const indexed = await initialize(client);
      assert.equal(indexed.documents, 5);
      const summaries = await client.connection.sendRequest(DocumentsRequest, {});
      assert.equal(summaries.length, 5);
      const interview = summaries.find(s => s.uri === seedUri('000_320e4d2b8b7a98aa.txt'))!;
      assert.equal(interview.date, '2021-10-01');
      assert.deepEqual(interview.speakers, ['Qin Gang']);
      assert.equal(interview.provenance.date, 'text');
      const detail = await client.connection.sendRequest(DocumentRequest, { uri: interview.uri });
      assert.ok(detail);
      const qin = detail.people.find(p => p.name === 'Qin Gang')!;
      assert.ok(qin.roles.length > 0 && qin.roles.every(role => role.date === '2021-10-01'));
      const quote = detail.quotes.find(q => q.text.startsWith('My job is to shorten'))!;
      assert.equal(quote.speaker, 'Qin Gang');
      assert.equal(quote.range.start.line, 7, 'range in LSP line/character');
      const hits = await client.connection.sendRequest(SearchQuotesRequest, { query: 'shortn this explorng process', limit: 3 });
      assert.equal(hits[0].uri, interview.uri);
      assert.match(hits[0].citation, /Qin Gang told CGTN on 1 October 2021\.$/);
      assert.equal(await client.connection.sendRequest(DocumentRequest, { uri: 'file:///nowhere.txt' }), null);
    } finally {
      await client.close();
    }
  });

  test('a text several documents carry is one search hit whose sources name each document, earliest first', async () => {
    const folder = mkdtempSync(path.join(tmpdir(), 'statement-lens-copies-'));
    const line = '"We will rebuild the harbour at Lorne together," Mayor Iris Vale said.\n';
    writeFileSync(path.join(folder, 'b.md'), `---\ntitle: Second release\ndate: 2022-05-01\n---\n\n${line}`);
    writeFileSync(path.join(folder, 'a.md'), `---\ntitle: First release\ndate: 2020-05-01\n---\n\nAn opening line.\n\n${line}`);
    writeFileSync(path.join(folder, 'c.md'), `---\ntitle: Undated release\n---\n\n${line}`);
    writeFileSync(path.join(folder, 'other.md'), '---\ntitle: Other\ndate: 2021-01-01\n---\n\n"The harbour at Lorne is closed for the winter," Mayor Iris Vale said.\n');
    const client = startInProcess();
    try {
      await initialize(client, { corpusPaths: [folder], includeBundledSeeds: false });
      const hits = await client.connection.sendRequest(SearchQuotesRequest, { query: 'rebuild the harbor at lorne', limit: 5 });
      assert.equal(hits.filter(hit => hit.text.startsWith('We will rebuild')).length, 1);
      const [hit] = hits;
      assert.equal(hit.documentTitle, 'First release');
      assert.deepEqual(hit.sources?.map(source => [path.basename(new URL(source.uri).pathname), source.date, source.documentTitle, source.speaker]), [
        ['a.md', '2020-05-01', 'First release', 'Iris Vale'],
        ['b.md', '2022-05-01', 'Second release', 'Iris Vale'],
        ['c.md', null, 'Undated release', 'Iris Vale'],
      ]);
      assert.deepEqual(hit.sources.map(source => source.range.start.line), [7, 5, 4]);
      assert.deepEqual(hit.sources[0].range, hit.range);
      assert.equal(hits.find(other => other.text.startsWith('The harbour'))?.sources, undefined);
    } finally {
      await client.close();
      rmSync(folder, { recursive: true, force: true });
    }
  });

  test('a corpus folder from initializationOptions, watched-file changes and open-document edits re-index incrementally', async () => {
    const file = path.join(corpus, 'briefing.md');
    writeFileSync(file, '---\ntitle: Briefing\ndate: 2024-02-03\n---\n\n"We are ready to talk at any time and at any level," Spokesperson Mao Ning said.\n');
    const client = startInProcess();
    try {
      const indexed = await initialize(client, { corpusPaths: [corpus], includeBundledSeeds: false });
      assert.deepEqual([indexed.documents, indexed.quotes], [1, 1]);
      const uri = pathToFileURL(file).toString();

      const added = path.join(corpus, 'second.txt');
      writeFileSync(added, 'Second\n\n"The door to dialogue is always open for those who want it," Minister Wang Yi said.\n');
      let next = client.nextIndexed();
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(added).toString(), type: FileChangeType.Created }] });
      assert.equal((await next).documents, 2);

      next = client.nextIndexed();
      unlinkSync(added);
      await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(added).toString(), type: FileChangeType.Deleted }] });
      assert.equal((await next).documents, 1);

      next = client.nextIndexed();
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: '' } });
      await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text: '---\ntitle: Briefing\n---\n\n"First sentence of a longer quotation here," Mao Ning said. "And a second one right after it," she added.\n' }] });
      const edited = await next;
      assert.equal(edited.quotes, 2);
      const detail = await client.connection.sendRequest(DocumentRequest, { uri });
      assert.deepEqual(detail?.quotes.map(q => q.speaker), ['Mao Ning', 'Mao Ning']);
    } finally {
      await client.close();
    }
  });
});

describe('the built server over stdio (as other editors start it)', () => {
  test('node server/out/main.js --stdio answers initialize and lists the five seeds', async () => {
    const client = startStdio();
    try {
      const indexed = await initialize(client);
      assert.equal(indexed.documents, 5);
      const summaries = await client.connection.sendRequest(DocumentsRequest, {});
      assert.deepEqual(summaries.map(s => path.basename(new URL(s.uri).pathname)).sort(), ['000_320e4d2b8b7a98aa.txt', '001_f8739ae2d684661e.txt', '002_b75e0c9e01f78e2c.txt', '003_e40286a65c6de054.txt', '004_4ce518e5b85375c6.txt']);
      await client.connection.sendRequest(ShutdownRequest.type);
    } finally {
      await client.close();
    }
  });
});

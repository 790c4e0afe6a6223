import * as assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, LogMessageNotification, PublishDiagnosticsNotification, type Diagnostic } from 'vscode-languageserver-protocol';
import { DocumentRequest, DocumentsRequest, SearchQuotesRequest, type DocumentSummary, type IndexedParams } from '../../shared/protocol';
import { initialize, startStdio, type TestClient } from '../protocol/serverHarness';
import { CR_QUOTE, CRLF_QUOTE, EMPTY_FILES, LONG_LINE_QUOTE, UTF16_QUOTE, writeHostileCorpus, type HostileCorpus } from './hostileCorpus';

/**
 * The built server (`node server/out/main.js --stdio`, as editors start it) on a generated hostile corpus:
 * it must not crash, must index every good document, and must say something about every bad file.
 */
describe('a hostile corpus through the built server over stdio', { timeout: 120_000 }, () => {
  const root = mkdtempSync(path.join(tmpdir(), 'statement-lens-hostile-'));
  let corpus: HostileCorpus;
  let client: TestClient;
  let indexed: IndexedParams;
  let summaries: DocumentSummary[];
  const logs: string[] = [];
  const diagnostics = new Map<string, Diagnostic[]>();
  const uriOf = (name: string) => pathToFileURL(path.join(root, name)).toString();
  const textOf = (diagnostic: Diagnostic | undefined) => (typeof diagnostic?.message === 'string' ? diagnostic.message : (diagnostic?.message.value ?? ''));

  before(async () => {
    corpus = writeHostileCorpus(root);
    client = startStdio();
    client.connection.onNotification(LogMessageNotification.type, ({ message }) => {
      logs.push(message);
    });
    client.connection.onNotification(PublishDiagnosticsNotification.type, ({ uri, diagnostics: list }) => {
      diagnostics.set(uri, list);
    });
    const started = performance.now();
    indexed = await initialize(client, { corpusPaths: [root], includeBundledSeeds: false });
    console.log(`hostile corpus indexed in ${Math.round(performance.now() - started)} ms: ${JSON.stringify(indexed)}; running as ${corpus.unreadableIsReadable ? 'root (chmod 000 does not stop reading)' : 'a user'}`);
    summaries = await client.connection.sendRequest(DocumentsRequest, {});
  });

  after(async () => {
    await client?.close();
    chmodSync(path.join(root, 'unreadable.txt'), 0o644);
    rmSync(root, { recursive: true, force: true });
  });

  test('every good document is indexed, nothing that should be skipped is', () => {
    const indexedUris = new Set(summaries.map(s => s.uri));
    for (const file of corpus.files) {
      if (file.expect === 'good') assert.ok(indexedUris.has(uriOf(file.name)), `${file.name} is indexed`);
      if (file.expect === 'absent') assert.ok(!indexedUris.has(uriOf(file.name)), `${file.name} is not indexed`);
    }
    const expected = corpus.files.filter(f => f.expect !== 'absent' && !f.name.endsWith('.yaml') && !f.name.endsWith('.tsv') && !f.name.endsWith('loop'));
    assert.equal(indexed.documents, expected.length, `documents: ${[...indexedUris].map(u => path.relative(root, new URL(u).pathname)).join(', ')}`);
  });

  test('every bad file is named in the server log, with the reason, and gets a diagnostic when it is a file', () => {
    for (const file of corpus.files) {
      if (!file.message) continue;
      const full = path.join(root, file.name), uri = uriOf(file.name);
      const named = logs.filter(line => line.includes(full) || line.includes(uri));
      assert.ok(named.some(line => file.message!.test(line.slice(line.indexOf(': ') + 2)) || file.message!.test(line)), `${file.name}: a log line matching ${file.message}; lines naming it: ${JSON.stringify(named.map(l => l.slice(0, 300)))}`);
      if (!file.logOnly) {
        assert.ok(diagnostics.get(uri)?.some(d => file.message!.test(textOf(d))), `${file.name}: a diagnostic matching ${file.message}, got ${JSON.stringify(diagnostics.get(uri))}`);
      }
    }
    // Only bad files get diagnostics.
    const good = new Set(corpus.files.filter(f => f.expect === 'good').map(f => uriOf(f.name)));
    for (const [uri, list] of diagnostics) if (good.has(uri)) assert.deepEqual(list, [], `${uri} is good`);
  });

  test('empty files are no documents: no diagnostic or log line each, one count in the summary', () => {
    assert.deepEqual([...diagnostics.keys()].filter(uri => uri.includes('/empties/') || uri.endsWith('/bad/empty.txt')), []);
    assert.deepEqual(logs.filter(line => line.includes('/empties/')), []);
    assert.ok(logs.some(line => line.includes(`${EMPTY_FILES + 2} empty files skipped`)), logs.filter(line => line.startsWith('Indexed')).join('\n'));
  });

  test('UTF-16, CRLF and lone-CR documents are read with the right content, titles and ranges', async () => {
    const cases = [
      { name: 'encodings/utf16.txt', title: 'Trade talks in Geneva', quote: UTF16_QUOTE, speaker: 'Ana Sousa' },
      { name: 'encodings/crlf.txt', title: 'Ministers meet in Oslo', quote: CRLF_QUOTE, speaker: 'Kari Berg' },
      { name: 'encodings/cr.txt', title: 'Envoys meet in Lima', quote: CR_QUOTE, speaker: 'Rosa Pinto' },
    ];
    for (const expected of cases) {
      const detail = await client.connection.sendRequest(DocumentRequest, { uri: uriOf(expected.name) });
      assert.ok(detail, expected.name);
      assert.equal(detail.title, expected.title, `${expected.name}: title`);
      assert.deepEqual(detail.quotes.map(q => [q.text, q.speaker]), [[expected.quote, expected.speaker]], `${expected.name}: quotes`);
      // The quotation is on the third line (line 2), after the title and a blank line, one character in.
      assert.deepEqual(detail.quotes[0].range.start, { line: 2, character: 1 }, `${expected.name}: range`);
      assert.ok(detail.people.some(p => p.name === expected.speaker), `${expected.name}: ${expected.speaker} is a person of the document`);
    }
  });

  test('the rest of a file with a 1 MB line is indexed; pathological quotation marks are read in bounded form', async () => {
    const long = await client.connection.sendRequest(DocumentRequest, { uri: uriOf('big/one-megabyte-line.txt') });
    assert.deepEqual(long?.quotes.map(q => q.text), [LONG_LINE_QUOTE]);
    assert.ok(!long.people.some(p => p.name.includes('Quux')));
    const hits = await client.connection.sendRequest(SearchQuotesRequest, { query: 'rest of the file from being read' });
    assert.equal(hits[0]?.uri, uriOf('big/one-megabyte-line.txt'));
    // Quotation marks nested 4,000 deep are not paired back to the outermost quotation (a known limit); what
    // counts is that the document is indexed, quickly, with no more quotations than there are closing marks.
    const nested = await client.connection.sendRequest(DocumentRequest, { uri: uriOf('quotes/nested.txt') });
    assert.ok(nested);
    assert.ok(nested.quotes.length <= 2000, `nested: ${nested.quotes.length} quotations`);
    const unclosed = await client.connection.sendRequest(DocumentRequest, { uri: uriOf('quotes/unclosed.txt') });
    assert.ok(unclosed);
    assert.ok(unclosed.quotes.length <= 1, `unclosed marks make at most one quotation, got ${unclosed.quotes.length}`);
  });

  test('a change notification for the pipe, a vanished file and a rewritten file: no hang, the index follows the disk', async () => {
    let next = client.nextIndexed();
    writeFileSync(path.join(root, 'bad/empty.txt'), `Now written\n\n"The file is no longer empty," Minister Wang Yi told reporters on Monday.\n`);
    rmSync(path.join(root, 'sidecar-yaml/talks.txt'));
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [
        { uri: uriOf('pipe.txt'), type: FileChangeType.Changed },
        { uri: uriOf('bad/empty.txt'), type: FileChangeType.Changed },
        { uri: uriOf('sidecar-yaml/talks.txt'), type: FileChangeType.Changed },
      ],
    });
    const after = await next;
    assert.equal(after.documents, indexed.documents, 'the vanished file left the index, the once-empty file joined it');
    const empty = await client.connection.sendRequest(DocumentRequest, { uri: uriOf('bad/empty.txt') });
    assert.equal(empty?.quotes[0]?.text, 'The file is no longer empty');
    assert.ok(!diagnostics.get(uriOf('bad/empty.txt'))?.length, 'no diagnostic on it');
    next = client.nextIndexed();
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('big/fifty-megabytes.txt'), type: FileChangeType.Changed }] });
    await next;
    assert.match(textOf(diagnostics.get(uriOf('big/fifty-megabytes.txt'))?.[0]), /over the limit/);
  });
});

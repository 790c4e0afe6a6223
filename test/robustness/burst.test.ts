import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  CancellationTokenSource,
  DidChangeWatchedFilesNotification,
  DidOpenTextDocumentNotification,
  FileChangeType,
  HoverRequest,
  LSPErrorCodes,
  ReferencesRequest,
  RegistrationRequest,
  ResponseError,
  type FileEvent,
  type Position,
} from 'vscode-languageserver-protocol';
import { DocumentRequest, DocumentsRequest, ReindexRequest, RelatedStatementsRequest, SearchQuotesRequest } from '../../shared/protocol';
import { initialize, SEEDS, startStdio, type TestClient } from '../protocol/serverHarness';

const DRAFT = 'Qin Gang and Wang Yi met Antony Blinken in Beijing, and the talks went on late.\n';
const NAMES = ['Qin Gang', 'Wang Yi', 'Blinken'];
const QUERIES = ['shortn this explorng process', 'right track', 'decoupling confrontation', 'speaker:"Qin Gang" relations', 'mutual respect peaceful coexistence', 'the door to dialogue'];
const GENERATED = 300;

const article = (i: number, version = 1) =>
  `Statement ${i}\n\n"Our partners number ${i} and we will talk about trade route ${i * 7} again (version ${version})," Minister Ola Nord${i % 5} told reporters.\n\n` +
  `The talks on item ${i} touched on shipping, climate and the right track for relations.\n`;

/** The server's resident set size in MB, from /proc (Linux); undefined elsewhere. */
function rssMB(pid: number | undefined): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

const isCancelled = (error: unknown) => error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled;

/**
 * A thousand hover, quote search, references and related-statement requests at once, while corpus files are
 * created, rewritten and deleted, over the built server's stdio: every request is answered, cancelled ones
 * stop, and the server answers normally afterwards.
 */
describe('a burst of requests while the corpus changes (built server over stdio)', { timeout: 180_000 }, () => {
  const root = mkdtempSync(path.join(tmpdir(), 'statement-lens-burst-'));
  const corpus = path.join(root, 'corpus');
  const draftUri = pathToFileURL(path.join(root, 'draft.md')).toString();
  const generatedUri = (i: number) => pathToFileURL(path.join(corpus, 'generated', `${i}.txt`)).toString();
  let client: TestClient;
  let seedDocuments = 0;
  const namePosition = (name: string): Position => ({ line: 0, character: DRAFT.indexOf(name) + 1 });

  /** One request of the mix, by number: hover, search, references and related statements in turn. */
  const request = (i: number, token?: CancellationTokenSource) => {
    const position = namePosition(NAMES[i % NAMES.length]);
    switch (i % 4) {
      case 0:
        return client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: draftUri }, position }, token?.token);
      case 1:
        return client.connection.sendRequest(SearchQuotesRequest, { query: QUERIES[i % QUERIES.length], limit: 20 }, token?.token);
      case 2:
        return client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: draftUri }, position, context: { includeDeclaration: true } }, token?.token);
      default:
        return client.connection.sendRequest(RelatedStatementsRequest, { text: 'getting the relationship back on the right track', limit: 10 }, token?.token);
    }
  };

  /** What a non-cancelled answer must hold: the seeds stay in the corpus throughout. */
  const assertAnswer = (i: number, result: unknown) => {
    if (i % 4 === 0) assert.ok(result && typeof result === 'object' && 'contents' in result, `hover ${i} on ${NAMES[i % NAMES.length]}: ${JSON.stringify(result)}`);
    else assert.ok(Array.isArray(result) && result.length > 0, `request ${i} (${['hover', 'search', 'references', 'related'][i % 4]}): ${JSON.stringify(result)?.slice(0, 200)}`);
  };

  before(async () => {
    mkdirSync(path.join(corpus, 'seeds'), { recursive: true });
    mkdirSync(path.join(corpus, 'generated'), { recursive: true });
    for (const seed of readdirSync(SEEDS)) copyFileSync(path.join(SEEDS, seed), path.join(corpus, 'seeds', seed));
    seedDocuments = readdirSync(SEEDS).filter(name => name.endsWith('.txt')).length;
    for (let i = 0; i < GENERATED; i++) writeFileSync(path.join(corpus, 'generated', `${i}.txt`), article(i));
    writeFileSync(path.join(root, 'draft.md'), DRAFT);
    // A large export beside the drafts: references read the workspace's drafts, and must not read this one.
    writeFileSync(path.join(root, 'export.md'), Buffer.alloc(25 * 1024 * 1024, 'Qin Gang said nothing here. '));
    client = startStdio();
    const indexed = await initialize(client, { corpusPaths: [corpus], includeBundledSeeds: false, workspace: root });
    assert.equal(indexed.documents, seedDocuments + GENERATED);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: draftUri, languageId: 'markdown', version: 1, text: DRAFT } });
    for (let i = 0; i < 4 * NAMES.length; i++) assertAnswer(i, await request(i));
  });

  after(async () => {
    await client?.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('requests cancelled while they wait for the index are answered "cancelled" and do no work; the others get results', async () => {
    // The server's reindex waits for the client to accept its file-watcher registration; holding that answer
    // keeps the index busy until every request and every cancellation below has reached the server.
    let release!: () => void;
    const held = new Promise<void>(resolve => (release = resolve));
    client.connection.onRequest(RegistrationRequest.type, () => held);
    const reindexed = client.connection.sendRequest(ReindexRequest, {});
    const sources = Array.from({ length: 200 }, () => new CancellationTokenSource());
    const answers = sources.map((source, i) => request(i, source).then(result => ({ result }), (error: unknown) => ({ error })));
    sources.forEach((source, i) => i % 2 === 1 && source.cancel());
    // A request after the cancellations, answered only once the index is ready: by then they were all read.
    const documents = client.connection.sendRequest(DocumentsRequest, {});
    release();
    client.connection.onRequest(RegistrationRequest.type, () => undefined);
    await reindexed;
    assert.equal((await documents).length, seedDocuments + GENERATED);
    const settled = await Promise.all(answers);
    settled.forEach((answer, i) => {
      if (i % 2 === 1) assert.ok('error' in answer && isCancelled(answer.error), `cancelled request ${i} answers RequestCancelled, got ${JSON.stringify(answer).slice(0, 200)}`);
      else if ('error' in answer) assert.fail(`request ${i} failed: ${String(answer.error)}`);
      else assertAnswer(i, answer.result);
    });
  });

  test('1,000 requests at once while files are created, rewritten and deleted: all answered, no crash, the index follows the disk', async () => {
    // Counts `indexed` notifications from here on (nextIndexed is re-armed before the next message arrives).
    let announced = 0, counting = true;
    void (async () => {
      while (counting) {
        await client.nextIndexed();
        announced++;
      }
    })();
    let batches = 0;
    const rssBefore = rssMB(client.pid);
    const started = performance.now();
    const live = new Set(Array.from({ length: GENERATED }, (_, i) => i));
    let created = GENERATED;
    const notifications: Promise<void>[] = [];
    const sources: (CancellationTokenSource | undefined)[] = [];
    const answers: Promise<{ result: unknown } | { error: unknown }>[] = [];
    for (let i = 0; i < 1000; i++) {
      const source = i % 10 === 9 ? new CancellationTokenSource() : undefined;
      sources.push(source);
      answers.push(request(i, source).then(result => ({ result }), (error: unknown) => ({ error })));
      source?.cancel();
      if (i % 20 === 10) {
        // Every 20 requests: a new file, a rewritten one and a deleted one, in one watcher batch.
        const changes: FileEvent[] = [];
        const fresh = created++;
        writeFileSync(path.join(corpus, 'generated', `${fresh}.txt`), article(fresh));
        changes.push({ uri: generatedUri(fresh), type: FileChangeType.Created });
        const [rewritten, deleted] = [...live].slice(i % 7, i % 7 + 2);
        writeFileSync(path.join(corpus, 'generated', `${rewritten}.txt`), article(rewritten, i));
        changes.push({ uri: generatedUri(rewritten), type: FileChangeType.Changed });
        unlinkSync(path.join(corpus, 'generated', `${deleted}.txt`));
        live.delete(deleted);
        changes.push({ uri: generatedUri(deleted), type: FileChangeType.Deleted });
        live.add(fresh);
        batches++;
        notifications.push(client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes }));
      }
    }
    await Promise.all(notifications);
    const settled = await Promise.all(answers);
    const wall = performance.now() - started;
    // Watcher batches are merged per file and applied once per interval (fileEvents.ts): fewer announcements
    // than batches; the index has caught up when it holds exactly the files on disk (checked below).
    while (announced < 1) await new Promise(resolve => setTimeout(resolve, 20));
    counting = false;
    const rssAfter = rssMB(client.pid);

    let cancelledAnswers = 0;
    settled.forEach((answer, i) => {
      if ('error' in answer) {
        assert.ok(sources[i] && isCancelled(answer.error), `request ${i} failed: ${String(answer.error)}`);
        cancelledAnswers++;
      } else {
        assertAnswer(i, answer.result);
      }
    });
    const followUp = performance.now();
    let summaries = await client.connection.sendRequest(DocumentsRequest, {});
    const followUpMs = performance.now() - followUp;
    const expected = new Set([...readdirSync(path.join(corpus, 'generated')).map(name => pathToFileURL(path.join(corpus, 'generated', name)).toString())]);
    const generatedOf = (list: typeof summaries) => new Set(list.map(s => s.uri).filter(uri => uri.includes('/generated/')));
    for (let waited = 0; waited < 10_000 && [...generatedOf(summaries)].sort().join() !== [...expected].sort().join(); waited += 50) {
      await new Promise(resolve => setTimeout(resolve, 50));
      summaries = await client.connection.sendRequest(DocumentsRequest, {});
    }
    console.log(
      `burst: 1000 requests (${sources.filter(Boolean).length} cancelled by the client, ${cancelledAnswers} answered "cancelled") and ${batches} watcher batches ` +
        `(${batches} files created, ${batches} rewritten, ${batches} deleted) in ${Math.round(wall)} ms; next request answered in ${Math.round(followUpMs)} ms; ` +
        `server RSS ${rssBefore ?? 'n/a'} MB before, ${rssAfter ?? 'n/a'} MB after`,
    );
    const indexedGenerated = generatedOf(summaries);
    assert.deepEqual([...indexedGenerated].sort(), [...expected].sort(), 'the index holds exactly the files on disk');
    assert.equal(summaries.length, seedDocuments + live.size);
    // The rewritten files are indexed with their last text.
    for (const uri of indexedGenerated) {
      const version = /\(version (\d+)\)/.exec(readFileSync(new URL(uri), 'utf8'))![1];
      const detail = await client.connection.sendRequest(DocumentRequest, { uri });
      assert.ok(detail?.quotes[0]?.text.includes(`(version ${version})`), `${path.basename(uri)} is indexed at version ${version}: ${detail?.quotes[0]?.text}`);
    }
  });
});

import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, PublishDiagnosticsNotification, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { SearchQuotesRequest } from '../../shared/protocol';
import { initialize, startStdio, type TestClient } from '../protocol/serverHarness';

/** The server's resident set size in MB, from /proc (Linux). */
const rssMB = (pid: number | undefined) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

const MB = 1024 * 1024;
const NARRATION = 'The delegations met again in the afternoon and talked about shipping routes, grain, ports and the weather. ';
/** A seed quotation (Le Yucheng, China Daily): each one is looked up in the corpus. */
const QUOTED = 'No matter how difficult and complex the issues may be, they should be put on the table';

/** About `bytes` of draft: narration, and every `every` paragraphs a quotation given to a speaker the seeds know. */
function draft(bytes: number, tag: string, every: number): string {
  const paragraphs: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const paragraph = i % every === every - 1 ? `Le Yucheng said "${QUOTED} ${tag} ${i}."` : `${tag} ${i}. ${NARRATION.repeat(8)}`;
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }
  return paragraphs.join('\n\n');
}

/**
 * Drafts as large as a careless paste, many at once (issue 16: 1,000 didOpen of 1 MB drafts made a search wait
 * 43 s, and the server's memory stayed at 1.1 GB after didClose). Scaled to CI time: 100 drafts of 1 MB. The
 * checks run a slice at a time behind requests, stop when their draft closes, and nothing of a closed draft
 * is kept.
 */
describe('large drafts do not block requests, and closing them gives their memory back (built server over stdio)', { timeout: 240_000 }, () => {
  let client: TestClient;
  const diagnostics = new Map<string, PublishDiagnosticsParams>();
  const diagnosed: ((params: PublishDiagnosticsParams) => void)[] = [];
  const search = async () => {
    const started = performance.now();
    const hits = await client.connection.sendRequest(SearchQuotesRequest, { query: 'back on the right track', limit: 5 });
    assert.ok(hits.length > 0);
    return performance.now() - started;
  };

  before(async () => {
    client = startStdio();
    client.connection.onNotification(PublishDiagnosticsNotification.type, params => {
      diagnostics.set(params.uri, params);
      diagnosed.forEach(listener => listener(params));
    });
    await initialize(client);
  });
  after(() => client.close());

  test('100 drafts of 1 MB: searches stay fast while they are opened and checked, and memory returns after didClose', async () => {
    for (let i = 0; i < 5; i++) await search();
    const baseline = rssMB(client.pid);
    const uris = Array.from({ length: 100 }, (_, i) => `file:///tmp/statement-lens-drafts/paste-${i}.md`);
    const waits: number[] = [];
    for (const [i, uri] of uris.entries()) {
      await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: draft(MB, `paste ${i}`, 40) } });
      if (i % 10 === 9) waits.push(await search());
    }
    // The checks of the drafts opened last are due now: searches still come first.
    await new Promise(resolve => setTimeout(resolve, 400));
    for (let i = 0; i < 10; i++) waits.push(await search());
    const open = rssMB(client.pid);
    for (const uri of uris) await client.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    waits.push(await search());
    // A few idle seconds, as an editor left alone would have.
    await new Promise(resolve => setTimeout(resolve, 2500));
    for (let i = 0; i < 3; i++) await search();
    const closed = rssMB(client.pid);
    const slowest = Math.max(...waits);
    assert.ok(slowest < 2000, `a search waited ${Math.round(slowest)} ms while 100 MB of drafts were opened and checked`);
    assert.ok(closed - baseline < 100, `RSS ${Math.round(baseline)} MB before, ${Math.round(open)} MB with the drafts open, ${Math.round(closed)} MB after closing them`);
  });

  test('a 1 MB draft of 8,000 quotations is checked in bounded time, with searches answered meanwhile', async () => {
    const uri = 'file:///tmp/statement-lens-drafts/long.md';
    const text = draft(MB, 'long', 1);
    const published = new Promise<PublishDiagnosticsParams>(resolve => diagnosed.push(params => params.uri === uri && resolve(params)));
    const started = performance.now();
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const waits: number[] = [];
    let done = false;
    void published.then(() => (done = true));
    while (!done && performance.now() - started < 90_000) {
      waits.push(await search());
      await new Promise(resolve => setTimeout(resolve, 50));
    }
    const { diagnostics: found } = await published;
    const took = performance.now() - started;
    assert.ok(took < 90_000, `checked in ${Math.round(took)} ms`);
    // Every quotation is the seed's words with two added: each one checked is reported, up to the per-draft bound.
    assert.ok(found.length >= 300, `${found.length} diagnostics`);
    const slowest = Math.max(...waits);
    assert.ok(slowest < 1000, `a search waited ${Math.round(slowest)} ms while the draft was checked (${waits.length} searches, check ${Math.round(took)} ms)`);
  });
});

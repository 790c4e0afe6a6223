import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  DidOpenTextDocumentNotification,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ReferencesRequest,
  ShutdownRequest,
  WorkspaceSymbolRequest,
  type Location,
  type Position,
} from 'vscode-languageserver-protocol';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-languageserver-protocol/node';
import { IndexedNotification, SearchQuotesRequest } from '../shared/protocol';
import { CORPORA } from './indexCorpora';
import { ms, percentile } from './stats';

const NAMES = ['President Biden', 'Blinken', 'Harris', 'Trump', 'Jake Sullivan', 'Ned Price', 'Xi Jinping', 'Zelenskyy'];
const QUERIES = ['back on the right track', 'shortn this explorng process', 'mutual respect peaceful coexistence', 'we will not back down', 'speaker:"Blinken" alliance', 'the door to dialogue remains open', 'climate crisis existential threat', 'build back better'];
const SYMBOL_QUERIES = ['Blinken', 'climate', 'Sullivan', 'trade'];

/** The server's resident set size in MB, from /proc (Linux). */
function rssMB(pid: number | undefined): number | undefined {
  try {
    const kb = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The built server over stdio on all of ../shared/corpora, as an editor drives it: references on the most
 * mentioned names (with and without a partial-result token), then a closed loop of mixed requests with 16 in
 * flight (hover, quote search, references, completion, workspace symbols), per kind p50/p95. Then the first
 * quote check of a 5,000-word draft opened right after indexing, timed to its diagnostics.
 * REQUESTS_CORPUS points it at another corpus folder; SERVER_NODE_ARGS adds node flags (`--cpu-prof`);
 * REQUESTS_BEFORE runs the same on another build first (its server/out/main.js), for figures side by side.
 */
export async function benchRequests(draftText?: string): Promise<void> {
  // REQUESTS_BEFORE=<another build's server/out/main.js>: the same measures on it first, in the same run.
  const before = process.env.REQUESTS_BEFORE;
  if (before) {
    console.log(`### ${before}`);
    await benchServer(before, draftText);
    console.log(`### this build`);
  }
  await benchServer(path.resolve(__dirname, '..', 'server', 'out', 'main.js'), draftText);
}

async function benchServer(serverMain: string, draftText?: string): Promise<void> {
  const workspace = mkdtempSync(path.join(tmpdir(), 'statement-lens-bench-'));
  const draftPath = path.join(workspace, 'draft.md');
  const lines = NAMES.map(name => `Today ${name} said "the talks went on` + ' late' + `" and left.`);
  const draft = lines.join('\n') + '\n';
  writeFileSync(draftPath, draft);
  const draftUri = pathToFileURL(draftPath).toString();
  const corpus = process.env.REQUESTS_CORPUS ?? CORPORA;
  const serverArgs = process.env.SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, ['--max-old-space-size=8192', ...serverArgs, serverMain, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection: MessageConnection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  const diagnosed = new Map<string, () => void>();
  connection.onNotification(PublishDiagnosticsNotification.type, ({ uri }) => diagnosed.get(uri)?.());
  connection.onRequest('client/registerCapability', () => undefined);
  connection.onRequest('window/workDoneProgress/create', () => undefined);
  connection.onNotification('window/logMessage', () => undefined);
  connection.onNotification('window/showMessage', () => undefined);
  connection.listen();
  try {
    const indexed = new Promise<{ documents: number; durationMs: number }>(resolve => connection.onNotification(IndexedNotification, resolve));
    let started = performance.now();
    await connection.sendRequest(InitializeRequest.type, {
      processId: null,
      rootUri: pathToFileURL(workspace).toString(),
      workspaceFolders: [{ uri: pathToFileURL(workspace).toString(), name: 'bench' }],
      capabilities: { window: { workDoneProgress: true }, workspace: { configuration: false } },
      initializationOptions: { corpusPaths: [corpus], includeBundledSeeds: false },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    const { documents } = await indexed;
    console.log(`server indexed ${documents} documents in ${((performance.now() - started) / 1000).toFixed(1)} s; RSS ${rssMB(child.pid)} MB`);

    if (draftText) {
      // The first check of a long draft, right after indexing, timed to its diagnostics as the editor sees them.
      const uri = pathToFileURL(path.join(workspace, 'long-draft.md')).toString();
      const published = new Promise<void>(resolve => diagnosed.set(uri, resolve));
      started = performance.now();
      await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: draftText } });
      await published;
      console.log(`first quote check of a ${draftText.split(/\s+/).length}-word draft after indexing, open → diagnostics: ${ms(performance.now() - started)} (includes the 300 ms debounce)`);
    }

    await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: draftUri, languageId: 'markdown', version: 1, text: draft } });
    const at = (line: number): Position => ({ line, character: lines[line].indexOf(NAMES[line]) + 1 });
    const time = async (run: () => Promise<unknown>) => {
      const begun = performance.now();
      const result = await run();
      return { elapsed: performance.now() - begun, result };
    };
    const references = (line: number, partial?: string) =>
      connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: draftUri }, position: at(line), context: { includeDeclaration: true }, ...(partial ? { partialResultToken: partial } : {}) });

    // References, one at a time: how long until the answer, and for a streaming client until the first batch.
    const plain: number[] = [], first: number[] = [], streamed: number[] = [];
    const counts: string[] = [];
    for (let round = 0; round < 3; round++) {
      for (let line = 0; line < NAMES.length; line++) {
        const { elapsed, result } = await time(() => references(line));
        plain.push(elapsed);
        if (round === 0) counts.push(`${NAMES[line]} ${(result as Location[]).length}`);
        const token = `refs-${round}-${line}`;
        let firstAt: number | undefined, total = 0;
        const begun = performance.now();
        const listener = connection.onProgress(ReferencesRequest.type, token, batch => {
          firstAt ??= performance.now() - begun;
          total += batch.length;
        });
        const final = (await references(line, token)) as Location[];
        streamed.push(performance.now() - begun);
        first.push(firstAt ?? performance.now() - begun);
        listener.dispose();
        if (round === 0) counts.push(`(streamed ${total + final.length})`);
      }
    }
    console.log(`references returned: ${counts.join(' ')}`);
    console.log(`references, no partial-result token    p50 ${ms(percentile(plain, 50))}, p95 ${ms(percentile(plain, 95))}, max ${ms(Math.max(...plain))} (${plain.length} requests)`);
    console.log(`references, partial results: first batch p50 ${ms(percentile(first, 50))}, p95 ${ms(percentile(first, 95))}; all p50 ${ms(percentile(streamed, 50))}, p95 ${ms(percentile(streamed, 95))}`);

    // Mixed load: a closed loop with 16 requests in flight.
    const total = Number(process.env.MIXED_REQUESTS ?? 800);
    const kinds = ['hover', 'search', 'references', 'completion', 'symbols'] as const;
    const times = new Map<string, number[]>(kinds.map(kind => [kind, []]));
    let next = 0;
    const one = (i: number): Promise<unknown> => {
      const line = i % NAMES.length;
      switch (kinds[i % kinds.length]) {
        case 'hover':
          return connection.sendRequest(HoverRequest.type, { textDocument: { uri: draftUri }, position: at(line) });
        case 'search':
          return connection.sendRequest(SearchQuotesRequest, { query: QUERIES[i % QUERIES.length], limit: 20 });
        case 'references':
          return references(line);
        case 'completion':
          return connection.sendRequest(CompletionRequest.type, { textDocument: { uri: draftUri }, position: { line, character: lines[line].indexOf('late') } });
        default:
          return connection.sendRequest(WorkspaceSymbolRequest.type, { query: SYMBOL_QUERIES[i % SYMBOL_QUERIES.length] });
      }
    };
    const loop = async () => {
      while (next < total) {
        const i = next++;
        const { elapsed } = await time(() => one(i));
        times.get(kinds[i % kinds.length])!.push(elapsed);
      }
    };
    started = performance.now();
    const cpuBefore = process.cpuUsage();
    await Promise.all(Array.from({ length: 16 }, loop));
    const wall = performance.now() - started;
    const all = [...times.values()].flat();
    console.log(`mixed load, ${total} requests at 16 in flight: ${(wall / 1000).toFixed(1)} s wall (bench client CPU ${((process.cpuUsage(cpuBefore).user + process.cpuUsage(cpuBefore).system) / 1e6).toFixed(1)} s); all p50 ${ms(percentile(all, 50))}, p95 ${ms(percentile(all, 95))}`);
    for (const [kind, values] of times) console.log(`  ${kind.padEnd(11)} p50 ${ms(percentile(values, 50))}, p95 ${ms(percentile(values, 95))}, max ${ms(Math.max(...values))} (${values.length})`);
    console.log(`server RSS after: ${rssMB(child.pid)} MB`);
    await connection.sendRequest(ShutdownRequest.type);
    const exited = new Promise(resolve => child.once('exit', resolve));
    await connection.sendNotification(ExitNotification.type);
    // A server run with --cpu-prof writes its profile as it exits.
    await Promise.race([exited, new Promise(resolve => setTimeout(resolve, 10_000))]);
  } finally {
    connection.dispose();
    child.kill();
    rmSync(workspace, { recursive: true, force: true });
  }
}

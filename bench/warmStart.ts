/**
 * Start-up of the built server (`node server/out/main.js --stdio`) on ../shared/corpora, cold (empty index
 * cache) and warm (the cache the cold run wrote): wall and CPU time from spawn to the first hover and search
 * answers, to the first answers with content, to the complete index, and to `shutdown` answered (the cache
 * complete on disk). CPU is the server process's user + system time (all its threads), from /proc.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';
import { ConfigurationRequest, DidOpenTextDocumentNotification, ExitNotification, HoverRequest, InitializedNotification, InitializeRequest, RegistrationRequest, ShutdownRequest, WorkDoneProgressCreateRequest, type Hover } from 'vscode-languageserver-protocol';
import { IndexedNotification, SearchQuotesRequest } from '../shared/protocol';
import { CORPORA } from './indexCorpora';

const SERVER = path.resolve(__dirname, '..', 'server', 'out', 'main.js');
const DRAFT = 'Secretary Blinken said the talks were useful.';
const QUERY = 'shorten this exploring process';
const TICKS_PER_SECOND = 100;

interface Moment {
  wallMs: number;
  cpuMs: number;
  /** The latest progress message when it happened ("1200/12538 documents from the cache …"). */
  progress: string;
}

interface StartUp {
  firstHover: Moment;
  firstSearch: Moment;
  hoverWithCard?: Moment;
  searchWithHits?: Moment;
  indexed: Moment & { documents: number };
  shutdownAnswered: Moment;
  peakRssMB: number;
}

/** CPU time (user + system, every thread) of a process so far. */
function cpuMsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND) * 1000;
}

const peakRssMBOf = (pid: number) => Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

async function startUp(cacheDirectory: string): Promise<StartUp> {
  const started = performance.now();
  const child = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const pid = child.pid!;
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  let progress = '';
  const moment = (): Moment => ({ wallMs: performance.now() - started, cpuMs: cpuMsOf(pid), progress });
  connection.onRequest(RegistrationRequest.type, () => undefined);
  connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
  connection.onRequest(ConfigurationRequest.type, params => params.items.map(() => null));
  connection.onNotification('$/progress', (params: { token: string | number; value: { kind: string; message?: string } }) => {
    if (params.value.message) progress = params.value.message;
  });
  let indexed: (Moment & { documents: number }) | undefined;
  let peakRssMB = 0;
  const whenIndexed = new Promise<void>(resolve =>
    connection.onNotification(IndexedNotification, params => {
      indexed ??= { ...moment(), documents: params.documents };
      peakRssMB = peakRssMBOf(pid);
      resolve();
    }),
  );
  connection.listen();
  const workspace = mkdtempSync(path.join(tmpdir(), 'sl-warm-'));
  await connection.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(workspace).toString(),
    workspaceFolders: [{ uri: pathToFileURL(workspace).toString(), name: 'drafts' }],
    capabilities: { window: { workDoneProgress: true } },
    initializationOptions: { corpusPaths: [CORPORA], includeBundledSeeds: false, cacheDirectory },
  });
  await connection.sendNotification(InitializedNotification.type, {});
  const draft = pathToFileURL(path.join(workspace, 'draft.md')).toString();
  await connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: draft, languageId: 'markdown', version: 1, text: DRAFT } });

  // Ask again until an answer has content (or the index is complete): what a writer hovering at start-up sees.
  const ask = async <T>(request: () => Promise<T>, hasContent: (answer: T) => boolean) => {
    let first: Moment | undefined, withContent: Moment | undefined;
    for (;;) {
      const answer = await request();
      first ??= moment();
      if (hasContent(answer)) return { first, withContent: (withContent = moment()) };
      if (indexed) return { first, withContent };
      await new Promise(resolve => setTimeout(resolve, 50));
    }
  };
  const [hover, search] = await Promise.all([
    ask(() => connection.sendRequest(HoverRequest.type, { textDocument: { uri: draft }, position: { line: 0, character: DRAFT.indexOf('Blinken') + 2 } }), (answer: Hover | null) => answer !== null),
    ask(() => connection.sendRequest(SearchQuotesRequest, { query: QUERY, limit: 10 }), hits => hits.length > 0),
  ]);
  await whenIndexed;
  await connection.sendRequest(ShutdownRequest.type);
  const shutdownAnswered = moment();
  await connection.sendNotification(ExitNotification.type);
  await new Promise(resolve => child.once('exit', resolve));
  connection.dispose();
  rmSync(workspace, { recursive: true, force: true });
  return { firstHover: hover.first, firstSearch: search.first, hoverWithCard: hover.withContent, searchWithHits: search.withContent, indexed: indexed!, shutdownAnswered, peakRssMB };
}

export async function benchWarmStart(): Promise<void> {
  const cacheDirectory = process.env.WARM_CACHE ?? mkdtempSync(path.join(tmpdir(), 'sl-cache-'));
  const keep = !!process.env.WARM_CACHE;
  const runs: [string, StartUp][] = [];
  // WARM_CACHE=<dir> with a cache already written skips the cold run.
  if (!keep) runs.push(['cold (empty cache)', await startUp(cacheDirectory)]);
  runs.push(['warm (cache of the cold run)', await startUp(cacheDirectory)]);
  runs.push(['warm, second time', await startUp(cacheDirectory)]);
  const cell = (m: Moment | undefined) => (m ? `${(m.wallMs / 1000).toFixed(2)} s wall, ${(m.cpuMs / 1000).toFixed(2)} s CPU` : '—');
  const rows: [string, (run: StartUp) => string][] = [
    ['first hover answered', run => `${cell(run.firstHover)} [${run.firstHover.progress || 'no progress yet'}]`],
    ['first search answered', run => `${cell(run.firstSearch)} [${run.firstSearch.progress || 'no progress yet'}]`],
    ['first hover with a card', run => `${cell(run.hoverWithCard)}${run.hoverWithCard ? ` [${run.hoverWithCard.progress}]` : ''}`],
    ['first search with hits', run => `${cell(run.searchWithHits)}${run.searchWithHits ? ` [${run.searchWithHits.progress}]` : ''}`],
    ['index complete (statementLens/indexed)', run => `${cell(run.indexed)}, ${run.indexed.documents} documents`],
    ['shutdown answered (cache on disk)', run => cell(run.shutdownAnswered)],
    ['peak RSS at indexed', run => `${run.peakRssMB.toFixed(0)} MB`],
  ];
  for (const [label, run] of runs) {
    console.log(`\n${label}:`);
    for (const [name, value] of rows) console.log(`  ${name.padEnd(40)} ${value(run)}`);
  }
  if (!keep) rmSync(cacheDirectory, { recursive: true, force: true });
}

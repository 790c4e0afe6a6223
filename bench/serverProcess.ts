import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';

const SERVER = path.resolve(__dirname, '..', 'server', 'out', 'main.js');

/** utime + stime of a /proc stat file (fields 14 and 15, in clock ticks: 100 per second on Linux), in seconds. */
function cpuOf(statFile: string): number {
  const fields = readFileSync(statFile, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Peak RSS (VmHWM), RSS now, CPU-seconds of every thread of a process and of its main thread alone (which
 * builds the index while the workers parse), from /proc.
 */
function processFigures(pid: number): { peakMB: number; rssMB: number; cpuSeconds: number; mainCpuSeconds: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return {
    peakMB: Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]) / 1024,
    rssMB: Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]) / 1024,
    cpuSeconds: cpuOf(`/proc/${pid}/stat`),
    mainCpuSeconds: cpuOf(`/proc/${pid}/task/${pid}/stat`),
  };
}

/**
 * The built server as an editor starts it (`node server/out/main.js --stdio`), told to index the corpus through
 * `initializationOptions`: wall time from spawn to `statementLens/indexed`, the process's CPU-seconds (every
 * thread) and its peak RSS as the kernel counts it (VmHWM), with nothing of the bench in the process. With a
 * cache folder, also the same once `shutdown` is answered (the cache is on disk by then).
 */
export async function benchServerProcess(corpus: string, server = SERVER, cacheDirectory?: string, label = ''): Promise<void> {
  const started = performance.now();
  const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const send = (message: object) => {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
  let shutdownAnswered: () => void = () => undefined;
  const shutdown = new Promise<void>(resolve => (shutdownAnswered = resolve));
  const indexed = new Promise<{ documents: number }>((resolve, reject) => {
    let buffer = Buffer.alloc(0);
    child.stdout.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const headerEnd = buffer.indexOf('\r\n\r\n');
        if (headerEnd < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, headerEnd).toString())?.[1]);
        if (buffer.length < headerEnd + 4 + length) return;
        const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString()) as { id?: number | string; method?: string; params?: { documents: number } };
        buffer = buffer.subarray(headerEnd + 4 + length);
        if (message.method === 'statementLens/indexed' && message.params!.documents > 0) resolve(message.params!);
        if (message.id === 2 && !message.method) shutdownAnswered();
        // Requests from the server (progress tokens, registrations) get an empty answer.
        if (message.id !== undefined && message.method) send({ id: message.id, result: null });
      }
    });
    child.on('exit', code => reject(new Error(`server exited with ${code}`)));
  });
  const options = { corpusPaths: [corpus], includeBundledSeeds: false, ...(cacheDirectory ? { cacheDirectory } : {}) };
  send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: options } });
  send({ method: 'initialized', params: {} });
  const { documents } = await indexed;
  const seconds = (performance.now() - started) / 1000;
  const atIndexed = processFigures(child.pid!);
  console.log(`server process${label} (${server}): ${documents} documents indexed ${seconds.toFixed(1)} s after spawn, ${atIndexed.cpuSeconds.toFixed(1)} CPU-seconds (main thread ${atIndexed.mainCpuSeconds.toFixed(1)}); peak RSS ${atIndexed.peakMB.toFixed(0)} MB, RSS now ${atIndexed.rssMB.toFixed(0)} MB`);
  send({ id: 2, method: 'shutdown' });
  await shutdown;
  if (cacheDirectory) {
    const atShutdown = processFigures(child.pid!);
    console.log(`  shutdown answered (cache on disk) ${((performance.now() - started) / 1000).toFixed(1)} s after spawn, ${atShutdown.cpuSeconds.toFixed(1)} CPU-seconds (main thread ${atShutdown.mainCpuSeconds.toFixed(1)}); peak RSS ${atShutdown.peakMB.toFixed(0)} MB`);
  }
  send({ method: 'exit' });
  await new Promise(resolve => child.once('exit', resolve));
}

/**
 * BENCH_SECTIONS=server: the cold pass of this build, and with SERVER_BEFORE=<another build's
 * server/out/main.js> of that build first, in the same run; SERVER_WARM=1 also starts each again from the
 * cache its cold pass wrote. SERVER_ROUNDS=n runs the builds in turn n times: on a shared machine the load
 * changes within minutes, and alternating spreads it over both.
 */
export async function benchServerProcesses(corpus: string): Promise<void> {
  const builds = [...(process.env.SERVER_BEFORE ? [process.env.SERVER_BEFORE] : []), SERVER];
  const rounds = Math.max(1, Number(process.env.SERVER_ROUNDS) || 1);
  const warm = !!process.env.SERVER_WARM;
  console.log(`load average at start: ${loadavg().map(load => load.toFixed(2)).join(' ')}`);
  for (const server of Array.from({ length: rounds }, () => builds).flat()) {
    const cacheDirectory = warm ? mkdtempSync(path.join(tmpdir(), 'sl-cache-')) : undefined;
    try {
      await benchServerProcess(corpus, server, cacheDirectory, warm ? ', cold' : '');
      if (cacheDirectory) await benchServerProcess(corpus, server, cacheDirectory, ', warm');
    } finally {
      if (cacheDirectory) rmSync(cacheDirectory, { recursive: true, force: true });
    }
    console.log(`load average: ${loadavg().map(load => load.toFixed(2)).join(' ')}`);
  }
}

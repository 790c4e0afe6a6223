import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The built server as an editor starts it (`node server/out/main.js --stdio`), told to index the corpus through
 * `initializationOptions`: wall time from spawn to `statementLens/indexed`, the process's CPU-seconds (every
 * thread) and its peak RSS as the kernel counts it (VmHWM), with nothing of the bench in the process.
 */
export async function benchServerProcess(corpus: string, server = path.resolve(__dirname, '..', 'server', 'out', 'main.js')): Promise<void> {
  const started = performance.now();
  const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  const send = (message: object) => {
    const body = JSON.stringify({ jsonrpc: '2.0', ...message });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  };
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
        // Requests from the server (progress tokens, registrations) get an empty answer.
        if (message.id !== undefined && message.method) send({ id: message.id, result: null });
      }
    });
    child.on('exit', code => reject(new Error(`server exited with ${code}`)));
  });
  send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: { corpusPaths: [corpus], includeBundledSeeds: false } } });
  send({ method: 'initialized', params: {} });
  const { documents } = await indexed;
  const seconds = (performance.now() - started) / 1000;
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const peakKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
  // utime and stime, fields 14 and 15 of /proc/pid/stat, in clock ticks (100 per second on Linux).
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  const cpuSeconds = (Number(fields[11]) + Number(fields[12])) / 100;
  console.log(`server process (${server}): ${documents} documents indexed ${seconds.toFixed(1)} s after spawn, ${cpuSeconds.toFixed(1)} CPU-seconds; peak RSS ${(peakKb / 1024).toFixed(0)} MB, RSS now ${(rssKb / 1024).toFixed(0)} MB`);
  send({ id: 2, method: 'shutdown' });
  send({ method: 'exit' });
  await new Promise(resolve => child.once('exit', resolve));
}

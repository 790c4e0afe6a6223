import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ErrorCodes, type Message, type NotificationMessage, type ResponseMessage } from 'vscode-languageserver-protocol';
import { MAX_MESSAGE_BYTES } from '../../server/src/transport';
import { RAW_INITIALIZE_PARAMS, RawClient } from '../protocol/serverHarness';

const rssMB = (pid: number | undefined) => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const isResponse = (id: number) => (message: Message) => (message as ResponseMessage).id === id;

/** Writes one message of `bodyBytes` bytes whose body starts with `head`, padded with words, in 1 MB writes. */
async function sendHuge(client: RawClient, head: string, tail: string, bodyBytes: number): Promise<void> {
  const stdin = client.child.stdin!;
  const write = (data: string | Buffer) => (stdin.write(data) ? Promise.resolve() : new Promise<void>(resolve => stdin.once('drain', () => resolve())));
  await write(`Content-Length: ${bodyBytes}\r\n\r\n${head}`);
  const chunk = Buffer.from('word '.repeat(1024 * 1024 / 5));
  let left = bodyBytes - Buffer.byteLength(head) - Buffer.byteLength(tail);
  while (left > 0) {
    const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
    await write(part);
    left -= part.length;
  }
  await write(tail);
}

/**
 * A 200 MB request, then a 70 MB didOpen: before, the server read and parsed each whole (about 0.9 GB for the
 * first). Now each is skipped as it arrives: the request gets an error naming the limit, the notification a
 * log line, and the server keeps answering with its memory near where it was.
 */
test('messages over the size limit are skipped unread, with an error, and the server stays up', { timeout: 90_000 }, async () => {
  const client = new RawClient();
  try {
    client.send(client.request(1, 'initialize', RAW_INITIALIZE_PARAMS));
    await client.message(isResponse(1));
    client.send(JSON.stringify({ jsonrpc: '2.0', method: 'initialized', params: {} }));
    await client.message(message => (message as NotificationMessage).method === 'statementLens/indexed');
    const before = rssMB(client.child.pid);
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMB(client.child.pid))), 20);

    const size = 200 * 1024 * 1024;
    assert.ok(size > MAX_MESSAGE_BYTES);
    await sendHuge(client, '{"jsonrpc":"2.0","id":2,"method":"statementLens/searchQuotes","params":{"query":"', '"}}', size);
    const refused = (await client.message(isResponse(2))) as ResponseMessage;
    assert.equal(refused.error?.code, ErrorCodes.InvalidRequest);
    assert.match(refused.error.message, /skipped a statementLens\/searchQuotes message of 209,715,200 bytes, over the limit of 67,108,864 bytes/);

    const uri = 'file:///tmp/huge-draft.md';
    await sendHuge(client, `{"jsonrpc":"2.0","method":"textDocument/didOpen","params":{"textDocument":{"uri":"${uri}","languageId":"markdown","version":1,"text":"`, '"}}}', 70 * 1024 * 1024);
    const logged = (await client.message(message => /skipped a textDocument\/didOpen message of 73,400,320 bytes/.test(JSON.stringify((message as NotificationMessage).params ?? '')))) as NotificationMessage;
    assert.equal(logged.method, 'window/logMessage');

    // Framing held: the next request is read and answered.
    client.send(client.request(3, 'statementLens/searchQuotes', { query: 'anything at all', limit: 5 }));
    const answered = (await client.message(isResponse(3))) as ResponseMessage;
    assert.equal(answered.error, undefined);
    assert.ok(Array.isArray(answered.result));
    clearInterval(sampler);
    assert.ok(peak - before < 120, `server RSS ${Math.round(before)} MB before, peak ${Math.round(peak)} MB while 270 MB of messages arrived`);

    client.send(client.request(4, 'shutdown', null));
    await client.message(isResponse(4));
    client.send(JSON.stringify({ jsonrpc: '2.0', method: 'exit' }));
    assert.equal(await client.exitWithin(10_000), 0);
  } finally {
    client.child.stdin!.destroy();
    client.child.kill();
  }
});

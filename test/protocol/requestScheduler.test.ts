import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DataCallback, Message, MessageReader, MessageWriter, RequestMessage } from 'vscode-languageserver/node';
import { RequestScheduler } from '../../server/src/requestScheduler';

/**
 * The scheduler between vscode-jsonrpc's reader and its dispatch, driven by hand: messages arrive (the reader
 * sees them), then vscode-jsonrpc hands them to the strategy one by one, in order. What runs, and when, is
 * recorded.
 */
function harness() {
  const scheduler = new RequestScheduler({ write: async () => undefined } as unknown as MessageWriter);
  let deliver: DataCallback = () => undefined;
  const reader = { listen: (callback: DataCallback) => ((deliver = callback), { dispose: () => undefined }), dispose: () => undefined } as unknown as MessageReader;
  const watched = scheduler.watch(reader);
  const queue: Message[] = [];
  watched.listen(message => queue.push(message));
  const ran: string[] = [];
  const strategy = scheduler.connectionOptions.messageStrategy!;
  return {
    ran,
    /** Messages read from the wire, not yet dispatched. */
    arrive: (...messages: RequestMessage[]) => messages.forEach(message => deliver(message)),
    /** vscode-jsonrpc dispatches what it has read, one message per call, in order. */
    dispatchAll: () => {
      for (const message of queue.splice(0)) strategy.handleMessage(message, () => void ran.push((message as RequestMessage).method));
    },
    settled: async () => {
      for (let i = 0; i < 10; i++) await new Promise(resolve => setImmediate(resolve));
    },
  };
}

const request = (id: number, method: string): RequestMessage => ({ jsonrpc: '2.0', id, method, params: {} });

describe('request scheduling', () => {
  test('a hover waiting with a quote search goes first; the search goes before references asked earlier', async () => {
    const { ran, arrive, dispatchAll, settled } = harness();
    arrive(request(1, 'textDocument/references'), request(2, 'statementLens/searchQuotes'), request(3, 'textDocument/hover'));
    dispatchAll();
    await settled();
    assert.deepEqual(ran, ['textDocument/hover', 'statementLens/searchQuotes', 'textDocument/references']);
  });

  test('a quote search with nothing else waiting runs at once, and light messages keep their order', async () => {
    const { ran, arrive, dispatchAll, settled } = harness();
    arrive(request(1, 'statementLens/searchQuotes'));
    dispatchAll();
    await settled();
    arrive(request(2, 'textDocument/hover'), request(3, 'textDocument/definition'));
    dispatchAll();
    await settled();
    assert.deepEqual(ran, ['statementLens/searchQuotes', 'textDocument/hover', 'textDocument/definition']);
  });
});

import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { DataCallback, Message, MessageReader, MessageWriter, RequestMessage, ResponseMessage } from 'vscode-languageserver/node';
import { RequestScheduler } from '../../server/src/requestScheduler';

/**
 * The scheduler between vscode-jsonrpc's reader and its dispatch, driven by hand: messages arrive (the reader
 * sees them), then vscode-jsonrpc hands them to the strategy one by one, in order. What runs, and when, is
 * recorded.
 */
function harness() {
  const answers: ResponseMessage[] = [];
  const scheduler = new RequestScheduler({ write: async (message: ResponseMessage) => void answers.push(message) } as unknown as MessageWriter);
  let deliver: DataCallback = () => undefined;
  const reader = { listen: (callback: DataCallback) => ((deliver = callback), { dispose: () => undefined }), dispose: () => undefined } as unknown as MessageReader;
  const watched = scheduler.watch(reader);
  const queue: Message[] = [];
  watched.listen(message => queue.push(message));
  const ran: string[] = [];
  const strategy = scheduler.connectionOptions.messageStrategy!;
  return {
    ran,
    /** What the scheduler answered itself (cancellations). */
    answers,
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
const cancel = (id: number) => ({ jsonrpc: '2.0', method: '$/cancelRequest', params: { id } }) as unknown as RequestMessage;

describe('request scheduling', () => {
  test('a hover waiting with a quote search goes first; the search goes before references asked earlier', async () => {
    const { ran, arrive, dispatchAll, settled } = harness();
    arrive(request(1, 'textDocument/references'), request(2, 'statementLens/searchQuotes'), request(3, 'textDocument/hover'));
    dispatchAll();
    await settled();
    assert.deepEqual(ran, ['textDocument/hover', 'statementLens/searchQuotes', 'textDocument/references']);
  });

  test('a held quote search that is cancelled is answered "cancelled" once and never runs', async () => {
    const { ran, arrive, dispatchAll, settled, answers } = harness();
    arrive(request(1, 'statementLens/searchQuotes'), request(2, 'textDocument/hover'));
    dispatchAll();
    arrive(cancel(1));
    await settled();
    assert.deepEqual(ran, ['textDocument/hover']);
    assert.deepEqual(answers.map(answer => [answer.id, answer.error?.code]), [[1, -32800]]);
  });

  test('a quote search with nothing else waiting runs on the next turn, and light messages keep their order', async () => {
    const { ran, arrive, dispatchAll, settled } = harness();
    arrive(request(1, 'statementLens/searchQuotes'));
    dispatchAll();
    await settled();
    assert.deepEqual(ran, ['statementLens/searchQuotes']);
    arrive(request(2, 'textDocument/hover'), request(3, 'textDocument/definition'));
    dispatchAll();
    await settled();
    assert.deepEqual(ran, ['statementLens/searchQuotes', 'textDocument/hover', 'textDocument/definition']);
  });
});

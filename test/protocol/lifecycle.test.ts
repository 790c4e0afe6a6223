import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ErrorCodes, HoverRequest, InitializeRequest, ResponseError, ShutdownRequest, type Message, type ResponseMessage } from 'vscode-languageserver-protocol/node';
import { DocumentsRequest } from '../../shared/protocol';
import { initialize, RAW_INITIALIZE_PARAMS, RawClient, startInProcess } from './serverHarness';

const HOVER = { textDocument: { uri: 'file:///tmp/draft.md' }, position: { line: 0, character: 0 } };

async function errorCode(request: Promise<unknown>): Promise<number | undefined> {
  try {
    await request;
    return undefined;
  } catch (error) {
    assert.ok(error instanceof ResponseError, `a ResponseError, got ${String(error)}`);
    return error.code;
  }
}

describe('the LSP lifecycle', () => {
  test('-32002 before initialize, InvalidRequest for a second initialize and after shutdown', async () => {
    const client = startInProcess();
    try {
      assert.equal(await errorCode(client.connection.sendRequest(HoverRequest.type, HOVER)), ErrorCodes.ServerNotInitialized);
      assert.equal(await errorCode(client.connection.sendRequest(DocumentsRequest, {})), ErrorCodes.ServerNotInitialized, 'custom requests too');
      await initialize(client, { includeBundledSeeds: false });
      assert.equal(await errorCode(client.connection.sendRequest(InitializeRequest.type, { processId: null, rootUri: null, capabilities: {} })), ErrorCodes.InvalidRequest);
      assert.deepEqual(await client.connection.sendRequest(DocumentsRequest, {}), [], 'still serving after the refused initialize');
      await client.connection.sendRequest(ShutdownRequest.type);
      assert.equal(await errorCode(client.connection.sendRequest(DocumentsRequest, {})), ErrorCodes.InvalidRequest);
    } finally {
      await client.close();
    }
  });
});

const isResponse = (id: number | null) => (message: Message) => 'id' in message && (message as ResponseMessage).id === id && !('method' in message);

describe('framing errors (the built server over stdio)', { timeout: 30_000 }, () => {
  test('a body that is not JSON gets -32700 and the server goes on; one that is not JSON-RPC gets -32600', async () => {
    const client = new RawClient();
    try {
      client.send('{"jsonrpc": "2.0", "id": 1, "method": }');
      const parseError = (await client.message(isResponse(null))) as ResponseMessage;
      assert.equal(parseError.error?.code, ErrorCodes.ParseError);
      client.send('[1, 2, 3]');
      const invalid = (await client.message(message => isResponse(null)(message) && message !== parseError)) as ResponseMessage;
      assert.equal(invalid.error?.code, ErrorCodes.InvalidRequest);
      client.send(client.request(2, 'initialize', RAW_INITIALIZE_PARAMS));
      const initialized = (await client.message(isResponse(2))) as ResponseMessage;
      assert.ok((initialized.result as { capabilities?: unknown }).capabilities, 'initialize still answered');
    } finally {
      client.child.kill();
    }
  });

  for (const [what, delta] of [
    ['too large', 12],
    ['too small', -3],
  ] as const) {
    test(`a Content-Length ${what} (another message follows): a logged message, and exit 1`, async () => {
      const client = new RawClient();
      const first = client.request(1, 'initialize', RAW_INITIALIZE_PARAMS);
      client.send(first, Buffer.byteLength(first) + delta);
      client.send(client.request(2, 'shutdown', null));
      assert.equal(await client.exitWithin(5000), 1);
      assert.match(client.stderr, /unreadable message header.*Content-Length was probably wrong/);
      assert.ok(
        client.received.some(message => 'method' in message && message.method === 'window/logMessage' && /Content-Length/.test(JSON.stringify(message))),
        'the reason is logged to the client too',
      );
    });
  }
});

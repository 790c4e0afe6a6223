import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { STALLED_BODY_MS } from '../../server/src/transport';
import { RAW_INITIALIZE_PARAMS, RawClient } from '../protocol/serverHarness';

/**
 * A Content-Length larger than the body, and the client waiting for an answer: the server cannot tell where
 * the next message starts. Before, it stayed alive and deaf for good; now it says so and exits after
 * STALLED_BODY_MS, so that the client starts a new one.
 */
test('a message body that never ends: a logged message, and exit 1', { timeout: STALLED_BODY_MS + 15_000 }, async () => {
  const client = new RawClient();
  const body = client.request(1, 'initialize', RAW_INITIALIZE_PARAMS);
  const started = performance.now();
  client.send(body, Buffer.byteLength(body) + 40);
  assert.equal(await client.exitWithin(STALLED_BODY_MS + 10_000), 1);
  const waited = performance.now() - started;
  assert.ok(waited >= STALLED_BODY_MS - 500, `waited ${Math.round(waited)} ms for the rest of the body`);
  assert.match(client.stderr, /a message body stopped arriving .*Content-Length is larger than what was sent/);
});

import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeStatements, encodeStatements } from '../../server/src/indexStore/bucketCodec';

/** Statements like the cache's: strings, nested objects and typed arrays, some larger than a frame alone. */
function statements(count: number): object[] {
  return Array.from({ length: count }, (_, i) => ({
    uri: `file:///corpus/statement-${i}.txt`,
    text: `“Statement ${i}” — ${'the channels of communication stay open '.repeat(i % 7 === 0 ? 30_000 : 200)}`,
    words: Uint32Array.from({ length: 500 }, (_, w) => (w * 7919 + i) % 65_536),
    nested: { i, even: i % 2 === 0 },
  }));
}

describe('the cache bucket codec', () => {
  test('statements spread over several frames come back as they went in, in order', async () => {
    const written = statements(60);
    const { body, count } = await encodeStatements(written);
    assert.equal(count, 60);
    const read = await decodeStatements(body);
    assert.deepEqual(read, written);
  });

  test('an empty bucket is an empty body', async () => {
    const { body, count } = await encodeStatements([]);
    assert.equal(count, 0);
    assert.deepEqual(await decodeStatements(body), []);
  });

  // A body cut exactly at a frame boundary decodes to fewer statements; the store's SHA-256 and statement count
  // (fileIndexStore.readBucket) discard such a file, so the codec itself only promises this much.
  test('a body cut short inside a frame does not decode', async () => {
    const { body } = await encodeStatements(statements(30));
    for (const at of [1, 3, 4, 100, Math.floor(body.length / 2), body.length - 1]) {
      await assert.rejects(decodeStatements(body.subarray(0, at)), `cut at ${at} of ${body.length}`);
    }
  });
});

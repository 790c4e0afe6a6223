import { once } from 'node:events';
import { deserialize, serialize } from 'node:v8';
import { brotliDecompress, constants as zlib, createBrotliCompress } from 'node:zlib';
import { promisify } from 'node:util';

const decompress = promisify(brotliDecompress);
const WRITE_BYTES = 1 << 20;

/**
 * A bucket's statements, each serialized with node:v8 behind its length (4 bytes, little-endian), compressed
 * with brotli at its fastest setting as they are made. Serialized whole, a bucket was a bundle of 200 parses
 * held as objects, then one 10 MB buffer, then its compressed copy: written after a cold pass, when the heap
 * is at its largest, that lifted the peak RSS by about 70 MB. One statement at a time, each is garbage before
 * the next young collection and no buffer is much larger than a megabyte.
 */
export async function encodeStatements(statements: Iterable<object>): Promise<{ body: Buffer; count: number }> {
  const brotli = createBrotliCompress({ params: { [zlib.BROTLI_PARAM_QUALITY]: 1 } });
  const chunks: Buffer[] = [];
  brotli.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = once(brotli, 'end');
  ended.catch(() => undefined); // awaited below; an early error must not count as unhandled meanwhile
  let count = 0;
  // Handed over about a megabyte at a time: each write is a trip to libuv's threads.
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const handOver = async () => {
    const written = brotli.write(Buffer.concat(pending, pendingBytes));
    pending = [];
    pendingBytes = 0;
    // Waits for the compressor to take it, so parses do not pile up in its queue.
    if (!written) await once(brotli, 'drain');
  };
  for (const statement of statements) {
    const bytes = serialize(statement);
    const length = Buffer.allocUnsafe(4);
    length.writeUInt32LE(bytes.length);
    pending.push(length, bytes);
    pendingBytes += 4 + bytes.length;
    count++;
    if (pendingBytes >= WRITE_BYTES) await handOver();
  }
  if (pendingBytes > 0) await handOver();
  brotli.end();
  await ended;
  return { body: Buffer.concat(chunks), count };
}

/** The statements of a body encodeStatements made; throws when it is cut short or does not decode. */
export async function decodeStatements(compressed: Buffer): Promise<unknown[]> {
  const body = await decompress(compressed);
  const statements: unknown[] = [];
  for (let at = 0; at < body.length; ) {
    if (at + 4 > body.length) throw new Error('cut short');
    const end = at + 4 + body.readUInt32LE(at);
    if (end > body.length) throw new Error('cut short');
    statements.push(deserialize(body.subarray(at + 4, end)));
    at = end;
  }
  return statements;
}

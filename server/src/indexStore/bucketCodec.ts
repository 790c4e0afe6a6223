import { setImmediate as nextTurn } from 'node:timers/promises';
import { deserialize, serialize } from 'node:v8';
import { brotliCompressSync, brotliDecompressSync, constants as zlib } from 'node:zlib';

/** About how many serialized bytes go into one frame. */
const FRAME_BYTES = 1 << 20;
const BROTLI = { params: { [zlib.BROTLI_PARAM_QUALITY]: 1 } };

/**
 * A bucket's statements, each serialized with node:v8 behind its length (4 bytes, little-endian), in frames of
 * about a megabyte, each frame compressed on its own with brotli at its fastest setting and written behind its
 * compressed length. Serialized whole, a bucket was a bundle of 200 parses held as objects, then one 10 MB
 * buffer, then its compressed copy: written after a cold pass, when the heap is at its largest, that lifted the
 * peak RSS by about 70 MB; one statement at a time, each is garbage before the next young collection.
 *
 * Frames are compressed and decompressed here, on the main thread, a megabyte (a few milliseconds) at a time
 * with a turn of the event loop between them. On libuv's threads (zlib's asynchronous calls) brotli's
 * buffers were allocated in those threads' own malloc arenas, which glibc hardly ever gives back: a warm start
 * ended with about 50–80 MB more RSS than the same heap built cold, and the cache write after a cold pass
 * added about 110 MB (the server process run with MALLOC_ARENA_MAX=1 did not).
 */
export async function encodeStatements(statements: Iterable<object>): Promise<{ body: Buffer; count: number }> {
  const frames: Buffer[] = [];
  let count = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const compressPending = async () => {
    const frame = brotliCompressSync(Buffer.concat(pending, pendingBytes), BROTLI);
    frames.push(lengthOf(frame.length), frame);
    pending = [];
    pendingBytes = 0;
    // Requests are answered between frames.
    await nextTurn();
  };
  for (const statement of statements) {
    const bytes = serialize(statement);
    pending.push(lengthOf(bytes.length), bytes);
    pendingBytes += 4 + bytes.length;
    count++;
    if (pendingBytes >= FRAME_BYTES) await compressPending();
  }
  if (pendingBytes > 0) await compressPending();
  return { body: Buffer.concat(frames), count };
}

/** The statements of a body encodeStatements made; throws when it is cut short or does not decode. */
export async function decodeStatements(body: Buffer): Promise<unknown[]> {
  const statements: unknown[] = [];
  for (let at = 0; at < body.length; ) {
    const frameEnd = endOf(body, at);
    const frame = brotliDecompressSync(body.subarray(at + 4, frameEnd));
    for (let inFrame = 0; inFrame < frame.length; ) {
      const end = endOf(frame, inFrame);
      statements.push(deserialize(frame.subarray(inFrame + 4, end)));
      inFrame = end;
    }
    at = frameEnd;
    if (at < body.length) await nextTurn();
  }
  return statements;
}

function lengthOf(length: number): Buffer {
  const bytes = Buffer.allocUnsafe(4);
  bytes.writeUInt32LE(length);
  return bytes;
}

/** Where the piece behind the length at `at` ends; throws when the body is cut short. */
function endOf(body: Buffer, at: number): number {
  if (at + 4 > body.length) throw new Error('cut short');
  const end = at + 4 + body.readUInt32LE(at);
  if (end > body.length) throw new Error('cut short');
  return end;
}

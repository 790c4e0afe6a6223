import { Transform, type TransformCallback } from 'node:stream';
import {
  createConnection,
  ErrorCodes,
  Message,
  ProposedFeatures,
  StreamMessageReader,
  StreamMessageWriter,
  type Connection,
  type DataCallback,
  type Disposable,
  type MessageReader,
  type MessageWriter,
  type NotificationMessage,
  type ResponseMessage,
} from 'vscode-languageserver/node';
import { attachScheduler, RequestScheduler } from './requestScheduler';

/** A message body that stops arriving for this long has a Content-Length larger than what was sent. */
export const STALLED_BODY_MS = 10_000;
/**
 * The largest message body the server reads. The largest an editor sends is a didOpen of a corpus file within
 * `maxFileSizeMB` (20 MB by default, up to six bytes a character once escaped in JSON); a larger one is skipped
 * as it arrives, never held in memory (a 200 MB request used to be read and parsed whole, near 0.9 GB).
 */
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
/** A header section longer than this is not LSP framing. */
const MAX_HEADER_BYTES = 64 * 1024;
/** How much of a skipped body is kept, to find the request's id and method for the error. */
const SKIPPED_HEAD_BYTES = 4096;

export interface StreamConnectionOptions {
  /**
   * Ends the server with an exit code: after an unrecoverable framing error (1, with the reason, which has
   * been logged to the client), or when the client closes the input (0 after `shutdown`, else 1).
   */
  readonly exit: (code: number, reason?: string) => void;
  readonly stalledBodyMs?: number;
  /** The largest message body read (MAX_MESSAGE_BYTES by default); a larger one is skipped with an error. */
  readonly maxMessageBytes?: number;
}

/**
 * The connection editors other than VS Code use: JSON-RPC with Content-Length framing over a pair of streams,
 * with the LSP lifecycle enforced at the edge (before any handler runs) and framing errors answered as the
 * spec says: -32700 for a body that is not JSON, and for a header that cannot be read, or a body that never
 * ends, a logged message and exit, since nothing after it can be trusted (the client restarts the server).
 */
export function createStreamConnection(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, options: StreamConnectionOptions): Connection {
  const stalledBodyMs = options.stalledBodyMs ?? STALLED_BODY_MS;
  const maxMessageBytes = options.maxMessageBytes ?? MAX_MESSAGE_BYTES;
  const sized = new MessageSizeLimit(maxMessageBytes, stalledBodyMs, {
    skipped: ({ bytes, head }) => {
      const { id, method } = requestOf(head);
      const what = `${method ? `a ${method} message` : 'a message'} of ${bytes.toLocaleString('en-US')} bytes`;
      const message = `Statement Lens server: skipped ${what}, over the limit of ${maxMessageBytes.toLocaleString('en-US')} bytes; it was not read.`;
      const log: NotificationMessage = { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 1, message } };
      void writer.write(log).catch(() => undefined);
      // A request is answered, so that the client does not wait for it; a notification cannot be.
      if (id !== undefined) void writer.write({ jsonrpc: '2.0', id, error: { code: ErrorCodes.InvalidRequest, message } } as ResponseMessage).catch(() => undefined);
    },
    fatal: reason => fatal(reason),
  });
  input.pipe(sized);
  const reader = new StreamMessageReader(sized);
  reader.partialMessageTimeout = stalledBodyMs;
  const writer = new StreamMessageWriter(output);
  const lifecycle = new LifecycleGuard(reader, writer);
  let failed = false;
  const fatal = (reason: string) => {
    if (failed) return;
    failed = true;
    const message = `Statement Lens server: ${reason}. Messages cannot be read past this point; the server exits so that the editor can start it again.`;
    const log: NotificationMessage = { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 1, message } };
    writer.write(log).then(
      () => options.exit(1, message),
      () => options.exit(1, message),
    );
  };
  reader.onError(error => {
    if (failed) return;
    if (error instanceof SyntaxError) {
      // The framing held; only this body is bad. Its id cannot be known.
      const response: ResponseMessage = { jsonrpc: '2.0', id: null, error: { code: ErrorCodes.ParseError, message: `Parse error: the message body is not JSON (${error.message})` } };
      void writer.write(response).catch(() => undefined);
    } else {
      fatal(`unreadable message header (${error.message.split('\n')[0]}); a previous message's Content-Length was probably wrong`);
    }
  });
  reader.onPartialMessage(({ waitingTime }) => fatal(`a message body stopped arriving ${waitingTime} ms ago: its Content-Length is larger than what was sent`));
  input.on('end', () => options.exit(lifecycle.shutdownReceived ? 0 : 1));
  const scheduler = new RequestScheduler(writer);
  return attachScheduler(createConnection(ProposedFeatures.all, scheduler.watch(lifecycle), writer, scheduler.connectionOptions), scheduler);
}

/**
 * The id and method of a JSON-RPC message from the start of its body, when they come before its params (as
 * every client library writes them); an id found after `"params"` could be one inside the params.
 */
function requestOf(head: string): { id?: number | string | null; method?: string } {
  const params = head.search(/"params"\s*:/);
  const before = params === -1 ? head : head.slice(0, params);
  const id = /"id"\s*:\s*(-?\d{1,15}|"(?:[^"\\]|\\.){0,200}")/.exec(before)?.[1];
  const method = /"method"\s*:\s*"([\w$/.-]{1,100})"/.exec(before)?.[1];
  let parsed: number | string | null | undefined;
  try {
    parsed = id === undefined ? (/"method"/.test(before) ? undefined : null) : (JSON.parse(id) as number | string);
  } catch {
    parsed = null;
  }
  // A body with a method and no id is a notification; with neither known, the error goes to id null.
  return { id: parsed, method };
}

interface SizeLimitEvents {
  /** A body over the limit was skipped whole; `head` is its first bytes. */
  skipped(message: { bytes: number; head: string }): void;
  /** The framing cannot be trusted any more. */
  fatal(reason: string): void;
}

/**
 * Passes Content-Length framed messages through unchanged, and skips the body of one over the limit as its
 * bytes arrive (keeping only its first few KB), so that no message is ever held whole beyond the limit. A
 * header it cannot read is passed on as it is, for the message reader to report.
 */
class MessageSizeLimit extends Transform {
  private header = Buffer.alloc(0);
  /** Body bytes still to pass on, or to skip. */
  private passing = 0;
  private skipping = 0;
  private skipped = { bytes: 0, head: [] as Buffer[], headBytes: 0 };
  /** After framing this filter cannot follow: passed on as it is, for the reader to report; or dropped after a fatal error. */
  private transparent = false;
  private dead = false;
  private stalled: NodeJS.Timeout | undefined;

  constructor(private readonly maxBytes: number, private readonly stalledMs: number, private readonly events: SizeLimitEvents) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    let data = chunk;
    while (data.length > 0 && !this.dead) {
      if (this.transparent) {
        this.push(data);
        break;
      }
      if (this.passing > 0) {
        const n = Math.min(this.passing, data.length);
        this.push(data.subarray(0, n));
        this.passing -= n;
        data = data.subarray(n);
        continue;
      }
      if (this.skipping > 0) {
        const n = Math.min(this.skipping, data.length);
        if (this.skipped.headBytes < SKIPPED_HEAD_BYTES) {
          const kept = data.subarray(0, Math.min(n, SKIPPED_HEAD_BYTES - this.skipped.headBytes));
          this.skipped.head.push(Buffer.from(kept));
          this.skipped.headBytes += kept.length;
        }
        this.skipping -= n;
        data = data.subarray(n);
        if (this.skipping === 0) this.skippedWhole();
        else this.watchStall();
        continue;
      }
      const header = this.header.length ? Buffer.concat([this.header, data]) : data;
      const end = header.indexOf('\r\n\r\n');
      if (end === -1) {
        if (header.length > MAX_HEADER_BYTES) {
          this.dead = true;
          this.events.fatal(`unreadable message header (no end after ${MAX_HEADER_BYTES.toLocaleString('en-US')} bytes)`);
          break;
        }
        this.header = Buffer.from(header);
        break;
      }
      this.header = Buffer.alloc(0);
      const headerBytes = header.subarray(0, end + 4);
      const length = /^content-length:[ \t]*(\d{1,16})[ \t]*$/im.exec(headerBytes.toString('ascii'))?.[1];
      if (length === undefined) {
        // Not framing this filter can follow: the reader reports it and the server exits.
        this.transparent = true;
        this.push(header);
        break;
      }
      const bytes = Number(length);
      if (bytes > this.maxBytes) {
        this.skipping = bytes;
        this.skipped = { bytes, head: [], headBytes: 0 };
      } else {
        this.push(headerBytes);
        this.passing = bytes;
      }
      data = header.subarray(end + 4);
    }
    done();
  }

  private skippedWhole(): void {
    clearTimeout(this.stalled);
    const { bytes, head } = this.skipped;
    this.skipped = { bytes: 0, head: [], headBytes: 0 };
    this.events.skipped({ bytes, head: Buffer.concat(head).toString('utf8') });
  }

  /** A skipped body that stops arriving has a wrong Content-Length, as the reader says of one it reads. */
  private watchStall(): void {
    clearTimeout(this.stalled);
    if (this.skipping > 0 && this.stalledMs > 0) {
      this.stalled = setTimeout(() => {
        this.dead = true;
        this.events.fatal(`a message body stopped arriving ${this.stalledMs} ms ago: its Content-Length is larger than what was sent`);
      }, this.stalledMs);
      this.stalled.unref?.();
    }
  }

  override _flush(done: TransformCallback): void {
    clearTimeout(this.stalled);
    done();
  }
}

/**
 * The LSP lifecycle, for every method alike: requests before `initialize` get -32002 and notifications then are
 * dropped (`exit` aside); a second `initialize` and requests after `shutdown` get InvalidRequest; a message that
 * is not JSON-RPC gets InvalidRequest too.
 */
class LifecycleGuard implements MessageReader {
  private state: 'new' | 'running' | 'shuttingDown' = 'new';

  constructor(private readonly inner: MessageReader, private readonly writer: MessageWriter) {}

  get shutdownReceived(): boolean {
    return this.state === 'shuttingDown';
  }

  get onError() {
    return this.inner.onError;
  }

  get onClose() {
    return this.inner.onClose;
  }

  get onPartialMessage() {
    return this.inner.onPartialMessage;
  }

  listen(callback: DataCallback): Disposable {
    return this.inner.listen(message => {
      const refusal = this.refusal(message);
      if (refusal === undefined) callback(message);
      else if (refusal) void this.writer.write(refusal).catch(() => undefined);
    });
  }

  dispose(): void {
    this.inner.dispose();
  }

  /** undefined: let it through; null: drop it; a response: answer with it instead. */
  private refusal(message: Message): ResponseMessage | null | undefined {
    const error = (id: ResponseMessage['id'], code: number, text: string): ResponseMessage => ({ jsonrpc: '2.0', id, error: { code, message: text } });
    if (Message.isResponse(message)) return undefined;
    if (Message.isNotification(message)) return this.state === 'new' && message.method !== 'exit' ? null : undefined;
    if (!Message.isRequest(message)) {
      const id = typeof message === 'object' && message && 'id' in message && (typeof message.id === 'number' || typeof message.id === 'string') ? message.id : null;
      return error(id, ErrorCodes.InvalidRequest, 'Invalid request: not a JSON-RPC request, notification or response.');
    }
    if (message.method === 'initialize') {
      if (this.state !== 'new') return error(message.id, ErrorCodes.InvalidRequest, 'The server is initialized already: initialize may be sent once.');
      this.state = 'running';
      return undefined;
    }
    if (this.state === 'new') return error(message.id, ErrorCodes.ServerNotInitialized, `The server is not initialized: send initialize before ${message.method}.`);
    if (this.state === 'shuttingDown') return error(message.id, ErrorCodes.InvalidRequest, `The server is shutting down: ${message.method} after shutdown.`);
    if (message.method === 'shutdown') this.state = 'shuttingDown';
    return undefined;
  }
}

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

/** A message body that stops arriving for this long has a Content-Length larger than what was sent. */
export const STALLED_BODY_MS = 10_000;

export interface StreamConnectionOptions {
  /**
   * Ends the server with an exit code: after an unrecoverable framing error (1, with the reason, which has
   * been logged to the client), or when the client closes the input (0 after `shutdown`, else 1).
   */
  readonly exit: (code: number, reason?: string) => void;
  readonly stalledBodyMs?: number;
}

/**
 * The connection editors other than VS Code use: JSON-RPC with Content-Length framing over a pair of streams,
 * with the LSP lifecycle enforced at the edge (before any handler runs) and framing errors answered as the
 * spec says: -32700 for a body that is not JSON, and for a header that cannot be read, or a body that never
 * ends, a logged message and exit, since nothing after it can be trusted (the client restarts the server).
 */
export function createStreamConnection(input: NodeJS.ReadableStream, output: NodeJS.WritableStream, options: StreamConnectionOptions): Connection {
  const reader = new StreamMessageReader(input);
  reader.partialMessageTimeout = options.stalledBodyMs ?? STALLED_BODY_MS;
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
  return createConnection(ProposedFeatures.all, lifecycle, writer);
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

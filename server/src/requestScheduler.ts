import {
  LSPErrorCodes,
  Message,
  type Connection,
  type ConnectionOptions,
  type DataCallback,
  type Disposable,
  type MessageReader,
  type MessageWriter,
  type RequestMessage,
  type ResponseMessage,
} from 'vscode-languageserver/node';

/**
 * Requests whose work grows with the corpus or the answer: tens of thousands of references, completion ranked
 * over a speaker's every quotation, workspace symbols over every title, related statements, listings of every
 * document or person. They run when no other message waits, a slice at a time.
 */
export const HEAVY_METHODS: ReadonlySet<string> = new Set([
  'textDocument/references',
  'textDocument/completion',
  'workspace/symbol',
  'workspace/executeCommand',
  'statementLens/relatedStatements',
  'statementLens/documents',
  'statementLens/people',
]);

/**
 * Requests that take tens of milliseconds, not one: a quote search. A writer waits for them, so they go before
 * heavy work, but a hover or a definition asked meanwhile goes first, as a cheaper answer should.
 */
export const MEDIUM_METHODS: ReadonlySet<string> = new Set(['statementLens/searchQuotes']);

type RequestId = RequestMessage['id'];

/**
 * Heavy requests never hold up light ones. vscode-jsonrpc dispatches one message per event-loop turn, in
 * order; this sits in front of it (as its message strategy, and around the reader to see what is waiting) and
 * holds heavy and medium requests back while any other message waits to be dispatched, then runs medium ones
 * first. A heavy handler gives way between slices with `slice()`, which resumes it only when nothing lighter
 * waits. Every other message keeps its order.
 */
export class RequestScheduler {
  /** Messages read and not yet dispatched: requests by id, and a count of the rest. */
  private readonly waitingRequests = new Set<string>();
  private waitingOthers = 0;
  /** Medium requests held back, in order: they run before any heavy step. */
  private readonly medium: HeldRequest[] = [];
  /** Heavy requests held back, and heavy handlers waiting to go on, in order. */
  private readonly heavy: HeldRequest[] = [];
  /** Background work (the search index's warm-up) waiting to go on: after every heavy step. */
  private readonly background: (() => void)[] = [];
  private pumping = false;
  /** Requests cancelled while still waiting to be dispatched. */
  private readonly cancelledEarly = new Set<string>();

  constructor(private readonly writer: MessageWriter) {}

  /** Options for createConnection: the message strategy that holds heavy requests back. */
  get connectionOptions(): ConnectionOptions {
    return {
      messageStrategy: {
        handleMessage: (message, next) => {
          this.dispatched(message);
          const queue = Message.isRequest(message) ? (HEAVY_METHODS.has(message.method) ? this.heavy : MEDIUM_METHODS.has(message.method) ? this.medium : undefined) : undefined;
          if (Message.isRequest(message) && queue) {
            // Cancelled before it reached here (while in vscode-jsonrpc's queue): answered here, never run.
            if (this.cancelledEarly.delete(keyOf(message.id))) return this.answerCancelled(message.id);
            queue.push({ id: message.id, run: () => void next(message) });
            this.pump();
            return;
          }
          // A light request cancelled early is answered by vscode-jsonrpc itself (its token starts cancelled).
          if (Message.isRequest(message)) this.cancelledEarly.delete(keyOf(message.id));
          return next(message);
        },
      },
    };
  }

  /** Wraps the connection's reader, to know which messages wait to be dispatched and which are cancelled. */
  watch(reader: MessageReader): MessageReader {
    return new WatchedReader(reader, message => this.arrived(message));
  }

  /** Resolves when a heavy handler may go on: at once if nothing waits, else after the waiting messages. */
  slice(): Promise<void> {
    return new Promise(resolve => {
      this.heavy.push({ run: resolve });
      this.pump();
    });
  }

  /** Resolves when background work may go on: nothing waits, heavy requests and draft checks included. */
  idle(): Promise<void> {
    return new Promise(resolve => {
      this.background.push(resolve);
      this.pump();
    });
  }

  private get othersWaiting(): boolean {
    return this.waitingRequests.size > 0 || this.waitingOthers > 0;
  }

  private arrived(message: Message): void {
    if (Message.isNotification(message) && message.method === '$/cancelRequest') {
      const id = message.params && (message.params as { id?: RequestId }).id;
      if (id === undefined || id === null) return;
      // A request held here is answered here; one still in vscode-jsonrpc's queue is remembered, so that a heavy
      // one is answered as cancelled when it reaches the strategy instead of being held and then run.
      if (this.waitingRequests.delete(keyOf(id))) this.cancelledEarly.add(keyOf(id));
      for (const queue of [this.medium, this.heavy]) {
        const held = queue.findIndex(item => item.id !== undefined && keyOf(item.id) === keyOf(id));
        if (held === -1) continue;
        queue.splice(held, 1);
        this.answerCancelled(id);
      }
      return;
    }
    if (Message.isRequest(message)) this.waitingRequests.add(keyOf(message.id));
    else this.waitingOthers++;
  }

  private answerCancelled(id: RequestId): void {
    const response: ResponseMessage = { jsonrpc: '2.0', id, error: { code: LSPErrorCodes.RequestCancelled, message: 'The request was cancelled.' } };
    void this.writer.write(response).catch(() => undefined);
  }

  private dispatched(message: Message): void {
    // A cancellation is queued only when its request is unknown; it was never counted.
    if (Message.isNotification(message) && message.method === '$/cancelRequest') return;
    if (Message.isRequest(message)) this.waitingRequests.delete(keyOf(message.id));
    else this.waitingOthers = Math.max(0, this.waitingOthers - 1);
  }

  /**
   * Runs the next held step on a later turn, once no other message waits (vscode-jsonrpc dispatches those):
   * a medium request before a heavy step, a heavy step before background work.
   */
  private pump(): void {
    if (this.pumping || (this.medium.length === 0 && this.heavy.length === 0 && this.background.length === 0)) return;
    this.pumping = true;
    setImmediate(() => {
      this.pumping = false;
      if (this.othersWaiting) return this.pump();
      if (this.medium.length) this.medium.shift()!.run();
      else if (this.heavy.length) this.heavy.shift()!.run();
      else this.background.shift()?.();
      this.pump();
    });
  }
}

/** Waits until background work may go on: through the connection's scheduler, else for one turn of the event loop. */
export function idleOf(connection: Connection): () => Promise<void> {
  const scheduler = schedulers.get(connection);
  return scheduler ? () => scheduler.idle() : () => new Promise<void>(resolve => setImmediate(resolve));
}

interface HeldRequest {
  readonly id?: RequestId;
  run(): void;
}

const keyOf = (id: RequestId) => `${typeof id}:${String(id)}`;

const schedulers = new WeakMap<object, RequestScheduler>();

/** Connects a scheduler to the connection made with its options, for the server's handlers to find. */
export function attachScheduler(connection: Connection, scheduler: RequestScheduler): Connection {
  schedulers.set(connection, scheduler);
  return connection;
}

/**
 * Gives way to waiting requests between slices of a long task: through the connection's scheduler when it has
 * one, else for one turn of the event loop.
 */
export function sliceOf(connection: Connection): () => Promise<void> {
  const scheduler = schedulers.get(connection);
  return scheduler ? () => scheduler.slice() : () => new Promise<void>(resolve => setImmediate(resolve));
}

class WatchedReader implements MessageReader {
  constructor(private readonly inner: MessageReader, private readonly seen: (message: Message) => void) {}

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
      this.seen(message);
      callback(message);
    });
  }

  dispose(): void {
    this.inner.dispose();
  }
}

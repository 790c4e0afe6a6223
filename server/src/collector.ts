import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Closed drafts, in characters, after which a full collection is asked for. */
const RELEASE_AFTER_CHARS = 32 * 1024 * 1024;
const RELEASE_DELAY_MS = 1000;

/**
 * Gives the memory of closed drafts back to the system. V8 collects a dead 1 MB string only at its next full
 * collection, and a server left idle after its drafts closed has none: 150 MB of closed drafts stayed resident
 * for good. Once that many characters of drafts have closed, a full collection is asked for (the way
 * jest-leak-detector reaches V8's `gc` without a command-line flag); where that is not possible, nothing is done.
 */
export class ClosedDraftMemory {
  private closedChars = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly collect = fullCollection();

  closed(chars: number): void {
    if (!this.collect) return;
    this.closedChars += chars;
    if (this.closedChars < RELEASE_AFTER_CHARS) return;
    clearTimeout(this.timer);
    // After a burst of closes, once.
    this.timer = setTimeout(() => {
      this.closedChars = 0;
      this.collect?.();
    }, RELEASE_DELAY_MS);
    this.timer.unref?.();
  }
}

function fullCollection(): (() => void) | undefined {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return exposed;
  try {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : undefined;
  } catch {
    return undefined;
  }
}

import { FileChangeType, type FileEvent } from 'vscode-languageserver';

/** What became of a file since the last batch: the latest event wins (a file made and deleted is deleted). */
export type FileFate = 'changed' | 'deleted';

/**
 * Merges file-change notifications per file and hands them on in batches, at most one batch per interval.
 * Watchers report every write: a file appended 50 times, or a sync tool touching 10,000 files, must cost one
 * read per file per interval, not one per event, with requests answered in between.
 */
export class FileEventQueue {
  private pending = new Map<string, FileFate>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private applying: Promise<void> = Promise.resolve();

  constructor(private readonly apply: (batch: ReadonlyMap<string, FileFate>) => Promise<void>, private readonly intervalMs = 200) {}

  add(changes: readonly FileEvent[]): void {
    for (const change of changes) {
      if (typeof change?.uri !== 'string') continue;
      this.pending.delete(change.uri); // re-inserted last: files are read in the order they last changed
      this.pending.set(change.uri, change.type === FileChangeType.Deleted ? 'deleted' : 'changed');
    }
    if (this.pending.size && !this.timer) this.timer = setTimeout(() => this.flush(), this.intervalMs);
  }

  private flush(): void {
    this.timer = undefined;
    const batch = this.pending;
    this.pending = new Map();
    // One batch at a time: events that arrive while one is applied wait for the next interval.
    this.applying = this.applying.then(() => this.apply(batch)).catch(() => undefined);
  }
}

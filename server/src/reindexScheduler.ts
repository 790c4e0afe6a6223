/**
 * Runs full index passes one at a time and merges requests for them. A request while no pass runs starts one;
 * a request while one runs schedules one more pass after it, and every further request joins that pass. So a
 * burst of requests (a window reload sends several configuration changes) costs at most two passes, and the
 * last one reads the settings as they are when it starts.
 */
export class ReindexScheduler<Report> {
  private running: Promise<Report> | undefined;
  private queued: Promise<Report> | undefined;

  constructor(private readonly pass: () => Promise<Report>) {}

  /** Asks for a pass that starts after this call; resolves with the report of that pass. */
  request(): Promise<Report> {
    if (!this.running) return this.start();
    this.queued ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.start();
      });
    return this.queued;
  }

  /** Whether another pass is queued after the running one: its report would be stale before it is seen. */
  get hasQueuedPass(): boolean {
    return this.queued !== undefined;
  }

  /** Resolves once no pass runs and none is queued, whether the passes succeeded or failed. */
  async idle(): Promise<void> {
    while (this.queued ?? this.running) await (this.queued ?? this.running)!.catch(() => undefined);
  }

  private start(): Promise<Report> {
    const run = this.pass();
    this.running = run;
    const clear = () => {
      if (this.running === run) this.running = undefined;
    };
    run.then(clear, clear);
    return run;
  }
}

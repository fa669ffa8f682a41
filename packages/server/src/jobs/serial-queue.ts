/**
 * Work done one item at a time, in the order queued: the localisation jobs,
 * the video tasks and the network analyses each run through one. The
 * owner's `work` handles its own errors (a rejection is logged by the owner
 * before it gets here, or is a bug); stopping the running item is the
 * owner's part of closing, since only it knows whether that is a worker to
 * terminate or a signal to abort.
 */
export class SerialQueue<T> {
  private readonly items: T[] = [];
  private pumping: Promise<void> | undefined;
  private closed = false;

  constructor(private readonly work: (item: T) => Promise<void>) {}

  get isClosed(): boolean {
    return this.closed;
  }

  /** Queues the items (in order) and starts working if idle; nothing is taken once closed. */
  push(...items: T[]): void {
    if (this.closed) return;
    this.items.push(...items);
    this.kick();
  }

  some(test: (item: T) => boolean): boolean {
    return this.items.some(test);
  }

  /** Drops every queued item that passes the test (the running one is the owner's to stop). */
  remove(test: (item: T) => boolean): void {
    for (let i = this.items.length - 1; i >= 0; i--) if (test(this.items[i]!)) this.items.splice(i, 1);
  }

  /** Takes nothing more and drops what waits; resolves when the running item has ended (the owner stops it meanwhile). */
  close(): Promise<void> {
    this.closed = true;
    this.items.length = 0;
    return this.pumping ?? Promise.resolve();
  }

  /** Resolves when nothing is queued or running (tests). */
  async idle(): Promise<void> {
    while (this.pumping !== undefined) await this.pumping;
  }

  private kick(): void {
    if (this.pumping !== undefined || this.closed) return;
    this.pumping = (async () => {
      while (!this.closed) {
        const item = this.items.shift();
        if (item === undefined) break;
        await this.work(item);
      }
    })().finally(() => {
      this.pumping = undefined;
      if (this.items.length > 0 && !this.closed) this.kick();
    });
  }
}

/**
 * Coalescing refreshes: the first request starts a wait of `delayMs`, and
 * every request during it restarts the wait, but never past `maxWaitMs`
 * after the first — so a burst of changes (another analyst's import, a
 * merge and its edits) is read once, and a steady stream still is read
 * now and then. The clock is passed in (tests drive it by hand).
 */

export interface Timers<H> {
  readonly set: (run: () => void, ms: number) => H;
  readonly clear: (handle: H) => void;
  readonly now: () => number;
}

export const REAL_TIMERS: Timers<ReturnType<typeof setTimeout>> = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (h) => clearTimeout(h),
  now: () => Date.now(),
};

export class RefreshDebounce<H = ReturnType<typeof setTimeout>> {
  private handle: H | null = null;
  private firstAt: number | null = null;

  constructor(
    private readonly run: () => void,
    private readonly delayMs: number,
    private readonly maxWaitMs: number,
    private readonly timers: Timers<H>,
  ) {}

  request(): void {
    const now = this.timers.now();
    if (this.firstAt === null) this.firstAt = now;
    if (this.handle !== null) this.timers.clear(this.handle);
    const wait = Math.max(0, Math.min(this.delayMs, this.firstAt + this.maxWaitMs - now));
    this.handle = this.timers.set(() => this.fire(), wait);
  }

  /** Drops a pending refresh (the component went away). */
  cancel(): void {
    if (this.handle !== null) this.timers.clear(this.handle);
    this.handle = null;
    this.firstAt = null;
  }

  private fire(): void {
    this.handle = null;
    this.firstAt = null;
    this.run();
  }
}

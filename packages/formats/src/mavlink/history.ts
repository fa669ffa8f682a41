/**
 * Recent values stamped with the vehicle's boot clock (ms), kept sorted by
 * time, for the look-ups the assembler makes: the latest value at or before
 * an instant (wind, pressure), the values around it (position fixes), the
 * nearest (attitude). Only a recent window is kept: `trimBefore` drops what
 * no pending look-up can need.
 */
export interface Timed<T> {
  readonly tMs: number;
  readonly value: T;
}

export class TimedHistory<T> {
  private items: Array<Timed<T>> = [];

  get length(): number {
    return this.items.length;
  }

  /** Adds a value; arrivals are nearly in time order, so the insertion point is found from the back. */
  push(tMs: number, value: T): void {
    let i = this.items.length;
    while (i > 0 && this.items[i - 1]!.tMs > tMs) i--;
    if (i === this.items.length) this.items.push({ tMs, value });
    else this.items.splice(i, 0, { tMs, value });
  }

  last(): Timed<T> | undefined {
    return this.items[this.items.length - 1];
  }

  /** Index of the first item with time > tMs. */
  private upper(tMs: number): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.items[mid]!.tMs <= tMs) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The latest value at or before tMs, if it is at most maxAgeMs old. */
  latestAtOrBefore(tMs: number, maxAgeMs = Infinity): Timed<T> | undefined {
    const i = this.upper(tMs) - 1;
    const it = this.items[i];
    return it !== undefined && tMs - it.tMs <= maxAgeMs ? it : undefined;
  }

  /** The first value at or after tMs. */
  firstAtOrAfter(tMs: number): Timed<T> | undefined {
    const i = this.upper(tMs);
    const before = this.items[i - 1];
    return before !== undefined && before.tMs === tMs ? before : this.items[i];
  }

  /** The value nearest in time to tMs, if within maxDistMs. */
  nearest(tMs: number, maxDistMs: number): Timed<T> | undefined {
    const i = this.upper(tMs);
    const a = this.items[i - 1];
    const b = this.items[i];
    const da = a === undefined ? Infinity : tMs - a.tMs;
    const db = b === undefined ? Infinity : b.tMs - tMs;
    const best = da <= db ? a : b;
    return Math.min(da, db) <= maxDistMs ? best : undefined;
  }

  /** Drops values older than tMs, except the latest of them (still the one "at or before" tMs). */
  trimBefore(tMs: number): void {
    const i = this.upper(tMs) - 1;
    if (i > 0) this.items = this.items.slice(i);
  }

  clear(): void {
    this.items = [];
  }
}

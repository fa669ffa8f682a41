/**
 * Runs of frame scores as segments, with hysteresis: a segment opens at a
 * frame scoring at least `high`, stays open while frames score at least
 * `low`, and is kept when it lasts at least `minDurationS` (from its first
 * frame's time to its last's), so one noisy frame neither starts nor ends
 * one.
 */
export interface MotionSegment {
  /** Time of the first and the last frame of the segment. */
  readonly startS: number;
  readonly endS: number;
  readonly peakScore: number;
  readonly meanScore: number;
}

export class SegmentTracker {
  private readonly done: MotionSegment[] = [];
  private open: { startS: number; endS: number; peak: number; sum: number; n: number } | undefined;

  constructor(private readonly high: number, private readonly low: number, private readonly minDurationS: number) {}

  push(tS: number, score: number): void {
    const o = this.open;
    if (o !== undefined && score >= this.low) {
      o.endS = tS;
      o.sum += score;
      o.n++;
      if (score > o.peak) o.peak = score;
      return;
    }
    if (o !== undefined) this.close();
    if (score >= this.high) this.open = { startS: tS, endS: tS, peak: score, sum: score, n: 1 };
  }

  /** Closes the open segment; the segments so far. */
  finish(): MotionSegment[] {
    this.close();
    return [...this.done];
  }

  private close(): void {
    const o = this.open;
    this.open = undefined;
    if (o !== undefined && o.endS - o.startS >= this.minDurationS) this.done.push({ startS: o.startS, endS: o.endS, peakScore: o.peak, meanScore: o.sum / o.n });
  }
}

/**
 * A per-pixel running Gaussian background (mean and variance, exponential
 * forgetting at `learningRate`), kept in the current frame's coordinates:
 * each frame the model is first moved by the camera's shift, then offset by
 * the median of (frame − model) over the pixels it covers (a global
 * illumination change: auto-exposure, a cloud), then compared. A pixel is
 * foreground when |frame − model| > max(k·σ, floor, MISALIGN_PX·|∇model|):
 * the last term tolerates the model being up to MISALIGN_PX off on edges
 * (the sub-pixel remainder of the shift, a slowly turning or zooming
 * picture), which would otherwise light up every edge. Only background
 * pixels update: under a moving object the model keeps the ground, so no
 * ghost is left where it was, and its contrast does not inflate σ until it
 * hides. A pixel foreground for more than `absorbFrames` frames in a row
 * (an object that stopped, or a ghost from a change the model missed) is
 * taken into the background. Pixels the shift brings in from outside
 * start from the frame, with the initial variance, and are not judged
 * until WARM_FRAMES old.
 */
const INITIAL_SIGMA = 8;
const MIN_VARIANCE = 2 * 2;
const MAX_VARIANCE = 60 * 60;
export const WARM_FRAMES = 3;
/** Differences are binned per grey level for the median: [−255, 255]. */
const HIST_OFFSET = 255;
/** Pixels of misalignment tolerated on edges. */
const MISALIGN_PX = 1;

export interface BackgroundOptions {
  readonly learningRate: number;
  readonly k: number;
  readonly floor: number;
}

export class BackgroundModel {
  readonly mean: Float32Array;
  private readonly variance: Float32Array;
  private readonly age: Uint8Array;
  /** Consecutive frames each pixel has been foreground. */
  private readonly run: Uint16Array;
  private readonly scratchMean: Float32Array;
  private readonly scratchVar: Float32Array;
  private readonly scratchAge: Uint8Array;
  private readonly scratchRun: Uint16Array;
  /** The model's mean as the frame found it, for its gradient. */
  private readonly before: Float32Array;
  private readonly hist = new Uint32Array(2 * HIST_OFFSET + 1);

  constructor(readonly width: number, readonly height: number, private readonly opts: BackgroundOptions) {
    const n = width * height;
    this.mean = new Float32Array(n);
    this.variance = new Float32Array(n);
    this.age = new Uint8Array(n);
    this.run = new Uint16Array(n);
    this.scratchMean = new Float32Array(n);
    this.scratchVar = new Float32Array(n);
    this.scratchAge = new Uint8Array(n);
    this.scratchRun = new Uint16Array(n);
    this.before = new Float32Array(n);
  }

  /** Moves the model with the camera: its pixel (x − dx, y − dy) becomes (x, y); pixels with no source are emptied. */
  shift(dx: number, dy: number): void {
    if (dx === 0 && dy === 0) return;
    const { width: w, height: h } = this;
    this.scratchAge.fill(0);
    for (let y = Math.max(0, dy); y < Math.min(h, h + dy); y++) {
      for (let x = Math.max(0, dx); x < Math.min(w, w + dx); x++) {
        const to = y * w + x;
        const from = (y - dy) * w + (x - dx);
        this.scratchMean[to] = this.mean[from]!;
        this.scratchVar[to] = this.variance[from]!;
        this.scratchAge[to] = this.age[from]!;
        this.scratchRun[to] = this.run[from]!;
      }
    }
    this.mean.set(this.scratchMean);
    this.variance.set(this.scratchVar);
    this.age.set(this.scratchAge);
    this.run.set(this.scratchRun);
  }

  /**
   * Compares `frame` with the model, marks `foreground` (1/0 per pixel), and
   * updates the model (a pixel foreground for more than `absorbFrames`
   * frames in a row is taken into it). Returns the numbers of judged
   * pixels (old enough) and of foreground pixels in the ROI [x0, x1) × [y0, y1).
   */
  step(frame: Float32Array, foreground: Uint8Array, x0: number, y0: number, x1: number, y1: number, absorbFrames: number): { judged: number; foreground: number } {
    const { width: w, mean, variance, age, run } = this;
    const n = frame.length;
    const { learningRate: rate, k, floor } = this.opts;
    // Illumination: the median difference over the pixels the model covers.
    const hist = this.hist;
    hist.fill(0);
    let covered = 0;
    for (let i = 0; i < n; i++) {
      if (age[i] === 0) continue;
      const d = Math.round(frame[i]! - mean[i]!);
      hist[Math.max(-HIST_OFFSET, Math.min(HIST_OFFSET, d)) + HIST_OFFSET]!++;
      covered++;
    }
    let median = 0;
    if (covered > 0) {
      let acc = 0;
      for (let b = 0; b < hist.length; b++) {
        acc += hist[b]!;
        if (2 * acc >= covered) {
          median = b - HIST_OFFSET;
          break;
        }
      }
    }
    const before = this.before;
    before.set(mean);
    let judged = 0;
    let fgCount = 0;
    const k2 = k * k;
    const floor2 = floor * floor;
    for (let i = 0; i < n; i++) {
      const f = frame[i]!;
      if (age[i] === 0) {
        mean[i] = f;
        variance[i] = INITIAL_SIGMA * INITIAL_SIGMA;
        age[i] = 1;
        run[i] = 0;
        foreground[i] = 0;
        continue;
      }
      const m = mean[i]! + median;
      const r = f - m;
      const r2 = r * r;
      const x = i % w;
      // The model's gradient, before this frame's update changes it (the shift and the median moved every pixel alike).
      const gx = x > 0 && x < w - 1 ? 0.5 * (before[i + 1]! - before[i - 1]!) : 0;
      const gy = i >= w && i < n - w ? 0.5 * (before[i + w]! - before[i - w]!) : 0;
      const edge2 = MISALIGN_PX * MISALIGN_PX * (gx * gx + gy * gy);
      const fg = age[i]! >= WARM_FRAMES && r2 > Math.max(k2 * variance[i]!, floor2, edge2);
      foreground[i] = fg ? 1 : 0;
      if (!fg) {
        run[i] = 0;
        mean[i] = m + rate * r;
        variance[i] = Math.min(MAX_VARIANCE, Math.max(MIN_VARIANCE, (1 - rate) * variance[i]! + rate * r2));
      } else if (++run[i]! > absorbFrames) {
        run[i] = 0;
        mean[i] = f;
      } else mean[i] = m;
      if (age[i]! < 255) age[i]!++;
      if (age[i]! > WARM_FRAMES) {
        const y = (i - x) / w;
        if (x >= x0 && x < x1 && y >= y0 && y < y1) {
          judged++;
          if (fg) fgCount++;
        }
      }
    }
    return { judged, foreground: fgCount };
  }

  /** Starts the model from a first frame. */
  reset(frame: Float32Array): void {
    this.mean.set(frame);
    this.variance.fill(INITIAL_SIGMA * INITIAL_SIGMA);
    this.age.fill(1);
    this.run.fill(0);
  }
}

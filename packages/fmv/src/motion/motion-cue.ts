/**
 * A motion cue for grayscale video frames decoded small (e.g. 160×90 at a
 * few frames a second: ffmpeg `-f rawvideo -pix_fmt gray`): the times when
 * something in a region of interest moves differently from the scene.
 * A cue for an analyst to look, not a detection.
 *
 * Per frame: (1) the camera's motion is estimated as one integer
 * translation of the frame against the background model (global-shift.ts)
 * and the model is moved with it; (2) a global brightness change is removed
 * (the median difference); (3) pixels differing from the model's mean by
 * more than max(k·σ, floor) are foreground (background-model.ts); (4) the
 * frame's score is the foreground fraction of the ROI's judged pixels;
 * (5) segments are runs of scores at least `minFraction` (staying open down
 * to half of it) lasting at least `minDurationS` (hysteresis.ts).
 *
 * What remains uncompensated, and fires or hides the cue: rotation and
 * zoom of the picture (an orbiting camera turns the scene about the frame
 * centre, a zoom scales it: only translation is removed, so pixels far
 * from the centre misalign by up to ~rotation·radius per frame until the
 * variance absorbs it); parallax of things above the ground (buildings,
 * trees move against the ground as the drone moves); sub-pixel motion
 * (up to half a pixel of misalignment at edges); shifts beyond
 * `maxShiftPx` per frame; burned-in overlays (text, crosshairs) that stay
 * put while the scene moves; compression artefacts and sensor noise bursts;
 * objects as large as half the picture (they bias both the shift and the
 * illumination median); and objects that stay on the same pixels for more
 * than `absorbAfterS` (stopped, or slow and large), which are absorbed
 * into the background.
 */
import { NarizError } from '@nariz/core';
import { BackgroundModel } from './background-model.js';
import { ShiftEstimator } from './global-shift.js';
import { SegmentTracker, type MotionSegment } from './hysteresis.js';

export type { MotionSegment } from './hysteresis.js';

export interface MotionCueOptions {
  readonly width: number;
  readonly height: number;
  /** Normalised region of interest, [x0, x1) × [y0, y1) of [0, 1]²; default the whole frame. */
  readonly roi?: { readonly x0: number; readonly y0: number; readonly x1: number; readonly y1: number };
  /** Background forgetting rate per frame (default 0.1: a memory of about 10 frames, short enough that a slowly turning picture, an orbit's, stays aligned). */
  readonly learningRate?: number;
  /** k: foreground beyond k standard deviations of the pixel's background (default 4). */
  readonly threshold?: number;
  /** Grey levels: foreground never closer than this to the background (default 12). */
  readonly floorLevels?: number;
  /** A segment starts at a frame whose score reaches this (default 0.005: 0.5 % of the ROI). */
  readonly minFraction?: number;
  /** Segments shorter than this are dropped (default 0.5 s). */
  readonly minDurationS?: number;
  /** The largest camera shift between frames searched, in pixels (default 1/8 of the larger side). */
  readonly maxShiftPx?: number;
  /** A pixel foreground this long without a break is taken into the background: something that stopped (default 5 s). */
  readonly absorbAfterS?: number;
}

export class MotionCue {
  private readonly width: number;
  private readonly height: number;
  private readonly model: BackgroundModel;
  private readonly shifts: ShiftEstimator;
  private readonly tracker: SegmentTracker;
  private readonly frame: Float32Array;
  private readonly fg: Uint8Array;
  private readonly roi: readonly [number, number, number, number];
  private readonly absorbAfterS: number;
  /** The frame interval, smoothed: converts absorbAfterS to frames. */
  private frameS = NaN;
  private lastS = -Infinity;
  private frames = 0;
  private finished = false;

  constructor(opts: MotionCueOptions) {
    const { width, height } = opts;
    if (!Number.isInteger(width) || !Number.isInteger(height) || width < 16 || height < 16 || width * height > 1 << 22) {
      usage(`frame size ${width}×${height}: expected whole numbers, at least 16×16 and at most 4 Mpixel (decode small: 160×90 is plenty)`);
    }
    this.absorbAfterS = opts.absorbAfterS ?? 5;
    const roi = opts.roi ?? { x0: 0, y0: 0, x1: 1, y1: 1 };
    if (!(roi.x0 >= 0 && roi.x0 < roi.x1 && roi.x1 <= 1 && roi.y0 >= 0 && roi.y0 < roi.y1 && roi.y1 <= 1)) {
      usage(`roi ${JSON.stringify(roi)}: expected 0 ≤ x0 < x1 ≤ 1 and 0 ≤ y0 < y1 ≤ 1 (normalised)`);
    }
    const learningRate = opts.learningRate ?? 0.1;
    const k = opts.threshold ?? 4;
    const floor = opts.floorLevels ?? 12;
    const minFraction = opts.minFraction ?? 0.005;
    const minDurationS = opts.minDurationS ?? 0.5;
    const maxShift = opts.maxShiftPx ?? Math.ceil(Math.max(width, height) / 8);
    if (!(learningRate > 0 && learningRate <= 1)) usage(`learningRate ${learningRate}: expected (0, 1]`);
    if (!(k > 0) || !(floor >= 0)) usage(`threshold ${k} and floorLevels ${floor}: expected k > 0, floor ≥ 0`);
    if (!(minFraction > 0 && minFraction <= 1) || !(minDurationS >= 0)) usage(`minFraction ${minFraction}, minDurationS ${minDurationS}: expected (0, 1] and ≥ 0`);
    if (!Number.isInteger(maxShift) || maxShift < 0) usage(`maxShiftPx ${maxShift}: expected a whole number ≥ 0`);
    if (!(this.absorbAfterS > 0)) usage(`absorbAfterS ${this.absorbAfterS}: expected > 0`);
    this.width = width;
    this.height = height;
    this.roi = [Math.floor(roi.x0 * width), Math.floor(roi.y0 * height), Math.max(Math.ceil(roi.x1 * width), Math.floor(roi.x0 * width) + 1), Math.max(Math.ceil(roi.y1 * height), Math.floor(roi.y0 * height) + 1)];
    this.model = new BackgroundModel(width, height, { learningRate, k, floor });
    this.shifts = new ShiftEstimator(width, height, maxShift);
    this.tracker = new SegmentTracker(minFraction, minFraction / 2, minDurationS);
    this.frame = new Float32Array(width * height);
    this.fg = new Uint8Array(width * height);
  }

  /** Adds the frame shown at `tS` (seconds, increasing); returns its score, the foreground fraction of the ROI (0 while the model warms up). */
  push(tS: number, gray: Uint8Array): number {
    if (this.finished) usage('push() after finish(): make a new MotionCue per video');
    if (gray.length !== this.width * this.height) usage(`a frame of ${gray.length} bytes; expected ${this.width}×${this.height} = ${this.width * this.height} (gray, one byte a pixel)`);
    if (!Number.isFinite(tS) || tS <= this.lastS) usage(`frame time ${tS} s does not follow ${this.lastS} s`);
    if (Number.isFinite(this.lastS)) this.frameS = Number.isNaN(this.frameS) ? tS - this.lastS : 0.9 * this.frameS + 0.1 * (tS - this.lastS);
    this.lastS = tS;
    const f = this.frame;
    for (let i = 0; i < f.length; i++) f[i] = gray[i]!;
    let score = 0;
    if (this.frames++ === 0) this.model.reset(f);
    else {
      const [dx, dy] = this.shifts.estimate(this.model.mean, f);
      this.model.shift(dx, dy);
      const [x0, y0, x1, y1] = this.roi;
      const r = this.model.step(f, this.fg, x0, y0, x1, y1, Math.max(2, Math.ceil(this.absorbAfterS / this.frameS)));
      score = r.judged === 0 ? 0 : r.foreground / r.judged;
    }
    this.tracker.push(tS, score);
    return score;
  }

  /** The segments; the cue takes no more frames. */
  finish(): MotionSegment[] {
    this.finished = true;
    return this.tracker.finish();
  }
}

function usage(message: string): never {
  throw new NarizError('NARIZ_USAGE', `MotionCue: ${message}`);
}

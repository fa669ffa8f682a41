/**
 * The camera's motion between the background model and a new frame, taken
 * as one integer translation (dx, dy): the frame shows at (x, y) what the
 * model holds at (x − dx, y − dy). Found coarse to fine over an image
 * pyramid (2×2 means per level): an exhaustive search of ±COARSE_RADIUS at
 * the coarsest level, then ±1 around the doubled estimate at each finer
 * one. The cost is the mean absolute difference of the two images over
 * their overlap after removing the difference of their means, so a global
 * brightness change does not pull the estimate, and a small moving object,
 * being few pixels under an L1 cost, barely does.
 *
 * Memory: both pyramids are allocated once (at most 4/3 of a frame each as
 * Float32); a call allocates nothing.
 */
const COARSE_RADIUS = 4;
/** The coarsest level keeps at least this many pixels a side, so the search has something to match. */
const MIN_LEVEL_SIDE = 12;
/** Candidate shifts must leave at least this fraction of the image overlapping. */
const MIN_OVERLAP = 0.3;

interface Level {
  readonly w: number;
  readonly h: number;
  readonly ref: Float32Array;
  readonly cur: Float32Array;
}

export class ShiftEstimator {
  private readonly levels: Level[] = [];

  constructor(readonly width: number, readonly height: number, readonly maxShift: number) {
    let w = width;
    let h = height;
    this.levels.push({ w, h, ref: new Float32Array(0), cur: new Float32Array(0) });
    let reach = COARSE_RADIUS;
    while (reach < maxShift && (w >> 1) >= MIN_LEVEL_SIDE && (h >> 1) >= MIN_LEVEL_SIDE) {
      w >>= 1;
      h >>= 1;
      reach *= 2;
      this.levels.push({ w, h, ref: new Float32Array(w * h), cur: new Float32Array(w * h) });
    }
  }

  /** The shift of `cur` against `ref` (both width × height), each component within ±maxShift. */
  estimate(ref: Float32Array, cur: Float32Array): [number, number] {
    const top = this.levels.length - 1;
    const full = this.levels[0]!;
    // Level 0 works on the caller's arrays.
    const at = (l: number): Level => (l === 0 ? { ...full, ref, cur } : this.levels[l]!);
    for (let l = 1; l <= top; l++) {
      const src = at(l - 1);
      const dst = this.levels[l]!;
      halve(src.ref, src.w, dst.ref, dst.w, dst.h);
      halve(src.cur, src.w, dst.cur, dst.w, dst.h);
    }
    let dx = 0;
    let dy = 0;
    for (let l = top; l >= 0; l--) {
      const lv = at(l);
      const radius = l === top ? COARSE_RADIUS : 1;
      const scale = 1 << l;
      const limit = Math.floor(this.maxShift / scale);
      let best = Infinity;
      let bx = dx;
      let by = dy;
      for (let sy = dy - radius; sy <= dy + radius; sy++) {
        if (Math.abs(sy) > limit) continue;
        for (let sx = dx - radius; sx <= dx + radius; sx++) {
          if (Math.abs(sx) > limit) continue;
          const c = cost(lv, sx, sy);
          // Ties go to the smaller motion.
          if (c < best || (c === best && Math.abs(sx) + Math.abs(sy) < Math.abs(bx) + Math.abs(by))) {
            best = c;
            bx = sx;
            by = sy;
          }
        }
      }
      dx = bx;
      dy = by;
      if (l > 0) {
        dx *= 2;
        dy *= 2;
      }
    }
    return [dx, dy];
  }
}

/** 2×2 means of src (row stride sw) into dst (dw × dh). */
function halve(src: Float32Array, sw: number, dst: Float32Array, dw: number, dh: number): void {
  for (let y = 0; y < dh; y++) {
    const r0 = 2 * y * sw;
    const r1 = r0 + sw;
    for (let x = 0; x < dw; x++) {
      const c = 2 * x;
      dst[y * dw + x] = 0.25 * (src[r0 + c]! + src[r0 + c + 1]! + src[r1 + c]! + src[r1 + c + 1]!);
    }
  }
}

/** Mean absolute difference of cur(x, y) and ref(x − sx, y − sy) over the overlap, the difference of means removed; Infinity when the overlap is too small. */
function cost(lv: Level, sx: number, sy: number): number {
  const { w, h, ref, cur } = lv;
  const x0 = Math.max(0, sx), x1 = Math.min(w, w + sx);
  const y0 = Math.max(0, sy), y1 = Math.min(h, h + sy);
  const n = (x1 - x0) * (y1 - y0);
  if (n < MIN_OVERLAP * w * h) return Infinity;
  let sum = 0;
  for (let y = y0; y < y1; y++) {
    const rc = y * w;
    const rr = (y - sy) * w - sx;
    for (let x = x0; x < x1; x++) sum += cur[rc + x]! - ref[rr + x]!;
  }
  const offset = sum / n;
  let sad = 0;
  for (let y = y0; y < y1; y++) {
    const rc = y * w;
    const rr = (y - sy) * w - sx;
    for (let x = x0; x < x1; x++) sad += Math.abs(cur[rc + x]! - ref[rr + x]! - offset);
  }
  return sad / n;
}

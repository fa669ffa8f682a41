/**
 * The track flown so far as bins for negative evidence: consecutive
 * samples grouped into straight pieces at least `binLengthM` long (a new
 * bin also starts after a gap in time), each with its end points in the
 * planning frame, mean height, mean reported wind (toward east, north) and
 * whether any of its samples lies in a detected plume event.
 */
import { LocalFrame, type Sortie } from '@nariz/core';

export interface FlownBins {
  readonly count: number;
  readonly e0: Float64Array;
  readonly n0: Float64Array;
  readonly e1: Float64Array;
  readonly n1: Float64Array;
  readonly upM: Float64Array;
  readonly windU: Float64Array;
  readonly windV: Float64Array;
  /** 1 when a sample of the bin is in a detected plume event. */
  readonly detected: Uint8Array;
}

/** Samples further apart in time than this start a new bin, s. */
export const FLOWN_BIN_GAP_S = 10;

/**
 * Bins of the sortie's track, positions in the frame at `origin`;
 * `detected[i]` flags sample i (a plume event of any species).
 */
export function flownBins(sortie: Sortie, origin: { lat: number; lon: number }, detected: Uint8Array, binLengthM: number): FlownBins {
  if (detected.length !== sortie.count) throw new RangeError(`flownBins: ${detected.length} flags for ${sortie.count} samples`);
  if (!(binLengthM > 0)) throw new RangeError(`flownBins: binLengthM must be > 0, got ${binLengthM}`);
  const frame = new LocalFrame(origin);
  const n = sortie.count;
  const e = new Float64Array(n);
  const no = new Float64Array(n);
  for (let i = 0; i < n; i++) [e[i], no[i]] = frame.project(sortie.lat[i]!, sortie.lon[i]!);
  // Bins own consecutive samples [s, z]; geometrically a bin starts where
  // the previous one ended when no time gap lies between them, so the
  // track is covered without holes.
  const starts: number[] = [];
  const ends: number[] = [];
  const joined: boolean[] = [];
  let s = 0;
  let dist = 0;
  let join = false;
  const close = (z: number): void => {
    starts.push(s);
    ends.push(z);
    joined.push(join);
  };
  for (let i = 1; i < n; i++) {
    if (sortie.timeS[i]! - sortie.timeS[i - 1]! > FLOWN_BIN_GAP_S) {
      if (s <= i - 1) close(i - 1);
      s = i;
      dist = 0;
      join = false;
      continue;
    }
    dist += Math.hypot(e[i]! - e[i - 1]!, no[i]! - no[i - 1]!);
    if (dist >= binLengthM) {
      close(i);
      s = i + 1;
      dist = 0;
      join = true;
    }
  }
  if (s < n) close(n - 1);
  const count = starts.length;
  const out: FlownBins = {
    count,
    e0: new Float64Array(count), n0: new Float64Array(count), e1: new Float64Array(count), n1: new Float64Array(count),
    upM: new Float64Array(count), windU: new Float64Array(count), windV: new Float64Array(count), detected: new Uint8Array(count),
  };
  for (let k = 0; k < count; k++) {
    const s = starts[k]!;
    const z = ends[k]!;
    const g = joined[k]! ? s - 1 : s;
    out.e0[k] = e[g]!;
    out.n0[k] = no[g]!;
    out.e1[k] = e[z]!;
    out.n1[k] = no[z]!;
    let up = 0;
    let u = 0;
    let v = 0;
    let det = 0;
    for (let i = s; i <= z; i++) {
      up += sortie.altAglM[i]!;
      u += sortie.windU[i]!;
      v += sortie.windV[i]!;
      det |= detected[i]!;
    }
    const m = z - s + 1;
    out.upM[k] = up / m;
    out.windU[k] = u / m;
    out.windV[k] = v / m;
    out.detected[k] = det;
  }
  return out;
}

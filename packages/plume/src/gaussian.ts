/**
 * Steady-state Gaussian plume with total ground reflection (Turner 1970;
 * Seinfeld & Pandis 2016, eq. 18.65):
 *
 *   C(x,y,z) = Q / (2 pi u sy sz) exp(-y^2 / 2 sy^2)
 *              [exp(-(z-H)^2 / 2 sz^2) + exp(-(z+H)^2 / 2 sz^2)]
 *
 * x downwind, y crosswind, z height above ground, H effective source height.
 * C = 0 upwind (x <= 0). Units: Q kg/s, u m/s, lengths m, C kg/m^3.
 *
 * Kernels here are "unit-rate": they return C for Q = 1 so that callers can
 * exploit linearity in Q (the source-term estimator does).
 */
import { sigmaY, sigmaZ } from './sigma.js';

/** Wind speeds below this are clamped: the plume model breaks down in calm air. */
export const MIN_WIND_MPS = 0.5;

export interface PlumeParams {
  /** Sigma set index (SIGMA_SET_INDEX). */
  readonly sigmaSet: number;
  /** Stability index 0..5 (A..F). */
  readonly stability: number;
  /** Source height above ground, m. */
  readonly sourceHeightM: number;
}

/**
 * Unit-rate concentration at a receptor given downwind distance x, crosswind
 * offset y, receptor height z and wind speed u.
 */
export function plumeUnit(p: PlumeParams, xM: number, yM: number, zM: number, uMps: number): number {
  if (xM <= 0) return 0;
  const sy = sigmaY(p.sigmaSet, p.stability, xM);
  const sz = sigmaZ(p.sigmaSet, p.stability, xM);
  const u = uMps < MIN_WIND_MPS ? MIN_WIND_MPS : uMps;
  const h = p.sourceHeightM;
  const z = zM < 0 ? 0 : zM;
  const gy = Math.exp((-yM * yM) / (2 * sy * sy));
  const dz1 = z - h;
  const dz2 = z + h;
  const gz = Math.exp((-dz1 * dz1) / (2 * sz * sz)) + Math.exp((-dz2 * dz2) / (2 * sz * sz));
  return (gy * gz) / (2 * Math.PI * u * sy * sz);
}

/**
 * Unit-rate concentration at a receptor at local (east, north, up) from a
 * source at (srcEast, srcNorth) in a wind (uE, vN) toward east/north.
 */
export function plumeUnitEnu(
  p: PlumeParams,
  srcEast: number,
  srcNorth: number,
  east: number,
  north: number,
  up: number,
  windU: number,
  windV: number,
): number {
  const speed = Math.hypot(windU, windV);
  if (speed === 0) return 0;
  const ex = windU / speed;
  const ny = windV / speed;
  const dx = east - srcEast;
  const dy = north - srcNorth;
  const x = dx * ex + dy * ny;
  const y = -dx * ny + dy * ex;
  return plumeUnit(p, x, y, up, speed);
}

/** Number of points used to average along a path receptor (Simpson's rule needs an odd count). */
export const PATH_POINTS = 17;

/**
 * Unit-rate concentration averaged along the straight segment from
 * (e0,n0,u0) to (e1,n1,u1), by composite Simpson's rule on PATH_POINTS nodes.
 * A zero-length segment reduces to the point receptor.
 */
export function plumeUnitPathEnu(
  p: PlumeParams,
  srcEast: number,
  srcNorth: number,
  e0: number,
  n0: number,
  u0: number,
  e1: number,
  n1: number,
  u1: number,
  windU: number,
  windV: number,
  points = PATH_POINTS,
): number {
  const m = points % 2 === 1 ? points : points + 1;
  let sum = 0;
  for (let i = 0; i < m; i++) {
    const t = i / (m - 1);
    const w = i === 0 || i === m - 1 ? 1 : i % 2 === 1 ? 4 : 2;
    sum += w * plumeUnitEnu(p, srcEast, srcNorth, e0 + t * (e1 - e0), n0 + t * (n1 - n0), u0 + t * (u1 - u0), windU, windV);
  }
  return sum / (3 * (m - 1));
}

/**
 * Receptors in structure-of-arrays form (local ENU metres). When `pathEast`
 * is present, receptor i is a path from (east,north,up)[i] to
 * (pathEast,pathNorth,pathUp)[i] wherever pathEast[i] is not NaN.
 */
export interface Receptors {
  readonly count: number;
  readonly east: Float64Array;
  readonly north: Float64Array;
  readonly up: Float64Array;
  readonly windU: Float64Array;
  readonly windV: Float64Array;
  readonly pathEast?: Float64Array;
  readonly pathNorth?: Float64Array;
  readonly pathUp?: Float64Array;
}

/**
 * Fills `out[i]` with the unit-rate concentration at every receptor for one
 * source. Returns `out` (allocated when not given).
 */
export function plumeUnitField(
  p: PlumeParams,
  srcEast: number,
  srcNorth: number,
  r: Receptors,
  out: Float64Array = new Float64Array(r.count),
): Float64Array {
  if (out.length < r.count) throw new RangeError(`plumeUnitField: out has ${out.length} slots, need ${r.count}`);
  const pe = r.pathEast;
  const pn = r.pathNorth;
  const pu = r.pathUp;
  for (let i = 0; i < r.count; i++) {
    const e1 = pe === undefined ? NaN : pe[i]!;
    out[i] =
      Number.isNaN(e1) || pn === undefined || pu === undefined
        ? plumeUnitEnu(p, srcEast, srcNorth, r.east[i]!, r.north[i]!, r.up[i]!, r.windU[i]!, r.windV[i]!)
        : plumeUnitPathEnu(p, srcEast, srcNorth, r.east[i]!, r.north[i]!, r.up[i]!, e1, pn[i]!, pu[i]!, r.windU[i]!, r.windV[i]!);
  }
  return out;
}

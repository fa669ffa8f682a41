/**
 * Estimated coverage: the fraction of the search area in which a source's
 * plume would be crossed by at least one transect.
 *
 * A source at (a_p, c_p) of height h counts as crossed by a line at along-
 * wind position a_t, altitude z, straight from c0 to c1, when
 *   1. it is downwind at a usable range: x = a_t - a_p with
 *      x_lo(z - h) <= x <= M (the plume has spread up to the flight level,
 *      spacing.ts, and is no further than the margin the pattern was laid
 *      for), and
 *   2. the line spans the plume: c0 <= c_p - sigma_y(x) and
 *      c_p + sigma_y(x) <= c1 (the plume's core with clean air either side).
 * The area is sampled on a regular grid of about `samples` points (the grid
 * is deterministic: cell centres of a square lattice over the bounding box,
 * kept when inside the polygon). The mean wind is taken as exact; meander
 * and direction error are not modelled.
 */
import { insideRings, type Ring } from './cross-section.js';
import { plumeSigmaYM, type PlumeModel } from './spacing.js';
import type { BandLayout } from './transects.js';

export const DEFAULT_COVERAGE_SAMPLES = 4000;

export function estimateCoverage(rings: readonly Ring[], bands: readonly BandLayout[], model: PlumeModel, marginM: number, samples = DEFAULT_COVERAGE_SAMPLES): number {
  let aMin = Infinity;
  let aMax = -Infinity;
  let cMin = Infinity;
  let cMax = -Infinity;
  for (const r of rings) for (const [a, c] of r) {
    aMin = Math.min(aMin, a);
    aMax = Math.max(aMax, a);
    cMin = Math.min(cMin, c);
    cMax = Math.max(cMax, c);
  }
  const cell = Math.sqrt(((aMax - aMin) * (cMax - cMin)) / samples);
  if (!(cell > 0)) return 0;
  let inside = 0;
  let covered = 0;
  for (let a = aMin + cell / 2; a < aMax; a += cell) {
    for (let c = cMin + cell / 2; c < cMax; c += cell) {
      if (!insideRings(rings, a, c)) continue;
      inside++;
      if (crossed(bands, model, marginM, a, c)) covered++;
    }
  }
  return inside === 0 ? 0 : covered / inside;
}

function crossed(bands: readonly BandLayout[], model: PlumeModel, marginM: number, a: number, c: number): boolean {
  for (const band of bands) {
    for (const line of band.lines) {
      const x = line.a - a;
      if (x < band.interceptRangeM || x > marginM) continue;
      const w = plumeSigmaYM(model, x);
      if (line.c0 <= c - w && c + w <= line.c1) return true;
    }
  }
  return false;
}

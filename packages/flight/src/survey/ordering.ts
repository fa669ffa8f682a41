/**
 * The order lines are flown in: a lawnmower (boustrophedon). Band 0 goes
 * upwind to downwind, band 1 back, and so on, so the link between bands is a
 * climb near where the last band ended. Each line is entered from the end
 * nearer to where the vehicle is, which alternates the direction.
 *
 * Turn radius: the connector between two lines is a 180° reversal made of
 * two fly-by 90° turns, each needing R of the connector, so lines flown one
 * after the other must be at least 2R apart. When the spacing s is smaller,
 * the band is flown in k = ceil(2R/s) interleaved passes (lines 0, k, 2k, …,
 * then 1, k+1, …), each pass in the same along-wind direction, as
 * QGroundControl's "fly alternate transects" does for k = 2.
 * Every line is extended by R at both ends so that the corner arcs begin
 * after the part that must be flown straight, and, when R > 0, the ends of
 * two lines flown one after the other are squared up (the shorter end
 * extended to the longer), so the connector runs straight along the wind
 * and both corners are 90° turns that fit in it.
 */
import type { BandLayout, Transect } from './transects.js';

export interface FlownLine {
  readonly line: Transect;
  /** Crosswind coordinates where the line is entered and left, m (run-in included). */
  readonly cStart: number;
  readonly cEnd: number;
}

export function interleaveFactor(spacingM: number, turnRadiusM: number): number {
  return turnRadiusM > 0 && spacingM < 2 * turnRadiusM ? Math.ceil((2 * turnRadiusM) / spacingM - 1e-9) : 1;
}

export function orderLines(bands: readonly BandLayout[], spacingM: number, turnRadiusM: number, start: readonly [number, number]): FlownLine[] {
  const k = interleaveFactor(spacingM, turnRadiusM);
  const out: FlownLine[] = [];
  let c = start[1];
  bands.forEach((band, b) => {
    const sorted = [...band.lines].sort((x, y) => (b % 2 === 0 ? x.a - y.a : y.a - x.a));
    for (let g = 0; g < k; g++) {
      let previous: FlownLine | undefined;
      for (let i = g; i < sorted.length; i += k) {
        const line = sorted[i]!;
        const lo = line.c0 - turnRadiusM;
        const hi = line.c1 + turnRadiusM;
        const forward = Math.abs(c - lo) <= Math.abs(c - hi);
        let cStart = forward ? lo : hi;
        if (previous !== undefined && turnRadiusM > 0) {
          // Square the shared side: the connector then runs along the wind.
          const side = forward ? Math.min(previous.cEnd, cStart) : Math.max(previous.cEnd, cStart);
          out[out.length - 1] = { ...previous, cEnd: side };
          cStart = side;
        }
        previous = { line, cStart, cEnd: forward ? hi : lo };
        out.push(previous);
        c = previous.cEnd;
      }
    }
  });
  return out;
}

/**
 * The crosswind extent of a polygon (with holes) within an along-wind slab
 * lo <= a <= hi, exactly, by trapezoidal decomposition: between consecutive
 * vertex abscissae no edge begins or ends, so the polygon's section there is
 * a set of trapezoids bounded by pairs of edges (even–odd rule on the edges
 * crossing the middle of the strip). Each trapezoid's crosswind range is
 * the min/max of its two bounding edges at the strip's ends.
 *
 * Working in (a, c) wind coordinates, m. Rings are arrays of [a, c] and may
 * or may not repeat their first point.
 */

export type Ring = ReadonlyArray<readonly [number, number]>;

export interface SectionPiece {
  /** Along-wind strip [a0, a1] the piece spans. */
  readonly a0: number;
  readonly a1: number;
  /** Crosswind range of the polygon within the strip. */
  readonly c0: number;
  readonly c1: number;
}

export function sectionPieces(rings: readonly Ring[], lo: number, hi: number): SectionPiece[] {
  if (!(hi > lo)) return [];
  const cuts = [lo, hi];
  for (const ring of rings) for (const [a] of ring) if (a > lo && a < hi) cuts.push(a);
  cuts.sort((x, y) => x - y);
  const pieces: SectionPiece[] = [];
  const crossing: Array<{ mid: number; at0: number; at1: number }> = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const a0 = cuts[k]!;
    const a1 = cuts[k + 1]!;
    if (a1 - a0 < 1e-9) continue;
    const am = 0.5 * (a0 + a1);
    crossing.length = 0;
    for (const ring of rings) {
      const n = ring.length;
      for (let i = 0; i < n; i++) {
        const p = ring[i]!;
        const q = ring[(i + 1) % n]!;
        if (p[0] === q[0] || (p[0] > am) === (q[0] > am)) continue;
        const at = (a: number): number => p[1] + ((a - p[0]) / (q[0] - p[0])) * (q[1] - p[1]);
        crossing.push({ mid: at(am), at0: at(a0), at1: at(a1) });
      }
    }
    crossing.sort((x, y) => x.mid - y.mid);
    for (let i = 0; i + 1 < crossing.length; i += 2) {
      const e0 = crossing[i]!;
      const e1 = crossing[i + 1]!;
      pieces.push({ a0, a1, c0: Math.min(e0.at0, e0.at1), c1: Math.max(e1.at0, e1.at1) });
    }
  }
  return pieces;
}

/** Whether (a, c) is inside the polygon (even–odd rule). */
export function insideRings(rings: readonly Ring[], a: number, c: number): boolean {
  let inside = false;
  for (const ring of rings) {
    const n = ring.length;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const [ai, ci] = ring[i]!;
      const [aj, cj] = ring[j]!;
      if (ci > c !== cj > c && a < ((aj - ai) * (c - ci)) / (cj - ci) + ai) inside = !inside;
    }
  }
  return inside;
}

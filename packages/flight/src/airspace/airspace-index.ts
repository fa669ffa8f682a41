/**
 * An authority's areas compiled for fast point and segment queries: every
 * polygon edge in flat typed arrays, a Flatbush R-tree over the edges'
 * boxes, and each edge's area number (permitted areas first, then
 * forbidden). Geometry is planar in longitude/latitude, as RFC 7946 reads
 * GeoJSON edges.
 *
 * - `locate`: even–odd parity of a point in every area, by casting a ray
 *   east and counting the edges it crosses (the half-open rule
 *   (y0 > y) !== (y1 > y) counts a vertex on the ray once).
 * - `crossings`: where a segment crosses edges, as fractions along it. A
 *   track only changes state where it crosses an edge, so consecutive
 *   samples need only the few edges in their segment's box.
 *
 * Compiled once per authority object and cached (WeakMap).
 */
import Flatbush from 'flatbush';
import type { Authority } from './authority.js';

export interface Crossing {
  /** Fraction along the segment, (0, 1]. */
  t: number;
  area: number;
}

export class AirspaceIndex {
  readonly areaCount: number;
  readonly permittedCount: number;
  readonly names: readonly string[];
  private readonly x0: Float64Array;
  private readonly y0: Float64Array;
  private readonly x1: Float64Array;
  private readonly y1: Float64Array;
  private readonly area: Uint32Array;
  private readonly tree: Flatbush | undefined;
  private readonly maxX: number;

  constructor(a: Authority) {
    const areas = [...a.permitted, ...a.forbidden];
    this.areaCount = areas.length;
    this.permittedCount = a.permitted.length;
    this.names = areas.map((f) => f.properties.name);
    let n = 0;
    for (const f of areas) for (const poly of f.geometry.coordinates) for (const ring of poly) n += Math.max(0, ring.length - 1);
    this.x0 = new Float64Array(n);
    this.y0 = new Float64Array(n);
    this.x1 = new Float64Array(n);
    this.y1 = new Float64Array(n);
    this.area = new Uint32Array(n);
    let k = 0;
    let maxX = -Infinity;
    areas.forEach((f, ai) => {
      for (const poly of f.geometry.coordinates) {
        for (const ring of poly) {
          for (let i = 0; i + 1 < ring.length; i++) {
            const p = ring[i]!;
            const q = ring[i + 1]!;
            if (p[0] === q[0] && p[1] === q[1]) continue;
            this.x0[k] = p[0]!;
            this.y0[k] = p[1]!;
            this.x1[k] = q[0]!;
            this.y1[k] = q[1]!;
            this.area[k] = ai;
            maxX = Math.max(maxX, p[0]!, q[0]!);
            k++;
          }
        }
      }
    });
    this.maxX = maxX;
    if (k === 0) {
      this.tree = undefined;
      return;
    }
    const tree = new Flatbush(k);
    for (let i = 0; i < k; i++) {
      tree.add(Math.min(this.x0[i]!, this.x1[i]!), Math.min(this.y0[i]!, this.y1[i]!), Math.max(this.x0[i]!, this.x1[i]!), Math.max(this.y0[i]!, this.y1[i]!));
    }
    tree.finish();
    this.tree = tree;
  }

  /** Even–odd parity of (lon, lat) in each area, written to `parity` (length areaCount). */
  locate(lon: number, lat: number, parity: Uint8Array): void {
    parity.fill(0);
    if (this.tree === undefined || lon > this.maxX) return;
    const { x0, y0, x1, y1, area } = this;
    for (const e of this.tree.search(lon, lat, this.maxX, lat)) {
      const ya = y0[e]!;
      const yb = y1[e]!;
      if (ya > lat !== yb > lat) {
        const x = x0[e]! + ((lat - ya) / (yb - ya)) * (x1[e]! - x0[e]!);
        if (lon < x) parity[area[e]!]! ^= 1;
      }
    }
  }

  /**
   * Edges crossed by the segment (px, py) → (qx, qy), sorted by the
   * fraction t in (0, 1] at which they are crossed; `out` is reused.
   * Returns the number of crossings written. An edge is taken half-open
   * (from its start vertex, excluding its end), so a crossing exactly at a
   * vertex is reported once; grazing a vertex is reported too, and callers
   * confirm the state with `locate`.
   */
  crossings(px: number, py: number, qx: number, qy: number, out: Crossing[]): number {
    out.length = 0;
    if (this.tree === undefined) return 0;
    const rx = qx - px;
    const ry = qy - py;
    const { x0, y0, x1, y1, area } = this;
    const hits = this.tree.search(Math.min(px, qx), Math.min(py, qy), Math.max(px, qx), Math.max(py, qy));
    for (const e of hits) {
      const ax = x0[e]!;
      const ay = y0[e]!;
      const sx = x1[e]! - ax;
      const sy = y1[e]! - ay;
      const denom = rx * sy - ry * sx;
      if (denom === 0) continue;
      const dx = ax - px;
      const dy = ay - py;
      const t = (dx * sy - dy * sx) / denom;
      const u = (dx * ry - dy * rx) / denom;
      if (t > 0 && t <= 1 && u >= 0 && u < 1) out.push({ t, area: area[e]! });
    }
    if (out.length > 1) out.sort((a, b) => a.t - b.t);
    return out.length;
  }
}

const compiled = new WeakMap<Authority, AirspaceIndex>();

export function airspaceIndex(a: Authority): AirspaceIndex {
  let idx = compiled.get(a);
  if (idx === undefined) {
    idx = new AirspaceIndex(a);
    compiled.set(a, idx);
  }
  return idx;
}

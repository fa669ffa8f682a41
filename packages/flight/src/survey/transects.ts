/**
 * Where the crosswind transects go. Lines stand at along-wind positions
 * a_k = aMin + s/2 + k·s (aMin = the area's upwind edge) up to the downwind
 * edge plus the margin M. In altitude band z, the line at a_k is there to
 * cross the plumes of sources between M and x_lo(z) upwind of it (x_lo: the
 * intercept range, spacing.ts), so it spans the crosswind extent of the
 * area within that along-wind slab, widened on each side by sigma_y at the
 * slab's far range so that it crosses each plume with a sigma_y of clean air
 * on either side. A line whose slab holds none of the area is dropped: no
 * line is flown upwind of x_lo from the upwind edge, and concave areas are
 * covered only where they have sources to cross (the area is, in effect,
 * swept downwind by M and clipped line by line).
 */
import { sectionPieces, type Ring } from './cross-section.js';
import { interceptRangeM, plumeSigmaYM, type PlumeModel } from './spacing.js';

export interface Transect {
  readonly band: number;
  readonly altM: number;
  /** Along-wind position, m. */
  readonly a: number;
  /** Crosswind extent that must be flown straight, m. */
  readonly c0: number;
  readonly c1: number;
}

export interface BandLayout {
  readonly altM: number;
  /** x_lo for this band, m (Infinity: the plume never reaches it). */
  readonly interceptRangeM: number;
  readonly lines: readonly Transect[];
  /** Lines dropped by maxTransects. */
  readonly truncated: number;
}

export interface LayoutOptions {
  readonly spacingM: number;
  readonly marginM: number;
  readonly altitudesM: readonly number[];
  readonly sourceHeightM: number;
  /** Cap on lines per band (upwind lines are kept). */
  readonly maxTransects?: number;
}

export function layoutTransects(rings: readonly Ring[], model: PlumeModel, o: LayoutOptions): BandLayout[] {
  let aMin = Infinity;
  let aMax = -Infinity;
  for (const r of rings) for (const [a] of r) {
    if (a < aMin) aMin = a;
    if (a > aMax) aMax = a;
  }
  const positions: number[] = [];
  for (let k = 0; ; k++) {
    const a = aMin + o.spacingM / 2 + k * o.spacingM;
    if (a > aMax + o.marginM + 1e-9) break;
    positions.push(a);
  }
  return o.altitudesM.map((altM, band): BandLayout => {
    const xLo = interceptRangeM(model, altM - o.sourceHeightM);
    const lines: Transect[] = [];
    if (xLo <= o.marginM) {
      for (const a of positions) {
        const pieces = sectionPieces(rings, Math.max(aMin, a - o.marginM), Math.min(aMax, a - xLo));
        let c0 = Infinity;
        let c1 = -Infinity;
        for (const p of pieces) {
          const w = plumeSigmaYM(model, a - p.a0);
          c0 = Math.min(c0, p.c0 - w);
          c1 = Math.max(c1, p.c1 + w);
        }
        if (c1 > c0) lines.push({ band, altM, a, c0, c1 });
      }
    }
    const cap = o.maxTransects ?? Infinity;
    return { altM, interceptRangeM: xLo, lines: lines.slice(0, cap), truncated: Math.max(0, lines.length - cap) };
  });
}

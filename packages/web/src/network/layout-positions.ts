/**
 * Where each entity sits on the link chart, and what the analyst pinned.
 * New entities start on a golden-angle spiral (deterministic, so the same
 * data opens the same way before any layout runs); saved positions win;
 * a pinned node keeps its place when the force layout runs again
 * (ForceAtlas2 leaves nodes with `fixed` alone). Positions are saved per
 * user and name on the server (PUT /api/network/layouts/:name).
 */
import type { SavedPosition } from '../api/schema/network-layout.js';

export interface ChartPosition {
  readonly x: number;
  readonly y: number;
  readonly pinned: boolean;
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/** The k-th point of the spiral: radius √k, so the points fill a disc evenly. */
export function spiralPosition(k: number): { x: number; y: number } {
  const r = Math.sqrt(k + 0.5) * 10;
  return { x: r * Math.cos(k * GOLDEN_ANGLE), y: r * Math.sin(k * GOLDEN_ANGLE) };
}

/**
 * Positions for `ids` (in their order): the current one if any, else the
 * saved one, else the next free spiral point.
 */
export function placeNodes(
  ids: readonly string[],
  current: ReadonlyMap<string, ChartPosition>,
  saved: Readonly<Record<string, SavedPosition>>,
): Map<string, ChartPosition> {
  const out = new Map<string, ChartPosition>();
  let k = 0;
  for (const id of ids) {
    const c = current.get(id) ?? saved[id];
    if (c !== undefined) {
      out.set(id, { x: c.x, y: c.y, pinned: c.pinned });
    } else {
      out.set(id, { ...spiralPosition(k), pinned: false });
    }
    k++;
  }
  return out;
}

/** The body of PUT /api/network/layouts/:name: only finite positions (a NaN would be refused). */
export function layoutBody(positions: ReadonlyMap<string, ChartPosition>): { positions: Record<string, { x: number; y: number; pinned: boolean }> } {
  const out: Record<string, { x: number; y: number; pinned: boolean }> = {};
  for (const [id, p] of positions) if (Number.isFinite(p.x) && Number.isFinite(p.y)) out[id] = { x: p.x, y: p.y, pinned: p.pinned };
  return { positions: out };
}

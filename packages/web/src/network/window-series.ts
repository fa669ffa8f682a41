/**
 * A windows run read for the screen: per window its span, graph size, the
 * entities first by the measure there (zeros left out: an entity with no
 * link in a window says nothing about it) and what changed from the window
 * before; and the few entities that rank highest in any window, each as a
 * series over the windows (null where the entity was not in the window's
 * graph — no value, not 0) for the line chart.
 */
import type { WindowDiff, WindowsResult } from '../api/schema/network-windows.js';
import { topN, type RankedEntity } from './ranking.js';

export interface WindowRow {
  readonly index: number;
  readonly startMs: number;
  /** Exclusive. */
  readonly endMs: number;
  readonly nodes: number;
  readonly edges: number;
  readonly used: number;
  readonly top: readonly RankedEntity[];
  /** From the window before; null for the first. */
  readonly diff: WindowDiff | null;
}

export interface EntitySeries {
  readonly id: string;
  readonly label: string;
  /** One per window. */
  readonly values: readonly (number | null)[];
  /** The largest value over the windows. */
  readonly peak: number;
}

export function windowRows(r: WindowsResult, labelOf: (id: string) => string, perWindow: number): WindowRow[] {
  const diffs = new Map(r.diffs.map((d) => [d.to, d]));
  return r.windows.map((w, index) => {
    const nonZero = Object.fromEntries(Object.entries(w.values).filter(([, v]) => v !== 0));
    return {
      index, startMs: Date.parse(w.start), endMs: Date.parse(w.end), nodes: w.nodes, edges: w.edges, used: w.used,
      top: topN(nonZero, labelOf, perWindow), diff: diffs.get(index) ?? null,
    };
  });
}

/** The `n` entities with the highest peak over the windows (ties by label), each with its value in every window. */
export function topSeries(r: WindowsResult, labelOf: (id: string) => string, n: number): EntitySeries[] {
  const peaks: Record<string, number> = {};
  for (const w of r.windows) {
    for (const [id, v] of Object.entries(w.values)) if (v !== 0 && (peaks[id] === undefined || v > peaks[id])) peaks[id] = v;
  }
  return topN(peaks, labelOf, n).map((e) => ({ id: e.id, label: e.label, peak: e.value, values: r.windows.map((w) => w.values[e.id] ?? null) }));
}

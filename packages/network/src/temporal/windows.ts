/**
 * Change over time: the same choices applied to successive time windows
 * of the assertions (model/choices.ts), a measure computed in each, and
 * what changed between consecutive windows: links that appeared or
 * vanished, entities that became active or inactive, and each entity's
 * change in the measure. Pure: build per window, compute, diff.
 *
 * Entities are compared by id, so windows may differ in their nodes (with
 * `nodes: 'linked-only'`, only the entities active in a window). An
 * entity absent from a window has no value there (not 0).
 */
import { NarizError } from '@nariz/core';
import type { Entity, LinkAssertion } from '../model/assertion.js';
import { buildAnalysisGraph, type AnalysisGraph } from '../model/analysis-graph.js';
import type { AnalysisChoices, TimeWindow } from '../model/choices.js';
import type { EntityId } from '../model/ids.js';

/** Windows of `widthMs` every `stepMs` from startMs, while they start before endMs (the last may reach past it). */
export function slidingWindows(startMs: number, endMs: number, widthMs: number, stepMs: number): TimeWindow[] {
  if (!(widthMs > 0) || !(stepMs > 0) || !(endMs > startMs)) throw new NarizError('NARIZ_USAGE', 'windows need startMs < endMs and positive widthMs and stepMs');
  const out: TimeWindow[] = [];
  for (let t = startMs; t < endMs; t += stepMs) out.push({ startMs: t, endMs: t + widthMs });
  return out;
}

export interface WindowMetrics {
  readonly window: TimeWindow;
  readonly graph: AnalysisGraph;
  /** The measure of each node of `graph`. */
  readonly values: Float64Array;
}

export interface EntityChange {
  readonly id: EntityId;
  readonly before: number;
  readonly after: number;
  readonly delta: number;
}

export interface WindowDiff {
  /** Windows compared (indices into the series). */
  readonly from: number;
  readonly to: number;
  /** Links as [source, target] entity ids (for undirected graphs the pair in node order). */
  readonly addedLinks: readonly (readonly [EntityId, EntityId])[];
  readonly removedLinks: readonly (readonly [EntityId, EntityId])[];
  /** Entities linked in `to` but not in `from`, and the reverse. */
  readonly activated: readonly EntityId[];
  readonly deactivated: readonly EntityId[];
  /** Entities present in both windows' graphs, by |delta| descending (ties by id). */
  readonly changes: readonly EntityChange[];
}

export interface WindowSeries {
  readonly windows: readonly WindowMetrics[];
  readonly diffs: readonly WindowDiff[];
}

export function metricsOverWindows(
  entities: readonly Entity[],
  assertions: readonly LinkAssertion[],
  choices: Omit<AnalysisChoices, 'window'>,
  windows: readonly TimeWindow[],
  measure: (ag: AnalysisGraph) => Float64Array,
): WindowSeries {
  const out: WindowMetrics[] = windows.map((window) => {
    const graph = buildAnalysisGraph(entities, assertions, { ...choices, window });
    const values = measure(graph);
    if (values.length !== graph.graph.nodeCount) throw new NarizError('NARIZ_USAGE', `the measure returned ${values.length} values for ${graph.graph.nodeCount} nodes`);
    return { window, graph, values };
  });
  const diffs: WindowDiff[] = [];
  for (let i = 1; i < out.length; i++) diffs.push(diffWindows(out[i - 1]!, out[i]!, i - 1, i));
  return { windows: out, diffs };
}

function diffWindows(a: WindowMetrics, b: WindowMetrics, from: number, to: number): WindowDiff {
  const linksA = links(a.graph);
  const linksB = links(b.graph);
  const activeA = active(a.graph);
  const activeB = active(b.graph);
  const changes: EntityChange[] = [];
  a.graph.nodeIds.forEach((id, va) => {
    const vb = b.graph.indexOf.get(id);
    if (vb === undefined) return;
    const before = a.values[va]!;
    const after = b.values[vb]!;
    changes.push({ id, before, after, delta: after - before });
  });
  changes.sort((x, y) => Math.abs(y.delta) - Math.abs(x.delta) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  return {
    from,
    to,
    addedLinks: [...linksB.entries()].filter(([k]) => !linksA.has(k)).map(([, pair]) => pair),
    removedLinks: [...linksA.entries()].filter(([k]) => !linksB.has(k)).map(([, pair]) => pair),
    activated: [...activeB].filter((id) => !activeA.has(id)),
    deactivated: [...activeA].filter((id) => !activeB.has(id)),
    changes,
  };
}

function links(ag: AnalysisGraph): Map<string, readonly [EntityId, EntityId]> {
  const out = new Map<string, readonly [EntityId, EntityId]>();
  const g = ag.graph;
  for (let e = 0; e < g.edgeCount; e++) {
    let s = ag.nodeIds[g.edgeSource[e]!]!;
    let t = ag.nodeIds[g.edgeTarget[e]!]!;
    if (!g.directed && t < s) [s, t] = [t, s];
    out.set(JSON.stringify([s, t]), [s, t]);
  }
  return out;
}

function active(ag: AnalysisGraph): Set<EntityId> {
  const out = new Set<EntityId>();
  const g = ag.graph;
  for (let e = 0; e < g.edgeCount; e++) {
    out.add(ag.nodeIds[g.edgeSource[e]!]!);
    out.add(ag.nodeIds[g.edgeTarget[e]!]!);
  }
  return out;
}

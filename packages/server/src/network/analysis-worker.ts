/**
 * The worker thread of one network analysis run (analysis-runner.ts): it
 * builds the analysis graph from what the requesting user may see, by
 * their choices, and computes what they asked for — centralities keyed by
 * entity id, communities (Leiden by default, or Louvain), key players, a removal curve, or a
 * measure over sliding time windows — posting progress between steps.
 * Exact betweenness runs on a BetweennessPool of `threads` workers (the
 * same bits as the serial kernel: docs/network.md). A measure that fails
 * (eigenvector on a graph where it does not converge, key players asked for
 * more nodes than there are) is reported under `errors` and the rest still
 * comes back. One message in, progress messages, one answer out.
 */
import { parentPort } from 'node:worker_threads';
import { NarizError } from '@nariz/core';
import {
  BetweennessPool, betweenness, closeness, computeBetweenness, degree, eigenvectorCentrality, harmonicCloseness, keyPlayers, leiden, louvain, metricsOverWindows, pagerank,
  removalCurve, slidingWindows, strength, type AnalysisGraph, type CsrGraph,
} from '@nariz/network';
import { combine, securityPolicy, type Marking } from '@nariz/security';
import { choicesEcho, parseChoices, type ChoicesJson } from './choices.js';
import { buildView, edgeJson, markingsUsed, type GraphView, type ModelInput } from './graph-view.js';

export const MEASURES = ['degree', 'strength', 'betweenness', 'closeness', 'harmonic_closeness', 'eigenvector', 'pagerank'] as const;
export type MeasureName = (typeof MEASURES)[number];

/** Community detection: Leiden (connected communities, modularity at least Louvain's on the shared networks; the default) or Louvain. */
export const COMMUNITY_ALGORITHMS = ['leiden', 'louvain'] as const;
export type CommunityAlgorithm = (typeof COMMUNITY_ALGORITHMS)[number];

export interface AnalysisRequestJson {
  choices?: ChoicesJson;
  measures?: MeasureName[];
  communities?: { algorithm?: CommunityAlgorithm; resolution?: number; seed?: number };
  key_players?: { k: number; objective?: 'fragmentation' | 'distance-fragmentation'; starts?: number; seed?: number };
  removal?: { measure?: 'betweenness' | 'degree'; steps: number };
}

export interface WindowsRequestJson {
  choices?: ChoicesJson;
  start: string;
  end: string;
  width_s: number;
  step_s: number;
  measure?: MeasureName;
  /** Entities with the largest changes kept per diff (default 50). */
  top?: number;
}

export type WorkerRequest =
  | { readonly kind: 'analysis'; readonly request: AnalysisRequestJson; readonly input: ModelInput; readonly threads: number; readonly ownCountry: string }
  | { readonly kind: 'windows'; readonly request: WindowsRequestJson; readonly input: ModelInput; readonly threads: number; readonly ownCountry: string };

export type WorkerReply =
  | { readonly type: 'progress'; readonly fraction: number; readonly message: string }
  | { readonly type: 'done'; readonly result: Record<string, unknown>; readonly marking: Marking | null }
  | { readonly type: 'error'; readonly code: string; readonly message: string; readonly stack?: string };

type Progress = (fraction: number, message: string) => void;

const keyed = (ids: readonly string[], values: ArrayLike<number>): Record<string, number> => {
  const out: Record<string, number> = {};
  ids.forEach((id, v) => (out[id] = values[v]!));
  return out;
};

function errorJson(err: unknown): { code: string; message: string } {
  return err instanceof NarizError ? { code: err.code, message: err.message } : { code: 'NARIZ_INTERNAL', message: err instanceof Error ? err.message : String(err) };
}

async function measure(name: MeasureName, g: CsrGraph, pool: BetweennessPool): Promise<Float64Array> {
  switch (name) {
    case 'degree': return degree(g, { direction: 'all' });
    case 'strength': return strength(g, { direction: 'all' });
    case 'betweenness': return (await computeBetweenness(g, { executor: pool })).values;
    case 'closeness': return closeness(g);
    case 'harmonic_closeness': return harmonicCloseness(g);
    case 'eigenvector': return eigenvectorCentrality(g);
    case 'pagerank': return pagerank(g);
  }
}

function measureSync(name: MeasureName, g: CsrGraph): Float64Array {
  return name === 'betweenness' ? betweenness(g) : name === 'degree' ? degree(g, { direction: 'all' }) : name === 'strength' ? strength(g, { direction: 'all' })
    : name === 'closeness' ? closeness(g) : name === 'harmonic_closeness' ? harmonicCloseness(g) : name === 'eigenvector' ? eigenvectorCentrality(g) : pagerank(g);
}

function bannerOf(markings: readonly Marking[], ownCountry: string): Marking | null {
  return markings.length === 0 ? null : combine(markings, securityPolicy(ownCountry));
}

function graphSummary(v: GraphView): Record<string, unknown> {
  return {
    nodes: v.graph.nodeCount, edges: v.graph.edgeCount, directed: v.graph.directed, weight_kind: v.graph.weightKind ?? null,
    excluded: { relation: v.excluded.relation, grading: v.excluded.grading, window: v.excluded.window, self_links: v.excluded.selfLinks, undated: v.excluded.undated },
    used: v.used, outside_component: v.outsideComponent,
  };
}

export async function runAnalysis(req: AnalysisRequestJson, input: ModelInput, threads: number, ownCountry: string, progress: Progress): Promise<Extract<WorkerReply, { type: 'done' }>> {
  const choices = parseChoices(req.choices);
  const measures = req.measures ?? [];
  const steps = 1 + measures.length + (req.communities !== undefined ? 1 : 0) + (req.key_players !== undefined ? 1 : 0) + (req.removal !== undefined ? 1 : 0);
  let done = 0;
  const step = (message: string): void => progress(++done / steps, message);
  const view = buildView(input, choices);
  const g = view.graph;
  const labels = new Map(input.entities.map((e) => [e.id as string, e]));
  step(`graph built: ${g.nodeCount} nodes, ${g.edgeCount} edges`);
  const result: Record<string, unknown> = {
    choices: choicesEcho(choices),
    graph: graphSummary(view),
    nodes: view.nodeIds.map((id) => ({ id, label: labels.get(id)?.label ?? id, type: labels.get(id)?.kind ?? 'other' })),
    edges: Array.from({ length: g.edgeCount }, (_, e) => edgeJson(view, e)),
  };
  const values: Record<string, Record<string, number>> = {};
  const errors: Record<string, { code: string; message: string }> = {};
  const pool = new BetweennessPool({ workers: Math.max(0, threads) });
  try {
    for (const name of measures) {
      try {
        values[name] = keyed(view.nodeIds, await measure(name, g, pool));
      } catch (err) {
        errors[name] = errorJson(err);
      }
      step(name);
    }
  } finally {
    await pool.close();
  }
  result['measures'] = values;
  if (req.communities !== undefined) {
    try {
      const algorithm = req.communities.algorithm ?? 'leiden';
      const o = { seed: req.communities.seed ?? 1, resolution: req.communities.resolution ?? 1 };
      const c = algorithm === 'leiden' ? leiden(g, o) : louvain(g, o);
      result['communities'] = {
        algorithm, resolution: o.resolution, seed: o.seed, count: c.communityCount, modularity: c.modularity, membership: keyed(view.nodeIds, c.membership),
      };
    } catch (err) {
      errors['communities'] = errorJson(err);
    }
    step('communities');
  }
  if (req.key_players !== undefined) {
    const kp = req.key_players;
    try {
      const r = keyPlayers(g, kp.k, { objective: kp.objective ?? 'fragmentation', starts: kp.starts ?? 20, seed: kp.seed ?? 1 });
      result['key_players'] = { k: kp.k, objective: kp.objective ?? 'fragmentation', ids: Array.from(r.nodes, (v) => view.nodeIds[v]!), score: r.score };
    } catch (err) {
      errors['key_players'] = errorJson(err);
    }
    step('key players');
  }
  if (req.removal !== undefined) {
    try {
      const curve = removalCurve(g, { steps: req.removal.steps, measure: req.removal.measure ?? 'betweenness' });
      result['removal'] = {
        measure: req.removal.measure ?? 'betweenness', initial_largest: curve.initialLargest, relative_sizes: [...curve.relativeSizes],
        steps: curve.steps.map((s) => ({ removed: view.nodeIds[s.removed]!, score: s.score, tied: s.tied, margin: s.margin, largest_component: s.largestComponent, relative_size: s.relativeSize })),
      };
    } catch (err) {
      errors['removal'] = errorJson(err);
    }
    step('removal curve');
  }
  result['errors'] = errors;
  return { type: 'done', result, marking: bannerOf(markingsUsed(view, input), ownCountry) };
}

export function runWindows(req: WindowsRequestJson, input: ModelInput, ownCountry: string, progress: Progress): Extract<WorkerReply, { type: 'done' }> {
  const choices = parseChoices(req.choices);
  const { window: _ignored, ...model } = choices.model;
  const startMs = Date.parse(req.start);
  const endMs = Date.parse(req.end);
  if (!(endMs > startMs)) throw new NarizError('NARIZ_BAD_REQUEST', 'the windows must end after they start', { path: 'end' });
  const windows = slidingWindows(startMs, endMs, req.width_s * 1000, req.step_s * 1000);
  if (windows.length > 500) throw new NarizError('NARIZ_BAD_REQUEST', `${windows.length} windows; at most 500 (widen step_s)`, { path: 'step_s' });
  const name = req.measure ?? 'degree';
  progress(0.05, `${windows.length} windows`);
  const series = metricsOverWindows(input.entities, input.assertions, model, windows, (ag: AnalysisGraph) => measureSync(name, ag.graph));
  const top = req.top ?? 50;
  const used: Marking[] = [];
  const entitiesUsed = new Set<string>();
  const assertionsUsed = new Set<string>();
  for (const w of series.windows) {
    for (const id of w.graph.nodeIds) entitiesUsed.add(id);
    for (const id of w.graph.provenanceIds) assertionsUsed.add(id);
  }
  for (const id of entitiesUsed) used.push(input.entityMarkings[id]!);
  for (const id of assertionsUsed) used.push(input.assertionMarkings[id]!);
  const result = {
    choices: choicesEcho(choices), measure: name, undated: input.undated,
    windows: series.windows.map((w) => ({
      start: new Date(w.window.startMs).toISOString(), end: new Date(w.window.endMs).toISOString(), nodes: w.graph.graph.nodeCount, edges: w.graph.graph.edgeCount,
      used: w.graph.used, values: keyed(w.graph.nodeIds, w.values),
    })),
    diffs: series.diffs.map((d) => ({
      from: d.from, to: d.to, added_links: d.addedLinks.map((l) => [...l]), removed_links: d.removedLinks.map((l) => [...l]), activated: [...d.activated], deactivated: [...d.deactivated],
      changes: d.changes.slice(0, top).map((c) => ({ id: c.id, before: c.before, after: c.after, delta: c.delta })),
    })),
  };
  return { type: 'done', result, marking: bannerOf(used, ownCountry) };
}

const port = parentPort;
if (port !== null) {
  port.once('message', (req: WorkerRequest) => {
    const progress: Progress = (fraction, message) => port.postMessage({ type: 'progress', fraction, message } satisfies WorkerReply);
    const run = req.kind === 'analysis' ? runAnalysis(req.request, req.input, req.threads, req.ownCountry, progress) : Promise.resolve().then(() => runWindows(req.request, req.input, req.ownCountry, progress));
    run.then(
      (done) => port.postMessage(done),
      (err: unknown) => {
        const e = errorJson(err);
        port.postMessage({ type: 'error', ...e, ...(err instanceof Error && err.stack !== undefined && !(err instanceof NarizError) ? { stack: err.stack } : {}) } satisfies WorkerReply);
      },
    );
  });
}

/**
 * A counter-network analysis run (POST /api/network/analysis, read back by
 * GET /api/network/analysis/:id): its state and progress while the
 * server's worker computes, and once done its result keyed by entity id —
 * the graph analysed and what was left out, the measures asked for,
 * communities (Leiden or Louvain), key players and a removal curve (or, for a run of
 * kind `windows`, network-windows.ts). A measure that failed is under
 * `errors`; the rest still came back.
 */
import { MEASURES, type MeasureName } from './network-measures.js';
import { readWindowsResult, type WindowsResult } from './network-windows.js';
import { arrayOf, fields, int, nullable, num, oneOf, optional, recordOf, str, type Reader } from './read.js';

export { MEASURES, type MeasureName } from './network-measures.js';

/** How communities are found (the server's `communities.algorithm`): Leiden (its communities are connected) by default, or Louvain. */
export const COMMUNITY_ALGORITHMS = ['leiden', 'louvain'] as const;
export type CommunityAlgorithm = (typeof COMMUNITY_ALGORITHMS)[number];

export const RUN_STATES = ['queued', 'running', 'done', 'failed'] as const;
export type RunState = (typeof RUN_STATES)[number];

export interface AnalysisEdge {
  readonly from: string;
  readonly to: string;
  readonly weight: number | null;
  /** The assertions behind the edge (provenance). */
  readonly assertions: readonly string[];
}

export interface RemovalStep {
  readonly removed: string;
  readonly score: number;
  readonly tied: number;
  readonly relativeSize: number;
}

export interface AnalysisResult {
  readonly nodeCount: number;
  readonly edgeCount: number;
  readonly nodes: readonly { readonly id: string; readonly label: string; readonly type: string }[];
  readonly edges: readonly AnalysisEdge[];
  /** measure → entity id → value. */
  readonly measures: Readonly<Partial<Record<MeasureName, Readonly<Record<string, number>>>>>;
  readonly communities: { readonly algorithm: CommunityAlgorithm; readonly count: number; readonly modularity: number; readonly membership: Readonly<Record<string, number>> } | null;
  readonly keyPlayers: { readonly k: number; readonly objective: string; readonly ids: readonly string[]; readonly score: number } | null;
  readonly removal: { readonly measure: string; readonly relativeSizes: readonly number[]; readonly steps: readonly RemovalStep[] } | null;
  /** What failed, by part: the server's code and message. */
  readonly errors: Readonly<Record<string, string>>;
}

export interface AnalysisRun {
  readonly id: string;
  readonly kind: string;
  readonly state: RunState;
  readonly progress: number;
  readonly message: string;
  readonly error: string | null;
  readonly banner: string | null;
  /** Present once done (analysis runs only). */
  readonly result: AnalysisResult | null;
  /** Present once done (windows runs only). */
  readonly windows: WindowsResult | null;
}

export const readAnalysisEdge: Reader<AnalysisEdge> = (v, path) => {
  const f = fields(v, path);
  return { from: f.str('from'), to: f.str('to'), weight: f.get('weight', nullable(num)), assertions: f.get('assertions', arrayOf(str)) };
};

const readNode: Reader<{ id: string; label: string; type: string }> = (v, path) => {
  const f = fields(v, path);
  return { id: f.str('id'), label: f.str('label'), type: f.str('type') };
};

const readRemovalStep: Reader<RemovalStep> = (v, path) => {
  const f = fields(v, path);
  return { removed: f.str('removed'), score: f.num('score'), tied: f.int('tied'), relativeSize: f.num('relative_size') };
};

const readMeasures: Reader<AnalysisResult['measures']> = (v, path) => {
  const all = recordOf(recordOf(num))(v, path);
  const out: Partial<Record<MeasureName, Record<string, number>>> = {};
  for (const m of MEASURES) if (all[m] !== undefined) out[m] = all[m];
  return out;
};

const readResult: Reader<AnalysisResult> = (v, path) => {
  const f = fields(v, path);
  const g = fields(f.get('graph', (x) => x), `${path}.graph`);
  const errors = f.get('errors', optional(recordOf((x, p) => fields(x, p).str('message')))) ?? {};
  return {
    nodeCount: g.int('nodes'),
    edgeCount: g.int('edges'),
    nodes: f.get('nodes', arrayOf(readNode)),
    edges: f.get('edges', arrayOf(readAnalysisEdge)),
    measures: f.get('measures', optional(readMeasures)) ?? {},
    communities: f.get('communities', optional((x, p) => {
      const c = fields(x, p);
      return { algorithm: c.get('algorithm', oneOf(COMMUNITY_ALGORITHMS)), count: c.int('count'), modularity: c.num('modularity'), membership: c.get('membership', recordOf(int)) };
    })) ?? null,
    keyPlayers: f.get('key_players', optional((x, p) => {
      const k = fields(x, p);
      return { k: k.int('k'), objective: k.str('objective'), ids: k.get('ids', arrayOf(str)), score: k.num('score') };
    })) ?? null,
    removal: f.get('removal', optional((x, p) => {
      const r = fields(x, p);
      return { measure: r.str('measure'), relativeSizes: r.get('relative_sizes', arrayOf(num)), steps: r.get('steps', arrayOf(readRemovalStep)) };
    })) ?? null,
    errors,
  };
};

export function readAnalysisRun(v: unknown): AnalysisRun {
  const f = fields(v, 'analysis');
  const kind = f.str('kind');
  const error = f.get('error', nullable((x, p) => fields(x, p).str('message')));
  return {
    id: f.str('id'),
    kind,
    state: f.get('state', oneOf(RUN_STATES)),
    progress: f.num('progress'),
    message: f.str('message'),
    error,
    banner: f.get('banner', nullable(str)),
    result: kind === 'analysis' && f.has('result') ? f.get('result', nullable(readResult)) : null,
    windows: kind === 'windows' && f.has('result') ? f.get('result', nullable(readWindowsResult)) : null,
  };
}

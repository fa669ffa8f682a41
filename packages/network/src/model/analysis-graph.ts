/**
 * Assertions → the analysis graph, by the analyst's choices (choices.ts).
 * Pure: the same entities, assertions and choices give the same graph,
 * node numbering (entity order) and edge numbering.
 *
 * Every edge keeps the assertions that made it (`edgeProvenance`), so any
 * number computed on the graph can be traced back to the reports behind
 * each link it used.
 */
import { NarizError } from '@nariz/core';
import { csrFromEdges } from '../graph/build-csr.js';
import type { CsrGraph } from '../graph/csr.js';
import type { Entity, LinkAssertion } from './assertion.js';
import type { AnalysisChoices } from './choices.js';
import { meetsMinimumGrading } from './grading.js';
import type { AssertionId, EntityId } from './ids.js';

export interface AnalysisGraph {
  readonly graph: CsrGraph;
  /** Node index → entity. */
  readonly nodeIds: readonly EntityId[];
  readonly indexOf: ReadonlyMap<EntityId, number>;
  /** edgeCount + 1 offsets into `provenanceIds`. */
  readonly provenanceOffsets: Uint32Array;
  /** The assertions behind each edge, grouped by edge, in input order within an edge. */
  readonly provenanceIds: readonly AssertionId[];
  /** Assertions left out, by the first reason that applied (in this order). */
  readonly excluded: { readonly relation: number; readonly grading: number; readonly window: number; readonly selfLinks: number };
  /** Assertions that made an edge. */
  readonly used: number;
}

export function buildAnalysisGraph(entities: readonly Entity[], assertions: readonly LinkAssertion[], choices: AnalysisChoices = {}): AnalysisGraph {
  const known = new Map<EntityId, number>();
  for (let i = 0; i < entities.length; i++) {
    const id = entities[i]!.id;
    if (known.has(id)) throw new NarizError('NARIZ_GRAPH', `entity ${id} is listed twice`, { path: `entities[${i}]` });
    known.set(id, i);
  }
  const window = choices.window;
  if (window !== undefined && !(window.endMs > window.startMs)) throw new NarizError('NARIZ_USAGE', `the time window must end after it starts (${window.startMs} … ${window.endMs})`);
  const relations = choices.relations === undefined ? undefined : new Set(choices.relations);
  const excluded = { relation: 0, grading: 0, window: 0, selfLinks: 0 };
  const kept: number[] = [];
  for (let i = 0; i < assertions.length; i++) {
    const a = assertions[i]!;
    if (!known.has(a.source) || !known.has(a.target)) {
      throw new NarizError('NARIZ_GRAPH', `assertion ${a.id} links ${known.has(a.source) ? a.target : a.source}, which is not an entity`, { path: `assertions[${i}]` });
    }
    const count = a.count ?? 1;
    if (!Number.isFinite(count) || count <= 0) throw new NarizError('NARIZ_GRAPH', `assertion ${a.id}: count ${count} is not a finite number > 0`, { path: `assertions[${i}].count` });
    if (!(a.validToMs >= a.validFromMs)) throw new NarizError('NARIZ_GRAPH', `assertion ${a.id}: validToMs is before validFromMs`, { path: `assertions[${i}]` });
    if (relations !== undefined && !relations.has(a.relation)) excluded.relation++;
    else if (choices.minGrading !== undefined && !meetsMinimumGrading(a.grading, choices.minGrading)) excluded.grading++;
    else if (window !== undefined && !(a.validFromMs < window.endMs && a.validToMs >= window.startMs)) excluded.window++;
    else if (a.source === a.target) excluded.selfLinks++;
    else kept.push(i);
  }

  // Nodes: every entity, or those with a kept link, in entity order.
  let nodeOfEntity: Int32Array;
  const nodeIds: EntityId[] = [];
  if ((choices.nodes ?? 'all-entities') === 'all-entities') {
    nodeOfEntity = Int32Array.from(entities, (_, i) => i);
    for (const e of entities) nodeIds.push(e.id);
  } else {
    const linked = new Uint8Array(entities.length);
    for (const i of kept) {
      linked[known.get(assertions[i]!.source)!] = 1;
      linked[known.get(assertions[i]!.target)!] = 1;
    }
    nodeOfEntity = new Int32Array(entities.length).fill(-1);
    for (let e = 0; e < entities.length; e++) {
      if (linked[e] === 1) {
        nodeOfEntity[e] = nodeIds.length;
        nodeIds.push(entities[e]!.id);
      }
    }
  }
  const indexOf = new Map<EntityId, number>();
  nodeIds.forEach((id, v) => indexOf.set(id, v));

  const src = new Uint32Array(kept.length);
  const tgt = new Uint32Array(kept.length);
  const cnt = new Float64Array(kept.length);
  for (let k = 0; k < kept.length; k++) {
    const a = assertions[kept[k]!]!;
    src[k] = nodeOfEntity[known.get(a.source)!]!;
    tgt[k] = nodeOfEntity[known.get(a.target)!]!;
    cnt[k] = a.count ?? 1;
  }
  const weight = choices.weight ?? 'none';
  const built = csrFromEdges(
    weight === 'none' ? { nodeCount: nodeIds.length, source: src, target: tgt } : { nodeCount: nodeIds.length, source: src, target: tgt, weight: cnt },
    { directed: choices.directed ?? false, duplicates: choices.multiplicity === 'one-per-assertion' ? 'keep' : 'merge', weightKind: 'strength' },
  );
  let graph = built.graph;
  if (weight === 'count-as-distance') {
    // Counts were summed per edge as strengths; the length is their inverse.
    const inv = (w: Float64Array): Float64Array => w.map((x) => 1 / x);
    graph = { ...graph, arcWeights: inv(graph.arcWeights!), edgeWeights: inv(graph.edgeWeights!), weightKind: 'length' };
  }

  // Provenance, grouped by edge (a counting sort on the edge of each kept assertion).
  const m = graph.edgeCount;
  const provenanceOffsets = new Uint32Array(m + 1);
  for (let k = 0; k < kept.length; k++) provenanceOffsets[built.edgeOfInput[k]! + 1]!++;
  for (let e = 0; e < m; e++) provenanceOffsets[e + 1]! += provenanceOffsets[e]!;
  const fill = provenanceOffsets.slice(0, m);
  const provenanceIds = new Array<AssertionId>(kept.length);
  for (let k = 0; k < kept.length; k++) provenanceIds[fill[built.edgeOfInput[k]!]!++] = assertions[kept[k]!]!.id;
  return { graph, nodeIds, indexOf, provenanceOffsets, provenanceIds, excluded, used: kept.length };
}

/** The assertions behind edge `edge`. */
export function edgeProvenance(ag: AnalysisGraph, edge: number): readonly AssertionId[] {
  if (!Number.isInteger(edge) || edge < 0 || edge >= ag.graph.edgeCount) throw new NarizError('NARIZ_GRAPH', `edge ${edge} is not an edge (0 … ${ag.graph.edgeCount - 1})`);
  return ag.provenanceIds.slice(ag.provenanceOffsets[edge]!, ag.provenanceOffsets[edge + 1]!);
}

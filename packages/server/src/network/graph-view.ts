/**
 * From what a reader may see to the graph analysed: a store snapshot (merges
 * already applied for them) becomes @nariz/network's entities and link
 * assertions (`modelInput`), and those the CSR graph by the choices
 * (`buildView`), optionally cut to its largest component. Every edge keeps
 * the assertions behind it, so each number can be traced to its reports.
 *
 * Two platform rules sit here, before the model: an undated assertion is
 * left out whenever a time window is chosen (it cannot be said to overlap
 * it; counted as `undated`); and in a directed graph an undirected
 * assertion counts both ways (two arcs with the same provenance).
 *
 * Plain data in and out, so the same code runs in the request and in the
 * analysis worker (analysis-worker.ts).
 */
import {
  assertionId, buildAnalysisGraph, entityId, largestComponent, type CsrGraph, type Entity, type InformationCredibility, type LinkAssertion, type SourceReliability,
} from '@nariz/network';
import type { Marking } from '@nariz/security';
import type { NetworkSnapshot } from '@nariz/store';
import type { Choices } from './choices.js';

export interface ModelInput {
  readonly entities: Entity[];
  readonly assertions: LinkAssertion[];
  /** Each entity's and assertion's marking, by id (for the banner of what a result used). */
  readonly entityMarkings: Record<string, Marking>;
  readonly assertionMarkings: Record<string, Marking>;
  /** Left out for having no date while a window is chosen. */
  readonly undated: number;
}

/** `dropUndated` (default: when a window is chosen) leaves undated assertions out. */
export function modelInput(snap: NetworkSnapshot, choices: Choices, dropUndated = choices.model.window !== undefined): ModelInput {
  const entities: Entity[] = snap.entities.map((e) => ({ id: entityId(e.id), kind: e.type, label: e.label }));
  const assertions: LinkAssertion[] = [];
  const entityMarkings: Record<string, Marking> = {};
  const assertionMarkings: Record<string, Marking> = {};
  for (const e of snap.entities) entityMarkings[e.id] = e.marking;
  let undated = 0;
  for (const a of snap.assertions) {
    if (a.validFrom === undefined && dropUndated) {
      undated++;
      continue;
    }
    assertionMarkings[a.id] = a.marking;
    const base: LinkAssertion = {
      id: assertionId(a.id), source: entityId(a.resolvedFrom), target: entityId(a.resolvedTo), relation: a.type,
      grading: { reliability: a.reliability as SourceReliability, credibility: a.credibility as InformationCredibility },
      validFromMs: a.validFrom === undefined ? 0 : Date.parse(a.validFrom), validToMs: a.validTo === undefined ? 0 : Date.parse(a.validTo),
      count: a.count, provenance: a.sourceRef,
    };
    assertions.push(base);
    if (choices.model.directed === true && !a.directed) assertions.push({ ...base, source: base.target, target: base.source });
  }
  return { entities, assertions, entityMarkings, assertionMarkings, undated };
}

export interface GraphView {
  readonly graph: CsrGraph;
  /** Node → entity id. */
  readonly nodeIds: readonly string[];
  readonly indexOf: ReadonlyMap<string, number>;
  /** The assertions behind edge e (ids, without repeats). */
  edgeAssertions(e: number): string[];
  readonly excluded: { readonly relation: number; readonly grading: number; readonly window: number; readonly selfLinks: number; readonly undated: number };
  /** Assertions that made an edge of the whole graph. */
  readonly used: number;
  /** Nodes left out by `component: largest`. */
  readonly outsideComponent: number;
}

export function buildView(input: ModelInput, choices: Choices): GraphView {
  const ag = buildAnalysisGraph(input.entities, input.assertions, choices.model);
  const excluded = { ...ag.excluded, undated: input.undated };
  const provenance = (e: number): string[] => [...new Set(ag.provenanceIds.slice(ag.provenanceOffsets[e]!, ag.provenanceOffsets[e + 1]!) as string[])];
  if (choices.component === 'all') {
    return { graph: ag.graph, nodeIds: ag.nodeIds, indexOf: ag.indexOf as ReadonlyMap<string, number>, edgeAssertions: provenance, excluded, used: ag.used, outsideComponent: 0 };
  }
  const sub = largestComponent(ag.graph);
  const nodeIds = Array.from(sub.originalNode, (v) => ag.nodeIds[v]! as string);
  return {
    graph: sub.graph, nodeIds, indexOf: new Map(nodeIds.map((id, v) => [id, v])), edgeAssertions: (e) => provenance(sub.originalEdge[e]!), excluded, used: ag.used,
    outsideComponent: ag.graph.nodeCount - sub.graph.nodeCount,
  };
}

export interface EdgeJson {
  readonly from: string;
  readonly to: string;
  readonly weight: number | null;
  readonly assertions: string[];
}

export function edgeJson(v: GraphView, e: number): EdgeJson {
  const g = v.graph;
  return { from: v.nodeIds[g.edgeSource[e]!]!, to: v.nodeIds[g.edgeTarget[e]!]!, weight: g.edgeWeights === undefined ? null : g.edgeWeights[e]!, assertions: v.edgeAssertions(e) };
}

/** The markings of what a view used: its nodes' entities and its edges' assertions. */
export function markingsUsed(v: GraphView, input: ModelInput): Marking[] {
  const out: Marking[] = [];
  for (const id of v.nodeIds) out.push(input.entityMarkings[id]!);
  const seen = new Set<string>();
  for (let e = 0; e < v.graph.edgeCount; e++) {
    for (const a of v.edgeAssertions(e)) {
      if (seen.has(a)) continue;
      seen.add(a);
      out.push(input.assertionMarkings[a]!);
    }
  }
  return out;
}

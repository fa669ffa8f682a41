/**
 * The published networks in ../shared/data/networks (read in place, never
 * copied), as the studies used them:
 * - Krebs (2002) 9/11 hijackers: `name,name` lines (three stacked layers
 *   with repeats); "Nabil Almarabh" merged into "Nabil al-Marabh"; the
 *   largest component is Krebs's 62 nodes / 153 links. Each line is made an
 *   assertion (graded C3: the file carries no gradings) so the model's
 *   builder is what reads it.
 * - Montagna (Cavallaro et al. 2020): `u v weight` lines, meetings and
 *   phone calls; unweighted here, as the published removal curves are.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  assertionId, buildAnalysisGraph, csrFromEdges, entityId, largestComponent,
  type AnalysisGraph, type CsrGraph, type Entity, type InducedSubgraph, type LinkAssertion,
} from '../src/index.js';

export const NETWORKS = fileURLToPath(new URL('../../../../../shared/data/networks/', import.meta.url));

export interface Krebs {
  readonly all: AnalysisGraph;
  readonly lcc: InducedSubgraph;
  /** Name of each node of lcc.graph. */
  readonly names: readonly string[];
  readonly indexOf: (name: string) => number;
}

export function krebsEntitiesAndAssertions(): { entities: Entity[]; assertions: LinkAssertion[] } {
  const text = readFileSync(`${NETWORKS}krebs-9-11-edgelist.txt`, 'utf8');
  const canon = (s: string): string => (s.trim() === 'Nabil Almarabh' ? 'Nabil al-Marabh' : s.trim());
  const entities: Entity[] = [];
  const seen = new Set<string>();
  const assertions: LinkAssertion[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const [a, b] = line.split(',').map(canon);
    for (const name of [a!, b!]) {
      if (!seen.has(name)) {
        seen.add(name);
        entities.push({ id: entityId(name), kind: 'person', label: name });
      }
    }
    assertions.push({
      id: assertionId(`krebs:${i + 1}`), source: entityId(a!), target: entityId(b!), relation: 'association',
      grading: { reliability: 'C', credibility: 3 }, validFromMs: 0, validToMs: 0, provenance: `krebs-9-11-edgelist.txt line ${i + 1}`,
    });
  });
  return { entities, assertions };
}

export function krebs(): Krebs {
  const { entities, assertions } = krebsEntitiesAndAssertions();
  const all = buildAnalysisGraph(entities, assertions);
  const lcc = largestComponent(all.graph);
  const names = Array.from(lcc.originalNode, (v) => all.nodeIds[v]! as string);
  const idx = new Map(names.map((n, i) => [n, i]));
  return {
    all, lcc, names,
    indexOf: (name) => {
      const v = idx.get(name);
      if (v === undefined) throw new Error(`no node ${name}`);
      return v;
    },
  };
}

export interface Montagna {
  readonly graph: CsrGraph;
  /** The file's node label of each node. */
  readonly labels: readonly string[];
}

export function montagna(which: 'meetings' | 'phonecalls'): Montagna {
  const text = readFileSync(`${NETWORKS}montagna-${which}-edgelist.csv`, 'utf8');
  const labels: string[] = [];
  const index = new Map<string, number>();
  const node = (s: string): number => {
    let v = index.get(s);
    if (v === undefined) {
      v = labels.length;
      index.set(s, v);
      labels.push(s);
    }
    return v;
  };
  const src: number[] = [];
  const tgt: number[] = [];
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    if (f.length < 2) continue;
    src.push(node(f[0]!));
    tgt.push(node(f[1]!));
  }
  return { graph: csrFromEdges({ nodeCount: labels.length, source: src, target: tgt }).graph, labels };
}

/** Zachary's karate club (test/fixtures/zachary-karate.txt: 34 nodes, 78 edges, unweighted). */
export function karate(): CsrGraph {
  const text = readFileSync(fileURLToPath(new URL('../../test/fixtures/zachary-karate.txt', import.meta.url)), 'utf8');
  const source: number[] = [];
  const target: number[] = [];
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    const [u, v] = line.trim().split(/\s+/).map(Number);
    source.push(u!);
    target.push(v!);
  }
  return csrFromEdges({ nodeCount: 34, source, target }).graph;
}

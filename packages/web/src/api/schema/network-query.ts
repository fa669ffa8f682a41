/**
 * Answers about one pair or one entity, computed by the server in the
 * request under the analyst's choices: the edge(s) between two entities
 * with the assertions behind them (an edge's provenance), every path of at
 * most k links between two entities, and an ego network.
 */
import { readAnalysisEdge, type AnalysisEdge } from './network-analysis.js';
import { readNetworkAssertion, type NetworkAssertion } from './network.js';
import { arrayOf, fields, int, nullable, num, str, type Reader } from './read.js';

export interface EdgeProvenance {
  readonly from: string;
  readonly to: string;
  readonly edges: readonly AnalysisEdge[];
  readonly assertions: readonly NetworkAssertion[];
  readonly banner: string | null;
}

export interface PathAnswer {
  readonly from: string;
  readonly to: string;
  readonly maxHops: number;
  readonly shortest: { readonly distance: number; readonly nodes: readonly string[] } | null;
  readonly paths: readonly (readonly string[])[];
  readonly truncated: boolean;
  readonly edges: readonly AnalysisEdge[];
}

export interface EgoMember {
  readonly id: string;
  readonly label: string;
  readonly hops: number;
}

export interface EgoAnswer {
  readonly center: string;
  readonly radius: number;
  readonly members: readonly EgoMember[];
  readonly edges: readonly AnalysisEdge[];
}

export function readEdgeProvenance(v: unknown): EdgeProvenance {
  const f = fields(v, 'edges');
  return {
    from: f.str('from'),
    to: f.str('to'),
    edges: f.get('edges', arrayOf(readAnalysisEdge)),
    assertions: f.get('assertions', arrayOf(readNetworkAssertion)),
    banner: f.get('banner', nullable(str)),
  };
}

export function readPathAnswer(v: unknown): PathAnswer {
  const f = fields(v, 'paths');
  return {
    from: f.str('from'),
    to: f.str('to'),
    maxHops: f.int('max_hops'),
    shortest: f.get('shortest', nullable((x, p) => {
      const s = fields(x, p);
      return { distance: s.num('distance'), nodes: s.get('nodes', arrayOf(str)) };
    })),
    paths: f.get('paths', arrayOf(arrayOf(str))),
    truncated: f.bool('truncated'),
    edges: f.get('edges', arrayOf(readAnalysisEdge)),
  };
}

const readEgoMember: Reader<EgoMember> = (v, path) => {
  const f = fields(v, path);
  return { id: f.str('id'), label: f.str('label'), hops: f.get('hops', int) };
};

export function readEgoAnswer(v: unknown): EgoAnswer {
  const f = fields(v, 'ego');
  return { center: f.str('center'), radius: f.get('radius', num), members: f.get('members', arrayOf(readEgoMember)), edges: f.get('edges', arrayOf(readAnalysisEdge)) };
}

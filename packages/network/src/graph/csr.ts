/**
 * The analysis graph as compressed sparse rows (CSR) on typed arrays: the
 * one representation every kernel in this package reads.
 *
 * Invariants (established by `csrFromEdges`, relied on by every kernel):
 * - nodes are 0 … nodeCount−1; `offsets` has nodeCount+1 entries, is
 *   non-decreasing, starts at 0 and ends at the arc count;
 * - the out-arcs of node v are `targets[offsets[v] … offsets[v+1])`, sorted
 *   by target (ties, i.e. parallel edges kept by `duplicates: 'keep'`, in
 *   edge order); no self-loops;
 * - an undirected edge {u, v} is stored as two arcs, u→v and v→u, both
 *   naming it in `arcEdge`; a directed edge u→v is one arc;
 * - edges are numbered 0 … edgeCount−1 in order of (edgeSource, edgeTarget),
 *   with edgeSource < edgeTarget for undirected graphs;
 * - `arcWeights`/`edgeWeights` are present together or not at all; lengths
 *   are finite and > 0, strengths finite and ≥ 0.
 *
 * Indices are Uint32 whatever the size (a 65k-node graph would fit in
 * Uint16, but one index type keeps every kernel monomorphic and the
 * graphs here are far below 2³² arcs).
 */

/**
 * What a weight means. Path measures (shortest paths, betweenness,
 * closeness) read weights as **lengths**; flow and community measures
 * (PageRank, eigenvector, modularity, Louvain, strength) read them as
 * **strengths** (more contact, stronger tie). A graph carries one kind, and
 * a measure asked to use weights of the other kind refuses (NARIZ_USAGE).
 */
export type WeightKind = 'length' | 'strength';

export interface CsrGraph {
  readonly directed: boolean;
  readonly nodeCount: number;
  /** Undirected edges or directed arcs, after merging duplicates. */
  readonly edgeCount: number;
  /** nodeCount + 1 entries: the out-arcs of v are offsets[v] … offsets[v+1]. */
  readonly offsets: Uint32Array;
  /** Arc heads (2 × edgeCount entries if undirected, edgeCount if directed). */
  readonly targets: Uint32Array;
  /** For each arc, the edge it belongs to. */
  readonly arcEdge: Uint32Array;
  readonly edgeSource: Uint32Array;
  readonly edgeTarget: Uint32Array;
  /** Per arc (for kernels), when the graph is weighted. */
  readonly arcWeights: Float64Array | undefined;
  /** Per edge, when the graph is weighted. */
  readonly edgeWeights: Float64Array | undefined;
  /** Set exactly when the graph is weighted. */
  readonly weightKind: WeightKind | undefined;
}

/** Arcs in the graph (each undirected edge counts twice). */
export function arcCount(g: CsrGraph): number {
  return g.targets.length;
}

/**
 * The analyst's choices that turn assertions into one analysis graph
 * (analysis-graph.ts). Every choice is explicit; the defaults are those
 * the published studies reproduced here use.
 */
import type { Grading } from './grading.js';

/** Half-open interval [startMs, endMs): an assertion is in it when its own interval overlaps it. */
export interface TimeWindow {
  readonly startMs: number;
  readonly endMs: number;
}

export interface AnalysisChoices {
  /** Default false: links join entities both ways. True: source → target. */
  readonly directed?: boolean;
  /**
   * 'one-per-pair' (default): all assertions between two entities make one
   * edge; 'one-per-assertion': each assertion its own (parallel) edge.
   */
  readonly multiplicity?: 'one-per-pair' | 'one-per-assertion';
  readonly window?: TimeWindow;
  /** Assertions graded below this are left out (grading.ts for the order). */
  readonly minGrading?: Grading;
  /** Only these relations (default: all). */
  readonly relations?: readonly string[];
  /**
   * 'none' (default): unweighted. 'count-as-strength': weight = number of
   * contacts (Σ count), read by PageRank, eigenvector, modularity and
   * Louvain. 'count-as-distance': length = 1 / number of contacts (more
   * contact, closer), read by shortest paths, betweenness and closeness.
   */
  readonly weight?: 'none' | 'count-as-strength' | 'count-as-distance';
  /**
   * 'all-entities' (default): every entity is a node, isolated or not, so
   * normalisations use the whole roster. 'linked-only': only entities with
   * at least one link kept by the other choices.
   */
  readonly nodes?: 'all-entities' | 'linked-only';
}

/**
 * @nariz/network: counter-network analysis as pure functions on typed
 * arrays. The model (entities, graded link assertions, the analyst's
 * choices) builds a CSR graph; centralities, communities, paths, key
 * players, removal curves and time windows read it. The one Node-specific
 * part is `parallel/` (worker threads for exact betweenness), behind the
 * BetweennessExecutor interface. docs/network.md.
 */
export type { CsrGraph, WeightKind } from './graph/csr.js';
export { arcCount } from './graph/csr.js';
export { csrFromEdges, type CsrBuild, type CsrBuildOptions, type EdgeList } from './graph/build-csr.js';
export { fullMask, maskWithout, countPresent, type NodeMask } from './graph/node-mask.js';
export { connectedComponents, largestComponentSize, largestComponentMask, type Components } from './graph/components.js';
export { inducedSubgraph, largestComponent, type InducedSubgraph } from './graph/subgraph.js';
export { transpose, type Transposed } from './graph/transpose.js';
export { edgeBetween } from './graph/edge-between.js';
export { csrFromGraphology, type FromGraphologyOptions, type GraphologyCsr } from './graph/from-graphology.js';

export { entityId, assertionId, type EntityId, type AssertionId } from './model/ids.js';
export {
  SOURCE_RELIABILITY, INFORMATION_CREDIBILITY, parseGrading, formatGrading, meetsMinimumGrading,
  type SourceReliability, type InformationCredibility, type Grading,
} from './model/grading.js';
export type { Entity, LinkAssertion } from './model/assertion.js';
export type { AnalysisChoices, TimeWindow } from './model/choices.js';
export { buildAnalysisGraph, edgeProvenance, type AnalysisGraph } from './model/analysis-graph.js';

export { degree, strength, type DegreeOptions } from './centrality/degree.js';
export { closeness, harmonicCloseness, type ClosenessOptions } from './centrality/closeness.js';
export {
  betweenness, computeBetweenness,
  type BetweennessOptions, type BetweennessSampling, type ComputeBetweennessOptions, type BetweennessResult,
} from './centrality/betweenness.js';
export {
  serialBetweennessExecutor, dependenciesSerial, type BetweennessExecutor, type DependencyJob, type DependencySums,
} from './centrality/betweenness-executor.js';
export { samplePivots, pivotStandardError, hoeffdingBound } from './centrality/betweenness-sampling.js';
export { TIE_RELATIVE } from './centrality/brandes.js';
export { eigenvectorCentrality, type EigenvectorOptions } from './centrality/eigenvector.js';
export { pagerank, type PageRankOptions } from './centrality/pagerank.js';

export { modularity, type ModularityOptions } from './community/modularity.js';
export { louvain, type LouvainOptions, type LouvainResult } from './community/louvain.js';
export { leiden, type LeidenOptions, type LeidenResult } from './community/leiden.js';

export { distancesFrom, type DistanceOptions } from './paths/distances.js';
export { shortestPath, allShortestPaths, type Path, type PathOptions, type AllShortestPaths } from './paths/shortest-path.js';
export { pathsWithin, type PathsWithin } from './paths/paths-within.js';
export { egoNetwork, type EgoNetwork } from './paths/ego-network.js';

export { fragmentation, distanceFragmentation } from './keyplayer/fragmentation.js';
export { keyPlayers, exactKeyPlayers, type KeyPlayerObjective, type KeyPlayerOptions, type KeyPlayers } from './keyplayer/key-players.js';

export { removalCurve, type RemovalMeasure, type RemovalCurveOptions, type RemovalStep, type RemovalCurve } from './removal/removal-curve.js';

export {
  slidingWindows, metricsOverWindows, type WindowMetrics, type WindowDiff, type WindowSeries, type EntityChange,
} from './temporal/windows.js';

export { BetweennessPool, type BetweennessPoolOptions } from './parallel/betweenness-pool.js';

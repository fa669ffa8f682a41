/** The centrality measures the server's network analysis computes (docs/network.md, "Measures"). */
export const MEASURES = ['degree', 'strength', 'betweenness', 'closeness', 'harmonic_closeness', 'eigenvector', 'pagerank'] as const;
export type MeasureName = (typeof MEASURES)[number];

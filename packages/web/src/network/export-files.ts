/** The counter-network's export files (GET /api/network/export/<file>): the graph for Gephi or yEd, and the tables. */
export const EXPORT_FILES = ['graph.graphml', 'graph.gexf', 'entities.csv', 'assertions.csv'] as const;
export type ExportFile = (typeof EXPORT_FILES)[number];

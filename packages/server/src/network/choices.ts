/**
 * The analyst's explicit choices that turn assertions into one analysis
 * graph (docs/network.md, "The model"), as the API takes them: a JSON
 * object in request bodies, the same names flattened into query strings
 * for the GET routes. Parsed once here into @nariz/network's
 * AnalysisChoices plus the platform's own two: `component` (analyse the
 * largest connected component only, as Krebs did) and whether the graph
 * is directed (an undirected assertion then counts both ways).
 */
import { NarizError } from '@nariz/core';
import { parseGrading, type AnalysisChoices } from '@nariz/network';

export interface ChoicesJson {
  multi?: 'one-per-pair' | 'one-per-assertion';
  window?: { start: string; end: string };
  min_grading?: string;
  weight_as?: 'none' | 'strength' | 'distance';
  directed?: boolean;
  relations?: string[];
  nodes?: 'all-entities' | 'linked-only';
  component?: 'all' | 'largest';
}

export interface Choices {
  /** For buildAnalysisGraph (directed included). */
  readonly model: AnalysisChoices;
  readonly component: 'all' | 'largest';
}

const windowSchema = {
  type: 'object',
  properties: { start: { type: 'string', format: 'date-time' }, end: { type: 'string', format: 'date-time' } },
  required: ['start', 'end'],
  additionalProperties: false,
  description: 'half-open [start, end): an assertion is in it when its own interval overlaps it; undated assertions are left out',
} as const;

const choiceProperties = {
  multi: { type: 'string', enum: ['one-per-pair', 'one-per-assertion'], description: 'one edge per pair of entities (default) or one per assertion' },
  min_grading: { type: 'string', pattern: '^[A-Fa-f][1-6]$', description: 'leave out assertions graded below this (Admiralty, e.g. "C3")' },
  weight_as: { type: 'string', enum: ['none', 'strength', 'distance'], description: 'none (default); the summed count as a strength (PageRank, eigenvector, Louvain) or 1/count as a distance (paths, betweenness, closeness)' },
  directed: { type: 'boolean', description: 'default false; true: a directed assertion counts from → to, an undirected one both ways' },
  nodes: { type: 'string', enum: ['all-entities', 'linked-only'], description: 'every visible entity a node (default) or only those with a kept link' },
  component: { type: 'string', enum: ['all', 'largest'], description: 'the whole graph (default) or its largest connected component' },
} as const;

export const choicesSchema = {
  type: 'object',
  properties: {
    ...choiceProperties,
    window: windowSchema,
    relations: { type: 'array', items: { type: 'string', minLength: 1, maxLength: 64 }, maxItems: 100, description: 'only these assertion types' },
  },
  additionalProperties: false,
} as const;

/** The same choices as query-string parameters (GET routes). */
export const choicesQueryProperties = {
  ...choiceProperties,
  window_start: { type: 'string', format: 'date-time' },
  window_end: { type: 'string', format: 'date-time' },
  relations: { type: 'string', maxLength: 2000, description: 'comma-separated assertion types' },
} as const;

export interface ChoicesQuery {
  multi?: 'one-per-pair' | 'one-per-assertion';
  min_grading?: string;
  weight_as?: 'none' | 'strength' | 'distance';
  directed?: boolean;
  nodes?: 'all-entities' | 'linked-only';
  component?: 'all' | 'largest';
  window_start?: string;
  window_end?: string;
  relations?: string;
}

export function choicesFromQuery(q: ChoicesQuery): ChoicesJson {
  if ((q.window_start === undefined) !== (q.window_end === undefined)) throw new NarizError('NARIZ_BAD_REQUEST', 'give both window_start and window_end, or neither', { path: 'window_start' });
  return {
    ...(q.multi !== undefined ? { multi: q.multi } : {}), ...(q.min_grading !== undefined ? { min_grading: q.min_grading } : {}),
    ...(q.weight_as !== undefined ? { weight_as: q.weight_as } : {}), ...(q.directed !== undefined ? { directed: q.directed } : {}),
    ...(q.nodes !== undefined ? { nodes: q.nodes } : {}), ...(q.component !== undefined ? { component: q.component } : {}),
    ...(q.window_start !== undefined && q.window_end !== undefined ? { window: { start: q.window_start, end: q.window_end } } : {}),
    ...(q.relations !== undefined ? { relations: q.relations.split(',').map((r) => r.trim()).filter((r) => r !== '') } : {}),
  };
}

const WEIGHTS = { none: 'none', strength: 'count-as-strength', distance: 'count-as-distance' } as const;

export function parseChoices(c: ChoicesJson = {}, path = 'choices'): Choices {
  let minGrading;
  if (c.min_grading !== undefined) {
    try {
      minGrading = parseGrading(c.min_grading);
    } catch (err) {
      throw new NarizError('NARIZ_GRADING', (err as Error).message, { path: `${path}.min_grading` });
    }
  }
  let window;
  if (c.window !== undefined) {
    window = { startMs: Date.parse(c.window.start), endMs: Date.parse(c.window.end) };
    if (!(window.endMs > window.startMs)) throw new NarizError('NARIZ_BAD_REQUEST', 'the window must end after it starts', { path: `${path}.window` });
  }
  return {
    model: {
      directed: c.directed ?? false,
      multiplicity: c.multi ?? 'one-per-pair',
      weight: WEIGHTS[c.weight_as ?? 'none'],
      nodes: c.nodes ?? 'all-entities',
      ...(window !== undefined ? { window } : {}),
      ...(minGrading !== undefined ? { minGrading } : {}),
      ...(c.relations !== undefined ? { relations: c.relations } : {}),
    },
    component: c.component ?? 'all',
  };
}

/** The choices as stored with a run and answered back (canonical names, defaults filled in). */
export function choicesEcho(c: Choices): Record<string, unknown> {
  const m = c.model;
  return {
    multi: m.multiplicity, weight_as: Object.entries(WEIGHTS).find(([, v]) => v === m.weight)?.[0] ?? 'none', directed: m.directed, nodes: m.nodes, component: c.component,
    window: m.window === undefined ? null : { start: new Date(m.window.startMs).toISOString(), end: new Date(m.window.endMs).toISOString() },
    min_grading: m.minGrading === undefined ? null : `${m.minGrading.reliability}${m.minGrading.credibility}`, relations: m.relations === undefined ? null : [...m.relations],
  };
}

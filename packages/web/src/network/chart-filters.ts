/**
 * The link chart's filters — entity types, relations, a time window and a
 * minimum grading — and the same choices as the server's analysis takes
 * them (docs/api.md, `choices`), so what the chart shows and what an
 * analysis, a path or an ego network is computed on agree. The window is
 * half-open [start, end), in ms since the epoch (UTC); an assertion is in
 * it when its own interval overlaps it, and an undated one is left out
 * while a window is chosen (the server's rule).
 */
import type { EntityType, NetworkAssertion, NetworkEntity } from '../api/schema/network.js';
import { meetsMinimumGrading } from './admiralty.js';

export interface ChartFilters {
  /** Empty: every type. */
  readonly types: readonly EntityType[];
  /** Empty: every relation. */
  readonly relations: readonly string[];
  readonly window: { readonly startMs: number; readonly endMs: number } | null;
  /** e.g. "C3"; null: every grading. */
  readonly minGrading: string | null;
}

export const NO_FILTERS: ChartFilters = { types: [], relations: [], window: null, minGrading: null };

export function entityPasses(e: NetworkEntity, f: ChartFilters): boolean {
  return f.types.length === 0 || f.types.includes(e.type);
}

export function assertionPasses(a: NetworkAssertion, f: ChartFilters): boolean {
  if (f.relations.length > 0 && !f.relations.includes(a.type)) return false;
  if (f.minGrading !== null && !meetsMinimumGrading(a.grading, f.minGrading)) return false;
  if (f.window !== null) {
    if (a.validFrom === null || a.validTo === null) return false;
    const from = Date.parse(a.validFrom);
    const to = Date.parse(a.validTo);
    // Overlap of [from, to] with [start, end).
    if (!(from < f.window.endMs && to >= f.window.startMs)) return false;
  }
  return true;
}

/** The filters as the analysis body's `choices` (entity types are the chart's alone: the server analyses every entity). */
export function choicesJson(f: ChartFilters): Record<string, unknown> {
  return {
    ...(f.relations.length > 0 ? { relations: [...f.relations] } : {}),
    ...(f.minGrading !== null ? { min_grading: f.minGrading } : {}),
    ...(f.window !== null ? { window: { start: new Date(f.window.startMs).toISOString(), end: new Date(f.window.endMs).toISOString() } } : {}),
  };
}

/** The same choices as query-string parameters (paths, ego networks, provenance). */
export function choicesQuery(f: ChartFilters): Array<[string, string]> {
  const q: Array<[string, string]> = [];
  if (f.relations.length > 0) q.push(['relations', f.relations.join(',')]);
  if (f.minGrading !== null) q.push(['min_grading', f.minGrading]);
  if (f.window !== null) {
    q.push(['window_start', new Date(f.window.startMs).toISOString()]);
    q.push(['window_end', new Date(f.window.endMs).toISOString()]);
  }
  return q;
}

/** Every relation the assertions use, sorted (the filter's choices). */
export function relationsOf(assertions: readonly NetworkAssertion[]): string[] {
  return [...new Set(assertions.map((a) => a.type))].sort();
}

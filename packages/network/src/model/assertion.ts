/**
 * The network model: entities, and links between them that are
 * **assertions**: each says that two entities were linked, by whom it was
 * reported (provenance), how far it is believed (an Admiralty grading) and
 * when. The graph analysed is not stored; it is built from the assertions
 * by explicit choices (choices.ts, analysis-graph.ts), so the same record
 * can be read as one edge per pair or one per report, for a time window, at
 * a minimum grading, with counts as strengths or as distances.
 *
 * Times are milliseconds since 1970-01-01T00:00:00Z (UTC), as everywhere in
 * Nariz's JSON.
 */
import type { Grading } from './grading.js';
import type { AssertionId, EntityId } from './ids.js';

export interface Entity {
  readonly id: EntityId;
  /** What it is ("person", "phone", "company", "lab" …); free text, not interpreted here. */
  readonly kind?: string;
  readonly label?: string;
}

export interface LinkAssertion {
  readonly id: AssertionId;
  readonly source: EntityId;
  readonly target: EntityId;
  /** The kind of link ("meeting", "phone-call", "payment" …); filterable. */
  readonly relation: string;
  readonly grading: Grading;
  /** When the link held: from … to, inclusive; an instant when equal. */
  readonly validFromMs: number;
  readonly validToMs: number;
  /** Contacts this one report stands for (e.g. 5 calls in one billing record); default 1. Must be > 0. */
  readonly count?: number;
  /** Where the assertion comes from (a report, an intercept, an interview): a reference, not interpreted here. */
  readonly provenance: string;
}

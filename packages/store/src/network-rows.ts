/**
 * One reading of stored network rows for both adapters (entities,
 * assertions, merges, layouts, imports, analyses): enumerations, markings
 * and JSON shapes checked once, here. JSON columns arrive parsed (the
 * SQLite adapter parses its TEXT first); a row that does not read is
 * NARIZ_STORE_CORRUPT, never half-used.
 */
import { NarizError } from '@nariz/core';
import { storedMarking } from './lead-rows.js';
import { leadId } from './leads.js';
import {
  ANALYSIS_KINDS, ANALYSIS_STATES, ENTITY_TYPES, IMPORT_FORMATS, IMPORT_KINDS, INFORMATION_CREDIBILITIES, SOURCE_RELIABILITIES,
  type EntityAttributes, type LayoutPositions, type NetworkAnalysisRecord, type NetworkAssertionRecord, type NetworkEntityRecord,
  type NetworkImportRecord, type NetworkLayoutRecord, type NetworkMergeRecord,
} from './network.js';

type Time = string | Date;

const corrupt = (what: string): NarizError => new NarizError('NARIZ_STORE_CORRUPT', `stored ${what}`);
const iso = (t: Time): string => (typeof t === 'string' ? t : t.toISOString());
const isoOrUndefined = (t: Time | null): string | undefined => (t === null ? undefined : iso(t));

function oneOf<T extends string | number>(list: readonly T[], v: unknown, what: string): T {
  if (!(list as readonly unknown[]).includes(v)) throw corrupt(`${what} ${JSON.stringify(v)} is not one of ${list.join(', ')}`);
  return v as T;
}

function strings(v: unknown, what: string): string[] {
  if (!Array.isArray(v) || !v.every((x): x is string => typeof x === 'string')) throw corrupt(`${what} is not an array of strings`);
  return v;
}

function attributes(v: unknown): EntityAttributes {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw corrupt('entity attributes are not an object');
  for (const x of Object.values(v)) if (x !== null && !['string', 'number', 'boolean'].includes(typeof x)) throw corrupt('entity attribute is not a JSON scalar');
  return v as EntityAttributes;
}

/** Lower-cased label and aliases, one a line: what the entity text filter searches (the same in both dialects for any script). */
export function entitySearchText(label: string, aliases: readonly string[]): string {
  return [label, ...aliases].join('\n').toLowerCase();
}

export const ENTITY_COLUMNS = 'id, type, label, aliases, attributes, lat, lon, marking, created_by, created_at, updated_at';

export interface EntityRowFields {
  readonly id: string;
  readonly type: string;
  readonly label: string;
  /** Parsed JSON (SQLite) or text[] (PostgreSQL). */
  readonly aliases: unknown;
  readonly attributes: unknown;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly marking: unknown;
  readonly created_by: string;
  readonly created_at: Time;
  readonly updated_at: Time;
  /** The linked lead when the reader may see it. */
  readonly lead_id: string | null;
  /** The survivor of its active merge when the reader may see it. */
  readonly merged_into: string | null;
}

export function entityRecord(r: EntityRowFields): NetworkEntityRecord {
  return {
    id: r.id, type: oneOf(ENTITY_TYPES, r.type, 'entity type'), label: r.label, aliases: strings(r.aliases, 'entity aliases'), attributes: attributes(r.attributes),
    lat: r.lat ?? undefined, lon: r.lon ?? undefined, leadId: r.lead_id === null ? undefined : leadId(r.lead_id), marking: storedMarking(r.marking),
    createdBy: r.created_by, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at), mergedInto: r.merged_into ?? undefined,
  };
}

export const ASSERTION_COLUMNS =
  'id, from_id, to_id, type, directed, source_ref, source_title, valid_from, valid_to, reliability, credibility, count, note, marking, created_by, created_at, updated_at';

export interface AssertionRowFields {
  readonly id: string;
  readonly from_id: string;
  readonly to_id: string;
  readonly type: string;
  readonly directed: boolean | number;
  readonly source_ref: string;
  readonly source_title: string;
  readonly valid_from: Time | null;
  readonly valid_to: Time | null;
  readonly reliability: string;
  readonly credibility: number;
  readonly count: number;
  readonly note: string;
  readonly marking: unknown;
  readonly created_by: string;
  readonly created_at: Time;
  readonly updated_at: Time;
}

export function assertionRecord(r: AssertionRowFields): NetworkAssertionRecord {
  if (!(typeof r.count === 'number' && Number.isFinite(r.count) && r.count > 0)) throw corrupt(`assertion ${r.id} count ${r.count}`);
  return {
    id: r.id, from: r.from_id, to: r.to_id, type: r.type, directed: r.directed === true || r.directed === 1, sourceRef: r.source_ref, sourceTitle: r.source_title,
    validFrom: isoOrUndefined(r.valid_from), validTo: isoOrUndefined(r.valid_to), reliability: oneOf(SOURCE_RELIABILITIES, r.reliability, 'source reliability'),
    credibility: oneOf(INFORMATION_CREDIBILITIES, r.credibility, 'information credibility'), count: r.count, note: r.note, marking: storedMarking(r.marking),
    createdBy: r.created_by, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
  };
}

export const MERGE_COLUMNS = 'id, survivor_id, reason, merged_by, merged_at, undone_by, undone_at';

export interface MergeRowFields {
  readonly id: string;
  readonly survivor_id: string;
  readonly reason: string;
  readonly merged_by: string;
  readonly merged_at: Time;
  readonly undone_by: string | null;
  readonly undone_at: Time | null;
  /** Parsed JSON array of member ids in their order. */
  readonly members: unknown;
}

export function mergeRecord(r: MergeRowFields): NetworkMergeRecord {
  return {
    id: r.id, survivor: r.survivor_id, merged: strings(r.members, 'merge members'), reason: r.reason, mergedBy: r.merged_by, mergedAt: iso(r.merged_at),
    undoneBy: r.undone_by ?? undefined, undoneAt: isoOrUndefined(r.undone_at),
  };
}

export function layoutPositions(v: unknown): LayoutPositions {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw corrupt('layout positions are not an object');
  for (const p of Object.values(v as Record<string, unknown>)) {
    const o = p as Record<string, unknown> | null;
    if (o === null || typeof o !== 'object' || typeof o['x'] !== 'number' || typeof o['y'] !== 'number' || typeof o['pinned'] !== 'boolean') throw corrupt('layout position');
  }
  return v as LayoutPositions;
}

export interface LayoutRowFields {
  readonly username: string;
  readonly name: string;
  readonly positions: unknown;
  readonly updated_at: Time;
}

export function layoutRecord(r: LayoutRowFields): NetworkLayoutRecord {
  return { username: r.username, name: r.name, positions: layoutPositions(r.positions), updatedAt: iso(r.updated_at) };
}

export const IMPORT_COLUMNS = 'id, kind, format, file_name, options, columns, row_count, content, created_by, created_at, committed_at, commit_key, result';

export interface ImportRowFields {
  readonly id: string;
  readonly kind: string;
  readonly format: string;
  readonly file_name: string;
  readonly options: unknown;
  readonly columns: unknown;
  readonly row_count: number;
  readonly content: Uint8Array;
  readonly created_by: string;
  readonly created_at: Time;
  readonly committed_at: Time | null;
  readonly commit_key: string | null;
  readonly result: unknown;
}

export function importRecord(r: ImportRowFields): NetworkImportRecord {
  return {
    id: r.id, kind: oneOf(IMPORT_KINDS, r.kind, 'import kind'), format: oneOf(IMPORT_FORMATS, r.format, 'import format'), fileName: r.file_name, options: r.options,
    columns: strings(r.columns, 'import columns'), rowCount: r.row_count, content: new Uint8Array(r.content), createdBy: r.created_by, createdAt: iso(r.created_at),
    committedAt: isoOrUndefined(r.committed_at), commitKey: r.commit_key ?? undefined, result: r.result ?? undefined,
  };
}

export const ANALYSIS_COLUMNS = 'id, kind, request, state, progress, message, created_by, created_at, started_at, finished_at, error, marking';

export interface AnalysisRowFields {
  readonly id: string;
  readonly kind: string;
  readonly request: unknown;
  readonly state: string;
  readonly progress: number;
  readonly message: string;
  readonly created_by: string;
  readonly created_at: Time;
  readonly started_at: Time | null;
  readonly finished_at: Time | null;
  readonly error: unknown;
  readonly marking: unknown;
}

export function analysisRecord(r: AnalysisRowFields): NetworkAnalysisRecord {
  let error: NetworkAnalysisRecord['error'];
  if (r.error !== null && r.error !== undefined) {
    const e = r.error as Record<string, unknown>;
    if (typeof e['code'] !== 'string' || typeof e['message'] !== 'string') throw corrupt('analysis error');
    error = { code: e['code'], message: e['message'] };
  }
  return {
    id: r.id, kind: oneOf(ANALYSIS_KINDS, r.kind, 'analysis kind'), request: r.request, state: oneOf(ANALYSIS_STATES, r.state, 'analysis state'), progress: r.progress,
    message: r.message, createdBy: r.created_by, createdAt: iso(r.created_at), startedAt: isoOrUndefined(r.started_at), finishedAt: isoOrUndefined(r.finished_at),
    error, marking: r.marking === null || r.marking === undefined ? undefined : storedMarking(r.marking),
  };
}

/** Final states: a run there is never changed again. */
export const isFinalAnalysis = (s: string): boolean => s === 'done' || s === 'failed';

/**
 * Entities, assertions, merges, layouts and analysis runs as the API shows
 * them (snake_case), with their JSON schemas. Portion marks are computed
 * here from markings, never typed; banners by the routes over what a
 * response holds.
 */
import { formatBanner, portionMarking, type SecurityPolicy } from '@nariz/security';
import {
  ENTITY_TYPES, type NetworkAnalysisRecord, type NetworkAssertionRecord, type NetworkEntityRecord, type NetworkLayoutRecord, type NetworkMergeRecord,
} from '@nariz/store';
import { markingJson, markingSchema } from '../leads/lead-json.js';

const str = { type: 'string' } as const;
const strOrNull = { type: ['string', 'null'] } as const;
const numOrNull = { type: ['number', 'null'] } as const;

/** Ids the API makes (UUIDs, import-derived) or accepts from an import file. */
export const NETWORK_ID_PATTERN = '^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$';
export const networkIdSchema = { type: 'string', pattern: NETWORK_ID_PATTERN } as const;
export const NETWORK_ID = new RegExp(NETWORK_ID_PATTERN);

export const entitySchema = {
  type: 'object',
  properties: {
    id: str, type: { type: 'string', enum: [...ENTITY_TYPES] }, label: str, aliases: { type: 'array', items: str },
    attributes: { type: 'object', additionalProperties: true, description: 'flat: each value a string, number, boolean or null' },
    lat: numOrNull, lon: numOrNull, lead_id: strOrNull, merged_into: strOrNull,
    marking: markingSchema, portion: str, created_by: str, created_at: str, updated_at: str,
  },
  required: ['id', 'type', 'label', 'aliases', 'attributes', 'lat', 'lon', 'lead_id', 'merged_into', 'marking', 'portion', 'created_by', 'created_at', 'updated_at'],
} as const;

export const assertionSchema = {
  type: 'object',
  properties: {
    id: str, from: str, to: str, type: str, directed: { type: 'boolean' }, source_ref: str, source_title: str, valid_from: strOrNull, valid_to: strOrNull,
    grading: { type: 'string', description: 'Admiralty: source reliability A-F then information credibility 1-6, e.g. "B2"' }, count: { type: 'number' }, note: str,
    marking: markingSchema, portion: str, created_by: str, created_at: str, updated_at: str,
  },
  required: ['id', 'from', 'to', 'type', 'directed', 'source_ref', 'source_title', 'valid_from', 'valid_to', 'grading', 'count', 'note', 'marking', 'portion', 'created_by', 'created_at', 'updated_at'],
} as const;

export const mergeSchema = {
  type: 'object',
  properties: { id: str, survivor: str, merged: { type: 'array', items: str }, reason: str, merged_by: str, merged_at: str, undone_by: strOrNull, undone_at: strOrNull, active: { type: 'boolean' } },
  required: ['id', 'survivor', 'merged', 'reason', 'merged_by', 'merged_at', 'undone_by', 'undone_at', 'active'],
} as const;

export const analysisSchema = {
  type: 'object',
  properties: {
    id: str, kind: str, state: str, progress: { type: 'number' }, message: str, created_at: str, started_at: strOrNull, finished_at: strOrNull,
    error: { type: ['object', 'null'], properties: { code: str, message: str } }, banner: strOrNull, request: { type: 'object', additionalProperties: true },
  },
  required: ['id', 'kind', 'state', 'progress', 'message', 'created_at', 'started_at', 'finished_at', 'error', 'banner', 'request'],
} as const;

export function entityJson(e: NetworkEntityRecord, policy: SecurityPolicy): Record<string, unknown> {
  return {
    id: e.id, type: e.type, label: e.label, aliases: [...e.aliases], attributes: { ...e.attributes }, lat: e.lat ?? null, lon: e.lon ?? null, lead_id: e.leadId ?? null,
    merged_into: e.mergedInto ?? null, marking: markingJson(e.marking), portion: portionMarking(e.marking, policy), created_by: e.createdBy, created_at: e.createdAt, updated_at: e.updatedAt,
  };
}

export const gradingText = (a: Pick<NetworkAssertionRecord, 'reliability' | 'credibility'>): string => `${a.reliability}${a.credibility}`;

export function assertionJson(a: NetworkAssertionRecord, policy: SecurityPolicy): Record<string, unknown> {
  return {
    id: a.id, from: a.from, to: a.to, type: a.type, directed: a.directed, source_ref: a.sourceRef, source_title: a.sourceTitle, valid_from: a.validFrom ?? null,
    valid_to: a.validTo ?? null, grading: gradingText(a), count: a.count, note: a.note, marking: markingJson(a.marking), portion: portionMarking(a.marking, policy),
    created_by: a.createdBy, created_at: a.createdAt, updated_at: a.updatedAt,
  };
}

export function mergeJson(m: NetworkMergeRecord): Record<string, unknown> {
  return {
    id: m.id, survivor: m.survivor, merged: [...m.merged], reason: m.reason, merged_by: m.mergedBy, merged_at: m.mergedAt, undone_by: m.undoneBy ?? null,
    undone_at: m.undoneAt ?? null, active: m.undoneAt === undefined,
  };
}

export function layoutJson(l: NetworkLayoutRecord, visible: ReadonlySet<string>): Record<string, unknown> {
  // Positions of entities the reader may no longer see are left out (their ids would reveal them).
  const positions: Record<string, unknown> = {};
  for (const [id, p] of Object.entries(l.positions)) if (visible.has(id)) positions[id] = { x: p.x, y: p.y, pinned: p.pinned };
  return { name: l.name, positions, updated_at: l.updatedAt };
}

export function analysisJson(a: NetworkAnalysisRecord, policy: SecurityPolicy): Record<string, unknown> {
  return {
    id: a.id, kind: a.kind, state: a.state, progress: a.progress, message: a.message, created_at: a.createdAt, started_at: a.startedAt ?? null, finished_at: a.finishedAt ?? null,
    error: a.error === undefined ? null : { ...a.error }, banner: a.marking === undefined ? null : formatBanner(a.marking, policy),
    request: a.request as Record<string, unknown>,
  };
}

/**
 * Leads, evidence, history and releases as the API shows them (snake_case),
 * with their JSON schemas. Portion marks and banners are computed here from
 * markings (never stored as text, never typed): `portion` for each labelled
 * thing, `banner` for what a response holds.
 */
import { portionMarking, type Marking, type SecurityPolicy } from '@nariz/security';
import { EVIDENCE_KINDS, LEAD_STATUSES, OUTCOME_KINDS, TEXT_LANGUAGES, type EvidenceRecord, type LeadEvent, type LeadRecord, type ReleaseSummary } from '@nariz/store';
import { nextStates } from './lifecycle.js';

const str = { type: 'string' } as const;
const strOrNull = { type: ['string', 'null'] } as const;
const numOrNull = { type: ['number', 'null'] } as const;

export const markingSchema = {
  type: 'object',
  properties: {
    classification: { type: 'string', maxLength: 8 },
    controls: { type: 'array', items: { type: 'string', maxLength: 16 }, maxItems: 16 },
    relTo: { type: 'array', items: { type: 'string', maxLength: 8 }, maxItems: 256 },
    originator: { type: 'string', maxLength: 256 },
  },
  required: ['classification', 'originator'],
  additionalProperties: false,
  description: 'A security marking (docs/security/markings.md): classification U|C|S|TS, controls (FOUO, ORCON, NOFORN, PROPIN, LES), relTo (ISO 3166-1 alpha-3), originator',
} as const;

const outcomeSchema = {
  type: 'object',
  properties: {
    kind: { type: 'string', enum: [...OUTCOME_KINDS] },
    arrests: { type: 'integer' },
    seizures: { type: 'array', items: { type: 'object', properties: { what: str, quantity: { type: 'number' }, unit: str }, required: ['what', 'quantity', 'unit'] } },
  },
  required: ['kind', 'arrests', 'seizures'],
} as const;

export const eventSchema = {
  type: 'object',
  properties: {
    seq: { type: 'integer' }, from: strOrNull, to: str, actor: str, at: str, occurred_at: str, note: str,
    details: { type: 'object', properties: { release_id: str, partner_country: str, partner_unit: str, outcome: outcomeSchema } },
  },
  required: ['seq', 'from', 'to', 'actor', 'at', 'occurred_at', 'note', 'details'],
} as const;

export const evidenceSchema = {
  type: 'object',
  properties: {
    id: str, kind: { type: 'string', enum: [...EVIDENCE_KINDS] }, ref: strOrNull, text: str, lang: { type: 'string', enum: [...TEXT_LANGUAGES] },
    marking: markingSchema, portion: str, added_by: str, added_at: str,
  },
  required: ['id', 'kind', 'ref', 'text', 'lang', 'marking', 'portion', 'added_by', 'added_at'],
} as const;

export const releaseSummarySchema = {
  type: 'object',
  properties: {
    id: str, lead_id: str, partner_country: str, partner_unit: str, language: str, created_by: str, created_at: str, banner: str, marking: markingSchema, sha256: str,
    withheld: {
      type: ['object', 'null'], properties: { notes: { type: 'integer' }, other_evidence: { type: 'integer' } }, required: ['notes', 'other_evidence'],
      description: 'what stayed behind (notes not releasable to the partner, other evidence); null for releases made before it was recorded',
    },
  },
  required: ['id', 'lead_id', 'partner_country', 'partner_unit', 'language', 'created_by', 'created_at', 'banner', 'marking', 'sha256', 'withheld'],
} as const;

const leadProperties = {
  id: str, title: str, summary: str, lang: { type: 'string', enum: [...TEXT_LANGUAGES] }, status: { type: 'string', enum: [...LEAD_STATUSES] },
  lat: { type: 'number' }, lon: { type: 'number' }, ci95_m: numOrNull, lab_probability: numOrNull,
  source: { type: ['object', 'null'], properties: { sortie_id: str, job_id: str, source_index: { type: 'integer' } }, required: ['sortie_id', 'job_id', 'source_index'] },
  detected_at: strOrNull, partner_country: strOrNull, partner_unit: strOrNull, created_by: str, created_at: str, updated_at: str,
  marking: markingSchema, portion: str,
  next_states: { type: 'array', items: { type: 'object', properties: { status: str, via: { type: 'string', enum: ['transition', 'release', 'partner'] } }, required: ['status', 'via'] } },
} as const;

const leadRequired = [
  'id', 'title', 'summary', 'lang', 'status', 'lat', 'lon', 'ci95_m', 'lab_probability', 'source', 'detected_at', 'partner_country', 'partner_unit',
  'created_by', 'created_at', 'updated_at', 'marking', 'portion', 'next_states',
] as const;

export const leadSchema = { type: 'object', properties: leadProperties, required: leadRequired } as const;

export const leadDetailSchema = {
  type: 'object',
  properties: {
    ...leadProperties,
    banner: { type: 'string', description: 'the banner of everything in this response: the lead and the evidence shown' },
    evidence: { type: 'array', items: evidenceSchema },
    events: { type: 'array', items: eventSchema },
    releases: { type: 'array', items: releaseSummarySchema },
  },
  required: [...leadRequired, 'banner', 'evidence', 'events', 'releases'],
} as const;

/** A marking as plain JSON (a fresh object: the response serialiser never shares arrays with the store's records). */
export const markingJson = (m: Marking): Record<string, unknown> => ({ classification: m.classification, controls: [...m.controls], relTo: [...m.relTo], originator: m.originator });

export function leadJson(l: LeadRecord, policy: SecurityPolicy): Record<string, unknown> {
  return {
    id: l.id, title: l.title, summary: l.summary, lang: l.lang, status: l.status, lat: l.lat, lon: l.lon, ci95_m: l.ci95M ?? null, lab_probability: l.labProbability ?? null,
    source: l.source === undefined ? null : { sortie_id: l.source.sortieId, job_id: l.source.jobId, source_index: l.source.sourceIndex },
    detected_at: l.detectedAt ?? null, partner_country: l.partnerCountry ?? null, partner_unit: l.partnerUnit ?? null,
    created_by: l.createdBy, created_at: l.createdAt, updated_at: l.updatedAt, marking: markingJson(l.marking), portion: portionMarking(l.marking, policy),
    next_states: nextStates(l.status).map((n) => ({ status: n.status, via: n.via })),
  };
}

export function evidenceJson(e: EvidenceRecord, policy: SecurityPolicy): Record<string, unknown> {
  return {
    id: e.id, kind: e.kind, ref: e.ref ?? null, text: e.text, lang: e.lang, marking: markingJson(e.marking), portion: portionMarking(e.marking, policy), added_by: e.addedBy, added_at: e.addedAt,
  };
}

export function eventJson(e: LeadEvent): Record<string, unknown> {
  const d = e.details;
  return {
    seq: e.seq, from: e.from ?? null, to: e.to, actor: e.actor, at: e.at, occurred_at: e.occurredAt, note: e.note,
    details: {
      ...(d.releaseId !== undefined ? { release_id: d.releaseId } : {}),
      ...(d.partnerCountry !== undefined ? { partner_country: d.partnerCountry } : {}),
      ...(d.partnerUnit !== undefined ? { partner_unit: d.partnerUnit } : {}),
      ...(d.outcome !== undefined ? { outcome: { kind: d.outcome.kind, arrests: d.outcome.arrests, seizures: d.outcome.seizures.map((s) => ({ ...s })) } } : {}),
    },
  };
}

export function releaseSummaryJson(r: ReleaseSummary): Record<string, unknown> {
  return {
    id: r.id, lead_id: r.leadId, partner_country: r.partnerCountry, partner_unit: r.partnerUnit, language: r.language, created_by: r.createdBy, created_at: r.createdAt,
    banner: r.banner, marking: markingJson(r.marking), sha256: r.sha256,
    withheld: r.withheld === undefined ? null : { notes: r.withheld.notes, other_evidence: r.withheld.otherEvidence },
  };
}

/**
 * One reading of stored lead, event, evidence and release rows for both
 * adapters: enumerations, markings and JSON shapes checked once, here. A
 * row that does not read is NARIZ_STORE_CORRUPT, never half-used.
 */
import { NarizError } from '@nariz/core';
import { isClassification, type Marking } from '@nariz/security';
import {
  EVIDENCE_KINDS, LEAD_STATUSES, OUTCOME_KINDS, TEXT_LANGUAGES, leadId,
  type EvidenceKind, type EvidenceRecord, type LeadEvent, type LeadEventDetails, type LeadOutcome, type LeadRecord, type LeadStatus, type LeadTimeline, type TextLanguage,
} from './leads.js';
import { releaseId, type ReleaseRecord, type ReleaseSummary } from './releases.js';

type Time = string | Date;

function corrupt(what: string): NarizError {
  return new NarizError('NARIZ_STORE_CORRUPT', `stored ${what}`);
}

const iso = (t: Time): string => (typeof t === 'string' ? t : t.toISOString());
const isoOrUndefined = (t: Time | null): string | undefined => (t === null ? undefined : iso(t));

function oneOf<T extends string>(list: readonly T[], v: string, what: string): T {
  if (!(list as readonly string[]).includes(v)) throw corrupt(`${what} "${v}" is not one of ${list.join(', ')}`);
  return v as T;
}

export const leadStatus = (v: string): LeadStatus => oneOf(LEAD_STATUSES, v, 'lead status');
const evidenceKind = (v: string): EvidenceKind => oneOf(EVIDENCE_KINDS, v, 'evidence kind');
const language = (v: string): TextLanguage => oneOf(TEXT_LANGUAGES, v, 'language');

function strings(v: unknown, what: string): string[] {
  if (!Array.isArray(v) || !v.every((x): x is string => typeof x === 'string')) throw corrupt(`${what} is not an array of strings`);
  return v;
}

/** A stored marking (JSON already parsed): its shape, not the deployment's policy, is checked here. */
export function storedMarking(v: unknown): Marking {
  if (typeof v !== 'object' || v === null) throw corrupt('marking is not an object');
  const o = v as Record<string, unknown>;
  const c = o['classification'];
  if (typeof c !== 'string' || !isClassification(c)) throw corrupt(`marking has classification ${String(c)}`);
  const originator = o['originator'];
  if (typeof originator !== 'string') throw corrupt('marking has no originator');
  return { classification: c, controls: strings(o['controls'], 'marking controls'), relTo: strings(o['relTo'], 'marking relTo'), originator };
}

const nonNegative = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function outcome(v: unknown): LeadOutcome {
  if (typeof v !== 'object' || v === null) throw corrupt('outcome is not an object');
  const o = v as Record<string, unknown>;
  const kind = typeof o['kind'] === 'string' ? oneOf(OUTCOME_KINDS, o['kind'], 'outcome kind') : undefined;
  if (kind === undefined || !nonNegative(o['arrests']) || !Array.isArray(o['seizures'])) throw corrupt('outcome lacks kind, arrests or seizures');
  const seizures = o['seizures'].map((s: unknown) => {
    const x = s as Record<string, unknown> | null;
    if (x === null || typeof x !== 'object' || typeof x['what'] !== 'string' || !nonNegative(x['quantity']) || typeof x['unit'] !== 'string') throw corrupt('seizure');
    return { what: x['what'], quantity: x['quantity'], unit: x['unit'] };
  });
  return { kind, arrests: o['arrests'], seizures };
}

export function eventDetails(v: unknown): LeadEventDetails {
  if (typeof v !== 'object' || v === null) throw corrupt('event details are not an object');
  const o = v as Record<string, unknown>;
  const text = (k: string): string | undefined => {
    const x = o[k];
    if (x === undefined) return undefined;
    if (typeof x !== 'string') throw corrupt(`event detail ${k}`);
    return x;
  };
  const releaseId = text('releaseId');
  const partnerCountry = text('partnerCountry');
  const partnerUnit = text('partnerUnit');
  return {
    ...(releaseId !== undefined ? { releaseId } : {}),
    ...(partnerCountry !== undefined ? { partnerCountry } : {}),
    ...(partnerUnit !== undefined ? { partnerUnit } : {}),
    ...(o['outcome'] !== undefined ? { outcome: outcome(o['outcome']) } : {}),
  };
}

export const LEAD_COLUMNS =
  'id, title, summary, lang, status, lat, lon, ci95_m, lab_probability, sortie_id, job_id, source_index, detected_at, partner_country, partner_unit, marking, created_by, created_at, updated_at';

export interface LeadRowFields {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly lang: string;
  readonly status: string;
  readonly lat: number;
  readonly lon: number;
  readonly ci95_m: number | null;
  readonly lab_probability: number | null;
  readonly sortie_id: string | null;
  readonly job_id: string | null;
  readonly source_index: number | null;
  readonly detected_at: Time | null;
  readonly partner_country: string | null;
  readonly partner_unit: string | null;
  /** Parsed JSON. */
  readonly marking: unknown;
  readonly created_by: string;
  readonly created_at: Time;
  readonly updated_at: Time;
}

export function leadRecord(r: LeadRowFields): LeadRecord {
  const source =
    r.sortie_id !== null && r.job_id !== null && r.source_index !== null ? { sortieId: r.sortie_id, jobId: r.job_id, sourceIndex: r.source_index } : undefined;
  return {
    id: leadId(r.id), title: r.title, summary: r.summary, lang: language(r.lang), status: leadStatus(r.status), lat: r.lat, lon: r.lon,
    ci95M: r.ci95_m ?? undefined, labProbability: r.lab_probability ?? undefined, source, detectedAt: isoOrUndefined(r.detected_at),
    partnerCountry: r.partner_country ?? undefined, partnerUnit: r.partner_unit ?? undefined, marking: storedMarking(r.marking),
    createdBy: r.created_by, createdAt: iso(r.created_at), updatedAt: iso(r.updated_at),
  };
}

export const EVENT_COLUMNS = 'lead_id, seq, from_status, to_status, at, occurred_at, actor, note, details';

export interface EventRowFields {
  readonly lead_id: string;
  readonly seq: number;
  readonly from_status: string | null;
  readonly to_status: string;
  readonly at: Time;
  readonly occurred_at: Time;
  readonly actor: string;
  readonly note: string;
  /** Parsed JSON. */
  readonly details: unknown;
}

export function leadEvent(r: EventRowFields): LeadEvent {
  return {
    leadId: leadId(r.lead_id), seq: r.seq, from: r.from_status === null ? undefined : leadStatus(r.from_status), to: leadStatus(r.to_status),
    actor: r.actor, at: iso(r.at), occurredAt: iso(r.occurred_at), note: r.note, details: eventDetails(r.details),
  };
}

export const EVIDENCE_COLUMNS = 'id, lead_id, kind, ref, text, lang, marking, added_by, added_at';

export interface EvidenceRowFields {
  readonly id: string;
  readonly lead_id: string;
  readonly kind: string;
  readonly ref: string | null;
  readonly text: string;
  readonly lang: string;
  readonly marking: unknown;
  readonly added_by: string;
  readonly added_at: Time;
}

export function evidenceRecord(r: EvidenceRowFields): EvidenceRecord {
  return {
    id: r.id, leadId: leadId(r.lead_id), kind: evidenceKind(r.kind), ref: r.ref ?? undefined, text: r.text, lang: language(r.lang),
    marking: storedMarking(r.marking), addedBy: r.added_by, addedAt: iso(r.added_at),
  };
}

export const RELEASE_SUMMARY_COLUMNS = 'id, lead_id, partner_country, partner_unit, language, created_by, created_at, banner, marking, sha256, withheld_notes, withheld_other';
export const RELEASE_COLUMNS = `${RELEASE_SUMMARY_COLUMNS}, package, html_en, html_es`;

export interface ReleaseRowFields {
  readonly id: string;
  readonly lead_id: string;
  readonly partner_country: string;
  readonly partner_unit: string;
  readonly language: string;
  readonly created_by: string;
  readonly created_at: Time;
  readonly banner: string;
  readonly marking: unknown;
  readonly sha256: string;
  readonly withheld_notes: number | null;
  readonly withheld_other: number | null;
  readonly package?: string;
  readonly html_en?: string;
  readonly html_es?: string;
}

export function releaseSummary(r: ReleaseRowFields): ReleaseSummary {
  return {
    id: releaseId(r.id), leadId: leadId(r.lead_id), partnerCountry: r.partner_country, partnerUnit: r.partner_unit, language: language(r.language),
    createdBy: r.created_by, createdAt: iso(r.created_at), banner: r.banner, marking: storedMarking(r.marking), sha256: r.sha256,
    withheld: r.withheld_notes === null || r.withheld_other === null ? undefined : { notes: Number(r.withheld_notes), otherEvidence: Number(r.withheld_other) },
  };
}

export function releaseRecord(r: ReleaseRowFields): ReleaseRecord {
  if (r.package === undefined || r.html_en === undefined || r.html_es === undefined) throw corrupt('release without its package or HTML');
  return { ...releaseSummary(r), packageJson: r.package, html: { en: r.html_en, es: r.html_es } };
}

export interface TimelineRowFields {
  readonly id: string;
  readonly status: string;
  readonly lat: number;
  readonly lon: number;
  readonly partner_country: string | null;
  readonly partner_unit: string | null;
  readonly detected_at: Time | null;
  readonly created_at: Time;
  readonly released_at: Time | null;
  readonly acknowledged_at: Time | null;
  readonly action_at: Time | null;
  readonly outcome_at: Time | null;
  /** Parsed JSON details of the latest outcome event, or null. */
  readonly outcome_details: unknown;
  /** Parsed JSON. */
  readonly marking: unknown;
}

export function leadTimeline(r: TimelineRowFields): LeadTimeline {
  const details = r.outcome_details === null ? undefined : eventDetails(r.outcome_details);
  return {
    id: leadId(r.id), status: leadStatus(r.status), lat: r.lat, lon: r.lon, partnerCountry: r.partner_country ?? undefined, partnerUnit: r.partner_unit ?? undefined,
    detectedAt: isoOrUndefined(r.detected_at), createdAt: iso(r.created_at), releasedAt: isoOrUndefined(r.released_at), acknowledgedAt: isoOrUndefined(r.acknowledged_at),
    actionAt: isoOrUndefined(r.action_at), outcomeAt: isoOrUndefined(r.outcome_at), outcome: details?.outcome, marking: storedMarking(r.marking),
  };
}

/** Lower-cased title and summary: what the text filter searches (the same in both dialects for any script). */
export function leadSearchText(title: string, summary: string): string {
  return `${title}\n${summary}`.toLowerCase();
}

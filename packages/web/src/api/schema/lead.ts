/**
 * Leads (docs/leads.md, docs/api.md "Leads and release"): what is
 * suspected about one clandestine laboratory — a place, how sure, where
 * the suspicion came from — with its evidence, its history and its
 * releases to partner units. Every labelled thing carries its marking and
 * the server's `portion`; responses that hold several carry the server's
 * `banner`. The server also says which states may follow (`next_states`,
 * with the door each goes through), so the app never decides the
 * lifecycle itself.
 */
import { leadIdReader, releaseIdReader, sortieIdReader, type LeadId, type ReleaseId, type SortieId } from './ids.js';
import { readMarking, type Marking } from './marking.js';
import { arrayOf, fields, int, nullable, num, oneOf, SchemaError, str, type Reader } from './read.js';

export const LEAD_STATUSES = ['candidate', 'confirmed', 'released', 'acknowledged', 'action-taken', 'outcome-reported', 'closed'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const EVIDENCE_KINDS = ['source-estimate', 'detection', 'video-annotation', 'note', 'entity'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const OUTCOME_KINDS = ['dismantled', 'nothing-found', 'other'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** The languages free text is written in, and a release's versions. */
export const TEXT_LANGUAGES = ['en', 'es'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

/** Who moves a lead into a state: an analyst's transition, a release, or the partner portal. */
export const TRANSITION_DOORS = ['transition', 'release', 'partner'] as const;
export type TransitionDoor = (typeof TRANSITION_DOORS)[number];

export interface NextState {
  readonly status: LeadStatus;
  readonly via: TransitionDoor;
}

export interface LeadSource {
  readonly sortieId: SortieId;
  readonly jobId: string;
  readonly sourceIndex: number;
}

export interface Lead {
  readonly id: LeadId;
  readonly title: string;
  readonly summary: string;
  readonly lang: TextLanguage;
  readonly status: LeadStatus;
  readonly lat: number;
  readonly lon: number;
  readonly ci95M: number | null;
  readonly labProbability: number | null;
  /** The located source it was made from; null for a lead made by hand. */
  readonly source: LeadSource | null;
  readonly detectedAt: string | null;
  readonly partnerCountry: string | null;
  readonly partnerUnit: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly marking: Marking;
  /** The server's portion mark of the lead, e.g. "(U//REL TO USA, MEX)". */
  readonly portion: string;
  readonly nextStates: readonly NextState[];
}

export interface Evidence {
  readonly id: string;
  readonly kind: EvidenceKind;
  /** What it points at (an annotation id, a detection); null for a note. */
  readonly ref: string | null;
  readonly text: string;
  readonly lang: TextLanguage;
  readonly marking: Marking;
  readonly portion: string;
  readonly addedBy: string;
  readonly addedAt: string;
}

export interface Seizure {
  readonly what: string;
  readonly quantity: number;
  readonly unit: string;
}

export interface Outcome {
  readonly kind: OutcomeKind;
  readonly arrests: number;
  readonly seizures: readonly Seizure[];
}

export interface LeadEvent {
  /** 0 is the creation. */
  readonly seq: number;
  readonly from: LeadStatus | null;
  readonly to: LeadStatus;
  readonly actor: string;
  /** When it was recorded (the server's clock). */
  readonly at: string;
  /** When it happened (a partner may report a raid later). */
  readonly occurredAt: string;
  readonly note: string;
  readonly releaseId: ReleaseId | null;
  readonly partnerCountry: string | null;
  readonly partnerUnit: string | null;
  readonly outcome: Outcome | null;
}

export interface ReleaseSummary {
  readonly id: ReleaseId;
  readonly leadId: LeadId;
  readonly partnerCountry: string;
  readonly partnerUnit: string;
  readonly language: TextLanguage;
  readonly createdBy: string;
  readonly createdAt: string;
  /** The server's banner of the released portions only. */
  readonly banner: string;
  readonly marking: Marking;
  readonly sha256: string;
  /** What stayed behind; null for releases made before the server recorded it. */
  readonly withheld: { readonly notes: number; readonly otherEvidence: number } | null;
}

export interface LeadDetail extends Lead {
  /** The banner over everything in the answer: the lead, the evidence and the releases shown. */
  readonly banner: string;
  readonly evidence: readonly Evidence[];
  readonly events: readonly LeadEvent[];
  readonly releases: readonly ReleaseSummary[];
}

export interface LeadPage {
  readonly leads: readonly Lead[];
  /** Every lead matching the query that the caller may see (the store counts through the caller's markings). */
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  /** The banner of this page; null when it holds none. */
  readonly banner: string | null;
}

export const readLeadStatus: Reader<LeadStatus> = oneOf(LEAD_STATUSES);
export const readTextLanguage: Reader<TextLanguage> = oneOf(TEXT_LANGUAGES);

const readNextState: Reader<NextState> = (v, path) => {
  const f = fields(v, path);
  return { status: f.get('status', readLeadStatus), via: f.get('via', oneOf(TRANSITION_DOORS)) };
};

const readLeadSource: Reader<LeadSource> = (v, path) => {
  const f = fields(v, path);
  return { sortieId: f.get('sortie_id', sortieIdReader), jobId: f.str('job_id'), sourceIndex: f.int('source_index') };
};

function leadFields(v: unknown, path: string): Lead {
  const f = fields(v, path);
  return {
    id: f.get('id', leadIdReader),
    title: f.str('title'),
    summary: f.str('summary'),
    lang: f.get('lang', readTextLanguage),
    status: f.get('status', readLeadStatus),
    lat: f.num('lat'),
    lon: f.num('lon'),
    ci95M: f.get('ci95_m', nullable(num)),
    labProbability: f.get('lab_probability', nullable(num)),
    source: f.get('source', nullable(readLeadSource)),
    detectedAt: f.get('detected_at', nullable(str)),
    partnerCountry: f.get('partner_country', nullable(str)),
    partnerUnit: f.get('partner_unit', nullable(str)),
    createdBy: f.str('created_by'),
    createdAt: f.str('created_at'),
    updatedAt: f.str('updated_at'),
    marking: f.get('marking', readMarking),
    portion: f.str('portion'),
    nextStates: f.get('next_states', arrayOf(readNextState)),
  };
}

export const readLead: Reader<Lead> = leadFields;

export const readEvidence: Reader<Evidence> = (v, path) => {
  const f = fields(v, path);
  return {
    id: f.str('id'),
    kind: f.get('kind', oneOf(EVIDENCE_KINDS)),
    ref: f.get('ref', nullable(str)),
    text: f.str('text'),
    lang: f.get('lang', readTextLanguage),
    marking: f.get('marking', readMarking),
    portion: f.str('portion'),
    addedBy: f.str('added_by'),
    addedAt: f.str('added_at'),
  };
};

export const nonNegativeInt: Reader<number> = (v, path) => {
  const n = int(v, path);
  if (n < 0) throw new SchemaError(path, 'a count (0 or more)', v);
  return n;
};

const readSeizure: Reader<Seizure> = (v, path) => {
  const f = fields(v, path);
  return { what: f.str('what'), quantity: f.num('quantity'), unit: f.str('unit') };
};

export const readOutcome: Reader<Outcome> = (v, path) => {
  const f = fields(v, path);
  return { kind: f.get('kind', oneOf(OUTCOME_KINDS)), arrests: f.get('arrests', nonNegativeInt), seizures: f.get('seizures', arrayOf(readSeizure)) };
};

export const readLeadEvent: Reader<LeadEvent> = (v, path) => {
  const f = fields(v, path);
  const d = fields(f.get('details', (x) => x), `${path}.details`);
  const opt = <T>(key: string, r: Reader<T>): T | null => (d.has(key) ? d.get(key, r) : null);
  return {
    seq: f.int('seq'),
    from: f.get('from', nullable(readLeadStatus)),
    to: f.get('to', readLeadStatus),
    actor: f.str('actor'),
    at: f.str('at'),
    occurredAt: f.str('occurred_at'),
    note: f.str('note'),
    releaseId: opt('release_id', releaseIdReader),
    partnerCountry: opt('partner_country', str),
    partnerUnit: opt('partner_unit', str),
    outcome: opt('outcome', readOutcome),
  };
};

export const readReleaseSummary: Reader<ReleaseSummary> = (v, path) => {
  const f = fields(v, path);
  return {
    id: f.get('id', releaseIdReader),
    leadId: f.get('lead_id', leadIdReader),
    partnerCountry: f.str('partner_country'),
    partnerUnit: f.str('partner_unit'),
    language: f.get('language', readTextLanguage),
    createdBy: f.str('created_by'),
    createdAt: f.str('created_at'),
    banner: f.str('banner'),
    marking: f.get('marking', readMarking),
    sha256: f.str('sha256'),
    withheld: f.get(
      'withheld',
      nullable((x, p) => {
        const w = fields(x, p);
        return { notes: w.get('notes', nonNegativeInt), otherEvidence: w.get('other_evidence', nonNegativeInt) };
      }),
    ),
  };
};

export function readLeadBody(v: unknown): Lead {
  return readLead(v, 'lead');
}

export function readLeadDetail(v: unknown): LeadDetail {
  const f = fields(v, 'lead');
  return {
    ...leadFields(v, 'lead'),
    banner: f.str('banner'),
    evidence: f.get('evidence', arrayOf(readEvidence)),
    events: f.get('events', arrayOf(readLeadEvent)),
    releases: f.get('releases', arrayOf(readReleaseSummary)),
  };
}

export function readLeadPage(v: unknown): LeadPage {
  const f = fields(v, 'leads');
  return {
    leads: f.get('leads', arrayOf(readLead)),
    total: f.int('total'),
    limit: f.int('limit'),
    offset: f.int('offset'),
    banner: f.get('banner', nullable(str)),
  };
}

export function readEvidenceBody(v: unknown): Evidence {
  return readEvidence(v, 'evidence');
}

export function readTransitionAnswer(v: unknown): { readonly lead: Lead; readonly event: LeadEvent } {
  const f = fields(v, 'transition');
  return { lead: f.get('lead', readLead), event: f.get('event', readLeadEvent) };
}

export function readReleaseList(v: unknown): ReleaseSummary[] {
  return fields(v, 'releases').get('releases', arrayOf(readReleaseSummary));
}

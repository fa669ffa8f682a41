/**
 * Leads as stored (issue 6): what is suspected about one clandestine lab —
 * a place, how sure we are, where it came from — with its append-only
 * history of transitions and its evidence. docs/leads.md has the lifecycle
 * and the rules; the server's `leads/lifecycle.ts` decides which
 * transitions are allowed, the store records them atomically (a transition
 * names the state it starts from, and fails if the lead is no longer in it).
 *
 * Access is decided in the query. Every read takes the acting user's
 * `AccessPredicate` (@nariz/security) and applies it in SQL to the row's
 * marking columns, so lists, counts, pages and aggregates never include a
 * row the user may not see, and a lead the user may not see reads exactly
 * like one that does not exist (undefined). The lead's own marking covers
 * its title, summary, location, probabilities, history and hazard zone;
 * each piece of evidence has its own. Writes take no predicate: the server
 * reads through the predicate before it writes.
 */
import type { Brand } from '@nariz/core';
import type { AccessPredicate, Marking } from '@nariz/security';

export type LeadId = Brand<string, 'LeadId'>;
export const leadId = (s: string): LeadId => s as LeadId;

/** In lifecycle order; `closed` is final. */
export const LEAD_STATUSES = ['candidate', 'confirmed', 'released', 'acknowledged', 'action-taken', 'outcome-reported', 'closed'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const EVIDENCE_KINDS = ['source-estimate', 'detection', 'video-annotation', 'note', 'entity'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const OUTCOME_KINDS = ['dismantled', 'nothing-found', 'other'] as const;
export type OutcomeKind = (typeof OUTCOME_KINDS)[number];

/** The languages free text is written in (and the release's versions). */
export const TEXT_LANGUAGES = ['en', 'es'] as const;
export type TextLanguage = (typeof TEXT_LANGUAGES)[number];

/** The stored estimate a lead was made from. */
export interface LeadSource {
  readonly sortieId: string;
  readonly jobId: string;
  /** Index into the estimate's `sources`. */
  readonly sourceIndex: number;
}

export interface NewLead {
  readonly id: LeadId;
  readonly title: string;
  readonly summary: string;
  /** Language the title and summary are written in. */
  readonly lang: TextLanguage;
  readonly lat: number;
  readonly lon: number;
  /** Radius of the 95 % circle of the position, m. */
  readonly ci95M: number | undefined;
  readonly labProbability: number | undefined;
  readonly source: LeadSource | undefined;
  /** ISO 8601 UTC: when the plume was first detected. */
  readonly detectedAt: string | undefined;
  readonly marking: Marking;
  readonly createdBy: string;
  /** ISO 8601 UTC (the server's clock). */
  readonly at: string;
}

export interface LeadRecord {
  readonly id: LeadId;
  readonly title: string;
  readonly summary: string;
  readonly lang: TextLanguage;
  readonly status: LeadStatus;
  readonly lat: number;
  readonly lon: number;
  readonly ci95M: number | undefined;
  readonly labProbability: number | undefined;
  readonly source: LeadSource | undefined;
  readonly detectedAt: string | undefined;
  /** Set by the first release. */
  readonly partnerCountry: string | undefined;
  readonly partnerUnit: string | undefined;
  readonly marking: Marking;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Fields to change; an absent field is kept. */
export interface LeadPatch {
  readonly title?: string;
  readonly summary?: string;
  readonly lang?: TextLanguage;
  readonly marking?: Marking;
}

export interface Seizure {
  readonly what: string;
  readonly quantity: number;
  readonly unit: string;
}

export interface LeadOutcome {
  readonly kind: OutcomeKind;
  readonly arrests: number;
  readonly seizures: readonly Seizure[];
}

/** What a transition carries besides its note. */
export interface LeadEventDetails {
  /** The release the transition belongs to (a release, a partner's update). */
  readonly releaseId?: string;
  readonly partnerCountry?: string;
  readonly partnerUnit?: string;
  readonly outcome?: LeadOutcome;
}

export interface LeadTransition {
  /** The state the lead must be in; NARIZ_LEAD_STATE otherwise. */
  readonly from: LeadStatus;
  readonly to: LeadStatus;
  readonly actor: string;
  /** ISO 8601 UTC: when it is recorded. */
  readonly at: string;
  /** When it happened, if earlier (a raid reported the next day); default `at`. */
  readonly occurredAt?: string;
  readonly note: string;
  readonly details: LeadEventDetails;
}

export interface LeadEvent {
  readonly leadId: LeadId;
  /** 0 is the lead's creation (from undefined to candidate). */
  readonly seq: number;
  readonly from: LeadStatus | undefined;
  readonly to: LeadStatus;
  readonly actor: string;
  readonly at: string;
  readonly occurredAt: string;
  readonly note: string;
  readonly details: LeadEventDetails;
}

export interface NewEvidence {
  readonly id: string;
  readonly leadId: LeadId;
  readonly kind: EvidenceKind;
  /** What it points at (a sortie/job/source, a detection, an annotation id), or undefined for a note. */
  readonly ref: string | undefined;
  readonly text: string;
  readonly lang: TextLanguage;
  readonly marking: Marking;
  readonly addedBy: string;
  readonly at: string;
}

export interface EvidenceRecord {
  readonly id: string;
  readonly leadId: LeadId;
  readonly kind: EvidenceKind;
  readonly ref: string | undefined;
  readonly text: string;
  readonly lang: TextLanguage;
  readonly marking: Marking;
  readonly addedBy: string;
  readonly addedAt: string;
}

export interface LeadQuery {
  readonly statuses?: readonly LeadStatus[];
  /** Case-insensitive substring of the title or summary. */
  readonly text?: string;
  /** Most recently updated first, at most this many (default 100). */
  readonly limit?: number;
  readonly offset?: number;
}

/** One lead's milestones, for the dashboard (times are `occurredAt` of the first such transition). */
export interface LeadTimeline {
  readonly id: LeadId;
  readonly status: LeadStatus;
  readonly lat: number;
  readonly lon: number;
  readonly partnerCountry: string | undefined;
  readonly partnerUnit: string | undefined;
  readonly detectedAt: string | undefined;
  readonly createdAt: string;
  readonly releasedAt: string | undefined;
  readonly acknowledgedAt: string | undefined;
  readonly actionAt: string | undefined;
  /** The latest outcome reported, and when. */
  readonly outcomeAt: string | undefined;
  readonly outcome: LeadOutcome | undefined;
  /** The lead's marking: what an aggregate over timelines must carry in its banner. */
  readonly marking: Marking;
}

export interface LeadStore {
  /** A new lead, status `candidate`, with its creation event (seq 0); NARIZ_CONFLICT when the id exists. */
  createLead(l: NewLead): Promise<LeadRecord>;
  /** The lead, or undefined when there is none or `who` may not see it (the two are indistinguishable). */
  getLead(id: LeadId, who: AccessPredicate): Promise<LeadRecord | undefined>;
  /** Visible leads, most recently updated first. */
  listLeads(who: AccessPredicate, q?: LeadQuery): Promise<LeadRecord[]>;
  /** How many visible leads match (ignores limit and offset). */
  countLeads(who: AccessPredicate, q?: LeadQuery): Promise<number>;
  /** The lead afterwards, or undefined when there is none. */
  updateLead(id: LeadId, patch: LeadPatch, at: string): Promise<LeadRecord | undefined>;
  /** Appends the transition and moves the lead, atomically; NARIZ_NOT_FOUND, or NARIZ_LEAD_STATE when the lead is not in `from`. */
  transition(id: LeadId, t: LeadTransition): Promise<LeadEvent>;
  /** The lead's history in order; empty when `who` may not see the lead. */
  listEvents(id: LeadId, who: AccessPredicate): Promise<LeadEvent[]>;
  /** NARIZ_NOT_FOUND when there is no such lead; NARIZ_CONFLICT when the id exists. */
  addEvidence(e: NewEvidence): Promise<EvidenceRecord>;
  /** The evidence of the lead `who` may see (each row by its own marking), oldest first; empty when `who` may not see the lead. */
  listEvidence(id: LeadId, who: AccessPredicate): Promise<EvidenceRecord[]>;
  /** False when there is no such evidence on that lead that `who` may see. */
  removeEvidence(id: LeadId, evidenceId: string, who: AccessPredicate): Promise<boolean>;
  /** Milestones of every visible lead. */
  timelines(who: AccessPredicate): Promise<LeadTimeline[]>;
}

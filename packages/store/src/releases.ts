/**
 * Releases to a partner as stored: immutable. A release is made once, in
 * one transaction with the lead's transition to `released` (and the lead's
 * partner fields), and never changed or deleted: this interface has no
 * method for either, and both databases refuse UPDATE and DELETE on the
 * table (triggers, migration 5). The package is stored as the exact
 * canonical JSON text its SHA-256 was computed over, so anyone can check
 * one against the other.
 *
 * A release carries the marking of its banner (the combination of the
 * portions it holds) and its marking columns, so reads are filtered in the
 * query like leads (leads.ts).
 */
import type { Brand } from '@nariz/core';
import type { AccessPredicate, Marking } from '@nariz/security';
import type { LeadId, LeadStatus, TextLanguage } from './leads.js';

export type ReleaseId = Brand<string, 'ReleaseId'>;
export const releaseId = (s: string): ReleaseId => s as ReleaseId;

export interface NewRelease {
  readonly id: ReleaseId;
  readonly leadId: LeadId;
  /** ISO 3166-1 alpha-3. */
  readonly partnerCountry: string;
  readonly partnerUnit: string;
  /** The package's primary language (what the partner sees first). */
  readonly language: TextLanguage;
  readonly createdBy: string;
  /** ISO 8601 UTC (the server's clock). */
  readonly createdAt: string;
  /** The banner line, e.g. "SECRET//REL TO USA, MEX". */
  readonly banner: string;
  /** The banner's marking: the combination of every released portion. */
  readonly marking: Marking;
  /** The package as canonical JSON text (sorted keys). */
  readonly packageJson: string;
  /** Hex SHA-256 of `packageJson`'s UTF-8 bytes. */
  readonly sha256: string;
  readonly html: Readonly<Record<TextLanguage, string>>;
  /** The lead's state the release moves from (to `released`); NARIZ_LEAD_STATE when the lead is no longer in it. */
  readonly fromStatus: LeadStatus;
  readonly note: string;
  /** What stayed behind (undefined: not recorded). */
  readonly withheld?: ReleaseWithheld;
}

/** What a release left out: notes not releasable to the partner, and other evidence (never released). */
export interface ReleaseWithheld {
  readonly notes: number;
  readonly otherEvidence: number;
}

export interface ReleaseSummary {
  readonly id: ReleaseId;
  readonly leadId: LeadId;
  readonly partnerCountry: string;
  readonly partnerUnit: string;
  readonly language: TextLanguage;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly banner: string;
  readonly marking: Marking;
  readonly sha256: string;
  /** Undefined for releases made before it was recorded (schema version 9). */
  readonly withheld: ReleaseWithheld | undefined;
}

export interface ReleaseRecord extends ReleaseSummary {
  readonly packageJson: string;
  readonly html: Readonly<Record<TextLanguage, string>>;
}

export interface ReleaseQuery {
  readonly leadId?: LeadId;
  /** Only releases to this country (the partner portal: the user's own). */
  readonly partnerCountry?: string;
  /** Newest first, at most this many (default 100). */
  readonly limit?: number;
  readonly offset?: number;
}

export interface ReleaseStore {
  /** Stores the release, appends the lead's transition to `released` and sets its partner fields, in one transaction. */
  createRelease(r: NewRelease): Promise<ReleaseRecord>;
  /** The release, or undefined when there is none, `who` may not see it, or it went to another country than `partnerCountry`. */
  getRelease(id: ReleaseId, who: AccessPredicate, partnerCountry?: string): Promise<ReleaseRecord | undefined>;
  listReleases(who: AccessPredicate, q?: ReleaseQuery): Promise<ReleaseSummary[]>;
  countReleases(who: AccessPredicate, q?: ReleaseQuery): Promise<number>;
}

/**
 * The partner portal (docs/leads.md, "Partner portal"): the packages
 * released to the signed-in official's country, each with its banner, the
 * lead's status when they may see it, and its history — the release and
 * the partner's own updates (acknowledgement, action, outcome), never the
 * analysts' transitions or notes.
 */
import { releaseIdReader, type ReleaseId } from './ids.js';
import { nonNegativeInt, readLeadStatus, readOutcome, readTextLanguage, type LeadStatus, type Outcome, type TextLanguage } from './lead.js';
import { readReleasePackage, TRANSLATION_STATES, type ReleasePackage, type TranslationState } from './release-package.js';
import { arrayOf, fields, nullable, oneOf, str, type Reader } from './read.js';

export interface PackageSummary {
  readonly id: ReleaseId;
  readonly createdAt: string;
  readonly partnerCountry: string;
  readonly partnerUnit: string;
  /** The language this answer is in. */
  readonly language: TextLanguage;
  readonly banner: string;
  readonly sha256: string;
  readonly title: { readonly text: string; readonly lang: TextLanguage; readonly translation: TranslationState };
  /** The lead's state; null when the lead was re-marked beyond the official's access. */
  readonly status: LeadStatus | null;
  /** What the official may report next (the server's lifecycle); empty when nothing. */
  readonly nextStates: readonly LeadStatus[];
  /** Exercise data from a simulated sortie: never to be acted on. */
  readonly simulated: boolean;
}

export interface PackageHistoryEntry {
  readonly status: LeadStatus;
  readonly at: string;
  readonly occurredAt: string;
  /** The partner official, for their own updates; null for the release itself. */
  readonly by: string | null;
  readonly note: string | null;
  readonly outcome: Outcome | null;
}

export interface PackageDetail extends PackageSummary {
  readonly history: readonly PackageHistoryEntry[];
  readonly package: ReleasePackage;
}

export interface PackageList {
  readonly packages: readonly PackageSummary[];
  readonly total: number;
}

function summaryFields(v: unknown, path: string): PackageSummary {
  const f = fields(v, path);
  const title = fields(f.get('title', (x) => x), `${path}.title`);
  return {
    id: f.get('id', releaseIdReader),
    createdAt: f.str('created_at'),
    partnerCountry: f.str('partner_country'),
    partnerUnit: f.str('partner_unit'),
    language: f.get('language', readTextLanguage),
    banner: f.str('banner'),
    sha256: f.str('sha256'),
    title: { text: title.str('text'), lang: title.get('lang', readTextLanguage), translation: title.get('translation', oneOf(TRANSLATION_STATES)) },
    status: f.get('status', nullable(readLeadStatus)),
    nextStates: f.get('next_states', arrayOf(readLeadStatus)),
    simulated: f.bool('simulated'),
  };
}

const readHistoryEntry: Reader<PackageHistoryEntry> = (v, path) => {
  const f = fields(v, path);
  return {
    status: f.get('status', readLeadStatus),
    at: f.str('at'),
    occurredAt: f.str('occurred_at'),
    by: f.get('by', nullable(str)),
    note: f.get('note', nullable(str)),
    outcome: f.get('outcome', nullable(readOutcome)),
  };
};

export function readPackageList(v: unknown): PackageList {
  const f = fields(v, 'packages');
  return { packages: f.get('packages', arrayOf(summaryFields)), total: f.get('total', nonNegativeInt) };
}

export function readPackageDetail(v: unknown): PackageDetail {
  const f = fields(v, 'package');
  return { ...summaryFields(v, 'package'), history: f.get('history', arrayOf(readHistoryEntry)), package: f.get('package', readReleasePackage) };
}

/** The answer to an acknowledgement, action or outcome: the lead's new state and the package's history. */
export interface PartnerUpdateAnswer {
  readonly id: ReleaseId;
  readonly status: LeadStatus;
  readonly nextStates: readonly LeadStatus[];
  readonly history: readonly PackageHistoryEntry[];
}

export function readPartnerUpdate(v: unknown): PartnerUpdateAnswer {
  const f = fields(v, 'update');
  return { id: f.get('id', releaseIdReader), status: f.get('status', readLeadStatus), nextStates: f.get('next_states', arrayOf(readLeadStatus)), history: f.get('history', arrayOf(readHistoryEntry)) };
}

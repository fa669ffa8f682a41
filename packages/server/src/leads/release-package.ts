/**
 * The release package: what a partner receives about one lead, built once
 * and stored immutably (docs/leads.md, "Release"). It is made by
 * allow-list, never by deleting fields from something larger: the only
 * things that can reach a partner are named below.
 *
 *   - the lead's title and summary (free text, in its language), position,
 *     95 % radius, lab probability and time of first detection, and its
 *     hazard zones (polygon, chemical, tier, threshold, reach) — one portion,
 *     under the lead's marking;
 *   - evidence of kind `note` (its text only), each a portion under its own
 *     marking — but not translation notes (translation/translation-note.ts:
 *     they name the analyst and are working material);
 *   - the fixed texts of each language (release-texts.ts) and the partner
 *     and releasing organisation's names.
 *
 * Only portions releasable to the partner's country go in (REL TO that
 * country, never NOFORN; docs/security/markings.md rule A3), and none with
 * ORCON (releasing it needs the originator's approval, which Nariz does not
 * record). Sources and methods never go in: no sortie, job, source index,
 * sensor or species key, flight track or sample, detection threshold,
 * background or noise figure, model input (rate, wind, stability), vehicle,
 * platform or video, evidence reference, or analyst's name. The banner is
 * recomputed from the released portions only (rule B1-B6), so it says no
 * more than what is there.
 */
import { NarizError } from '@nariz/core';
import { combine, controlDefinition, formatBanner, isCountryCode, portionMarking, releasableTo, type Marking, type SecurityPolicy } from '@nariz/security';
import type { EvidenceRecord, LeadRecord, TextLanguage } from '@nariz/store';
import { canonicalJson, sha256Hex } from './canonical-json.js';
import type { HazardZone } from './estimate-source.js';
import { freeTextIn, type FreeText, type MachineTranslator } from './free-text.js';
import { releaseHtml } from './release-html.js';
import { RELEASE_TEXTS, type ReleaseTexts } from './release-texts.js';
import { isTranslationNote } from '../translation/translation-note.js';

export const RELEASE_FORMAT = 'nariz-release/1';

export interface ReleaseVersion {
  readonly language: TextLanguage;
  /** The fixed texts this version was rendered with. */
  readonly texts: ReleaseTexts;
  readonly title: FreeText;
  readonly summary: FreeText;
  /** In the order of the package's `notes`. */
  readonly notes: readonly FreeText[];
}

export interface ReleasePackage {
  readonly format: typeof RELEASE_FORMAT;
  readonly id: string;
  readonly lead_id: string;
  /** ISO 8601 UTC. */
  readonly created_at: string;
  readonly released_by: { readonly organisation: string };
  readonly partner: { readonly country: string; readonly unit: string };
  readonly primary_language: TextLanguage;
  /** Exercise data (a simulated sortie): never to be acted on. */
  readonly simulated: boolean;
  /** formatBanner(marking): the banner of the released portions. */
  readonly banner: string;
  readonly marking: Marking;
  readonly lead: {
    readonly portion: string;
    readonly marking: Marking;
    readonly location: { readonly lat: number; readonly lon: number; readonly ci95_m: number | null };
    readonly lab_probability: number | null;
    readonly detected_at: string | null;
    readonly hazard_zone: HazardZone | null;
  };
  readonly notes: readonly { readonly portion: string; readonly marking: Marking }[];
  readonly versions: Readonly<Record<TextLanguage, ReleaseVersion>>;
}

export interface ReleaseInput {
  readonly id: string;
  readonly createdAt: string;
  readonly lead: LeadRecord;
  /** The lead's evidence the releasing analyst may see. */
  readonly evidence: readonly EvidenceRecord[];
  readonly hazardZone: HazardZone | undefined;
  readonly partner: { readonly country: string; readonly unit: string };
  readonly language: TextLanguage;
  readonly releasingOrganisation: string;
  readonly policy: SecurityPolicy;
  readonly translate: MachineTranslator;
  /** The lead comes from a simulated sortie: the package and its renderings say SIMULATED. */
  readonly simulated: boolean;
  /** A dry run (POST .../releases/preview): the renderings say PREVIEW and carry no digest. */
  readonly preview?: boolean;
}

export interface BuiltRelease {
  readonly pkg: ReleasePackage;
  /** canonicalJson(pkg): what is stored and hashed. */
  readonly json: string;
  readonly sha256: string;
  readonly html: Readonly<Record<TextLanguage, string>>;
  readonly marking: Marking;
  readonly banner: string;
  /** What stayed behind (told to the releasing analyst, never to the partner). */
  readonly withheld: { readonly notes: number; readonly otherEvidence: number };
}

/** ORCON and any other control whose holder is the originator alone. */
const originatorControlled = (m: Marking): boolean => m.controls.some((c) => controlDefinition(c)?.rule === 'originator');

export function mayRelease(m: Marking, country: string, policy: SecurityPolicy): boolean {
  return releasableTo(m, country, policy) && !originatorControlled(m);
}

export async function buildRelease(o: ReleaseInput): Promise<BuiltRelease> {
  const country = o.partner.country;
  if (!isCountryCode(country) || country === o.policy.ownCountry) {
    throw new NarizError('NARIZ_BAD_REQUEST', `partner_country must be a foreign ISO 3166-1 alpha-3 code, not "${country}"`, { path: 'partner_country' });
  }
  if (!mayRelease(o.lead.marking, country, o.policy)) {
    throw new NarizError(
      'NARIZ_NOT_RELEASABLE',
      `lead "${o.lead.id}" is marked ${portionMarking(o.lead.marking, o.policy)}, which is not releasable to ${country}${originatorControlled(o.lead.marking) ? ' (ORCON)' : ''}; change its marking first if releasing it is right`,
    );
  }
  const isNote = (e: EvidenceRecord): boolean => e.kind === 'note' && !isTranslationNote(e);
  const notes = o.evidence.filter((e) => isNote(e) && mayRelease(e.marking, country, o.policy));
  const withheld = {
    notes: o.evidence.filter(isNote).length - notes.length,
    otherEvidence: o.evidence.filter((e) => !isNote(e)).length,
  };
  const marking = combine([o.lead.marking, ...notes.map((n) => n.marking)], o.policy);
  // B4 keeps the partner in the intersection of REL TO lists that all name it; a failure here is a bug, never a release.
  if (!releasableTo(marking, country, o.policy)) throw new Error(`the combined marking of a release to ${country} is not releasable to it`);
  const banner = formatBanner(marking, o.policy);
  const version = async (lang: TextLanguage): Promise<ReleaseVersion> => ({
    language: lang,
    texts: RELEASE_TEXTS[lang],
    title: await freeTextIn(o.lead.title, o.lead.lang, lang, o.translate),
    summary: await freeTextIn(o.lead.summary, o.lead.lang, lang, o.translate),
    notes: await Promise.all(notes.map((n) => freeTextIn(n.text, n.lang, lang, o.translate))),
  });
  const versions: Record<TextLanguage, ReleaseVersion> = { en: await version('en'), es: await version('es') };
  const pkg: ReleasePackage = {
    format: RELEASE_FORMAT,
    id: o.id,
    lead_id: o.lead.id,
    created_at: o.createdAt,
    released_by: { organisation: o.releasingOrganisation },
    partner: { country, unit: o.partner.unit },
    primary_language: o.language,
    simulated: o.simulated,
    banner,
    marking,
    lead: {
      portion: portionMarking(o.lead.marking, o.policy),
      marking: o.lead.marking,
      location: { lat: o.lead.lat, lon: o.lead.lon, ci95_m: o.lead.ci95M ?? null },
      lab_probability: o.lead.labProbability ?? null,
      detected_at: o.lead.detectedAt ?? null,
      hazard_zone: o.hazardZone ?? null,
    },
    notes: notes.map((n) => ({ portion: portionMarking(n.marking, o.policy), marking: n.marking })),
    versions,
  };
  const json = canonicalJson(pkg);
  const sha256 = sha256Hex(json);
  const digest = o.preview === true ? null : sha256;
  const html = { en: releaseHtml(pkg, 'en', digest), es: releaseHtml(pkg, 'es', digest) };
  return { pkg, json, sha256, html, marking, banner, withheld };
}

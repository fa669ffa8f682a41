/**
 * A stored release as @nariz/exchange's `ReleasePackage`, the one input of
 * the STIX, TAXII and CoT exporters (docs/exchange/stix.md, "In the
 * platform"). Pure: the same release and policy give the same package, so
 * exports are reproducible and a TAXII object's version never changes.
 *
 *  - policy: the deployment's `SecurityPolicy`; the releasing organisation
 *    is the one the package names (its country the own country, its ACS
 *    token derived from its name as ACS originators are: `task force` →
 *    `USA.TASKFORCE`). The releasing analyst is never named (docs/leads.md):
 *    the organisation stands in `releasedBy` too.
 *  - texts: a language version goes in only when its title (and non-empty
 *    summary) are in that language — original or machine-translated, the
 *    latter labelled; a "not translated" version would put Spanish text
 *    under an English label. The package language is the release's
 *    primary language when it has texts in it, else the lead's own.
 *  - the lead: status `released` (what the release made it: the export of
 *    a release must not change as the lead moves on), the lead's marking
 *    over title, position, probability and zone; each note in its original
 *    language and, when one exists, its machine translation (labelled).
 *  - the hazard zone: exchange carries one polygon per lead. Chosen for a
 *    raid team's safety: the direction-uncertainty envelope (it covers the
 *    wind's uncertainty) before the mean-wind footprint, level 2 (AEGL-2,
 *    the protective-action level emergency planners use) before 1 before 3;
 *    thresholds in ppm. Exchange takes one Polygon, so a MultiPolygon zone
 *    (a footprint split in parts) goes as the convex hull of its parts: a
 *    superset, so it may overstate the area but never understates the
 *    danger (dropping a part would); the HTML and PDF renderings keep
 *    every part exactly.
 *  - exercise data (a lead from a simulated sortie) says so in every
 *    title, so in the STIX report, infrastructure and location names and
 *    in the CoT callsign and remarks a TAK operator sees: exchange has no
 *    field for it, and a title is what every consumer shows.
 *  - TLP:AMBER+STRICT: the package goes to one partner unit, which may
 *    share it within its own organisation only; the ACS markings carry the
 *    formal releasability.
 *
 * Exchange requires a 95 % radius, a lab probability and a time of first
 * detection; a lead made by hand without one is refused
 * (NARIZ_EXPORT_INCOMPLETE) rather than given an invented value.
 */
import * as turf from '@turf/turf';
import { NarizError } from '@nariz/core';
import {
  acsOriginator,
  type HazardZoneFeature as ExchangeZone,
  type Lang,
  type Lead,
  type LeadNote,
  type PackageTexts,
  type ReleasePackage,
  type TextPortion,
  type ThresholdTierLabel,
  type TlpLevel,
} from '@nariz/exchange';
import type { Marking, SecurityPolicy } from '@nariz/security';
import { TEXT_LANGUAGES } from '@nariz/store';
import type { HazardZone } from '../leads/estimate-source.js';
import type { FreeText } from '../leads/free-text.js';
import type { StoredRelease } from './stored-release.js';

/** The TLP 2.0 level of every export (see the file comment). */
export const RELEASE_TLP: TlpLevel = 'amber+strict';
/** The lead's status in every export of a release: the state the release put it in. */
export const STATUS_AT_RELEASE = 'released';

const TIER = /^(AEGL|ERPG|PAC)-[123]$/;
const LEVEL_PREFERENCE = [2, 1, 3];

const other = (l: Lang): Lang => (l === 'en' ? 'es' : 'en');

/** Before the title of exercise data, in the title's language. */
export const SIMULATED_TAG: Readonly<Record<Lang, string>> = { en: 'SIMULATED (exercise, do not act):', es: 'SIMULADO (ejercicio, no actuar):' };

function incomplete(r: StoredRelease, path: string, what: string): NarizError {
  return new NarizError(
    'NARIZ_EXPORT_INCOMPLETE',
    `release "${r.id}" has no ${what} for its lead (made by hand without it); STIX and CoT need one, and none is invented`,
    { path },
  );
}

/** The ACS organisation token of the releasing organisation: `USA.TASKFORCE` → `TASKFORCE`. */
function acsTokenOf(organisation: string, policy: SecurityPolicy): string {
  const token = acsOriginator(organisation, policy);
  const prefix = `${policy.ownCountry}.`;
  if (token === undefined || !token.startsWith(prefix) || token.length === prefix.length) {
    throw new NarizError('NARIZ_EXPORT_MARKING', `the releasing organisation "${organisation}" cannot be an ACS custodian of ${policy.ownCountry}`, { path: 'released_by.organisation' });
  }
  return token.slice(prefix.length);
}

function portion(t: FreeText, marking: Marking, tag?: string): TextPortion {
  return { text: tag === undefined ? t.text : `${tag} ${t.text}`, marking, machineTranslated: t.translation === 'machine-translated' };
}

/** The texts of a language version, when they are in that language (see the file comment). */
function textsIn(r: StoredRelease, l: Lang): PackageTexts | undefined {
  const v = r.versions[l];
  if (v.title.lang !== l) return undefined;
  if (v.summary.lang !== l && v.summary.text.trim() !== '') return undefined;
  return { title: portion(v.title, r.lead.marking, r.simulated ? SIMULATED_TAG[l] : undefined), summary: portion(v.summary, r.lead.marking) };
}

function notesOf(r: StoredRelease): LeadNote[] {
  const out: LeadNote[] = [];
  r.notes.forEach(({ marking }, i) => {
    const original = r.versions.en.notes[i]!.original_lang;
    const text = r.versions[original].notes[i]!;
    out.push({ text: text.text, lang: original, marking, machineTranslated: false });
    const translated = r.versions[other(original)].notes[i]!;
    if (translated.translation === 'machine-translated') out.push({ text: translated.text, lang: translated.lang, marking, machineTranslated: true });
  });
  return out;
}

function closedRing(ring: ReadonlyArray<readonly [number, number]>): boolean {
  const first = ring[0];
  const last = ring[ring.length - 1];
  return ring.length >= 4 && first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
}

type Ring = Array<[number, number]>;

/**
 * A zone's geometry as one polygon: a Polygon as it is; a MultiPolygon as
 * the convex hull of its outer rings (see the file comment). Undefined when
 * a ring is not closed (the store never writes one; exchange needs them closed).
 */
function onePolygon(g: HazardZone['features'][number]['geometry']): Ring[] | undefined {
  if (g.type === 'Polygon') {
    const rings = g.coordinates as Ring[];
    return rings.every(closedRing) ? rings : undefined;
  }
  const parts = g.coordinates as Ring[][];
  if (parts.length === 0 || !parts.every((rings) => rings.length > 0 && rings.every(closedRing))) return undefined;
  if (parts.length === 1) return parts[0];
  const hull = turf.convex(turf.featureCollection(parts.flatMap((rings) => rings[0]!.map((pos) => turf.point(pos)))));
  if (hull === null) return undefined;
  return hull.geometry.coordinates as Ring[];
}

/** The one zone exchange carries (see the file comment), or undefined. */
export function zoneForExchange(zone: HazardZone | null): ExchangeZone | undefined {
  if (zone === null) return undefined;
  const rank = (kind: string, level: number): number => (kind === 'direction-uncertainty' ? 0 : 10) + LEVEL_PREFERENCE.indexOf(level);
  const candidates = zone.features
    .filter((f) => TIER.test(f.properties.tier) && LEVEL_PREFERENCE.includes(f.properties.level))
    .map((f) => ({ f, polygon: onePolygon(f.geometry) }))
    .filter((c): c is { f: (typeof zone.features)[number]; polygon: Ring[] } => c.polygon !== undefined)
    .sort((a, b) => rank(a.f.properties.kind, a.f.properties.level) - rank(b.f.properties.kind, b.f.properties.level));
  const first = candidates[0];
  if (first === undefined) return undefined;
  const best = first.f;
  return {
    type: 'Feature',
    geometry: { type: 'Polygon', coordinates: first.polygon },
    properties: { chemical: best.properties.chemical, tier: best.properties.tier as ThresholdTierLabel, concentration: best.properties.threshold_ppm, units: 'ppm' },
  };
}

export function exchangePackage(r: StoredRelease, policy: SecurityPolicy): ReleasePackage {
  const { ci95M, labProbability, detectedAt } = r.lead;
  if (ci95M === null) throw incomplete(r, 'lead.location.ci95_m', '95 % radius');
  if (labProbability === null) throw incomplete(r, 'lead.lab_probability', 'lab probability');
  if (detectedAt === null) throw incomplete(r, 'lead.detected_at', 'time of first detection');
  const texts: Partial<Record<Lang, PackageTexts>> = {};
  for (const l of TEXT_LANGUAGES) {
    const t = textsIn(r, l);
    if (t !== undefined) texts[l] = t;
  }
  const language: Lang = texts[r.primaryLanguage] !== undefined ? r.primaryLanguage : r.versions.en.title.original_lang;
  const zone = zoneForExchange(r.lead.hazardZone);
  const lead: Lead = {
    id: r.leadId,
    title: texts[language]!.title.text,
    status: STATUS_AT_RELEASE,
    location: { lat: r.lead.lat, lon: r.lead.lon, ci95M },
    labProbability,
    detectedAt: new Date(Date.parse(detectedAt)).toISOString(),
    marking: r.lead.marking,
    notes: notesOf(r),
    ...(zone === undefined ? {} : { hazardZone: zone }),
  };
  return {
    id: r.id,
    createdAt: new Date(Date.parse(r.createdAt)).toISOString(),
    releasedBy: { name: r.organisation, organisation: r.organisation, country: policy.ownCountry },
    organisation: { name: r.organisation, country: policy.ownCountry, acsToken: acsTokenOf(r.organisation, policy) },
    policy,
    partner: { country: r.partner.country, unit: r.partner.unit },
    marking: r.marking,
    tlp: RELEASE_TLP,
    language,
    texts,
    leads: [lead],
  };
}

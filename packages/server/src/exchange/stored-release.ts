/**
 * A stored release's package (its canonical JSON, leads/release-package.ts)
 * read once into typed values for the exchange exits (STIX, TAXII, CoT).
 * The store is an edge like any other: the text is ours, but it is read as
 * `unknown` and every field an export uses is checked here, markings
 * re-parsed into their canonical form (docs/security/markings.md, M1-M8).
 * Anything else is NARIZ_STORE_CORRUPT naming the field: an export never
 * guesses.
 */
import { NarizError } from '@nariz/core';
import { markingKey } from '@nariz/exchange';
import { parseMarking, type Marking, type SecurityPolicy } from '@nariz/security';
import { TEXT_LANGUAGES, type ReleaseRecord, type TextLanguage } from '@nariz/store';
import type { HazardZone, HazardZoneFeature } from '../leads/estimate-source.js';
import type { FreeText, TranslationState } from '../leads/free-text.js';
import { RELEASE_FORMAT } from '../leads/release-package.js';

/** One language version: the free texts an export carries (the fixed texts stay with the HTML). */
export interface StoredVersion {
  readonly title: FreeText;
  readonly summary: FreeText;
  /** In the order of `StoredRelease.notes`. */
  readonly notes: readonly FreeText[];
}

export interface StoredRelease {
  readonly id: string;
  readonly leadId: string;
  readonly createdAt: string;
  readonly organisation: string;
  readonly partner: { readonly country: string; readonly unit: string };
  readonly primaryLanguage: TextLanguage;
  /** Exercise data (the lead comes from a simulated sortie): never to be acted on. Absent in packages from before the flag: false. */
  readonly simulated: boolean;
  /** The banner's marking (equal to the release row's). */
  readonly marking: Marking;
  readonly lead: {
    readonly marking: Marking;
    readonly lat: number;
    readonly lon: number;
    readonly ci95M: number | null;
    readonly labProbability: number | null;
    readonly detectedAt: string | null;
    readonly hazardZone: HazardZone | null;
  };
  /** The released notes' markings; their texts are in the versions. */
  readonly notes: readonly { readonly marking: Marking }[];
  readonly versions: Readonly<Record<TextLanguage, StoredVersion>>;
}

type Json = Record<string, unknown>;

function corrupt(r: ReleaseRecord, path: string, what: string): NarizError {
  return new NarizError('NARIZ_STORE_CORRUPT', `release "${r.id}": the stored package ${what}`, { path });
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const STATES: readonly TranslationState[] = ['original', 'not-translated', 'machine-translated'];

export function readStoredRelease(r: ReleaseRecord, policy: SecurityPolicy): StoredRelease {
  let root: unknown;
  try {
    root = JSON.parse(r.packageJson);
  } catch (e) {
    throw new NarizError('NARIZ_STORE_CORRUPT', `release "${r.id}": the stored package is not JSON`, undefined, { cause: e });
  }
  const obj = (v: unknown, path: string): Json => {
    if (!isObject(v)) throw corrupt(r, path, 'has no object here');
    return v;
  };
  const str = (v: unknown, path: string): string => {
    if (typeof v !== 'string') throw corrupt(r, path, 'has no string here');
    return v;
  };
  const num = (v: unknown, path: string): number => {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw corrupt(r, path, 'has no number here');
    return v;
  };
  const orNull = <T>(v: unknown, read: (x: unknown) => T): T | null => (v === null || v === undefined ? null : read(v));
  const lang = (v: unknown, path: string): TextLanguage => {
    const s = str(v, path);
    if (!(TEXT_LANGUAGES as readonly string[]).includes(s)) throw corrupt(r, path, `has an unknown language "${s}"`);
    return s as TextLanguage;
  };
  const marking = (v: unknown, path: string): Marking => {
    try {
      return parseMarking(v, policy, path);
    } catch (e) {
      throw new NarizError('NARIZ_STORE_CORRUPT', `release "${r.id}": a stored marking does not read: ${(e as Error).message}`, { path }, { cause: e });
    }
  };
  const freeText = (v: unknown, path: string): FreeText => {
    const o = obj(v, path);
    const translation = str(o['translation'], `${path}.translation`);
    if (!(STATES as readonly string[]).includes(translation)) throw corrupt(r, `${path}.translation`, `has an unknown translation state "${translation}"`);
    return { text: str(o['text'], `${path}.text`), lang: lang(o['lang'], `${path}.lang`), original_lang: lang(o['original_lang'], `${path}.original_lang`), translation: translation as TranslationState };
  };
  const array = (v: unknown, path: string): unknown[] => {
    if (!Array.isArray(v)) throw corrupt(r, path, 'has no array here');
    return v;
  };

  const pkg = obj(root, '');
  if (pkg['format'] !== RELEASE_FORMAT) throw corrupt(r, 'format', `is not ${RELEASE_FORMAT}`);
  if (pkg['id'] !== r.id) throw corrupt(r, 'id', 'names another release');
  const lead = obj(pkg['lead'], 'lead');
  const location = obj(lead['location'], 'lead.location');
  const partner = obj(pkg['partner'], 'partner');
  const notes = array(pkg['notes'], 'notes').map((n, i) => ({ marking: marking(obj(n, `notes[${i}]`)['marking'], `notes[${i}].marking`) }));
  const versionsJson = obj(pkg['versions'], 'versions');
  const version = (l: TextLanguage): StoredVersion => {
    const v = obj(versionsJson[l], `versions.${l}`);
    const vn = array(v['notes'], `versions.${l}.notes`).map((n, i) => freeText(n, `versions.${l}.notes[${i}]`));
    if (vn.length !== notes.length) throw corrupt(r, `versions.${l}.notes`, `has ${vn.length} notes for ${notes.length} released`);
    return { title: freeText(v['title'], `versions.${l}.title`), summary: freeText(v['summary'], `versions.${l}.summary`), notes: vn };
  };
  const banner = marking(pkg['marking'], 'marking');
  const simulated = pkg['simulated'] ?? false;
  if (typeof simulated !== 'boolean') throw corrupt(r, 'simulated', 'has no boolean here');
  const released = {
    id: r.id,
    leadId: str(pkg['lead_id'], 'lead_id'),
    createdAt: str(pkg['created_at'], 'created_at'),
    organisation: str(obj(pkg['released_by'], 'released_by')['organisation'], 'released_by.organisation'),
    partner: { country: str(partner['country'], 'partner.country'), unit: str(partner['unit'], 'partner.unit') },
    primaryLanguage: lang(pkg['primary_language'], 'primary_language'),
    simulated,
    marking: banner,
    lead: {
      marking: marking(lead['marking'], 'lead.marking'),
      lat: num(location['lat'], 'lead.location.lat'),
      lon: num(location['lon'], 'lead.location.lon'),
      ci95M: orNull(location['ci95_m'], (x) => num(x, 'lead.location.ci95_m')),
      labProbability: orNull(lead['lab_probability'], (x) => num(x, 'lead.lab_probability')),
      detectedAt: orNull(lead['detected_at'], (x) => str(x, 'lead.detected_at')),
      hazardZone: orNull(lead['hazard_zone'], (x) => hazardZone(x)),
    },
    notes,
    versions: { en: version('en'), es: version('es') },
  };
  // The row's columns and the hashed text must tell the same story.
  if (released.leadId !== r.leadId || released.partner.country !== r.partnerCountry || Date.parse(released.createdAt) !== Date.parse(r.createdAt)) {
    throw corrupt(r, 'lead_id', 'disagrees with its release row (lead, partner country or time)');
  }
  if (markingKey(banner, policy) !== markingKey(r.marking, policy)) throw corrupt(r, 'marking', 'has another banner than its release row');
  return released;

  function hazardZone(v: unknown): HazardZone {
    const fc = obj(v, 'lead.hazard_zone');
    const features = array(fc['features'], 'lead.hazard_zone.features').map((f, i): HazardZoneFeature => {
      const path = `lead.hazard_zone.features[${i}]`;
      const fo = obj(f, path);
      const g = obj(fo['geometry'], `${path}.geometry`);
      const p = obj(fo['properties'], `${path}.properties`);
      const type = str(g['type'], `${path}.geometry.type`);
      if (type !== 'Polygon' && type !== 'MultiPolygon') throw corrupt(r, `${path}.geometry.type`, `has a ${type} hazard zone`);
      const kind = str(p['kind'], `${path}.properties.kind`);
      if (kind !== 'footprint' && kind !== 'direction-uncertainty') throw corrupt(r, `${path}.properties.kind`, `has a hazard zone of kind "${kind}"`);
      const depth = type === 'Polygon' ? 2 : 3;
      if (!positions(g['coordinates'], depth)) throw corrupt(r, `${path}.geometry.coordinates`, 'has malformed coordinates');
      return {
        type: 'Feature',
        geometry: type === 'Polygon'
          ? { type, coordinates: g['coordinates'] as Array<Array<[number, number]>> }
          : { type, coordinates: g['coordinates'] as Array<Array<Array<[number, number]>>> },
        properties: {
          kind,
          level: num(p['level'], `${path}.properties.level`),
          tier: str(p['tier'], `${path}.properties.tier`),
          chemical: str(p['chemical'], `${path}.properties.chemical`),
          threshold_ppm: num(p['threshold_ppm'], `${path}.properties.threshold_ppm`),
          threshold_mg_m3: num(p['threshold_mg_m3'], `${path}.properties.threshold_mg_m3`),
          max_downwind_m: num(p['max_downwind_m'], `${path}.properties.max_downwind_m`),
        },
      };
    });
    return { type: 'FeatureCollection', features };
  }
}

function positions(v: unknown, depth: number): boolean {
  if (!Array.isArray(v)) return false;
  if (depth === 0) return v.length === 2 && v.every((x) => typeof x === 'number' && Number.isFinite(x));
  return v.every((x) => positions(x, depth - 1));
}

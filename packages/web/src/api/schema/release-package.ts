/**
 * A release package (docs/leads.md, "Release"): what a partner unit
 * receives about one lead, built by the server from an allow-list and
 * stored immutably — the lead's position, 95 % radius, lab probability,
 * first detection and hazard zones, the released notes, and an English
 * and a Spanish version of its free text. Read here for the analyst's
 * release answer and the partner portal; the app shows it, never edits it.
 */
import { readAreaGeometry, type AreaGeometry } from './geometry.js';
import { leadIdReader, releaseIdReader, type LeadId, type ReleaseId } from './ids.js';
import { readLead, readReleaseSummary, readTextLanguage, nonNegativeInt, type Lead, type ReleaseSummary, type TextLanguage } from './lead.js';
import { readMarking, type Marking } from './marking.js';
import { arrayOf, fields, nullable, num, oneOf, optional, str, type Reader } from './read.js';

export const TRANSLATION_STATES = ['original', 'not-translated', 'machine-translated'] as const;
export type TranslationState = (typeof TRANSLATION_STATES)[number];

/** Free text as one version shows it: the original, or labelled as untranslated or machine-translated. */
export interface FreeText {
  readonly text: string;
  readonly lang: TextLanguage;
  readonly originalLang: TextLanguage;
  readonly translation: TranslationState;
  /** A machine translation carries what was written, in `originalLang` (null otherwise). */
  readonly original: string | null;
  /** And the engine that made it, with its version (null otherwise). */
  readonly engine: { readonly id: string; readonly version: string } | null;
}

export interface PackageHazardZone {
  /** `footprint` (the mean wind) or `direction-uncertainty` (the envelope over the wind's uncertainty). */
  readonly kind: 'footprint' | 'direction-uncertainty';
  /** 3 most severe. */
  readonly level: number;
  readonly tier: string;
  readonly chemical: string;
  readonly thresholdPpm: number;
  readonly thresholdMgM3: number;
  readonly maxDownwindM: number;
  readonly geometry: AreaGeometry;
}

export interface PackageVersion {
  readonly language: TextLanguage;
  readonly title: FreeText;
  readonly summary: FreeText;
  /** In the order of the package's `notes`. */
  readonly notes: readonly FreeText[];
}

export interface ReleasePackage {
  readonly id: ReleaseId;
  readonly leadId: LeadId;
  readonly createdAt: string;
  readonly releasedBy: string;
  readonly partnerCountry: string;
  readonly partnerUnit: string;
  readonly primaryLanguage: TextLanguage;
  /** The server's banner of the released portions. */
  readonly banner: string;
  readonly marking: Marking;
  readonly lead: {
    readonly portion: string;
    readonly lat: number;
    readonly lon: number;
    readonly ci95M: number | null;
    readonly labProbability: number | null;
    readonly detectedAt: string | null;
    readonly hazardZones: readonly PackageHazardZone[];
  };
  /** The released notes' portion marks, in order (their text is in each version). */
  readonly notes: readonly { readonly portion: string; readonly marking: Marking }[];
  readonly versions: Readonly<Record<TextLanguage, PackageVersion>>;
}

const readEngine: Reader<{ id: string; version: string }> = (v, path) => {
  const f = fields(v, path);
  return { id: f.str('id'), version: f.str('version') };
};

const readFreeText: Reader<FreeText> = (v, path) => {
  const f = fields(v, path);
  return {
    text: f.str('text'),
    lang: f.get('lang', readTextLanguage),
    originalLang: f.get('original_lang', readTextLanguage),
    translation: f.get('translation', oneOf(TRANSLATION_STATES)),
    original: f.get('original', optional(str)) ?? null,
    engine: f.get('engine', optional(readEngine)) ?? null,
  };
};

const readVersion: Reader<PackageVersion> = (v, path) => {
  const f = fields(v, path);
  return { language: f.get('language', readTextLanguage), title: f.get('title', readFreeText), summary: f.get('summary', readFreeText), notes: f.get('notes', arrayOf(readFreeText)) };
};

const readZone: Reader<PackageHazardZone> = (v, path) => {
  const f = fields(v, path);
  const p = fields(f.get('properties', (x) => x), `${path}.properties`);
  return {
    kind: p.get('kind', oneOf(['footprint', 'direction-uncertainty'] as const)),
    level: p.int('level'),
    tier: p.str('tier'),
    chemical: p.str('chemical'),
    thresholdPpm: p.num('threshold_ppm'),
    thresholdMgM3: p.num('threshold_mg_m3'),
    maxDownwindM: p.num('max_downwind_m'),
    geometry: f.get('geometry', readAreaGeometry),
  };
};

const readZones: Reader<PackageHazardZone[]> = (v, path) => (v === null ? [] : fields(v, path).get('features', arrayOf(readZone)));

export const readReleasePackage: Reader<ReleasePackage> = (v, path) => {
  const f = fields(v, path);
  const partner = fields(f.get('partner', (x) => x), `${path}.partner`);
  const lead = fields(f.get('lead', (x) => x), `${path}.lead`);
  const location = fields(lead.get('location', (x) => x), `${path}.lead.location`);
  const versions = fields(f.get('versions', (x) => x), `${path}.versions`);
  return {
    id: f.get('id', releaseIdReader),
    leadId: f.get('lead_id', leadIdReader),
    createdAt: f.str('created_at'),
    releasedBy: fields(f.get('released_by', (x) => x), `${path}.released_by`).str('organisation'),
    partnerCountry: partner.str('country'),
    partnerUnit: partner.str('unit'),
    primaryLanguage: f.get('primary_language', readTextLanguage),
    banner: f.str('banner'),
    marking: f.get('marking', readMarking),
    lead: {
      portion: lead.str('portion'),
      lat: location.num('lat'),
      lon: location.num('lon'),
      ci95M: location.get('ci95_m', nullable(num)),
      labProbability: lead.get('lab_probability', nullable(num)),
      detectedAt: lead.get('detected_at', nullable(str)),
      hazardZones: lead.get('hazard_zone', readZones),
    },
    notes: f.get(
      'notes',
      arrayOf((x, p) => {
        const n = fields(x, p);
        return { portion: n.str('portion'), marking: n.get('marking', readMarking) };
      }),
    ),
    versions: { en: versions.get('en', readVersion), es: versions.get('es', readVersion) },
  };
};

/** POST /api/leads/:id/releases: the release, the lead moved to `released`, the package, and what stayed behind. */
export interface ReleaseAnswer {
  readonly release: ReleaseSummary;
  readonly lead: Lead;
  readonly package: ReleasePackage;
  /** Told to the releasing analyst only: notes not releasable to the partner, and evidence that is never released. */
  readonly withheld: { readonly notes: number; readonly otherEvidence: number };
}

export function readReleaseAnswer(v: unknown): ReleaseAnswer {
  const f = fields(v, 'release');
  const w = fields(f.get('withheld', (x) => x), 'release.withheld');
  return {
    release: f.get('release', readReleaseSummary),
    lead: f.get('lead', readLead),
    package: f.get('package', readReleasePackage),
    withheld: { notes: w.get('notes', nonNegativeInt), otherEvidence: w.get('other_evidence', nonNegativeInt) },
  };
}

/**
 * POST /api/leads/:id/releases/preview: what a release would make now,
 * stored nowhere. The package is read only for what the dialog shows (its
 * id is not a release id: nothing was released).
 */
export interface ReleasePreview {
  readonly banner: string;
  readonly marking: Marking;
  readonly withheld: { readonly notes: number; readonly otherEvidence: number };
  /** How many notes go out. */
  readonly releasedNotes: number;
  readonly hasHazardZone: boolean;
  readonly simulated: boolean;
  /** Both renderings, marked PREVIEW by the server. */
  readonly html: Readonly<Record<TextLanguage, string>>;
}

export function readReleasePreview(v: unknown): ReleasePreview {
  const f = fields(v, 'preview');
  const w = fields(f.get('withheld', (x) => x), 'preview.withheld');
  const pkg = fields(f.get('package', (x) => x), 'preview.package');
  const lead = fields(pkg.get('lead', (x) => x), 'preview.package.lead');
  const html = fields(f.get('html', (x) => x), 'preview.html');
  return {
    banner: f.str('banner'),
    marking: f.get('marking', readMarking),
    withheld: { notes: w.get('notes', nonNegativeInt), otherEvidence: w.get('other_evidence', nonNegativeInt) },
    releasedNotes: pkg.get('notes', arrayOf((x) => x)).length,
    hasHazardZone: lead.get('hazard_zone', (x) => x) !== null,
    simulated: pkg.bool('simulated'),
    html: { en: html.str('en'), es: html.str('es') },
  };
}

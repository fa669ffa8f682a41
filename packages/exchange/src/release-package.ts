/**
 * The release package: what an official releases to a partner, as plain
 * JSON-able data. Every exporter (STIX, Cursor-on-Target, TAK data package)
 * reads only this. It is built and checked where releases are made; the
 * exporters re-check only what a wrong release would leak (release-guard.ts).
 *
 * Markings are @nariz/security's `Marking`, canonical as `parseMarking` /
 * `makeMarking` return them, and relative to `policy` (the deployment's own
 * country); every marking rule is security's (docs/security/markings.md).
 *
 * Invariants the producer guarantees (stated, not re-validated):
 *  - `createdAt` and every `detectedAt` are ISO 8601 UTC instants
 *    (`2025-03-01T12:00:00.000Z`);
 *  - latitudes in [-90, 90], longitudes in [-180, 180], WGS84 degrees;
 *  - `texts[language]` is present;
 *  - hazard-zone rings are closed (first position = last) with at least
 *    four positions, positions `[lon, lat]` as GeoJSON (RFC 7946).
 */
import type { ConcentrationUnit } from '@nariz/core';
import type { Marking, SecurityPolicy } from '@nariz/security';

export type Lang = 'en' | 'es';

export const LANGS: readonly Lang[] = ['en', 'es'];

/** TLP 2.0 levels (FIRST, 2022). */
export type TlpLevel = 'clear' | 'green' | 'amber' | 'amber+strict' | 'red';

/** One marked piece of text. */
export interface TextPortion {
  readonly text: string;
  readonly marking: Marking;
  /** True when the text is a machine translation (not reviewed by a person). */
  readonly machineTranslated: boolean;
}

/** The package's title and summary in one language. */
export interface PackageTexts {
  readonly title: TextPortion;
  readonly summary: TextPortion;
}

export interface LeadNote {
  readonly text: string;
  readonly lang: Lang;
  readonly marking: Marking;
  readonly machineTranslated: boolean;
}

/** Threshold tiers as displayed: `AEGL-2`, `ERPG-3`, `PAC-1`. */
export type ThresholdTierLabel = `${'AEGL' | 'ERPG' | 'PAC'}-${1 | 2 | 3}`;

export interface GeoJsonPolygon {
  readonly type: 'Polygon';
  /** Outer ring first; `[lon, lat]` degrees. Inner rings are carried by STIX, dropped by CoT. */
  readonly coordinates: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
}

/** A hazard zone as a GeoJSON Feature: where the concentration may exceed the tier's threshold. */
export interface HazardZoneFeature {
  readonly type: 'Feature';
  readonly geometry: GeoJsonPolygon;
  readonly properties: {
    /** Chemical name as in the chemical table, e.g. `HYDROGEN CHLORIDE`. */
    readonly chemical: string;
    readonly tier: ThresholdTierLabel;
    /** The threshold concentration that bounds the zone, in `units`. */
    readonly concentration: number;
    readonly units: ConcentrationUnit;
  };
}

export interface Lead {
  /** Stable lead id (core ID_PATTERN); the same lead keeps its id across releases. */
  readonly id: string;
  readonly title: string;
  /** Workflow status as the lead service names it, e.g. `open`, `confirmed`. */
  readonly status: string;
  readonly location: {
    readonly lat: number;
    readonly lon: number;
    /** Radius of the 95 % confidence circle of the source position, m. */
    readonly ci95M: number;
  };
  /** Posterior probability that the source is a clandestine laboratory, in [0, 1]. */
  readonly labProbability: number;
  readonly detectedAt: string;
  /** Marking of the lead's title, location, probability and hazard zone. */
  readonly marking: Marking;
  readonly notes: readonly LeadNote[];
  readonly hazardZone?: HazardZoneFeature;
}

/** The organisation that releases (a task force): the STIX identity and the ACS custodian. */
export interface ReleasingOrganisation {
  readonly name: string;
  /** ISO 3166-1 alpha-3. */
  readonly country: string;
  /** ACS organisation token, upper-case letters and digits (`NARIZTF`); the custodian is `COUNTRY.TOKEN`. */
  readonly acsToken: string;
}

export interface ReleasePackage {
  /** Package id (core ID_PATTERN); every deterministic identifier derives from it. */
  readonly id: string;
  readonly createdAt: string;
  /** The official who released it. */
  readonly releasedBy: { readonly name: string; readonly organisation: string; readonly country: string };
  readonly organisation: ReleasingOrganisation;
  /**
   * The deployment's security policy, `securityPolicy(ownCountry)` of
   * @nariz/security: the own country every marking is relative to (it heads
   * REL TO lists and is the one country NOFORN releases to). It must be
   * `organisation.country`, the ACS custodian's country.
   */
  readonly policy: SecurityPolicy;
  /** The receiving unit; every portion must be `releasableTo` `country` (ISO 3166-1 alpha-3) under `policy`. */
  readonly partner: { readonly country: string; readonly unit: string };
  /**
   * The banner: dominates every portion and their `combine` (usually it is
   * that `combine`, so its text is security's `bannerMarking` of the portions).
   */
  readonly marking: Marking;
  /** The TLP 2.0 sharing level the releasing official chose for the partner. */
  readonly tlp: TlpLevel;
  /** The package's primary language: texts in it are the originals of the STIX objects. */
  readonly language: Lang;
  readonly texts: Readonly<Partial<Record<Lang, PackageTexts>>>;
  readonly leads: readonly Lead[];
}

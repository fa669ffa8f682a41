/**
 * GET /api/leads/dashboard, over the leads the caller may see: per partner
 * unit (the unit of a lead's first release) the hours from first detection
 * to release, from release to acknowledgement and from release to action
 * (count, median, 90th percentile), outcomes and arrests; open leads by
 * age; outcomes as GeoJSON points; leads by status; and the banner over
 * every lead counted.
 */
import type { FeatureCollection, Point } from 'geojson';
import { leadIdReader, type LeadId } from './ids.js';
import { LEAD_STATUSES, nonNegativeInt, OUTCOME_KINDS, type LeadStatus, type OutcomeKind } from './lead.js';
import { readPoint } from './geometry.js';
import { arrayOf, fields, nullable, num, oneOf, str, type Reader } from './read.js';

export interface DurationStats {
  readonly count: number;
  readonly medianH: number | null;
  readonly p90H: number | null;
}

export interface UnitStats {
  readonly partnerCountry: string;
  readonly partnerUnit: string;
  readonly released: number;
  readonly detectionToRelease: DurationStats;
  readonly releaseToAcknowledgement: DurationStats;
  readonly releaseToAction: DurationStats;
  readonly outcomes: Readonly<Record<OutcomeKind, number>>;
  readonly arrests: number;
}

export interface AgeBucket {
  readonly label: string;
  readonly fromH: number;
  /** Exclusive; null: no upper bound. */
  readonly toH: number | null;
  readonly count: number;
}

export interface OutcomeProps {
  readonly leadId: LeadId;
  readonly outcome: OutcomeKind;
  readonly at: string;
  readonly arrests: number;
  readonly partnerCountry: string | null;
  readonly partnerUnit: string | null;
}

export interface LeadDashboard {
  readonly generatedAt: string;
  readonly leads: number;
  readonly banner: string | null;
  readonly byStatus: Readonly<Record<LeadStatus, number>>;
  readonly units: readonly UnitStats[];
  readonly open: { readonly total: number; readonly byAge: readonly AgeBucket[] };
  readonly outcomes: FeatureCollection<Point, OutcomeProps>;
}

const readDuration: Reader<DurationStats> = (v, path) => {
  const f = fields(v, path);
  return { count: f.get('count', nonNegativeInt), medianH: f.get('median_h', nullable(num)), p90H: f.get('p90_h', nullable(num)) };
};

/** A count per key of a fixed set: every key must be there (a missing one is a broken answer, not a zero). */
function countsOf<const K extends readonly string[]>(keys: K): Reader<Record<K[number], number>> {
  return (v, path) => {
    const f = fields(v, path);
    const out = {} as Record<K[number], number>;
    for (const k of keys) out[k as K[number]] = f.get(k, nonNegativeInt);
    return out;
  };
}

const readUnit: Reader<UnitStats> = (v, path) => {
  const f = fields(v, path);
  return {
    partnerCountry: f.str('partner_country'),
    partnerUnit: f.str('partner_unit'),
    released: f.get('released', nonNegativeInt),
    detectionToRelease: f.get('detection_to_release', readDuration),
    releaseToAcknowledgement: f.get('release_to_acknowledgement', readDuration),
    releaseToAction: f.get('release_to_action', readDuration),
    outcomes: f.get('outcomes', countsOf(OUTCOME_KINDS)),
    arrests: f.get('arrests', nonNegativeInt),
  };
};

const readAgeBucket: Reader<AgeBucket> = (v, path) => {
  const f = fields(v, path);
  return { label: f.str('label'), fromH: f.num('from_h'), toH: f.get('to_h', nullable(num)), count: f.get('count', nonNegativeInt) };
};

const readOutcomePoint: Reader<FeatureCollection<Point, OutcomeProps>['features'][number]> = (v, path) => {
  const f = fields(v, path);
  const p = fields(f.get('properties', (x) => x), `${path}.properties`);
  return {
    type: 'Feature',
    geometry: f.get('geometry', readPoint),
    properties: {
      leadId: p.get('lead_id', leadIdReader),
      outcome: p.get('outcome', oneOf(OUTCOME_KINDS)),
      at: p.str('at'),
      arrests: p.get('arrests', nonNegativeInt),
      partnerCountry: p.get('partner_country', nullable(str)),
      partnerUnit: p.get('partner_unit', nullable(str)),
    },
  };
};

export function readLeadDashboard(v: unknown): LeadDashboard {
  const f = fields(v, 'dashboard');
  const open = fields(f.get('open', (x) => x), 'dashboard.open');
  return {
    generatedAt: f.str('generated_at'),
    leads: f.get('leads', nonNegativeInt),
    banner: f.get('banner', nullable(str)),
    byStatus: f.get('by_status', countsOf(LEAD_STATUSES)),
    units: f.get('units', arrayOf(readUnit)),
    open: { total: open.get('total', nonNegativeInt), byAge: open.get('by_age', arrayOf(readAgeBucket)) },
    outcomes: { type: 'FeatureCollection', features: fields(f.get('outcomes', (x) => x), 'dashboard.outcomes').get('features', arrayOf(readOutcomePoint)) },
  };
}

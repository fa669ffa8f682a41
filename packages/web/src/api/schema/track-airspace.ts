/**
 * GET /api/sorties/:id/airspace?authority_id: where and when a flown track
 * left the airspace an authority permits. Indices are the sortie's sample
 * indices; times are Unix seconds.
 */
import { readBoundarySource, type BoundarySource } from './authority.js';
import { arrayOf, fields, int, nullable, oneOf, str, type Reader } from './read.js';
import { VIOLATION_KINDS, type ViolationKind } from './plan-check.js';

export interface TrackPoint {
  readonly lat: number;
  readonly lon: number;
  /** Height above ground, m. */
  readonly altM: number;
  /** Unix seconds. */
  readonly timeS: number;
}

export interface Excursion {
  readonly kind: ViolationKind;
  /** First sample past the exit. */
  readonly fromIndex: number;
  /** Last sample before the re-entry (fromIndex − 1 when the excursion fell between two samples). */
  readonly toIndex: number;
  readonly fromTimeS: number;
  /** When it came back, or the last sample's time when it never did. */
  readonly toTimeS: number;
  readonly exit: TrackPoint;
  /** Null: the track ended outside. */
  readonly reentry: TrackPoint | null;
  readonly areas: readonly string[];
  readonly message: string;
}

export interface TrackAirspace {
  readonly authorityId: string;
  readonly boundarySource: BoundarySource;
  readonly samples: number;
  readonly excursions: readonly Excursion[];
}

const readTrackPoint: Reader<TrackPoint> = (v, path) => {
  const f = fields(v, path);
  return { lat: f.num('lat'), lon: f.num('lon'), altM: f.num('altM'), timeS: f.num('timeS') };
};

export const readExcursion: Reader<Excursion> = (v, path) => {
  const f = fields(v, path);
  return {
    kind: f.get('kind', oneOf(VIOLATION_KINDS)),
    fromIndex: f.get('fromIndex', int),
    toIndex: f.get('toIndex', int),
    fromTimeS: f.num('fromTimeS'),
    toTimeS: f.num('toTimeS'),
    exit: f.get('exit', readTrackPoint),
    reentry: f.get('reentry', nullable(readTrackPoint)),
    areas: f.get('areas', arrayOf(str)),
    message: f.str('message'),
  };
};

export function readTrackAirspace(v: unknown): TrackAirspace {
  const f = fields(v, 'airspace');
  return {
    authorityId: f.str('authority_id'),
    boundarySource: f.get('boundary_source', readBoundarySource),
    samples: f.int('samples'),
    excursions: f.get('excursions', arrayOf(readExcursion)),
  };
}

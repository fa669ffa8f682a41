/**
 * POST /api/sorties/:id/suggest-waypoints: the adaptive search's next
 * waypoints for a sortie, their expected information gain about the
 * sources, and (when an authority was named) their airspace check.
 */
import { readBoundarySource, type BoundarySource } from './authority.js';
import { arrayOf, bool, fields, int, nullable, num, str, type Reader } from './read.js';
import { readExcursion, type Excursion } from './track-airspace.js';

export interface SuggestedWaypoint {
  readonly lat: number;
  readonly lon: number;
  /** Height above ground, m. */
  readonly altM: number;
}

export interface Suggestion {
  readonly sortieId: string;
  readonly simulated: boolean;
  /** The localisation the belief came from; null before the first one (the track alone). */
  readonly estimateJobId: string | null;
  readonly from: { readonly lat: number; readonly lon: number; readonly altM: number; readonly headingDeg: number };
  readonly area: { readonly center: { readonly lat: number; readonly lon: number }; readonly widthM: number; readonly heightM: number };
  /** Empty when nothing is left to learn in the area. */
  readonly waypoints: readonly SuggestedWaypoint[];
  readonly kind: string | null;
  readonly expectedGainBits: number;
  readonly gainPerCluster: ReadonlyArray<{ readonly label: string; readonly bits: number }>;
  readonly bitsPerM: number;
  readonly lengthM: number;
  readonly candidatesScored: number;
  readonly ms: number | null;
  readonly airspace: { readonly authorityId: string; readonly boundarySource: BoundarySource; readonly clean: boolean; readonly excursions: readonly Excursion[] } | null;
}

const readLatLon: Reader<{ lat: number; lon: number }> = (v, path) => {
  const f = fields(v, path);
  return { lat: f.num('lat'), lon: f.num('lon') };
};

const readWaypoint: Reader<SuggestedWaypoint> = (v, path) => {
  const f = fields(v, path);
  return { lat: f.num('lat'), lon: f.num('lon'), altM: f.num('alt_m') };
};

const readGain: Reader<{ label: string; bits: number }> = (v, path) => {
  const f = fields(v, path);
  return { label: f.str('label'), bits: f.num('bits') };
};

const readAirspace: Reader<NonNullable<Suggestion['airspace']>> = (v, path) => {
  const f = fields(v, path);
  return { authorityId: f.str('authority_id'), boundarySource: f.get('boundary_source', readBoundarySource), clean: f.get('clean', bool), excursions: f.get('excursions', arrayOf(readExcursion)) };
};

export function readSuggestion(v: unknown): Suggestion {
  const f = fields(v, 'suggestion');
  const from = f.get('from', fields);
  const area = f.get('area', fields);
  return {
    sortieId: f.str('sortie_id'),
    simulated: f.get('simulated', bool),
    estimateJobId: f.get('estimate_job_id', nullable(str)),
    from: { lat: from.num('lat'), lon: from.num('lon'), altM: from.num('alt_m'), headingDeg: from.num('heading_deg') },
    area: { center: area.get('center', readLatLon), widthM: area.num('width_m'), heightM: area.num('height_m') },
    waypoints: f.get('waypoints', arrayOf(readWaypoint)),
    kind: f.get('kind', nullable(str)),
    expectedGainBits: f.num('expected_gain_bits'),
    gainPerCluster: f.get('gain_per_cluster', arrayOf(readGain)),
    bitsPerM: f.num('bits_per_m'),
    lengthM: f.num('length_m'),
    candidatesScored: f.get('candidates_scored', int),
    ms: f.get('ms', nullable(num)),
    airspace: f.get('airspace', nullable(readAirspace)),
  };
}

/**
 * What a lead takes from a stored localisation (the job result: the
 * `locate --json` object and the labs' hazard zones, jobs/locate-worker.ts),
 * read once here from the stored JSON: one source's position, its 95 %
 * radius and lab probability, and the hazard zones computed for it.
 *
 * A hazard zone keeps only what a raid team needs — its polygon, the
 * chemical, the threshold tier and level, the threshold concentration and
 * how far downwind it reaches — and none of the model's inputs (rates,
 * wind, stability, assumptions), which describe how it was sensed.
 */
import { NarizError } from '@nariz/core';

export interface EstimateSource {
  readonly lat: number;
  readonly lon: number;
  readonly ci95M: number | undefined;
  readonly labProbability: number | undefined;
}

type Position = [number, number];

export interface HazardZoneGeometry {
  readonly type: 'Polygon' | 'MultiPolygon';
  /** Polygon: rings; MultiPolygon: polygons of rings; positions [lon, lat]. */
  readonly coordinates: Position[][] | Position[][][];
}

export interface HazardZoneProperties {
  /** `footprint` (the mean wind) or `direction-uncertainty` (the envelope over the wind's uncertainty). */
  readonly kind: 'footprint' | 'direction-uncertainty';
  /** 3 most severe. */
  readonly level: number;
  /** e.g. AEGL-2. */
  readonly tier: string;
  readonly chemical: string;
  readonly threshold_ppm: number;
  readonly threshold_mg_m3: number;
  readonly max_downwind_m: number;
}

export interface HazardZoneFeature {
  readonly type: 'Feature';
  readonly geometry: HazardZoneGeometry;
  readonly properties: HazardZoneProperties;
}

export interface HazardZone {
  readonly type: 'FeatureCollection';
  readonly features: readonly HazardZoneFeature[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function corrupt(what: string): NarizError {
  return new NarizError('NARIZ_STORE_CORRUPT', `stored estimate: ${what}`);
}

/** Source `index` of a stored job result; NARIZ_NOT_FOUND when the estimate has no such source. */
export function estimateSource(stored: unknown, index: number, where: string): EstimateSource {
  const result = isObject(stored) ? stored['result'] : undefined;
  const sources = isObject(result) ? result['sources'] : undefined;
  if (!Array.isArray(sources)) throw corrupt(`${where} has no sources`);
  const s: unknown = sources[index];
  if (s === undefined) throw new NarizError('NARIZ_NOT_FOUND', `${where} has ${sources.length} source${sources.length === 1 ? '' : 's'}; there is no source_index ${index}`);
  if (!isObject(s) || !finite(s['lat']) || !finite(s['lon'])) throw corrupt(`${where} source ${index} has no position`);
  return {
    lat: s['lat'], lon: s['lon'],
    ci95M: finite(s['position_ci95_m']) ? s['position_ci95_m'] : undefined,
    labProbability: finite(s['lab_probability']) ? s['lab_probability'] : undefined,
  };
}

function positions(v: unknown, depth: number): boolean {
  if (!Array.isArray(v)) return false;
  if (depth === 0) return v.length === 2 && finite(v[0]) && finite(v[1]);
  return v.every((x) => positions(x, depth - 1));
}

/** The hazard zones of source `index` (only zones a threshold reaches), or undefined when the estimate has none for it. */
export function hazardZoneOf(stored: unknown, index: number): HazardZone | undefined {
  const hazards = isObject(stored) ? stored['hazards'] : undefined;
  const features = isObject(hazards) ? hazards['features'] : undefined;
  if (!Array.isArray(features)) return undefined;
  const out: HazardZoneFeature[] = [];
  for (const f of features) {
    if (!isObject(f) || !isObject(f['properties']) || !isObject(f['geometry'])) continue;
    const p = f['properties'];
    const g = f['geometry'];
    if (p['source_index'] !== index || p['noZone'] === true) continue;
    const kind = p['kind'];
    if (kind !== 'footprint' && kind !== 'direction-uncertainty') continue;
    const type = g['type'];
    if (!((type === 'Polygon' && positions(g['coordinates'], 2)) || (type === 'MultiPolygon' && positions(g['coordinates'], 3)))) continue;
    const { level, tier, chemical, thresholdPpm, thresholdMgM3, maxDownwindM } = p;
    if (!finite(level) || typeof tier !== 'string' || typeof chemical !== 'string' || !finite(thresholdPpm) || !finite(thresholdMgM3) || !finite(maxDownwindM)) continue;
    out.push({
      type: 'Feature',
      geometry: { type, coordinates: g['coordinates'] as Position[][] | Position[][][] },
      properties: { kind, level, tier, chemical, threshold_ppm: thresholdPpm, threshold_mg_m3: thresholdMgM3, max_downwind_m: maxDownwindM },
    });
  }
  return out.length === 0 ? undefined : { type: 'FeatureCollection', features: out };
}

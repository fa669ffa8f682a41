/**
 * GET /api/sorties/:id/estimate: the newest finished localisation. `result`
 * is the `nariz locate --json` object (docs/cli.md); each source also carries
 * `posterior_sample`, equally weighted [lon, lat] draws of its position.
 * `hazards` is a GeoJSON FeatureCollection of hazard zones.
 */
import type { Point } from 'geojson';
import { readAreaGeometry, readPoint, type AreaGeometry } from './geometry.js';
import { arrayOf, fields, int, num, oneOf, optional, pair, recordOf, str, type Reader } from './read.js';

export interface Ellipse95 {
  readonly semiMajorM: number;
  readonly semiMinorM: number;
  /** Azimuth of the major axis, degrees clockwise from north. */
  readonly azimuthDeg: number;
}

export interface SourceEstimate {
  readonly lat: number;
  readonly lon: number;
  /** Radius around (lat, lon) holding 95 % of the position posterior, m. */
  readonly positionCi95M: number;
  readonly ellipse95: Ellipse95;
  /** Posterior median emission rate per species key, g/s. */
  readonly rateGps: Readonly<Record<string, number>>;
  /** Central 95 % interval per species key, g/s. */
  readonly rateCi95Gps: Readonly<Record<string, readonly [number, number]>>;
  /** Posterior probability that the source exists. */
  readonly probability: number;
  /** Posterior probability of each signature class (empty when unclassified). */
  readonly classProbability: Readonly<Record<string, number>>;
  readonly labProbability: number;
  readonly classified: boolean;
  /** Equally weighted posterior position draws, [lon, lat]. */
  readonly posteriorSample: readonly (readonly [number, number])[];
}

export interface HazardZone {
  readonly kind: 'footprint' | 'direction-uncertainty';
  /** 3 is the most severe (AEGL-3), 1 the least. */
  readonly level: 1 | 2 | 3;
  readonly tier: string;
  readonly chemical: string;
  readonly maxDownwindM: number;
  readonly geometry: AreaGeometry;
}

export interface HazardSource {
  readonly chemical: string;
  readonly geometry: Point;
}

export interface Estimate {
  readonly jobId: string;
  readonly finishedAt: string;
  readonly sampleCount: number;
  readonly simulated: boolean;
  readonly sources: readonly SourceEstimate[];
  readonly stabilitySource: string;
  readonly seconds: number;
  readonly zones: readonly HazardZone[];
  readonly hazardSources: readonly HazardSource[];
}

const readEllipse: Reader<Ellipse95> = (v, path) => {
  const f = fields(v, path);
  return { semiMajorM: f.num('semi_major_m'), semiMinorM: f.num('semi_minor_m'), azimuthDeg: f.num('azimuth_deg') };
};

export const readSourceEstimate: Reader<SourceEstimate> = (v, path) => {
  const f = fields(v, path);
  return {
    lat: f.num('lat'),
    lon: f.num('lon'),
    positionCi95M: f.num('position_ci95_m'),
    ellipse95: f.get('ellipse95', readEllipse),
    rateGps: f.get('rate_gps', recordOf(num)),
    rateCi95Gps: f.get('rate_ci95_gps', recordOf(pair)),
    probability: f.num('probability'),
    classProbability: f.get('class', recordOf(num)),
    labProbability: f.num('lab_probability'),
    classified: f.bool('classified'),
    posteriorSample: f.get('posterior_sample', optional(arrayOf(pair))) ?? [],
  };
};

const LEVELS = [1, 2, 3] as const;
const readLevel: Reader<1 | 2 | 3> = (v, path) => {
  const n = int(v, path);
  const hit = LEVELS.find((l) => l === n);
  if (hit === undefined) throw new Error(`${path}: expected a level 1..3, got ${n}`);
  return hit;
};

/**
 * The hazard FeatureCollection: polygon zones (features with a null geometry
 * are levels never reached, and are dropped) and the source points.
 */
export function readHazards(v: unknown, path: string): { zones: HazardZone[]; sources: HazardSource[] } {
  const zones: HazardZone[] = [];
  const sources: HazardSource[] = [];
  const features = fields(v, path).get('features', arrayOf((x, p) => x));
  features.forEach((feat, i) => {
    const p = `${path}.features[${i}]`;
    const f = fields(feat, p);
    const props = fields(f.get('properties', (x) => x), `${p}.properties`);
    const kind = props.get('kind', oneOf(['footprint', 'direction-uncertainty', 'source'] as const));
    const geometry = f.get('geometry', (x) => x);
    if (geometry === null) return;
    if (kind === 'source') {
      sources.push({ chemical: props.str('chemical'), geometry: readPoint(geometry, `${p}.geometry`) });
      return;
    }
    zones.push({
      kind,
      level: props.get('level', readLevel),
      tier: props.str('tier'),
      chemical: props.str('chemical'),
      maxDownwindM: props.num('maxDownwindM'),
      geometry: readAreaGeometry(geometry, `${p}.geometry`),
    });
  });
  return { zones, sources };
}

export function readEstimate(v: unknown): Estimate {
  const f = fields(v, 'estimate');
  const result = fields(f.get('result', (x) => x), 'estimate.result');
  const stability = fields(result.get('stability', (x) => x), 'estimate.result.stability');
  const hazards = readHazards(f.get('hazards', (x) => x), 'estimate.hazards');
  return {
    jobId: f.str('job_id'),
    finishedAt: f.str('finished_at'),
    sampleCount: f.int('sample_count'),
    simulated: f.bool('simulated'),
    sources: result.get('sources', arrayOf(readSourceEstimate)),
    stabilitySource: stability.get('source', str),
    seconds: result.num('seconds'),
    zones: hazards.zones,
    hazardSources: hazards.sources,
  };
}

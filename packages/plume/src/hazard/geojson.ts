/**
 * Hazard zones as an RFC 7946 FeatureCollection in WGS84: local rings are
 * unprojected through a LocalFrame at the source, exterior rings run
 * counter-clockwise and are closed. Styling follows the simplestyle spec
 * (geojson.io, GitHub) with ALOHA's colours: red, orange, yellow for levels 3,
 * 2, 1. A level never exceeded is a Feature with `geometry: null` and
 * `noZone: true`, carrying the maximum concentration reached.
 */
import { LocalFrame } from '@nariz/core';
import type { PlanarRing } from './footprint.js';
import type { HazardLevel } from './tiers.js';
import type { HazardResult, HazardZone } from './zones.js';

export type GeoJsonPosition = [number, number];
export interface PolygonGeometry {
  readonly type: 'Polygon';
  readonly coordinates: GeoJsonPosition[][];
}
export interface MultiPolygonGeometry {
  readonly type: 'MultiPolygon';
  readonly coordinates: GeoJsonPosition[][][];
}
export interface PointGeometry {
  readonly type: 'Point';
  readonly coordinates: GeoJsonPosition;
}

export type ZoneKind = 'footprint' | 'direction-uncertainty';

export interface ZoneProperties {
  readonly kind: ZoneKind;
  readonly level: HazardLevel;
  /** e.g. `AEGL-3`, `PAC-1`. */
  readonly tier: string;
  readonly thresholdSource: string;
  readonly fallback: boolean;
  readonly chemical: string;
  readonly thresholdPpm: number;
  readonly thresholdMgM3: number;
  readonly noZone: boolean;
  readonly startDownwindM: number;
  readonly maxDownwindM: number;
  readonly maxHalfWidthM: number;
  readonly areaM2: number;
  readonly maxConcentrationPpm: number;
  readonly maxConcentrationMgM3: number;
  readonly xAtMaxConcentrationM: number;
  readonly truncated: boolean;
  readonly directionUncertaintyDeg: number;
  readonly stroke: string;
  readonly 'stroke-width': number;
  readonly fill: string;
  readonly 'fill-opacity': number;
}

export interface SourceProperties {
  readonly kind: 'source';
  readonly chemical: string;
  readonly cas: string;
  readonly rateGps: number;
  readonly sourceHeightM: number;
  readonly windSpeedMps: number;
  readonly windFromDeg: number;
  readonly stability: string;
  readonly sigmaSet: string;
  readonly receptorHeightM: number;
  readonly tempC: number;
  readonly pressureHpa: number;
  /** Every assumption, one per line. */
  readonly assumptions: string;
  readonly 'marker-color': string;
}

export interface ZoneFeature {
  readonly type: 'Feature';
  readonly geometry: PolygonGeometry | MultiPolygonGeometry | null;
  readonly properties: ZoneProperties;
}
export interface SourceFeature {
  readonly type: 'Feature';
  readonly geometry: PointGeometry;
  readonly properties: SourceProperties;
}
export type HazardFeature = ZoneFeature | SourceFeature;

export interface HazardFeatureCollection {
  readonly type: 'FeatureCollection';
  /** Foreign members (RFC 7946 §6.1): the plain-text assumptions and warnings. */
  readonly assumptions: string[];
  readonly warnings: string[];
  readonly features: HazardFeature[];
}

const LEVEL_COLOUR: Readonly<Record<HazardLevel, string>> = { 3: '#ff0000', 2: '#ffa500', 1: '#ffff00' };
/** 1e-7° is ~1 cm: finer than any meaning the model has. */
const COORD_DECIMALS = 7;

const round = (v: number, decimals: number): number => {
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
};
/** Lengths to the millimetre, areas to 0.01 m^2, concentrations to 6 significant digits. */
const mm = (v: number): number => round(v, 3);
const sig = (v: number): number => (v === 0 ? 0 : Number(v.toPrecision(6)));

function ringToLonLat(frame: LocalFrame, ring: PlanarRing): GeoJsonPosition[] {
  const out: GeoJsonPosition[] = [];
  for (const [e, n] of ring) {
    const g = frame.unproject(e, n);
    const p: GeoJsonPosition = [round(g.lon, COORD_DECIMALS), round(g.lat, COORD_DECIMALS)];
    const prev = out[out.length - 1];
    if (prev !== undefined && prev[0] === p[0] && prev[1] === p[1]) continue;
    out.push(p);
  }
  const first = out[0]!;
  const last = out[out.length - 1]!;
  if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0], first[1]]);
  // Orientation survives the (locally monotone) unprojection; check anyway on the lon/lat plane.
  let s = 0;
  for (let i = 0; i + 1 < out.length; i++) s += out[i]![0] * out[i + 1]![1] - out[i + 1]![0] * out[i]![1];
  return s < 0 ? out.reverse() : out;
}

function geometry(frame: LocalFrame, rings: readonly PlanarRing[]): PolygonGeometry | MultiPolygonGeometry | null {
  if (rings.length === 0) return null;
  const polys = rings.map((r) => [ringToLonLat(frame, r)]);
  return polys.length === 1 ? { type: 'Polygon', coordinates: polys[0]! } : { type: 'MultiPolygon', coordinates: polys };
}

function zoneProperties(z: HazardZone, kind: ZoneKind, result: HazardResult): ZoneProperties {
  const envelope = kind === 'direction-uncertainty';
  return {
    kind,
    level: z.level,
    tier: z.label,
    thresholdSource: z.family === 'aegl' ? '60-min AEGL from the table, verify against EPA\'s AEGL table' : `${z.label} from the table (no AEGL-${z.level})`,
    fallback: z.fallback,
    chemical: result.scenario.chemicalName,
    thresholdPpm: sig(z.thresholdPpm),
    thresholdMgM3: sig(z.thresholdMgM3),
    noZone: !z.exceeded,
    startDownwindM: mm(z.startDownwindM),
    maxDownwindM: mm(z.maxDownwindM),
    maxHalfWidthM: mm(envelope ? z.envelopeMaxHalfWidthM : z.maxHalfWidthM),
    areaM2: round(envelope ? z.envelopeAreaM2 : z.areaM2, 2),
    maxConcentrationPpm: sig(z.maxConcentrationPpm),
    maxConcentrationMgM3: sig(z.maxConcentrationKgM3 * 1e6),
    xAtMaxConcentrationM: mm(z.xAtMaxConcentrationM),
    truncated: z.truncated,
    directionUncertaintyDeg: envelope ? sig(result.directionUncertaintyDeg) : 0,
    stroke: LEVEL_COLOUR[z.level],
    'stroke-width': envelope ? 1 : 2,
    fill: LEVEL_COLOUR[z.level],
    'fill-opacity': envelope ? 0.08 : 0.35,
  };
}

/**
 * The FeatureCollection: direction-uncertainty envelopes (least severe
 * first), then footprints (least severe first, so the red zone draws on
 * top), then the source point carrying the assumptions.
 */
export function hazardGeoJson(result: HazardResult): HazardFeatureCollection {
  const s = result.scenario;
  const frame = new LocalFrame({ lat: s.lat, lon: s.lon });
  const byLevel = [...result.zones].sort((a, b) => a.level - b.level);
  const features: HazardFeature[] = [];
  for (const z of byLevel) {
    if (z.exceeded) features.push({ type: 'Feature', geometry: geometry(frame, z.envelopeEnu), properties: zoneProperties(z, 'direction-uncertainty', result) });
  }
  for (const z of byLevel) features.push({ type: 'Feature', geometry: geometry(frame, z.footprintEnu), properties: zoneProperties(z, 'footprint', result) });
  features.push({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: [round(s.lon, COORD_DECIMALS), round(s.lat, COORD_DECIMALS)] },
    properties: {
      kind: 'source',
      chemical: s.chemicalName,
      cas: s.chemicalCas,
      rateGps: s.rateGps,
      sourceHeightM: s.sourceHeightM,
      windSpeedMps: s.windSpeedMps,
      windFromDeg: s.windFromDeg,
      stability: s.stability,
      sigmaSet: s.sigmaSet,
      receptorHeightM: s.receptorHeightM,
      tempC: s.tempC,
      pressureHpa: s.pressureHpa,
      assumptions: result.assumptions.join('\n'),
      'marker-color': '#000000',
    },
  });
  return { type: 'FeatureCollection', assumptions: result.assumptions, warnings: result.warnings, features };
}

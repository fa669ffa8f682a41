/** GET /api/sorties/:id/detections: plume events above the drifting background, per species. */
import { arrayOf, fields, type Reader } from './read.js';

export interface PlumeEvent {
  readonly startS: number;
  readonly endS: number;
  readonly peakS: number;
  readonly peakKgM3: number;
  readonly excessKgM3: number;
  readonly lat: number;
  readonly lon: number;
}

export interface SpeciesDetections {
  readonly key: string;
  readonly chemical: string;
  readonly unit: string;
  /** In the column's own unit (docs/cli.md, `background`). */
  readonly backgroundMedian: number;
  readonly noiseSd: number;
  readonly events: readonly PlumeEvent[];
}

export const readPlumeEvent: Reader<PlumeEvent> = (v, path) => {
  const f = fields(v, path);
  return {
    startS: f.num('start_s'),
    endS: f.num('end_s'),
    peakS: f.num('peak_s'),
    peakKgM3: f.num('peak_kg_m3'),
    excessKgM3: f.num('excess_kg_m3'),
    lat: f.num('lat'),
    lon: f.num('lon'),
  };
};

const readSpecies: Reader<SpeciesDetections> = (v, path) => {
  const f = fields(v, path);
  return {
    key: f.str('key'),
    chemical: f.str('chemical'),
    unit: f.str('unit'),
    backgroundMedian: f.num('background_median'),
    noiseSd: f.num('noise_sd'),
    events: f.get('events', arrayOf(readPlumeEvent)),
  };
};

export function readDetections(v: unknown): SpeciesDetections[] {
  return fields(v, 'detections').get('species', arrayOf(readSpecies));
}

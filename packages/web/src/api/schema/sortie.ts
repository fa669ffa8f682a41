/** A sortie as GET /api/sorties(/:id) shows it. */
import { sortieIdReader, type SortieId } from './ids.js';
import { arrayOf, fields, nullable, numbers, pair, type Reader } from './read.js';

export interface SpeciesInfo {
  readonly key: string;
  readonly chemical: string;
  /** The unit of the sortie's CSV column (ppb, ppm, ugm3, mgm3); samples come in kg/m³ whatever it is. */
  readonly unit: string;
}

export interface Sortie {
  readonly id: SortieId;
  readonly name: string;
  /** Simulated data: shown as SIMULATED wherever it appears. */
  readonly simulated: boolean;
  readonly createdAt: string;
  readonly sampleCount: number;
  readonly batchCount: number;
  readonly species: readonly SpeciesInfo[];
  /** [first, last] sample time, s since the Unix epoch; null before the first sample. */
  readonly timeRangeS: readonly [number, number] | null;
  /** [west, south, east, north], degrees; null before the first sample. */
  readonly bbox: readonly [number, number, number, number] | null;
}

const readSpecies: Reader<SpeciesInfo> = (v, path) => {
  const f = fields(v, path);
  return { key: f.str('key'), chemical: f.str('chemical'), unit: f.str('unit') };
};

const readBbox: Reader<[number, number, number, number]> = (v, path) => {
  const a = numbers(4)(v, path);
  return [a[0]!, a[1]!, a[2]!, a[3]!];
};

export const readSortie: Reader<Sortie> = (v, path) => {
  const f = fields(v, path);
  return {
    id: f.get('id', sortieIdReader),
    name: f.str('name'),
    simulated: f.bool('simulated'),
    createdAt: f.str('created_at'),
    sampleCount: f.int('sample_count'),
    batchCount: f.int('batch_count'),
    species: f.get('species', arrayOf(readSpecies)),
    timeRangeS: f.get('time_range_s', nullable(pair)),
    bbox: f.get('bbox', nullable(readBbox)),
  };
};

export function readSortieList(v: unknown): Sortie[] {
  return fields(v, 'body').get('sorties', arrayOf(readSortie));
}

export function readSortieBody(v: unknown): Sortie {
  return readSortie(v, 'sortie');
}

/** POST /api/sortie-uploads → 201 `{sortie, warnings}`. */
export interface UploadResult {
  readonly sortie: Sortie;
  readonly warnings: readonly string[];
}

export function readUploadResult(v: unknown): UploadResult {
  const f = fields(v, 'upload');
  const warnings = f.get(
    'warnings',
    arrayOf((w, p) => fields(w, p).str('message')),
  );
  return { sortie: f.get('sortie', readSortie), warnings };
}

/** A localisation job's options: the JSON of POST /api/sorties/:id/locate, and its reading back from the store. */
import { NarizError, STABILITY_CLASSES, type StabilityClass } from '@nariz/core';
import { SIGMA_SETS, type LocateOptions, type SigmaSet } from '@nariz/plume';

export interface LocateJobOptions {
  readonly max_sources?: number;
  readonly stability?: StabilityClass;
  readonly sigma?: SigmaSet;
  readonly source_height_m?: number;
  readonly seed?: number;
}

export const locateOptionsSchema = {
  type: 'object',
  properties: {
    max_sources: { type: 'integer', minimum: 1, maximum: 20 },
    stability: { type: 'string', enum: [...STABILITY_CLASSES] },
    sigma: { type: 'string', enum: [...SIGMA_SETS] },
    source_height_m: { type: 'number', minimum: 0, maximum: 300 },
    seed: { type: 'integer', minimum: 0, maximum: 4294967295 },
  },
  additionalProperties: false,
} as const;

/** Stored options read back (validated again: the row may come from another version). */
export function parseLocateOptions(v: unknown, job: string): LocateJobOptions {
  const bad = (why: string): never => {
    throw new NarizError('NARIZ_STORE_CORRUPT', `job ${job}: options ${why}`);
  };
  if (v === null || v === undefined) return {};
  if (typeof v !== 'object' || Array.isArray(v)) return bad('are not an object');
  const o = v as Record<string, unknown>;
  const out: { -readonly [K in keyof LocateJobOptions]: LocateJobOptions[K] } = {};
  for (const [k, x] of Object.entries(o)) {
    if (k === 'max_sources' && Number.isInteger(x) && (x as number) >= 1 && (x as number) <= 20) out.max_sources = x as number;
    else if (k === 'stability' && typeof x === 'string' && (STABILITY_CLASSES as readonly string[]).includes(x)) out.stability = x as StabilityClass;
    else if (k === 'sigma' && typeof x === 'string' && (SIGMA_SETS as readonly string[]).includes(x)) out.sigma = x as SigmaSet;
    else if (k === 'source_height_m' && typeof x === 'number' && x >= 0 && x <= 300) out.source_height_m = x;
    else if (k === 'seed' && Number.isInteger(x) && (x as number) >= 0) out.seed = x as number;
    else bad(`have a bad "${k}"`);
  }
  return out;
}

export function toLocateOptions(o: LocateJobOptions): LocateOptions {
  return {
    ...(o.max_sources !== undefined ? { maxSources: o.max_sources } : {}),
    ...(o.stability !== undefined ? { stability: o.stability } : {}),
    ...(o.sigma !== undefined ? { sigmaSet: o.sigma } : {}),
    ...(o.source_height_m !== undefined ? { sourceHeightM: o.source_height_m } : {}),
    ...(o.seed !== undefined ? { seed: o.seed } : {}),
  };
}

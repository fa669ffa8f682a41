/** A motion-cue job's options: the JSON of POST /api/videos/:id/motion, and its reading back from the store. */
import { NarizError } from '@nariz/core';

export interface Roi {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface MotionJobOptions {
  /** Normalised [x0, x1) × [y0, y1) of the frame, top-left origin. */
  readonly roi: Roi;
  /** Frames a second decoded for the cue (default 5). */
  readonly fps?: number;
  /** Foreground beyond this many standard deviations of a pixel's background (MotionCue's k). */
  readonly threshold?: number;
  /** Fraction of the region that must move for a segment to start. */
  readonly min_fraction?: number;
  readonly min_duration_s?: number;
}

export const DEFAULT_MOTION_FPS = 5;

const unit = { type: 'number', minimum: 0, maximum: 1 } as const;

export const motionOptionsSchema = {
  type: 'object',
  properties: {
    roi: { type: 'object', properties: { x0: unit, y0: unit, x1: unit, y1: unit }, required: ['x0', 'y0', 'x1', 'y1'], additionalProperties: false },
    fps: { type: 'number', minimum: 0.5, maximum: 30 },
    threshold: { type: 'number', exclusiveMinimum: 0, maximum: 50 },
    min_fraction: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
    min_duration_s: { type: 'number', minimum: 0, maximum: 3600 },
  },
  required: ['roi'],
  additionalProperties: false,
} as const;

/** What a schema cannot say: the region is not empty. NARIZ_BAD_REQUEST naming the field. */
export function checkRoi(roi: Roi): void {
  if (!(roi.x0 < roi.x1)) throw new NarizError('NARIZ_BAD_REQUEST', `body/roi: x0 (${roi.x0}) must be less than x1 (${roi.x1})`);
  if (!(roi.y0 < roi.y1)) throw new NarizError('NARIZ_BAD_REQUEST', `body/roi: y0 (${roi.y0}) must be less than y1 (${roi.y1})`);
}

/** Stored options read back (checked again: the row may come from another version). */
export function parseMotionOptions(v: unknown, job: string): MotionJobOptions {
  const bad = (why: string): never => {
    throw new NarizError('NARIZ_STORE_CORRUPT', `video job ${job}: options ${why}`);
  };
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return bad('are not an object');
  const o = v as Record<string, unknown>;
  const r = o['roi'];
  if (typeof r !== 'object' || r === null) return bad('have no roi');
  const rr = r as Record<string, unknown>;
  const c = (k: string): number => {
    const x = rr[k];
    return typeof x === 'number' && x >= 0 && x <= 1 ? x : bad(`have a bad roi.${k}`);
  };
  const roi = { x0: c('x0'), y0: c('y0'), x1: c('x1'), y1: c('y1') };
  if (!(roi.x0 < roi.x1 && roi.y0 < roi.y1)) bad('have an empty roi');
  const opt = (k: string, ok: (x: number) => boolean): number | undefined => {
    const x = o[k];
    if (x === undefined) return undefined;
    return typeof x === 'number' && ok(x) ? x : bad(`have a bad "${k}"`);
  };
  const fps = opt('fps', (x) => x >= 0.5 && x <= 30);
  const threshold = opt('threshold', (x) => x > 0);
  const minFraction = opt('min_fraction', (x) => x > 0 && x <= 1);
  const minDurationS = opt('min_duration_s', (x) => x >= 0);
  for (const k of Object.keys(o)) if (!['roi', 'fps', 'threshold', 'min_fraction', 'min_duration_s'].includes(k)) bad(`have an unknown "${k}"`);
  return {
    roi,
    ...(fps !== undefined ? { fps } : {}),
    ...(threshold !== undefined ? { threshold } : {}),
    ...(minFraction !== undefined ? { min_fraction: minFraction } : {}),
    ...(minDurationS !== undefined ? { min_duration_s: minDurationS } : {}),
  };
}

/**
 * A video's per-frame metadata as columns for the map (GET
 * /api/videos/:id/frames): every `step`-th frame's time, sensor position,
 * frame centre and footprint corners. Unknown values (NaN in the columns)
 * are null in JSON, never 0.
 */
import type { VideoFrames } from './fmv-bridge.js';

const num = (x: number): number | null => (Number.isFinite(x) ? x : null);

function every(a: Float64Array | Uint8Array, step: number, count: number): Array<number | null> {
  const out: Array<number | null> = [];
  for (let i = 0; i < count; i += step) out.push(num(a[i]!));
  return out;
}

/** The four corners of each chosen frame, flat: UL, UR, LR, LL. */
function corners(a: Float64Array, step: number, count: number): Array<number | null> {
  const out: Array<number | null> = [];
  for (let i = 0; i < count; i += step) for (let k = 0; k < 4; k++) out.push(num(a[4 * i + k]!));
  return out;
}

/** The step that leaves at most `max` frames. */
export function stepFor(count: number, max: number): number {
  return Math.max(1, Math.ceil(count / max));
}

export function framesJson(videoId: string, f: VideoFrames, step: number): Record<string, unknown> {
  const n = f.count;
  return {
    video_id: videoId,
    count: n,
    step,
    t_s: every(f.tS, step, n),
    sensor_lat: every(f.sensorLatDeg, step, n),
    sensor_lon: every(f.sensorLonDeg, step, n),
    sensor_hae_m: every(f.sensorHaeM, step, n),
    heading_deg: every(f.headingDeg, step, n),
    centre_lat: every(f.centreLatDeg, step, n),
    centre_lon: every(f.centreLonDeg, step, n),
    corner_lat: corners(f.cornerLatDeg, step, n),
    corner_lon: corners(f.cornerLonDeg, step, n),
    footprint_source: every(f.footprintSource, step, n),
  };
}

const col = { type: 'array', items: { type: ['number', 'null'] } } as const;

export const framesSchema = {
  type: 'object',
  properties: {
    video_id: { type: 'string' },
    count: { type: 'integer', description: 'frames in the video' },
    step: { type: 'integer', description: 'every step-th frame is listed' },
    t_s: col, sensor_lat: col, sensor_lon: col, sensor_hae_m: col, heading_deg: col, centre_lat: col, centre_lon: col,
    corner_lat: { ...col, description: '4 per listed frame: upper-left, upper-right, lower-right, lower-left' },
    corner_lon: col,
    footprint_source: { ...col, description: '0 none, 1 KLV corners, 2 sensor model' },
  },
  required: ['video_id', 'count', 'step', 't_s', 'sensor_lat', 'sensor_lon', 'sensor_hae_m', 'heading_deg', 'centre_lat', 'centre_lon', 'corner_lat', 'corner_lon', 'footprint_source'],
} as const;

/**
 * GET /api/videos/:id/frames: every `step`-th frame's metadata as columns,
 * read into typed arrays (structure of arrays, like the samples). Unknown
 * values come as null and become NaN, never 0, so an unknown position cannot
 * pass for one on the equator. The times must not decrease: the player's
 * frame lookup is a binary search over them.
 */
import { videoIdReader, type VideoId } from './ids.js';
import { fields, SchemaError, type Reader } from './read.js';

export interface VideoFrameColumns {
  readonly videoId: VideoId;
  /** Frames in the video. */
  readonly count: number;
  /** Every step-th frame is listed. */
  readonly step: number;
  /** Frames listed: the length of each column (the corner columns are 4 × as long). */
  readonly length: number;
  /** Seconds on the video's clock (the player's currentTime), not decreasing. */
  readonly tS: Float64Array;
  readonly sensorLat: Float64Array;
  readonly sensorLon: Float64Array;
  readonly sensorHaeM: Float64Array;
  readonly headingDeg: Float64Array;
  readonly centreLat: Float64Array;
  readonly centreLon: Float64Array;
  /** 4 per frame in image order: upper-left, upper-right, lower-right, lower-left. */
  readonly cornerLat: Float64Array;
  readonly cornerLon: Float64Array;
  /** 0 none, 1 KLV corners, 2 sensor model. */
  readonly footprintSource: Uint8Array;
}

export const FOOTPRINT_NONE = 0;
export const FOOTPRINT_KLV_CORNERS = 1;
export const FOOTPRINT_SENSOR_MODEL = 2;

/** A column of numbers or nulls (NaN), of the given length. */
function column(length: number): Reader<Float64Array> {
  return (v, path) => {
    if (!Array.isArray(v)) throw new SchemaError(path, 'an array', v);
    if (v.length !== length) throw new SchemaError(path, `${length} values`, v);
    const out = new Float64Array(length);
    for (let i = 0; i < length; i++) {
      const x: unknown = v[i];
      if (x === null) out[i] = NaN;
      else if (typeof x === 'number' && Number.isFinite(x)) out[i] = x;
      else throw new SchemaError(`${path}[${i}]`, 'a finite number or null', x);
    }
    return out;
  };
}

export function readVideoFrames(v: unknown): VideoFrameColumns {
  const f = fields(v, 'frames');
  const count = f.int('count');
  const step = f.int('step');
  if (count < 0) throw new SchemaError('frames.count', 'a count ≥ 0', count);
  if (step < 1) throw new SchemaError('frames.step', 'a step ≥ 1', step);
  const length = Math.ceil(count / step);
  const tS = f.get('t_s', column(length));
  for (let i = 0; i < length; i++) {
    if (Number.isNaN(tS[i]!)) throw new SchemaError(`frames.t_s[${i}]`, 'a time', null);
    if (i > 0 && tS[i]! < tS[i - 1]!) throw new SchemaError(`frames.t_s[${i}]`, `a time not before the previous one (${tS[i - 1]!})`, tS[i]);
  }
  const source = f.get('footprint_source', column(length));
  const footprintSource = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const s = source[i]!;
    if (Number.isNaN(s)) continue;
    if (s !== FOOTPRINT_NONE && s !== FOOTPRINT_KLV_CORNERS && s !== FOOTPRINT_SENSOR_MODEL) throw new SchemaError(`frames.footprint_source[${i}]`, '0, 1 or 2', s);
    footprintSource[i] = s;
  }
  return {
    videoId: f.get('video_id', videoIdReader),
    count,
    step,
    length,
    tS,
    sensorLat: f.get('sensor_lat', column(length)),
    sensorLon: f.get('sensor_lon', column(length)),
    sensorHaeM: f.get('sensor_hae_m', column(length)),
    headingDeg: f.get('heading_deg', column(length)),
    centreLat: f.get('centre_lat', column(length)),
    centreLon: f.get('centre_lon', column(length)),
    cornerLat: f.get('corner_lat', column(4 * length)),
    cornerLon: f.get('corner_lon', column(4 * length)),
    footprintSource,
  };
}

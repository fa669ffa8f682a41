/**
 * GET /api/video-coverage?lat&lon: which videos saw a place, and when (the
 * time ranges on each video's clock during which the point was inside the
 * frame's footprint).
 */
import { videoIdReader, type VideoId } from './ids.js';
import { arrayOf, fields, int, nullable, num, type Reader } from './read.js';

export interface CoverageRange {
  readonly startS: number;
  readonly endS: number;
  readonly frames: number;
  /** The closest the frame centre came to the point, m; null when unknown. */
  readonly minDistanceToCentreM: number | null;
}

export interface VideoCoverage {
  readonly videoId: VideoId;
  readonly name: string;
  readonly durationS: number | null;
  readonly ranges: readonly CoverageRange[];
}

export interface CoverageAnswer {
  readonly lat: number;
  readonly lon: number;
  /** Empty when no video saw the point. */
  readonly coverage: readonly VideoCoverage[];
}

const readRange: Reader<CoverageRange> = (v, path) => {
  const f = fields(v, path);
  return { startS: f.num('start_s'), endS: f.num('end_s'), frames: f.get('frames', int), minDistanceToCentreM: f.get('min_distance_to_centre_m', nullable(num)) };
};

const readCoverage: Reader<VideoCoverage> = (v, path) => {
  const f = fields(v, path);
  return { videoId: f.get('video_id', videoIdReader), name: f.str('name'), durationS: f.get('duration_s', nullable(num)), ranges: f.get('ranges', arrayOf(readRange)) };
};

export function readCoverageAnswer(v: unknown): CoverageAnswer {
  const f = fields(v, 'body');
  return { lat: f.num('lat'), lon: f.num('lon'), coverage: f.get('coverage', arrayOf(readCoverage)) };
}

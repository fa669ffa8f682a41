/**
 * Motion cues over a region of a video's frame (POST/GET
 * /api/videos/:id/motion, the live `video_job` messages): a video job, and
 * once done its segments — times when something moved in the region. A cue
 * for an analyst to look, never a detection.
 */
import { videoIdReader, type VideoId } from './ids.js';
import { arrayOf, fields, isRecord, nullable, oneOf, optional, str, type Reader } from './read.js';
import { JOB_STATES, type JobState } from './job.js';

/** A normalised rectangle of the frame, [x0, x1) × [y0, y1), top-left origin. */
export interface Roi {
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
}

export interface MotionSegment {
  readonly startS: number;
  readonly endS: number;
  readonly peakScore: number;
  readonly meanScore: number;
}

export interface MotionResult {
  readonly segments: readonly MotionSegment[];
  /** Frames decoded and scored, and at what rate. */
  readonly frames: number;
  readonly fps: number;
  readonly roi: Roi;
}

export interface VideoJob {
  readonly id: string;
  readonly kind: string;
  readonly videoId: VideoId;
  readonly state: JobState;
  /** 0..1 */
  readonly progress: number;
  readonly message: string;
  readonly createdBy: string | null;
  readonly createdAt: string;
  readonly finishedAt: string | null;
  readonly error: { readonly code: string; readonly message: string } | null;
  /** The region asked about (from the job's options), when it has one. */
  readonly roi: Roi | null;
  /** A motion job's result once done; null before (or for another kind). */
  readonly result: MotionResult | null;
}

export const MOTION_KIND = 'motion';

export const readRoi: Reader<Roi> = (v, path) => {
  const f = fields(v, path);
  return { x0: f.num('x0'), y0: f.num('y0'), x1: f.num('x1'), y1: f.num('y1') };
};

const readSegment: Reader<MotionSegment> = (v, path) => {
  const f = fields(v, path);
  f.get('kind', oneOf(['motion-cue'] as const));
  return { startS: f.num('start_s'), endS: f.num('end_s'), peakScore: f.num('peak_score'), meanScore: f.num('mean_score') };
};

const readMotionResult: Reader<MotionResult> = (v, path) => {
  const f = fields(v, path);
  return { segments: f.get('segments', arrayOf(readSegment)), frames: f.int('frames'), fps: f.num('fps'), roi: f.get('roi', readRoi) };
};

const readError: Reader<{ code: string; message: string }> = (v, path) => {
  const f = fields(v, path);
  return { code: f.str('code'), message: f.str('message') };
};

export const readVideoJob: Reader<VideoJob> = (v, path) => {
  const f = fields(v, path);
  const kind = f.str('kind');
  const options: unknown = isRecord(v) ? v['options'] : undefined;
  return {
    id: f.str('id'),
    kind,
    videoId: f.get('video_id', videoIdReader),
    state: f.get('state', oneOf(JOB_STATES)),
    progress: Math.min(1, Math.max(0, f.num('progress'))),
    message: f.str('message'),
    createdBy: f.get('created_by', nullable(str)),
    createdAt: f.str('created_at'),
    finishedAt: f.get('finished_at', nullable(str)),
    error: f.get('error', nullable(readError)),
    roi: isRecord(options) && options['roi'] !== undefined ? readRoi(options['roi'], `${path}.options.roi`) : null,
    result: kind === MOTION_KIND ? (f.get('result', optional(readMotionResult)) ?? null) : null,
  };
};

export function readVideoJobList(v: unknown): VideoJob[] {
  return fields(v, 'body').get('jobs', arrayOf(readVideoJob));
}

export function readVideoJobBody(v: unknown): VideoJob {
  return readVideoJob(v, 'job');
}

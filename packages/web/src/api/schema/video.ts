/**
 * A full-motion video as GET /api/videos(/:id), POST /api/video-uploads
 * (202) and the live `video` message show it: its processing status
 * (uploaded → processing → ready | failed with a reason), what metadata
 * extraction found, and the browser-playable MP4 once ready.
 */
import { videoIdReader, type VideoId } from './ids.js';
import { arrayOf, bool, fields, int, nullable, num, numbers, oneOf, optional, str, type Reader } from './read.js';

export const VIDEO_STATUSES = ['uploaded', 'processing', 'ready', 'failed'] as const;
export type VideoStatus = (typeof VIDEO_STATUSES)[number];

/** What metadata extraction found (the server's report; only the fields the app shows). */
export interface VideoReport {
  /** `st0601`: MISB ST 0601 KLV found; `none`: the file has no KLV metadata. */
  readonly metadata: 'st0601' | 'none' | null;
  /** The server's sentence when the metadata are missing or incomplete. */
  readonly note: string | null;
  readonly framesWithFootprint: number | null;
}

export interface Video {
  readonly id: VideoId;
  readonly name: string;
  readonly byteSize: number;
  readonly status: VideoStatus;
  /** Why processing failed (status `failed`). */
  readonly failure: { readonly code: string; readonly message: string } | null;
  /** 0..1 through processing. */
  readonly progress: number;
  readonly message: string;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly durationS: number | null;
  readonly codec: string | null;
  /** Frames with KLV metadata; 0 when the file has none; null before extraction. */
  readonly frameCount: number | null;
  /** [west, south, east, north] of every frame's footprint, degrees. */
  readonly bbox: readonly [number, number, number, number] | null;
  readonly report: VideoReport | null;
  /** The browser-playable MP4, once ready. */
  readonly mediaUrl: string | null;
  /** Simulated footage: shown as SIMULATED wherever it appears (false when the server does not say). */
  readonly simulated: boolean;
}

const readFailure: Reader<{ code: string; message: string }> = (v, path) => {
  const f = fields(v, path);
  return { code: f.str('code'), message: f.str('message') };
};

const readBbox: Reader<[number, number, number, number]> = (v, path) => {
  const a = numbers(4)(v, path);
  return [a[0]!, a[1]!, a[2]!, a[3]!];
};

/** The report is JSON the server chooses: its documented fields are read when present. */
const readReport: Reader<VideoReport> = (v, path) => {
  const f = fields(v, path);
  return {
    metadata: f.get('metadata', optional(oneOf(['st0601', 'none'] as const))) ?? null,
    note: f.get('note', optional(str)) ?? null,
    framesWithFootprint: f.get('frames_with_footprint', optional(int)) ?? null,
  };
};

export const readVideo: Reader<Video> = (v, path) => {
  const f = fields(v, path);
  return {
    id: f.get('id', videoIdReader),
    name: f.str('name'),
    byteSize: f.int('byte_size'),
    status: f.get('status', oneOf(VIDEO_STATUSES)),
    failure: f.get('failure', nullable(readFailure)),
    progress: Math.min(1, Math.max(0, f.num('progress'))),
    message: f.str('message'),
    createdBy: f.str('created_by'),
    createdAt: f.str('created_at'),
    updatedAt: f.str('updated_at'),
    durationS: f.get('duration_s', nullable(num)),
    codec: f.get('codec', nullable(str)),
    frameCount: f.get('frame_count', nullable(int)),
    bbox: f.get('bbox', nullable(readBbox)),
    report: f.get('report', nullable(readReport)),
    mediaUrl: f.get('media_url', nullable(str)),
    simulated: f.get('simulated', optional(bool)) ?? false,
  };
};

export function readVideoList(v: unknown): Video[] {
  return fields(v, 'body').get('videos', arrayOf(readVideo));
}

export function readVideoBody(v: unknown): Video {
  return readVideo(v, 'video');
}

/** A ready file without KLV: it plays, but cannot be placed on the map. */
export function hasNoMetadata(v: Video): boolean {
  return v.frameCount === 0 || v.report?.metadata === 'none';
}

/** GET /api/videos/:id/ground: the ground under a pixel of the frame at a time. */
export interface GroundPick {
  readonly videoId: VideoId;
  /** The time asked about, s on the video's clock. */
  readonly tS: number;
  /** The metadata frame in effect then, and its time. */
  readonly frame: number;
  readonly frameTS: number;
  readonly lat: number;
  readonly lon: number;
  /** Which footprint placed it: the KLV corner points, or the sensor model. */
  readonly method: 'corners' | 'sensor-model';
}

export function readGroundPick(v: unknown): GroundPick {
  const f = fields(v, 'ground');
  return {
    videoId: f.get('video_id', videoIdReader),
    tS: f.num('t_s'),
    frame: f.int('frame'),
    frameTS: f.num('frame_t_s'),
    lat: f.num('lat'),
    lon: f.num('lon'),
    method: f.get('method', oneOf(['corners', 'sensor-model'] as const)),
  };
}

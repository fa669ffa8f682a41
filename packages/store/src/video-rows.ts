/** One reading of stored video, annotation and video-job rows for both adapters: enumerations and JSON shapes checked once, here. */
import { NarizError } from '@nariz/core';
import { ANNOTATION_KINDS, ANNOTATION_LINK_KINDS, type AnnotationKind, type AnnotationLinkKind, type AnnotationRecord } from './annotations.js';
import { JOB_STATES, type JobError, type JobState } from './jobs.js';
import type { VideoJobRecord } from './video-jobs.js';
import { VIDEO_STATUSES, type VideoFailure, type VideoRecord, type VideoStatus } from './videos.js';

type Time = string | Date;

export interface VideoRowFields {
  readonly id: string;
  readonly name: string;
  /** PostgreSQL returns BIGINT as a string. */
  readonly byte_size: number | string;
  readonly sha256: string;
  readonly status: string;
  /** Parsed JSON, or null. */
  readonly failure: unknown;
  readonly progress: number;
  readonly message: string;
  readonly created_by: string;
  readonly created_at: Time;
  readonly updated_at: Time;
  readonly duration_s: number | null;
  readonly codec: string | null;
  readonly frame_count: number | null;
  /** Parsed JSON, or null. */
  readonly report: unknown;
  readonly west: number | null;
  readonly south: number | null;
  readonly east: number | null;
  readonly north: number | null;
  readonly original_path: string;
  readonly media_path: string | null;
}

/** The columns a video row is read with (never the frames BLOB, which is read on its own). */
export const VIDEO_COLUMNS =
  'id, name, byte_size, sha256, status, failure, progress, message, created_by, created_at, updated_at, duration_s, codec, frame_count, report, west, south, east, north, original_path, media_path';

export const iso = (t: Time): string => (typeof t === 'string' ? t : t.toISOString());
const isoOrUndefined = (t: Time | null): string | undefined => (t === null ? undefined : iso(t));

function corrupt(what: string, id: string, why: string): NarizError {
  return new NarizError('NARIZ_STORE_CORRUPT', `${what} ${id}: ${why}`);
}

function codeAndMessage(e: unknown, what: string, id: string): { code: string; message: string } | undefined {
  if (e === null || e === undefined) return undefined;
  if (typeof e === 'object' && 'code' in e && 'message' in e && typeof e.code === 'string' && typeof e.message === 'string') return { code: e.code, message: e.message };
  throw corrupt(what, id, 'stored error is not {code, message}');
}

export function videoRecord(r: VideoRowFields): VideoRecord {
  if (!(VIDEO_STATUSES as readonly string[]).includes(r.status)) throw corrupt('video', r.id, `unknown status "${r.status}"`);
  const failure: VideoFailure | undefined = codeAndMessage(r.failure, 'video', r.id);
  const hasBounds = r.west !== null && r.south !== null && r.east !== null && r.north !== null;
  return {
    id: r.id,
    name: r.name,
    byteSize: Number(r.byte_size),
    sha256: r.sha256,
    createdBy: r.created_by,
    originalPath: r.original_path,
    status: r.status as VideoStatus,
    failure,
    progress: r.progress,
    message: r.message,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
    durationS: r.duration_s ?? undefined,
    codec: r.codec ?? undefined,
    frameCount: r.frame_count ?? undefined,
    report: r.report ?? undefined,
    bounds: hasBounds ? { west: r.west!, south: r.south!, east: r.east!, north: r.north! } : undefined,
    mediaPath: r.media_path ?? undefined,
  };
}

export interface AnnotationRowFields {
  readonly id: string;
  readonly video_id: string;
  readonly t_s: number;
  readonly kind: string;
  readonly text: string;
  /** Parsed: an array of strings. */
  readonly tags: unknown;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly u: number | null;
  readonly v: number | null;
  readonly link_kind: string | null;
  readonly link_id: string | null;
  readonly author: string;
  readonly created_at: Time;
  readonly updated_at: Time;
}

export const ANNOTATION_COLUMNS = 'id, video_id, t_s, kind, text, tags, lat, lon, u, v, link_kind, link_id, author, created_at, updated_at';

export function annotationRecord(r: AnnotationRowFields): AnnotationRecord {
  if (!(ANNOTATION_KINDS as readonly string[]).includes(r.kind)) throw corrupt('annotation', r.id, `unknown kind "${r.kind}"`);
  if (!Array.isArray(r.tags) || !r.tags.every((t): t is string => typeof t === 'string')) throw corrupt('annotation', r.id, 'tags are not an array of strings');
  if (r.link_kind !== null && !(ANNOTATION_LINK_KINDS as readonly string[]).includes(r.link_kind)) throw corrupt('annotation', r.id, `unknown link kind "${r.link_kind}"`);
  return {
    id: r.id,
    videoId: r.video_id,
    tS: r.t_s,
    kind: r.kind as AnnotationKind,
    text: r.text,
    tags: r.tags,
    ground: r.lat !== null && r.lon !== null ? { latDeg: r.lat, lonDeg: r.lon } : undefined,
    pixel: r.u !== null && r.v !== null ? { u: r.u, v: r.v } : undefined,
    link: r.link_kind !== null && r.link_id !== null ? { kind: r.link_kind as AnnotationLinkKind, id: r.link_id } : undefined,
    author: r.author,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export interface VideoJobRowFields {
  readonly id: string;
  readonly video_id: string;
  readonly kind: string;
  readonly state: string;
  readonly progress: number;
  readonly message: string;
  /** Parsed JSON. */
  readonly options: unknown;
  readonly created_by: string | null;
  readonly created_at: Time;
  readonly started_at: Time | null;
  readonly finished_at: Time | null;
  /** Parsed JSON, or null. */
  readonly error: unknown;
}

export const VIDEO_JOB_COLUMNS = 'id, video_id, kind, state, progress, message, options, created_by, created_at, started_at, finished_at, error';

export function videoJobRecord(r: VideoJobRowFields): VideoJobRecord {
  if (!(JOB_STATES as readonly string[]).includes(r.state)) throw corrupt('video job', r.id, `unknown state "${r.state}"`);
  const error: JobError | undefined = codeAndMessage(r.error, 'video job', r.id);
  return {
    id: r.id,
    videoId: r.video_id,
    kind: r.kind,
    state: r.state as JobState,
    progress: r.progress,
    message: r.message,
    options: r.options,
    createdBy: r.created_by ?? undefined,
    createdAt: iso(r.created_at),
    startedAt: isoOrUndefined(r.started_at),
    finishedAt: isoOrUndefined(r.finished_at),
    error,
  };
}

/** Videos, annotations and video jobs as the API shows them (snake_case, units in names), with their JSON schemas. */
import { ID_PATTERN } from '@nariz/core';
import { ANNOTATION_KINDS, ANNOTATION_LINK_KINDS, JOB_STATES, VIDEO_STATUSES, type AnnotationRecord, type VideoJobRecord, type VideoRecord } from '@nariz/store';

const codeMessage = { type: 'object', properties: { code: { type: 'string' }, message: { type: 'string' } }, required: ['code', 'message'] } as const;

export const videoSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    byte_size: { type: 'integer' },
    sha256: { type: 'string' },
    status: { type: 'string', enum: [...VIDEO_STATUSES] },
    failure: { anyOf: [codeMessage, { type: 'null' }] },
    progress: { type: 'number' },
    message: { type: 'string' },
    created_by: { type: 'string' },
    created_at: { type: 'string' },
    updated_at: { type: 'string' },
    duration_s: { type: ['number', 'null'] },
    codec: { type: ['string', 'null'] },
    frame_count: { type: ['integer', 'null'] },
    bbox: { type: ['array', 'null'], items: { type: 'number' }, description: '[west, south, east, north] of every frame footprint, degrees' },
    report: { type: ['object', 'null'], additionalProperties: true, description: 'what metadata extraction found (docs/video.md)' },
    media_url: { type: ['string', 'null'], description: 'the browser-playable MP4, once ready' },
    simulated: { type: 'boolean', description: 'the metadata names the simulator\'s mission id, SIMULATED (nariz sim-video, the demo)' },
  },
  required: ['id', 'name', 'byte_size', 'sha256', 'status', 'failure', 'progress', 'message', 'created_by', 'created_at', 'updated_at', 'duration_s', 'codec', 'frame_count', 'bbox', 'report', 'media_url', 'simulated'],
} as const;

/** The simulator marks its KLV with this mission id (ST 0601 item 3); so does anything claiming to be simulated. */
export const SIMULATED_MISSION_ID = 'SIMULATED';

function isSimulated(report: unknown): boolean {
  if (typeof report !== 'object' || report === null || !('mission_ids' in report)) return false;
  const ids = report.mission_ids;
  return Array.isArray(ids) && ids.includes(SIMULATED_MISSION_ID);
}

export function videoJson(v: VideoRecord): Record<string, unknown> {
  return {
    id: v.id,
    name: v.name,
    byte_size: v.byteSize,
    sha256: v.sha256,
    status: v.status,
    failure: v.failure ?? null,
    progress: v.progress,
    message: v.message,
    created_by: v.createdBy,
    created_at: v.createdAt,
    updated_at: v.updatedAt,
    duration_s: v.durationS ?? null,
    codec: v.codec ?? null,
    frame_count: v.frameCount ?? null,
    bbox: v.bounds === undefined ? null : [v.bounds.west, v.bounds.south, v.bounds.east, v.bounds.north],
    report: v.report ?? null,
    media_url: v.status === 'ready' ? `/api/videos/${v.id}/media` : null,
    simulated: isSimulated(v.report),
  };
}

const latLon = { type: 'object', properties: { lat: { type: 'number', minimum: -90, maximum: 90 }, lon: { type: 'number', minimum: -180, maximum: 180 } }, required: ['lat', 'lon'], additionalProperties: false } as const;
const uv = { type: 'object', properties: { u: { type: 'number', minimum: 0, maximum: 1 }, v: { type: 'number', minimum: 0, maximum: 1 } }, required: ['u', 'v'], additionalProperties: false } as const;
/** A link to another Nariz object, by an id as core defines them. */
const link = {
  type: 'object',
  properties: { kind: { type: 'string', enum: [...ANNOTATION_LINK_KINDS] }, id: { type: 'string', pattern: ID_PATTERN.source } },
  required: ['kind', 'id'],
  additionalProperties: false,
} as const;
/** A tag: printable, no control characters (the SQLite adapter separates tags with U+001F). */
const tag = { type: 'string', minLength: 1, maxLength: 64, pattern: '^[^\\u0000-\\u001f\\u007f]+$' } as const;

export const annotationSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    video_id: { type: 'string' },
    t_s: { type: 'number' },
    kind: { type: 'string', enum: [...ANNOTATION_KINDS] },
    text: { type: 'string' },
    tags: { type: 'array', items: { type: 'string' } },
    ground: { anyOf: [latLon, { type: 'null' }] },
    pixel: { anyOf: [uv, { type: 'null' }] },
    link: { anyOf: [link, { type: 'null' }] },
    author: { type: 'string' },
    created_at: { type: 'string' },
    updated_at: { type: 'string' },
  },
  required: ['id', 'video_id', 't_s', 'kind', 'text', 'tags', 'ground', 'pixel', 'link', 'author', 'created_at', 'updated_at'],
} as const;

export function annotationJson(a: AnnotationRecord): Record<string, unknown> {
  return {
    id: a.id,
    video_id: a.videoId,
    t_s: a.tS,
    kind: a.kind,
    text: a.text,
    tags: a.tags,
    ground: a.ground === undefined ? null : { lat: a.ground.latDeg, lon: a.ground.lonDeg },
    pixel: a.pixel ?? null,
    link: a.link ?? null,
    author: a.author,
    created_at: a.createdAt,
    updated_at: a.updatedAt,
  };
}

/** The body of POST /api/videos/:id/annotations. */
export interface NewAnnotationBody {
  readonly t_s: number;
  readonly kind?: (typeof ANNOTATION_KINDS)[number];
  readonly text?: string;
  readonly tags?: string[];
  readonly ground?: { lat: number; lon: number };
  readonly pixel?: { u: number; v: number };
  readonly link?: { kind: (typeof ANNOTATION_LINK_KINDS)[number]; id: string };
}

/** The body of PATCH /api/annotations/:id: null clears an optional field. */
export interface AnnotationPatchBody {
  readonly t_s?: number;
  readonly kind?: (typeof ANNOTATION_KINDS)[number];
  readonly text?: string;
  readonly tags?: string[];
  readonly ground?: { lat: number; lon: number } | null;
  readonly pixel?: { u: number; v: number } | null;
  readonly link?: { kind: (typeof ANNOTATION_LINK_KINDS)[number]; id: string } | null;
}

const annotationFields = {
  t_s: { type: 'number', minimum: 0, maximum: 1e7 },
  kind: { type: 'string', enum: [...ANNOTATION_KINDS] },
  text: { type: 'string', maxLength: 10_000 },
  tags: { type: 'array', items: tag, maxItems: 32, uniqueItems: true },
} as const;

export const newAnnotationBodySchema = {
  type: 'object',
  properties: { ...annotationFields, ground: latLon, pixel: uv, link },
  required: ['t_s'],
  additionalProperties: false,
} as const;

export const annotationPatchBodySchema = {
  type: 'object',
  properties: { ...annotationFields, ground: { anyOf: [latLon, { type: 'null' }] }, pixel: { anyOf: [uv, { type: 'null' }] }, link: { anyOf: [link, { type: 'null' }] } },
  additionalProperties: false,
  minProperties: 1,
} as const;

export const videoJobSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    kind: { type: 'string' },
    video_id: { type: 'string' },
    state: { type: 'string', enum: [...JOB_STATES] },
    progress: { type: 'number' },
    message: { type: 'string' },
    options: {},
    created_by: { type: ['string', 'null'] },
    created_at: { type: 'string' },
    started_at: { type: ['string', 'null'] },
    finished_at: { type: ['string', 'null'] },
    error: { anyOf: [codeMessage, { type: 'null' }] },
    result: { description: 'the job kind\'s result once done (motion: {segments, frames, ...}), else null' },
  },
  required: ['id', 'kind', 'video_id', 'state', 'progress', 'message', 'created_by', 'created_at', 'started_at', 'finished_at', 'error'],
} as const;

export function videoJobJson(j: VideoJobRecord, result?: unknown): Record<string, unknown> {
  return {
    id: j.id,
    kind: j.kind,
    video_id: j.videoId,
    state: j.state,
    progress: j.progress,
    message: j.message,
    options: j.options,
    created_by: j.createdBy ?? null,
    created_at: j.createdAt,
    started_at: j.startedAt ?? null,
    finished_at: j.finishedAt ?? null,
    error: j.error ?? null,
    ...(result !== undefined ? { result } : {}),
  };
}

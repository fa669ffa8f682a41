/**
 * Bookmarks and annotations on a video's timeline (GET/POST
 * /api/videos/:id/annotations, PATCH/DELETE /api/annotations/:id, GET
 * /api/annotations, the live `annotation` messages): a time, text and tags,
 * optionally a ground point, a pixel of the frame (normalised, top-left
 * origin) and a link to a source, lead or sortie. Only the author (or an
 * administrator) may change one; the server says so when not.
 */
import { annotationIdReader, videoIdReader, type AnnotationId, type VideoId } from './ids.js';
import { arrayOf, fields, nullable, num, oneOf, SchemaError, str, type Reader } from './read.js';

export const ANNOTATION_KINDS = ['bookmark', 'annotation'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export const LINK_KINDS = ['source', 'lead', 'sortie'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];

export interface AnnotationLink {
  readonly kind: LinkKind;
  readonly id: string;
}

/** A point of the frame: u to the right, v down, both in [0, 1] from the top-left corner. */
export interface FramePoint {
  readonly u: number;
  readonly v: number;
}

export interface Annotation {
  readonly id: AnnotationId;
  readonly videoId: VideoId;
  /** Player time, s. */
  readonly tS: number;
  readonly kind: AnnotationKind;
  readonly text: string;
  readonly tags: readonly string[];
  readonly ground: { readonly lat: number; readonly lon: number } | null;
  readonly pixel: FramePoint | null;
  readonly link: AnnotationLink | null;
  readonly author: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A normalised image coordinate. */
const unitInterval: Reader<number> = (v, path) => {
  const x = num(v, path);
  if (x < 0 || x > 1) throw new SchemaError(path, 'a number in [0, 1]', v);
  return x;
};

const readPixel: Reader<FramePoint> = (v, path) => {
  const f = fields(v, path);
  return { u: f.get('u', unitInterval), v: f.get('v', unitInterval) };
};

const readLatLon: Reader<{ lat: number; lon: number }> = (v, path) => {
  const f = fields(v, path);
  return { lat: f.num('lat'), lon: f.num('lon') };
};

const readLink: Reader<AnnotationLink> = (v, path) => {
  const f = fields(v, path);
  return { kind: f.get('kind', oneOf(LINK_KINDS)), id: f.str('id') };
};

export const readAnnotation: Reader<Annotation> = (v, path) => {
  const f = fields(v, path);
  return {
    id: f.get('id', annotationIdReader),
    videoId: f.get('video_id', videoIdReader),
    tS: f.num('t_s'),
    kind: f.get('kind', oneOf(ANNOTATION_KINDS)),
    text: f.str('text'),
    tags: f.get('tags', arrayOf(str)),
    ground: f.get('ground', nullable(readLatLon)),
    pixel: f.get('pixel', nullable(readPixel)),
    link: f.get('link', nullable(readLink)),
    author: f.str('author'),
    createdAt: f.str('created_at'),
    updatedAt: f.str('updated_at'),
  };
};

export function readAnnotationList(v: unknown): Annotation[] {
  return fields(v, 'body').get('annotations', arrayOf(readAnnotation));
}

export function readAnnotationBody(v: unknown): Annotation {
  return readAnnotation(v, 'annotation');
}


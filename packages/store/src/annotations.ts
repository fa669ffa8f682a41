/**
 * Bookmarks and annotations on a video's timeline (issue 5): a time, text
 * and tags, optionally a ground point, a pixel of the frame, and a link to
 * something else in Nariz (a source, a lead, a sortie).
 *
 * Search is case-insensitive: `text` matches a substring of the text or of
 * any tag, `tag` matches one whole tag. Both adapters keep the text and tags
 * lower-cased (String.prototype.toLowerCase, the same in both) beside the
 * originals and search those, so SQLite and PostgreSQL find the same
 * annotations for any script; a scan, which is fast at the thousands of
 * annotations a deployment holds (full-text search would rank words, which
 * analysts looking for a plate or a call sign fragment do not want).
 */
export const ANNOTATION_KINDS = ['bookmark', 'annotation'] as const;
export type AnnotationKind = (typeof ANNOTATION_KINDS)[number];

export const ANNOTATION_LINK_KINDS = ['source', 'lead', 'sortie'] as const;
export type AnnotationLinkKind = (typeof ANNOTATION_LINK_KINDS)[number];

export interface AnnotationLink {
  readonly kind: AnnotationLinkKind;
  readonly id: string;
}

export interface GroundPoint {
  readonly latDeg: number;
  readonly lonDeg: number;
}

/** A point of the frame, normalised to [0, 1] from the top-left corner. */
export interface PixelPoint {
  readonly u: number;
  readonly v: number;
}

export interface NewAnnotation {
  readonly id: string;
  readonly videoId: string;
  /** Player time, s. */
  readonly tS: number;
  readonly kind: AnnotationKind;
  readonly text: string;
  readonly tags: readonly string[];
  readonly ground: GroundPoint | undefined;
  readonly pixel: PixelPoint | undefined;
  readonly link: AnnotationLink | undefined;
  /** Username. */
  readonly author: string;
}

export interface AnnotationRecord extends NewAnnotation {
  /** ISO 8601 UTC. */
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Fields to change: absent is kept, null clears an optional one. */
export interface AnnotationPatch {
  readonly tS?: number;
  readonly kind?: AnnotationKind;
  readonly text?: string;
  readonly tags?: readonly string[];
  readonly ground?: GroundPoint | null;
  readonly pixel?: PixelPoint | null;
  readonly link?: AnnotationLink | null;
}

export interface AnnotationQuery {
  readonly videoId?: string;
  /** A substring of the text or of a tag, any case. */
  readonly text?: string;
  /** One whole tag, any case. */
  readonly tag?: string;
  readonly link?: AnnotationLink;
  /** At most this many (default 500). */
  readonly limit?: number;
}

export interface AnnotationStore {
  /** NARIZ_NOT_FOUND when the video does not exist. */
  createAnnotation(a: NewAnnotation): Promise<AnnotationRecord>;
  getAnnotation(id: string): Promise<AnnotationRecord | undefined>;
  /** The annotation afterwards, or undefined when there is none. */
  updateAnnotation(id: string, patch: AnnotationPatch): Promise<AnnotationRecord | undefined>;
  deleteAnnotation(id: string): Promise<boolean>;
  /** One video's in timeline order; across videos, the latest changed first. */
  listAnnotations(q?: AnnotationQuery): Promise<AnnotationRecord[]>;
}

/** What the store searches: the text and tags lower-cased, one string. */
export function annotationSearchText(text: string, tags: readonly string[]): string {
  return [text, ...tags].join('\n').toLowerCase();
}

/** The lower-cased tags for whole-tag search. */
export function annotationTagKeys(tags: readonly string[]): string[] {
  return tags.map((t) => t.toLowerCase());
}

/** Branded ids, so a job id is never passed where a sortie id belongs. */
import { SchemaError, type Reader } from './read.js';

declare const sortieBrand: unique symbol;
export type SortieId = string & { readonly [sortieBrand]: true };

/** The server's id rule (core/src/ids.ts): letters, digits, `_ . : -`, up to 128, not starting with a symbol. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

export function isSortieId(s: string): s is SortieId {
  return ID_PATTERN.test(s);
}

export const sortieIdReader: Reader<SortieId> = (v, path) => {
  if (typeof v !== 'string' || !isSortieId(v)) throw new SchemaError(path, 'a sortie id', v);
  return v;
};

declare const videoBrand: unique symbol;
/** A video's id (the server's UUIDs follow the same rule). */
export type VideoId = string & { readonly [videoBrand]: true };

export function isVideoId(s: string): s is VideoId {
  return ID_PATTERN.test(s);
}

export const videoIdReader: Reader<VideoId> = (v, path) => {
  if (typeof v !== 'string' || !isVideoId(v)) throw new SchemaError(path, 'a video id', v);
  return v;
};

declare const annotationBrand: unique symbol;
/** An annotation's (or bookmark's) id. */
export type AnnotationId = string & { readonly [annotationBrand]: true };

function isAnnotationId(s: string): s is AnnotationId {
  return ID_PATTERN.test(s);
}

export const annotationIdReader: Reader<AnnotationId> = (v, path) => {
  if (typeof v !== 'string' || !isAnnotationId(v)) throw new SchemaError(path, 'an annotation id', v);
  return v;
};

declare const leadBrand: unique symbol;
/** A lead's id (the server's UUIDs follow the id rule). */
export type LeadId = string & { readonly [leadBrand]: true };

export function isLeadId(s: string): s is LeadId {
  return ID_PATTERN.test(s);
}

export const leadIdReader: Reader<LeadId> = (v, path) => {
  if (typeof v !== 'string' || !isLeadId(v)) throw new SchemaError(path, 'a lead id', v);
  return v;
};

declare const releaseBrand: unique symbol;
/** A release's (a partner package's) id. */
export type ReleaseId = string & { readonly [releaseBrand]: true };

function isReleaseId(s: string): s is ReleaseId {
  return ID_PATTERN.test(s);
}

export const releaseIdReader: Reader<ReleaseId> = (v, path) => {
  if (typeof v !== 'string' || !isReleaseId(v)) throw new SchemaError(path, 'a release id', v);
  return v;
};

/**
 * Annotations as the app sends them: the annotation form's fields (strings
 * from the inputs) read into a new annotation or a change, or into a
 * problem named by a message key; and the JSON bodies of POST
 * /api/videos/:id/annotations and PATCH /api/annotations/:id. The limits
 * are the server's (docs/api.md, "Video").
 */
import type { AnnotationKind, AnnotationLink, FramePoint, LinkKind } from '../api/schema/annotation.js';
import type { FormProblem } from '../format/form-problem.js';

export const MAX_TEXT_CHARS = 10_000;
export const MAX_TAGS = 32;
export const MAX_TAG_CHARS = 64;
/** The server's id rule (core/src/ids.ts) for a linked source, lead or sortie. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
/** The server refuses control characters in tags. */
const CONTROL = /[\u0000-\u001f\u007f]/;

export interface NewAnnotation {
  readonly tS: number;
  readonly kind: AnnotationKind;
  readonly text: string;
  readonly tags: readonly string[];
  readonly ground: { readonly lat: number; readonly lon: number } | null;
  readonly pixel: FramePoint | null;
  readonly link: AnnotationLink | null;
}

/** Fields to change; `link: null` removes the link. */
export interface AnnotationPatch {
  readonly kind?: AnnotationKind;
  readonly text?: string;
  readonly tags?: readonly string[];
  readonly link?: AnnotationLink | null;
}

export interface AnnotationSearch {
  /** A substring of the text or of a tag, any case. */
  readonly q?: string;
  /** One whole tag, any case. */
  readonly tag?: string;
  readonly link?: AnnotationLink;
}

export function newAnnotationJson(a: NewAnnotation): Record<string, unknown> {
  return {
    t_s: a.tS,
    kind: a.kind,
    text: a.text,
    tags: [...a.tags],
    ...(a.ground === null ? {} : { ground: { lat: a.ground.lat, lon: a.ground.lon } }),
    ...(a.pixel === null ? {} : { pixel: { u: a.pixel.u, v: a.pixel.v } }),
    ...(a.link === null ? {} : { link: { kind: a.link.kind, id: a.link.id } }),
  };
}

export function annotationPatchJson(p: AnnotationPatch): Record<string, unknown> {
  return {
    ...(p.kind === undefined ? {} : { kind: p.kind }),
    ...(p.text === undefined ? {} : { text: p.text }),
    ...(p.tags === undefined ? {} : { tags: [...p.tags] }),
    ...(p.link === undefined ? {} : { link: p.link === null ? null : { kind: p.link.kind, id: p.link.id } }),
  };
}

/** The annotation form as typed. */
export interface AnnotationFormValues {
  readonly kind: AnnotationKind;
  readonly text: string;
  /** Tags separated by commas. */
  readonly tags: string;
  /** '' for no link. */
  readonly linkKind: LinkKind | '';
  readonly linkId: string;
}

/** What is wrong with the annotation form, by field. */
export type AnnotationProblem = FormProblem<'text' | 'tags' | 'link'>;

export type AnnotationFormResult =
  | { readonly ok: true; readonly kind: AnnotationKind; readonly text: string; readonly tags: readonly string[]; readonly link: AnnotationLink | null }
  | { readonly ok: false; readonly problem: AnnotationProblem };

/** Tags typed with commas between them: trimmed, empty ones dropped, repeats (any case) kept once. */
export function parseTags(input: string): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of input.split(',')) {
    const tag = raw.trim();
    if (tag === '' || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

export function readAnnotationForm(f: AnnotationFormValues): AnnotationFormResult {
  const text = f.text.trim();
  if (text.length > MAX_TEXT_CHARS) return { ok: false, problem: { field: 'text', key: 'annotation.error.textLong', values: { max: MAX_TEXT_CHARS } } };
  const tags = parseTags(f.tags);
  if (tags.length > MAX_TAGS) return { ok: false, problem: { field: 'tags', key: 'annotation.error.tooManyTags', values: { max: MAX_TAGS } } };
  for (const tag of tags) {
    if (tag.length > MAX_TAG_CHARS || CONTROL.test(tag)) return { ok: false, problem: { field: 'tags', key: 'annotation.error.tag', values: { tag: tag.slice(0, 20), max: MAX_TAG_CHARS } } };
  }
  let link: AnnotationLink | null = null;
  if (f.linkKind !== '') {
    const id = f.linkId.trim();
    if (!ID_PATTERN.test(id)) return { ok: false, problem: { field: 'link', key: 'annotation.error.linkId' } };
    link = { kind: f.linkKind, id };
  }
  return { ok: true, kind: f.kind, text, tags, link };
}

/** The form's fields for an existing annotation (editing it). */
export function annotationFormValues(a: { readonly kind: AnnotationKind; readonly text: string; readonly tags: readonly string[]; readonly link: AnnotationLink | null }): AnnotationFormValues {
  return { kind: a.kind, text: a.text, tags: a.tags.join(', '), linkKind: a.link?.kind ?? '', linkId: a.link?.id ?? '' };
}

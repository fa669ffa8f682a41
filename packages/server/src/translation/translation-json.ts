/**
 * The translation routes' answers and their JSON schemas (docs/api.md,
 * "Translation"). One segment's answer is the same wherever it appears (a
 * pasted text is one segment; a document is one per paragraph): the
 * source and its translation side by side, the engine's marks on the
 * translation (unknown words first of all: slang, jargon, names), the
 * protected entities with where each one ended up and whether protection
 * fell back, and the glossary hits, each with its gloss and whether a
 * reviewer has signed it.
 */
import type { GlossaryHit, ProtectedTranslation, TranslationMark } from '@nariz/translate';
import { glossaryEntryId } from './glossary-book.js';

const span = { type: 'object', properties: { start: { type: 'integer' }, end: { type: 'integer' } }, required: ['start', 'end'] } as const;

export const markSchema = {
  type: 'object',
  description: 'a word the engine flagged, in UTF-16 offsets of `translation`: unknown (not analysed, left as written), transfer (missing from the bilingual dictionary), generation (could not be inflected)',
  properties: { kind: { type: 'string', enum: ['unknown', 'transfer', 'generation'] }, start: { type: 'integer' }, end: { type: 'integer' }, form: { type: 'string' } },
  required: ['kind', 'start', 'end', 'form'],
} as const;

export const entitySchema = {
  type: 'object',
  description: 'a protected span: kept as written through the engine',
  properties: {
    kind: { type: 'string', enum: ['case-entity', 'curp', 'rfc', 'phone', 'plate', 'amount', 'capitalised'] },
    text: { type: 'string' },
    detail: { type: ['string', 'null'], description: 'case name and kind, check-digit verdict, E.164 digits' },
    source: span,
    target: { ...span, description: 'where it is in `translation`' },
  },
  required: ['kind', 'text', 'detail', 'source', 'target'],
} as const;

export const glossaryHitSchema = {
  type: 'object',
  properties: {
    text: { type: 'string', description: 'as written in the source' },
    start: { type: 'integer' },
    end: { type: 'integer' },
    term: { type: 'string' },
    applied: { type: 'string', enum: ['replaced', 'annotated'], description: 'replaced: the engine was given `replacement`; annotated: left in the text, listed here' },
    replacement: { type: ['string', 'null'] },
    gloss: { type: 'string', description: 'English gloss of the slang sense' },
    literal: { type: 'string', description: 'the everyday meaning' },
    category: { type: 'string' },
    region: { type: 'string' },
    reviewed: { type: 'boolean' },
    reviewer: { type: ['string', 'null'] },
    entry_id: { type: ['string', 'null'], description: 'the glossary entry (GET /api/translation/glossary/:id)' },
  },
  required: ['text', 'start', 'end', 'term', 'applied', 'replacement', 'gloss', 'literal', 'category', 'region', 'reviewed', 'reviewer', 'entry_id'],
} as const;

export const segmentProperties = {
  source: { type: 'string' },
  translation: { type: 'string' },
  marks: { type: 'array', items: markSchema },
  entities: { type: 'array', items: entitySchema },
  protection: { type: 'string', enum: ['none', 'restored', 'fallback'], description: 'fallback: the engine lost a placeholder and the text was translated around the entities' },
  fallback_reason: { type: ['string', 'null'] },
  glossary: { type: 'array', items: glossaryHitSchema },
} as const;
const segmentRequired = ['source', 'translation', 'marks', 'entities', 'protection', 'fallback_reason', 'glossary'] as const;

export const engineSchema = { type: 'object', properties: { id: { type: 'string' }, version: { type: 'string' } }, required: ['id', 'version'] } as const;

/** What every translation answer carries besides its segments. */
export const provenanceProperties = {
  direction: { type: 'string', enum: ['es-en', 'en-es'] },
  detected: {
    type: ['object', 'null'],
    description: 'when the direction was detected: the heuristic’s scores (null when the caller gave it)',
    properties: { es: { type: 'number' }, en: { type: 'number' } },
    required: ['es', 'en'],
  },
  engine: engineSchema,
  caveat: { type: 'object', properties: { en: { type: 'string' }, es: { type: 'string' } }, required: ['en', 'es'] },
} as const;
const provenanceRequired = ['direction', 'detected', 'engine', 'caveat'] as const;

export const textTranslationSchema = {
  type: 'object',
  properties: { ...segmentProperties, ...provenanceProperties },
  required: [...segmentRequired, ...provenanceRequired],
} as const;

export const documentTranslationSchema = {
  type: 'object',
  properties: {
    ...provenanceProperties,
    document: {
      type: 'object',
      properties: {
        name: { type: 'string' },
        format: { type: 'string', enum: ['txt', 'docx', 'pdf'] },
        encoding: { type: ['string', 'null'], description: 'txt: utf-8, utf-16le, utf-16be, or windows-1252 (the Latin-1 fallback)' },
        pages: { type: ['integer', 'null'] },
        characters: { type: 'integer' },
      },
      required: ['name', 'format', 'encoding', 'pages', 'characters'],
    },
    segments: {
      type: 'array',
      items: { type: 'object', properties: { index: { type: 'integer' }, page: { type: ['integer', 'null'] }, ...segmentProperties }, required: ['index', 'page', ...segmentRequired] },
    },
  },
  required: [...provenanceRequired, 'document', 'segments'],
} as const;

const markJson = (m: TranslationMark): Record<string, unknown> => ({ kind: m.kind, start: m.start, end: m.end, form: m.form });

export function glossaryHitJson(h: GlossaryHit): Record<string, unknown> {
  return {
    text: h.text, start: h.start, end: h.end, term: h.entry.term, applied: h.applied, replacement: h.replacement ?? null, gloss: h.entry.gloss, literal: h.entry.literal,
    category: h.entry.category, region: h.entry.region, reviewed: h.reviewed, reviewer: h.entry.reviewer, entry_id: glossaryEntryId(h.entry) ?? null,
  };
}

export function segmentJson(r: ProtectedTranslation): Record<string, unknown> {
  return {
    source: r.source,
    translation: r.text,
    marks: r.marks.map(markJson),
    entities: r.entities.map((e, i) => ({ kind: e.kind, text: e.text, detail: e.detail ?? null, source: { start: e.start, end: e.end }, target: r.entityTargets[i] ?? { start: -1, end: -1 } })),
    protection: r.protection,
    fallback_reason: r.fallbackReason ?? null,
    glossary: r.glossary.map(glossaryHitJson),
  };
}

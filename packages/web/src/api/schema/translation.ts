/**
 * A machine translation as the server answers it (docs/api.md,
 * "Translation"): a pasted text is one segment, a document one per
 * paragraph. Each segment carries its source and translation, the engine's
 * marks on the translation (unknown words: slang, jargon, names), the
 * protected entities with where each one is on both sides, and the slang
 * glossary's hits on the source; the whole carries the direction, the
 * engine with its version and the fixed bilingual caveat. Both answers
 * (text and document) are read into one `Translation`.
 */
import { arrayOf, fields, int, nullable, num, oneOf, optional, str, type Reader } from './read.js';

export const DIRECTIONS = ['es-en', 'en-es'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const MARK_KINDS = ['unknown', 'transfer', 'generation'] as const;
export type MarkKind = (typeof MARK_KINDS)[number];

export const ENTITY_KINDS = ['case-entity', 'curp', 'rfc', 'phone', 'plate', 'amount', 'capitalised'] as const;
export type EntityKind = (typeof ENTITY_KINDS)[number];

export const DOCUMENT_FORMATS = ['txt', 'docx', 'pdf'] as const;
export type DocumentFormat = (typeof DOCUMENT_FORMATS)[number];

/** UTF-16 offsets, end exclusive. */
export interface TextSpan {
  readonly start: number;
  readonly end: number;
}

/** A word the engine flagged, on the translation. */
export interface TranslationMark extends TextSpan {
  readonly kind: MarkKind;
  readonly form: string;
}

/** A span kept as written through the engine. `target` is null when the server could not place it in the translation. */
export interface ProtectedEntity {
  readonly kind: EntityKind;
  readonly text: string;
  readonly detail: string | null;
  readonly source: TextSpan;
  readonly target: TextSpan | null;
}

/** A slang glossary term found in the (Spanish) source. */
export interface GlossaryHit extends TextSpan {
  /** As written in the source. */
  readonly text: string;
  readonly term: string;
  /** `replaced`: the engine was given `replacement`; `annotated`: left in the text and only listed. */
  readonly applied: 'replaced' | 'annotated';
  readonly replacement: string | null;
  /** English gloss of the slang sense. */
  readonly gloss: string;
  /** The everyday, innocent meaning ("" when there is none). */
  readonly literal: string;
  readonly category: string;
  readonly region: string;
  readonly reviewed: boolean;
  readonly reviewer: string | null;
  /** The glossary entry it came from (null from an older server). */
  readonly entryId: string | null;
}

export interface TranslatedSegment {
  /** Its place in a document (0 for a pasted text). */
  readonly index: number;
  /** A PDF's page (1-based); null otherwise. */
  readonly page: number | null;
  readonly source: string;
  readonly translation: string;
  readonly marks: readonly TranslationMark[];
  readonly entities: readonly ProtectedEntity[];
  readonly protection: 'none' | 'restored' | 'fallback';
  readonly fallbackReason: string | null;
  readonly glossary: readonly GlossaryHit[];
}

export interface EngineProvenance {
  readonly id: string;
  readonly version: string;
}

/** The fixed caveat, in both languages at once. */
export interface BilingualCaveat {
  readonly en: string;
  readonly es: string;
}

export interface TranslatedDocument {
  readonly name: string;
  readonly format: DocumentFormat;
  readonly encoding: string | null;
  readonly pages: number | null;
  readonly characters: number;
}

export interface Translation {
  readonly direction: Direction;
  /** The detection heuristic's scores when the server chose the direction; null when it was given. */
  readonly detected: { readonly es: number; readonly en: number } | null;
  readonly engine: EngineProvenance;
  readonly caveat: BilingualCaveat;
  /** The uploaded document; null for a pasted text. */
  readonly document: TranslatedDocument | null;
  readonly segments: readonly TranslatedSegment[];
}

export const readDirection: Reader<Direction> = oneOf(DIRECTIONS);

const readSpan: Reader<TextSpan> = (v, path) => {
  const f = fields(v, path);
  return { start: f.int('start'), end: f.int('end') };
};

const readMark: Reader<TranslationMark> = (v, path) => {
  const f = fields(v, path);
  return { kind: f.get('kind', oneOf(MARK_KINDS)), start: f.int('start'), end: f.int('end'), form: f.str('form') };
};

const readEntity: Reader<ProtectedEntity> = (v, path) => {
  const f = fields(v, path);
  const target = f.get('target', readSpan);
  return {
    kind: f.get('kind', oneOf(ENTITY_KINDS)),
    text: f.str('text'),
    detail: f.get('detail', nullable(str)),
    source: f.get('source', readSpan),
    // The server writes {-1, -1} for an entity it could not find in the translation.
    target: target.start < 0 || target.end < target.start ? null : target,
  };
};

const readGlossaryHit: Reader<GlossaryHit> = (v, path) => {
  const f = fields(v, path);
  return {
    text: f.str('text'),
    start: f.int('start'),
    end: f.int('end'),
    term: f.str('term'),
    applied: f.get('applied', oneOf(['replaced', 'annotated'] as const)),
    replacement: f.get('replacement', nullable(str)),
    gloss: f.str('gloss'),
    literal: f.str('literal'),
    category: f.str('category'),
    region: f.str('region'),
    reviewed: f.bool('reviewed'),
    reviewer: f.get('reviewer', nullable(str)),
    entryId: f.get('entry_id', optional(nullable(str))) ?? null,
  };
};

function readSegment(v: unknown, path: string, index: number, page: number | null): TranslatedSegment {
  const f = fields(v, path);
  return {
    index,
    page,
    source: f.str('source'),
    translation: f.str('translation'),
    marks: f.get('marks', arrayOf(readMark)),
    entities: f.get('entities', arrayOf(readEntity)),
    protection: f.get('protection', oneOf(['none', 'restored', 'fallback'] as const)),
    fallbackReason: f.get('fallback_reason', nullable(str)),
    glossary: f.get('glossary', arrayOf(readGlossaryHit)),
  };
}

const readDocumentSegment: Reader<TranslatedSegment> = (v, path) => {
  const f = fields(v, path);
  return readSegment(v, path, f.int('index'), f.get('page', nullable(int)));
};

export const readEngineProvenance: Reader<EngineProvenance> = (v, path) => {
  const f = fields(v, path);
  return { id: f.str('id'), version: f.str('version') };
};

export const readCaveat: Reader<BilingualCaveat> = (v, path) => {
  const f = fields(v, path);
  return { en: f.str('en'), es: f.str('es') };
};

const readDetected: Reader<{ es: number; en: number }> = (v, path) => {
  const f = fields(v, path);
  return { es: f.get('es', num), en: f.get('en', num) };
};

const readDocument: Reader<TranslatedDocument> = (v, path) => {
  const f = fields(v, path);
  return {
    name: f.str('name'),
    format: f.get('format', oneOf(DOCUMENT_FORMATS)),
    encoding: f.get('encoding', nullable(str)),
    pages: f.get('pages', nullable(int)),
    characters: f.int('characters'),
  };
};

/** POST /api/translations: one segment with its provenance. */
export function readTextTranslation(v: unknown): Translation {
  const f = fields(v, 'translation');
  return {
    direction: f.get('direction', readDirection),
    detected: f.get('detected', nullable(readDetected)),
    engine: f.get('engine', readEngineProvenance),
    caveat: f.get('caveat', readCaveat),
    document: null,
    segments: [readSegment(v, 'translation', 0, null)],
  };
}

/** POST /api/translation-uploads: the document and one segment per paragraph. */
export function readDocumentTranslation(v: unknown): Translation {
  const f = fields(v, 'translation');
  return {
    direction: f.get('direction', readDirection),
    detected: f.get('detected', nullable(readDetected)),
    engine: f.get('engine', readEngineProvenance),
    caveat: f.get('caveat', readCaveat),
    document: f.get('document', readDocument),
    segments: f.get('segments', arrayOf(readDocumentSegment)),
  };
}

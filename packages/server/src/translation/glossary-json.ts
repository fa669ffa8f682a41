/**
 * The glossary routes' JSON (docs/api.md, "Translation", "The glossary"):
 * an entry as answered, and the JSON schemas of the entry, of the bodies
 * that create and edit one, and of the list's query. Field names follow
 * the glossary file and the translation answers' hits: `gloss` is the
 * slang sense in English, `literal` the innocent everyday meaning,
 * `action` whether the term is rewritten (`replace`) or only listed
 * (`annotate`).
 */
import type { GlossaryRecord } from '@nariz/store';
import { GLOSSARY_CATEGORIES } from '@nariz/translate';

/** Longest term or variant, characters. */
export const MAX_FORM_CHARS = 100;
/** Most variants of one entry. */
export const MAX_VARIANTS = 30;
/** Most entries in one page of the list. */
export const MAX_GLOSSARY_PAGE = 500;

const category = { type: 'string', enum: [...GLOSSARY_CATEGORIES] } as const;
const action = { type: 'string', enum: ['replace', 'annotate'], description: 'replace: rewritten to `neutral` before translation; annotate: left in the text and only listed beside the output' } as const;

export const glossaryEntrySchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    term: { type: 'string' },
    variants: { type: 'array', items: { type: 'string' } },
    neutral: { type: 'string', description: 'neutral Spanish for the slang sense (what the engine is given when the term is replaced)' },
    gloss: { type: 'string', description: 'the slang sense, in English' },
    literal: { type: 'string', description: 'the innocent everyday meaning ("" when there is none)' },
    category,
    region: { type: 'string' },
    note: { type: 'string' },
    action,
    reviewed: { type: 'boolean' },
    reviewed_by: { type: ['string', 'null'] },
    reviewed_at: { type: ['string', 'null'] },
    created_by: { type: 'string' },
    created_at: { type: 'string' },
    updated_by: { type: 'string' },
    updated_at: { type: 'string' },
    version: { type: 'integer', description: 'give it back (If-Match or `version`) to edit, review or delete: a stale one is 409' },
  },
  required: ['id', 'term', 'variants', 'neutral', 'gloss', 'literal', 'category', 'region', 'note', 'action', 'reviewed', 'reviewed_by', 'reviewed_at', 'created_by', 'created_at', 'updated_by', 'updated_at', 'version'],
} as const;

const form = { type: 'string', minLength: 1, maxLength: MAX_FORM_CHARS } as const;
const contentProperties = {
  term: { ...form, description: 'the term as usually written (lower case, with accents)' },
  variants: { type: 'array', items: form, maxItems: MAX_VARIANTS, description: 'other forms matched the same way: plurals, diminutives, spellings' },
  neutral: { type: 'string', minLength: 1, maxLength: 200 },
  gloss: { type: 'string', minLength: 1, maxLength: 300 },
  literal: { type: 'string', maxLength: 300 },
  category,
  region: { type: 'string', pattern: '^[A-Z]{2}(?:-[A-Za-z0-9]{1,12})?$', description: 'ISO 3166 country, optionally a subdivision ("MX", "MX-SIN")' },
  note: { type: 'string', maxLength: 2000 },
  action,
} as const;

export const newGlossaryEntrySchema = {
  type: 'object',
  properties: contentProperties,
  required: ['term', 'neutral', 'gloss', 'category'],
  additionalProperties: false,
} as const;

export const glossaryPatchSchema = {
  type: 'object',
  properties: { ...contentProperties, version: { type: 'integer', minimum: 1, description: 'the version edited (or the If-Match header)' } },
  additionalProperties: false,
  minProperties: 1,
} as const;

export const glossaryQuerySchema = {
  type: 'object',
  properties: {
    q: { type: 'string', maxLength: 200, description: 'a substring of the term, variants, neutral form, gloss, literal meaning or note (case and accents ignored)' },
    category,
    reviewed: { type: 'boolean', description: 'true: reviewed entries only; false: unreviewed only' },
    limit: { type: 'integer', minimum: 1, maximum: MAX_GLOSSARY_PAGE, default: 100 },
    offset: { type: 'integer', minimum: 0, default: 0 },
  },
  additionalProperties: false,
} as const;

export const glossaryParams = { type: 'object', properties: { id: { type: 'string', minLength: 1, maxLength: 100 } }, required: ['id'] } as const;

export function glossaryEntryJson(e: GlossaryRecord): Record<string, unknown> {
  return {
    id: e.id, term: e.term, variants: [...e.variants], neutral: e.neutral, gloss: e.gloss, literal: e.literal, category: e.category, region: e.region, note: e.note, action: e.action,
    reviewed: e.reviewedBy !== undefined, reviewed_by: e.reviewedBy ?? null, reviewed_at: e.reviewedAt ?? null,
    created_by: e.createdBy, created_at: e.createdAt, updated_by: e.updatedBy, updated_at: e.updatedAt, version: e.version,
  };
}

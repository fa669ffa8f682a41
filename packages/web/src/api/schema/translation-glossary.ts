/**
 * The slang glossary's answers (docs/api.md, "Translation", "The
 * glossary"): an entry — its term and variants, neutral Spanish, the slang
 * sense (`gloss`) and the innocent literal meaning, category, region, note,
 * whether it is rewritten before translation or only listed, its review,
 * who changed it last, and its version (given back to edit it) — and a page
 * of the list with the total, the whole glossary's counts and whether the
 * caller may edit.
 */
import { arrayOf, fields, int, nullable, oneOf, str, type Reader } from './read.js';

export const GLOSSARY_CATEGORIES = ['drug', 'lab', 'weapon', 'role', 'violence', 'territory', 'money', 'smuggling', 'vehicle', 'other'] as const;
export type GlossaryCategory = (typeof GLOSSARY_CATEGORIES)[number];
export const GLOSSARY_ACTIONS = ['replace', 'annotate'] as const;
export type GlossaryAction = (typeof GLOSSARY_ACTIONS)[number];

export interface GlossaryEntry {
  readonly id: string;
  readonly term: string;
  readonly variants: readonly string[];
  readonly neutral: string;
  /** The slang sense, in English. */
  readonly gloss: string;
  /** The innocent everyday meaning ("" when there is none). */
  readonly literal: string;
  /** One of GLOSSARY_CATEGORIES, or one this app does not know (shown as written). */
  readonly category: string;
  readonly region: string;
  readonly note: string;
  readonly action: GlossaryAction;
  readonly reviewedBy: string | null;
  readonly reviewedAt: string | null;
  readonly updatedBy: string;
  readonly updatedAt: string;
  readonly version: number;
}

export interface GlossaryPage {
  readonly entries: readonly GlossaryEntry[];
  /** How many match the query, all pages. */
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  /** The whole glossary. */
  readonly counts: { readonly entries: number; readonly reviewed: number };
  /** Whether this user may edit, add, delete and review (admins). */
  readonly editable: boolean;
}

export const readGlossaryEntry: Reader<GlossaryEntry> = (v, path) => {
  const f = fields(v, path);
  return {
    id: f.str('id'),
    term: f.str('term'),
    variants: f.get('variants', arrayOf(str)),
    neutral: f.str('neutral'),
    gloss: f.str('gloss'),
    literal: f.str('literal'),
    category: f.str('category'),
    region: f.str('region'),
    note: f.str('note'),
    action: f.get('action', oneOf(GLOSSARY_ACTIONS)),
    reviewedBy: f.get('reviewed_by', nullable(str)),
    reviewedAt: f.get('reviewed_at', nullable(str)),
    updatedBy: f.str('updated_by'),
    updatedAt: f.str('updated_at'),
    version: f.int('version'),
  };
};

export function readGlossaryEntryBody(v: unknown): GlossaryEntry {
  return readGlossaryEntry(v, 'entry');
}

export function readGlossaryPage(v: unknown): GlossaryPage {
  const f = fields(v, 'glossary');
  const c = fields(f.get('counts', (x) => x), 'glossary.counts');
  return {
    entries: f.get('entries', arrayOf(readGlossaryEntry)),
    total: f.get('total', int),
    limit: f.get('limit', int),
    offset: f.get('offset', int),
    counts: { entries: c.int('entries'), reviewed: c.int('reviewed') },
    editable: f.bool('editable'),
  };
}

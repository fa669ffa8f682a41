/**
 * The slang glossary's format (docs/translation.md, "Glossary"): a JSON
 * document `{ "format": "nariz-slang-glossary", "version": 1, "entries":
 * [...] }`, each entry a regional slang or jargon term with its neutral
 * Spanish rendering, an English gloss, and the innocent literal meaning
 * that makes blind replacement dangerous. An entry is reviewed when it
 * names its reviewer and review date; unreviewed entries are used but
 * flagged as such beside the output.
 */
export const GLOSSARY_FORMAT = 'nariz-slang-glossary';
export const GLOSSARY_VERSION = 1;

/**
 * `replace`: the term is rewritten to its neutral Spanish before
 * translation (where the slang sense dominates in case material);
 * `annotate`: the text is left alone and the term is listed beside the
 * output (where the literal sense is common: "cocina", "plaza", "piso").
 */
export type GlossaryAction = 'replace' | 'annotate';

export const GLOSSARY_CATEGORIES = ['drug', 'lab', 'weapon', 'role', 'violence', 'territory', 'money', 'smuggling', 'vehicle', 'other'] as const;
export type GlossaryCategory = (typeof GLOSSARY_CATEGORIES)[number];

export function isGlossaryCategory(s: string): s is GlossaryCategory {
  return (GLOSSARY_CATEGORIES as readonly string[]).includes(s);
}

/** A region: an ISO 3166 country code with an optional subdivision or region after a hyphen ("MX", "MX-SIN"). */
export const GLOSSARY_REGION = /^[A-Z]{2}(?:-[A-Za-z0-9]{1,12})?$/;

export interface GlossaryEntry {
  /** The term as usually written (lowercase, with accents). */
  readonly term: string;
  /** Other forms matched the same way: plurals, diminutives, spellings. */
  readonly variants: readonly string[];
  /** Where it is used: an ISO 3166 country or subdivision code ("MX", "MX-SIN") or "MX-norte"-like free region after the country. */
  readonly region: string;
  readonly category: GlossaryCategory;
  /** Neutral (standard) Spanish for the slang sense. */
  readonly neutral: string;
  /** English gloss of the slang sense. */
  readonly gloss: string;
  /** The everyday meaning the term also has ("" if none). */
  readonly literal: string;
  readonly action: GlossaryAction;
  /** Who reviewed the entry, or null while unreviewed. */
  readonly reviewer: string | null;
  /** ISO date (YYYY-MM-DD) of the review, or null while unreviewed. */
  readonly reviewed: string | null;
  readonly notes?: string;
}

export interface Glossary {
  readonly entries: readonly GlossaryEntry[];
  /** Where it was read from, for provenance. */
  readonly source?: string;
}

export function isReviewed(e: GlossaryEntry): boolean {
  return e.reviewer !== null && e.reviewed !== null;
}

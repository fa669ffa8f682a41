/**
 * The slang glossary as stored (issue 8; docs/translation.md, "Glossary";
 * docs/api.md, "Translation"): the deployment's own, reviewed and edited
 * list mapping regional slang and jargon to neutral Spanish. Seeded once
 * from the shipped file when the table is empty; after that the database
 * is the truth and the file is not read again.
 *
 * Every form an entry matches (its term and its variants) is unique across
 * the glossary, compared without case or accents (`glossaryFormKey`, the
 * same folding as @nariz/translate's matcher), so no text can hit two
 * entries with one word. Each entry carries a version for optimistic
 * concurrency: an edit, review or delete that names another version than
 * the stored one is NARIZ_CONFLICT and changes nothing. Editing an entry's
 * content clears its review (what was reviewed is no longer what it says).
 */

export const GLOSSARY_ACTIONS = ['replace', 'annotate'] as const;
/** `replace`: rewritten to its neutral Spanish before translation; `annotate`: left in the text and only listed. */
export type GlossaryEntryAction = (typeof GLOSSARY_ACTIONS)[number];

/** What an analyst writes; the store adds the id, review, authorship and version. */
export interface GlossaryEntryContent {
  readonly term: string;
  readonly variants: readonly string[];
  /** Neutral (standard) Spanish for the slang sense. */
  readonly neutral: string;
  /** The slang sense, in English. */
  readonly gloss: string;
  /** The innocent everyday meaning ("" when there is none). */
  readonly literal: string;
  readonly category: string;
  /** ISO 3166 country with an optional subdivision ("MX", "MX-SIN"). */
  readonly region: string;
  readonly note: string;
  readonly action: GlossaryEntryAction;
}

export interface GlossaryRecord extends GlossaryEntryContent {
  readonly id: string;
  /** Who reviewed it and when (ISO 8601 UTC); both undefined while unreviewed. */
  readonly reviewedBy: string | undefined;
  readonly reviewedAt: string | undefined;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedBy: string;
  readonly updatedAt: string;
  /** 1 when created; +1 with every change. */
  readonly version: number;
}

/** A seeded entry may arrive reviewed (the file's reviewer and date). */
export interface SeedGlossaryEntry extends GlossaryEntryContent {
  readonly id: string;
  readonly reviewedBy: string | undefined;
  readonly reviewedAt: string | undefined;
}

export interface GlossaryQuery {
  /** A substring of the term, variants, neutral form, gloss, literal meaning or note (case and accents ignored). */
  readonly q?: string;
  readonly category?: string;
  /** true: reviewed only; false: unreviewed only. */
  readonly reviewed?: boolean;
  /** Default 100. */
  readonly limit?: number;
  readonly offset?: number;
}

export interface GlossaryPage {
  readonly entries: GlossaryRecord[];
  /** How many match the query (all pages). */
  readonly total: number;
}

export interface GlossaryCounts {
  readonly entries: number;
  readonly reviewed: number;
}

export interface GlossaryStore {
  /**
   * Inserts the entries, in one transaction, only when the glossary is
   * empty; answers how many were inserted (0: it was not empty, nothing
   * written). Concurrent seeders insert once between them.
   */
  seed(entries: readonly SeedGlossaryEntry[], by: string, at: string): Promise<number>;
  counts(): Promise<GlossaryCounts>;
  /** Every entry, in term order (what the translator uses). */
  all(): Promise<GlossaryRecord[]>;
  /** A page in term order. */
  list(q: GlossaryQuery): Promise<GlossaryPage>;
  get(id: string): Promise<GlossaryRecord | undefined>;
  /** NARIZ_CONFLICT when a form is another entry's, or the id exists. */
  create(id: string, c: GlossaryEntryContent, by: string, at: string): Promise<GlossaryRecord>;
  /** Replaces the content and clears the review; NARIZ_NOT_FOUND, NARIZ_CONFLICT (stale version, or a form another entry has). */
  update(id: string, version: number, c: GlossaryEntryContent, by: string, at: string): Promise<GlossaryRecord>;
  /** Marks the entry reviewed by `by`; `version` undefined: whatever is stored. */
  review(id: string, version: number | undefined, by: string, at: string): Promise<GlossaryRecord>;
  /** The deleted entry; NARIZ_NOT_FOUND, NARIZ_CONFLICT (stale version). */
  delete(id: string, version: number | undefined): Promise<GlossaryRecord>;
}

/** A form as compared for uniqueness: NFD, combining marks dropped, lower case, inner spaces collapsed ("Cuerno  de Chivo" → "cuerno de chivo"). */
export function glossaryFormKey(form: string): string {
  return form.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().trim().replace(/\s+/g, ' ');
}

/** The forms of an entry, each with its key (term first). */
export function glossaryForms(c: Pick<GlossaryEntryContent, 'term' | 'variants'>): { form: string; key: string }[] {
  return [c.term, ...c.variants].map((form) => ({ form, key: glossaryFormKey(form) }));
}

/** What `q` searches, folded like the forms. */
export function glossarySearchText(c: GlossaryEntryContent): string {
  return glossaryFormKey([c.term, ...c.variants, c.neutral, c.gloss, c.literal, c.note].join(' | '));
}

/**
 * The glossary entry form as plain strings (variants one per line or
 * separated by commas), from an entry and back to the request body the
 * server takes (docs/api.md, "The glossary"), with the checks the form can
 * make before sending: the required fields, and the region's shape. The
 * server checks again and has the last word (a form another entry has is
 * its 409).
 */
import type { GlossaryAction, GlossaryEntry } from '../api/schema/translation-glossary.js';

export interface GlossaryDraft {
  readonly term: string;
  /** One per line, or separated by commas. */
  readonly variants: string;
  readonly neutral: string;
  readonly gloss: string;
  readonly literal: string;
  readonly category: string;
  readonly region: string;
  readonly note: string;
  readonly action: GlossaryAction;
}

/** The body of a create, or of an edit (every field: the server keeps none of the old ones then). */
export interface GlossaryEntryBody {
  readonly term: string;
  readonly variants: readonly string[];
  readonly neutral: string;
  readonly gloss: string;
  readonly literal: string;
  readonly category: string;
  readonly region: string;
  readonly note: string;
  readonly action: GlossaryAction;
}

export type DraftField = 'term' | 'neutral' | 'gloss' | 'category' | 'region';

export const emptyGlossaryDraft = (): GlossaryDraft => ({ term: '', variants: '', neutral: '', gloss: '', literal: '', category: 'other', region: 'MX', note: '', action: 'annotate' });

export function draftOf(e: GlossaryEntry): GlossaryDraft {
  return { term: e.term, variants: e.variants.join('\n'), neutral: e.neutral, gloss: e.gloss, literal: e.literal, category: e.category, region: e.region, note: e.note, action: e.action };
}

const REGION = /^[A-Z]{2}(?:-[A-Za-z0-9]{1,12})?$/;

/** The body, or the fields the form must fix first. */
export function glossaryBody(d: GlossaryDraft): { ok: true; body: GlossaryEntryBody } | { ok: false; missing: DraftField[] } {
  const missing: DraftField[] = [];
  for (const k of ['term', 'neutral', 'gloss', 'category'] as const) if (d[k].trim() === '') missing.push(k);
  if (!REGION.test(d.region.trim())) missing.push('region');
  if (missing.length > 0) return { ok: false, missing };
  return {
    ok: true,
    body: {
      term: d.term.trim(),
      variants: d.variants.split(/[\n,]/).map((v) => v.trim()).filter((v) => v !== ''),
      neutral: d.neutral.trim(),
      gloss: d.gloss.trim(),
      literal: d.literal.trim(),
      category: d.category,
      region: d.region.trim(),
      note: d.note.trim(),
      action: d.action,
    },
  };
}

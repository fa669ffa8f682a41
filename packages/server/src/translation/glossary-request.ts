/**
 * A glossary entry's content from a request body (its JSON schema has
 * checked types, lengths, the category, action and region): trimmed, with
 * blank strings and forms repeated within the entry refused as 400 naming
 * the field (`variants[1]`), and defaults for what a new entry may leave
 * out (no variants, no literal meaning, region MX, no note, `annotate` —
 * only listed, the safe choice for a term with an innocent meaning). A
 * patch keeps the stored value of every field it does not give. And the
 * version an edit names: the If-Match header (`"3"`, `W/"3"` or `3`) or
 * the body's `version`.
 */
import { NarizError } from '@nariz/core';
import { glossaryFormKey, type GlossaryEntryAction, type GlossaryEntryContent } from '@nariz/store';

export interface GlossaryContentBody {
  readonly term?: string;
  readonly variants?: readonly string[];
  readonly neutral?: string;
  readonly gloss?: string;
  readonly literal?: string;
  readonly category?: string;
  readonly region?: string;
  readonly note?: string;
  readonly action?: GlossaryEntryAction;
  readonly version?: number;
}

const DEFAULTS: Omit<GlossaryEntryContent, 'term' | 'neutral' | 'gloss' | 'category'> = { variants: [], literal: '', region: 'MX', note: '', action: 'annotate' };

function nonBlank(v: string, path: string): string {
  const t = v.trim();
  if (t === '') throw new NarizError('NARIZ_BAD_REQUEST', `"${path}" is blank`, { path });
  return t;
}

/** The content a request asks for, over `base` (a patch) or the defaults (a new entry; term, neutral, gloss and category are required by the schema). */
export function glossaryContent(b: GlossaryContentBody, base?: GlossaryEntryContent): GlossaryEntryContent {
  const term = b.term !== undefined ? nonBlank(b.term, 'term') : base?.term;
  const neutral = b.neutral !== undefined ? nonBlank(b.neutral, 'neutral') : base?.neutral;
  const gloss = b.gloss !== undefined ? nonBlank(b.gloss, 'gloss') : base?.gloss;
  const category = b.category ?? base?.category;
  if (term === undefined) throw new NarizError('NARIZ_BAD_REQUEST', '"term" is required', { path: 'term' });
  if (neutral === undefined) throw new NarizError('NARIZ_BAD_REQUEST', '"neutral" is required', { path: 'neutral' });
  if (gloss === undefined) throw new NarizError('NARIZ_BAD_REQUEST', '"gloss" is required', { path: 'gloss' });
  if (category === undefined) throw new NarizError('NARIZ_BAD_REQUEST', '"category" is required', { path: 'category' });
  const variants = b.variants !== undefined ? b.variants.map((v, i) => nonBlank(v, `variants[${i}]`)) : (base?.variants ?? DEFAULTS.variants);
  const seen = new Map<string, string>([[glossaryFormKey(term), 'term']]);
  variants.forEach((v, i) => {
    const key = glossaryFormKey(v);
    const before = seen.get(key);
    if (before !== undefined) throw new NarizError('NARIZ_BAD_REQUEST', `"${v}" is the same form as ${before} (case and accents are ignored)`, { path: `variants[${i}]` });
    seen.set(key, `variants[${i}]`);
  });
  return {
    term,
    variants,
    neutral,
    gloss,
    literal: b.literal !== undefined ? b.literal.trim() : (base?.literal ?? DEFAULTS.literal),
    category,
    region: b.region ?? base?.region ?? DEFAULTS.region,
    note: b.note !== undefined ? b.note.trim() : (base?.note ?? DEFAULTS.note),
    action: b.action ?? base?.action ?? DEFAULTS.action,
  };
}

/** The version in an If-Match header, or undefined when there is none; 400 when it is not one. */
export function ifMatchVersion(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const raw = (Array.isArray(header) ? header.join(',') : header).trim();
  const m = /^(?:W\/)?"?(\d{1,9})"?$/.exec(raw);
  if (m === null) throw new NarizError('NARIZ_BAD_REQUEST', `If-Match must be the entry's version as its ETag gives it ("3"), got ${JSON.stringify(raw)}`, { path: 'If-Match' });
  return Number(m[1]);
}

/** The version an edit names: If-Match or the body's `version` (they must agree). */
export function editedVersion(header: string | string[] | undefined, bodyVersion: number | undefined): number | undefined {
  const h = ifMatchVersion(header);
  if (h !== undefined && bodyVersion !== undefined && h !== bodyVersion) {
    throw new NarizError('NARIZ_BAD_REQUEST', `If-Match names version ${h} and the body version ${bodyVersion}; give one`, { path: 'version' });
  }
  return h ?? bodyVersion;
}

/** The ETag of an entry's version. */
export const versionTag = (version: number): string => `"${version}"`;

/** Which content fields differ, each with its old and new value (for the audit log). */
export function changedFields(before: GlossaryEntryContent, after: GlossaryEntryContent): Record<string, { from: unknown; to: unknown }> {
  const out: Record<string, { from: unknown; to: unknown }> = {};
  for (const k of ['term', 'variants', 'neutral', 'gloss', 'literal', 'category', 'region', 'note', 'action'] as const) {
    const a = before[k];
    const b = after[k];
    if (JSON.stringify(a) !== JSON.stringify(b)) out[k] = { from: a, to: b };
  }
  return out;
}

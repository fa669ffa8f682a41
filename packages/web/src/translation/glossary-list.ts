/**
 * The glossary hits of a whole translation, listed once per term beside
 * the output: the forms written, how many times, whether the term was
 * rewritten to neutral Spanish or only annotated, and the paragraphs it
 * occurs in, in the order the terms first appear.
 */
import type { GlossaryHit, TranslatedSegment } from '../api/schema/translation.js';

export interface GlossaryListItem {
  /** The first hit: its entry's gloss, literal meaning, category, region, review. */
  readonly hit: GlossaryHit;
  /** Forms as written in the source, distinct, in order of appearance. */
  readonly forms: readonly string[];
  readonly count: number;
  /** Indexes of the segments it occurs in. */
  readonly segments: readonly number[];
}

export function glossaryList(segments: readonly Pick<TranslatedSegment, 'glossary'>[]): GlossaryListItem[] {
  const byTerm = new Map<string, { hit: GlossaryHit; forms: string[]; count: number; segments: number[] }>();
  segments.forEach((s, i) => {
    const hits = [...s.glossary].sort((a, b) => a.start - b.start);
    for (const h of hits) {
      let item = byTerm.get(h.term);
      if (item === undefined) {
        item = { hit: h, forms: [], count: 0, segments: [] };
        byTerm.set(h.term, item);
      }
      item.count += 1;
      if (!item.forms.includes(h.text)) item.forms.push(h.text);
      if (!item.segments.includes(i)) item.segments.push(i);
    }
  });
  return [...byTerm.values()];
}

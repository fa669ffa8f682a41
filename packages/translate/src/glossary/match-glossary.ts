/**
 * Finding glossary terms in a Spanish text and applying them. Matching is
 * accent- and case-insensitive on whole words ("Halcón", "HALCON" and
 * "halcon" all find "halcón"; "cristalería" does not find "cristal"), the
 * longest form first ("cuerno de chivo" before "cuerno"), never inside a
 * span the caller excludes (a protected name: an alias "El Halcón" stays a
 * name). Every hit is reported, replaced or not: nothing is applied
 * silently.
 */
import { atWordBoundaries, fold, foldString } from '../fold.js';
import { isReviewed, type Glossary, type GlossaryEntry } from './glossary-entry.js';

export interface GlossaryHit {
  readonly entry: GlossaryEntry;
  /** UTF-16 offsets in the text searched. */
  readonly start: number;
  readonly end: number;
  /** The form as written in the text. */
  readonly text: string;
  /** `replaced` only when the entry's action is replace and the caller applies replacements. */
  readonly applied: 'replaced' | 'annotated';
  /** What the text now says there (the neutral form, case-matched), when replaced. */
  readonly replacement?: string;
  readonly reviewed: boolean;
}

export interface GlossaryMatchOptions {
  /** Spans to leave alone (protected entities), half-open, any order. */
  readonly exclude?: readonly { readonly start: number; readonly end: number }[];
  /** Apply `replace` entries (default true); false lists every hit as annotated. */
  readonly replace?: boolean;
  /** Use unreviewed entries (default true; they are flagged). */
  readonly includeUnreviewed?: boolean;
}

interface Needle {
  readonly folded: string;
  readonly entry: GlossaryEntry;
}

/** Capitalises the replacement like the written form: "Cristal" → "Metanfetamina", "CRISTAL" → "METANFETAMINA". */
export function matchCase(written: string, replacement: string): string {
  const letters = written.replace(/[^\p{L}]/gu, '');
  if (letters.length > 1 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()) return replacement.toUpperCase();
  const first = written.charAt(0);
  if (first !== first.toLowerCase() && first === first.toUpperCase()) return replacement.charAt(0).toUpperCase() + replacement.slice(1);
  return replacement;
}

export class GlossaryMatcher {
  readonly glossary: Glossary;
  readonly #needles: Needle[];

  constructor(glossary: Glossary) {
    this.glossary = glossary;
    this.#needles = glossary.entries
      .flatMap((entry) => [entry.term, ...entry.variants].map((f) => ({ folded: foldString(f), entry })))
      .sort((a, b) => b.folded.length - a.folded.length);
  }

  find(text: string, options: GlossaryMatchOptions = {}): GlossaryHit[] {
    const { folded, toOriginal } = fold(text);
    const taken = new Uint8Array(text.length);
    for (const x of options.exclude ?? []) taken.fill(1, Math.max(0, x.start), Math.min(text.length, x.end));
    const replace = options.replace ?? true;
    const includeUnreviewed = options.includeUnreviewed ?? true;
    const hits: GlossaryHit[] = [];
    for (const { folded: needle, entry } of this.#needles) {
      const reviewed = isReviewed(entry);
      if (!reviewed && !includeUnreviewed) continue;
      for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
        const fEnd = at + needle.length;
        if (!atWordBoundaries(folded, at, fEnd)) continue;
        const start = toOriginal[at] as number;
        const end = toOriginal[fEnd] as number;
        if (taken.subarray(start, end).some((x) => x !== 0)) continue;
        taken.fill(1, start, end);
        const written = text.slice(start, end);
        const doReplace = replace && entry.action === 'replace';
        hits.push(
          doReplace
            ? { entry, start, end, text: written, applied: 'replaced', replacement: matchCase(written, entry.neutral), reviewed }
            : { entry, start, end, text: written, applied: 'annotated', reviewed },
        );
      }
    }
    return hits.sort((a, b) => a.start - b.start);
  }

  /** The text with `replace` hits rewritten, and every hit (offsets in the original text). */
  apply(text: string, options: GlossaryMatchOptions = {}): { readonly text: string; readonly hits: GlossaryHit[] } {
    const hits = this.find(text, options);
    let out = '';
    let at = 0;
    for (const h of hits) {
      if (h.replacement === undefined) continue;
      out += text.slice(at, h.start) + h.replacement;
      at = h.end;
    }
    return { text: out + text.slice(at), hits };
  }
}

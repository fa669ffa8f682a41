/**
 * The translation engine contract every backend implements (Apertium,
 * Bergamot), and the vocabulary the rest of the package speaks: directions,
 * per-segment results with the engine's marks, provenance.
 *
 * Invariants of `translate(texts, dir)`: it resolves to exactly one result
 * per input text, in input order (segment i's translation is result i, never
 * a neighbour's); an empty or whitespace-only text comes back unchanged
 * without reaching the engine; a rejected call is a `NarizError`
 * (NARIZ_TRANSLATE) or, when `signal` aborted, the signal's reason.
 */

/** Source and target language, as ISO 639-1 codes. */
export type Direction = 'es-en' | 'en-es';

export const DIRECTIONS: readonly Direction[] = ['es-en', 'en-es'];

export function sourceLanguage(dir: Direction): 'es' | 'en' {
  return dir === 'es-en' ? 'es' : 'en';
}

export function targetLanguage(dir: Direction): 'es' | 'en' {
  return dir === 'es-en' ? 'en' : 'es';
}

/**
 * What an engine flagged in its output. Apertium marks words it could not
 * analyse (`*word`, left untranslated), words its bilingual dictionary lacks
 * (`@word`, transfer) and lemmas it could not inflect (`#word`, generation);
 * these are a signal of jargon, slang or names the engine does not know.
 */
export type MarkKind = 'unknown' | 'transfer' | 'generation';

export interface TranslationMark {
  readonly kind: MarkKind;
  /** UTF-16 offsets of the marked form in the result's clean `text`. */
  readonly start: number;
  readonly end: number;
  /** The marked form, as it appears in `text`. */
  readonly form: string;
}

/** Which engine produced a translation, for provenance (e.g. `apertium`, `apertium 3.8.3; apertium-eng-spa 0.8.1-2`). */
export interface EngineProvenance {
  readonly id: string;
  readonly version: string;
}

export interface TranslationResult {
  /** The translation, without engine marks. */
  readonly text: string;
  /** The engine's marks, in order of `start`, non-overlapping. */
  readonly marks: readonly TranslationMark[];
  readonly engine: EngineProvenance;
}

export interface TranslateOptions {
  readonly signal?: AbortSignal;
}

export interface TranslationEngine {
  /** Stable id: `apertium`, `bergamot`. */
  readonly id: string;
  readonly provenance: EngineProvenance;
  /** The directions this instance can translate now. */
  readonly directions: readonly Direction[];
  /** Why a direction is missing from `directions`, when the engine knows (a model file not found). */
  readonly notAvailable?: Readonly<Partial<Record<Direction, string>>>;
  translate(texts: readonly string[], dir: Direction, opts?: TranslateOptions): Promise<TranslationResult[]>;
  /** Ends the engine's processes or threads; later calls reject. Idempotent. */
  close(): Promise<void>;
}

/** True for a text an engine need not see (empty or whitespace only). */
export function isBlankSegment(text: string): boolean {
  return text.trim() === '';
}

/**
 * GET /api/translation/engines: what can translate on this server and why
 * not — every engine × direction in order of preference with its version
 * or the reason it is unavailable, the engine each direction uses by
 * default, a summary of the slang glossary (its name, how many entries,
 * how many reviewed; the entries are in translation-glossary.ts), the
 * document formats and limits, and the fixed caveat.
 */
import { arrayOf, bool, fields, int, nullable, str, type Reader } from './read.js';
import { readCaveat, readDirection, type BilingualCaveat, type Direction } from './translation.js';

export interface EngineAvailability {
  readonly id: string;
  readonly direction: Direction;
  readonly available: boolean;
  /** Its version when available, else why not. */
  readonly detail: string;
}

export interface GlossarySummary {
  /** Where it lives ("database"), never a path. */
  readonly name: string;
  readonly entries: number;
  readonly reviewed: number;
}

export interface TranslationEngines {
  /** False: translation is off or no engine opened (`reason` says why). */
  readonly enabled: boolean;
  readonly reason: string | null;
  readonly engines: readonly EngineAvailability[];
  /** The engine each direction uses when none is chosen (the first available), or null. */
  readonly defaults: Readonly<Record<Direction, string | null>>;
  readonly glossary: GlossarySummary | null;
  readonly documents: {
    readonly formats: readonly string[];
    readonly maxBytes: number;
    readonly maxCharacters: number;
    readonly pdf: { readonly available: boolean; readonly detail: string };
  };
  readonly caveat: BilingualCaveat;
}

const readAvailability: Reader<EngineAvailability> = (v, path) => {
  const f = fields(v, path);
  return { id: f.str('id'), direction: f.get('direction', readDirection), available: f.bool('available'), detail: f.str('detail') };
};

const readGlossarySummary: Reader<GlossarySummary> = (v, path) => {
  const f = fields(v, path);
  return { name: f.str('name'), entries: f.int('entries'), reviewed: f.int('reviewed') };
};

export function readTranslationEngines(v: unknown): TranslationEngines {
  const f = fields(v, 'engines');
  const d = fields(f.get('default', (x) => x), 'engines.default');
  const docs = fields(f.get('documents', (x) => x), 'engines.documents');
  const pdf = fields(docs.get('pdf', (x) => x), 'engines.documents.pdf');
  return {
    enabled: f.bool('enabled'),
    reason: f.get('reason', nullable(str)),
    engines: f.get('engines', arrayOf(readAvailability)),
    defaults: { 'es-en': d.get('es-en', nullable(str)), 'en-es': d.get('en-es', nullable(str)) },
    glossary: f.get('glossary', nullable(readGlossarySummary)),
    documents: {
      formats: docs.get('formats', arrayOf(str)),
      maxBytes: docs.get('max_bytes', int),
      maxCharacters: docs.get('max_characters', int),
      pdf: { available: pdf.get('available', bool), detail: pdf.str('detail') },
    },
    caveat: f.get('caveat', readCaveat),
  };
}

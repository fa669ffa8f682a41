/**
 * POST /api/leads/:id/translations: the note the server saved on the lead
 * (kind `note`, ref `nariz-translation/1`, its text written by the server
 * with the engine, version, direction, time and analyst) and the
 * translation it made itself for it — the client never sends a
 * translation, so the provenance is the server's.
 */
import { readEvidence, type Evidence } from './lead.js';
import { arrayOf, fields, type Reader } from './read.js';
import { readCaveat, readDirection, readEngineProvenance, type BilingualCaveat, type Direction, type EngineProvenance } from './translation.js';

/** The evidence reference of a translation note (server: translation/translation-note.ts). */
export const TRANSLATION_NOTE_REF = 'nariz-translation/1';

export interface SavedTranslation {
  readonly evidence: Evidence;
  readonly direction: Direction;
  readonly engine: EngineProvenance;
  readonly caveat: BilingualCaveat;
  readonly segments: readonly { readonly source: string; readonly translation: string }[];
}

const readPair: Reader<{ source: string; translation: string }> = (v, path) => {
  const f = fields(v, path);
  return { source: f.str('source'), translation: f.str('translation') };
};

export function readSavedTranslation(v: unknown): SavedTranslation {
  const f = fields(v, 'saved');
  const t = fields(f.get('translation', (x) => x), 'saved.translation');
  return {
    evidence: f.get('evidence', readEvidence),
    direction: t.get('direction', readDirection),
    engine: t.get('engine', readEngineProvenance),
    caveat: t.get('caveat', readCaveat),
    segments: t.get('segments', arrayOf(readPair)),
  };
}

/**
 * Per-species detection over a whole sortie: background, noise and events
 * for every species column (or a chosen subset).
 */
import { NarizError, type Sortie } from '@nariz/core';
import { estimateBackground, type BackgroundOptions } from './background.js';
import { detectEvents, type EventOptions, type PlumeEvent } from './events.js';

export interface SortieDetectionOptions {
  readonly background?: BackgroundOptions;
  readonly events?: EventOptions;
  /** Species keys to process (default all species of the sortie). */
  readonly species?: readonly string[];
}

export interface SpeciesDetection {
  readonly key: string;
  readonly chemical: string;
  /** The sortie's own kg/m^3 column (not a copy). */
  readonly values: Float64Array;
  /** kg/m^3. */
  readonly background: Float64Array;
  /** kg/m^3. */
  readonly noiseSd: number;
  readonly events: PlumeEvent[];
}

export function detectSortie(sortie: Sortie, opts: SortieDetectionOptions = {}): SpeciesDetection[] {
  const wanted = opts.species;
  if (wanted !== undefined) {
    const have = new Set(sortie.species.map((s) => s.key));
    for (const k of wanted) {
      if (!have.has(k)) throw new NarizError('NARIZ_USAGE', `species "${k}" is not in this sortie; it has ${[...have].join(', ') || 'no species'}`);
    }
  }
  const out: SpeciesDetection[] = [];
  for (const s of sortie.species) {
    if (wanted !== undefined && !wanted.includes(s.key)) continue;
    const { background, noiseSd } = estimateBackground(sortie.timeS, s.kgM3, opts.background);
    const events = detectEvents(sortie.timeS, s.kgM3, background, noiseSd, opts.events);
    out.push({ key: s.key, chemical: s.chemical, values: s.kgM3, background, noiseSd, events });
  }
  return out;
}

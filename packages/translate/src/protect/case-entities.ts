/**
 * Names, aliases, places and organisations from the case file, supplied by
 * the caller: each entry's name and variants are found accent- and
 * case-insensitively as whole words ("CULIACAN" finds "Culiacán"; "El
 * Mencho" does not match inside "El Menchón"). Longer names win where two
 * overlap ("Los Mochis" over "Mochis"). An occurrence written entirely in
 * lowercase is not taken for a name that has capitals: many aliases are
 * common words ("el halcón" is a hawk, or slang for a lookout, which the
 * glossary handles; "El Halcón" is the alias).
 */
import { NarizError } from '@nariz/core';
import { atWordBoundaries, fold, foldString } from '../fold.js';
import type { DetectedEntity } from './entity.js';

export type CaseEntityKind = 'person' | 'alias' | 'place' | 'organization' | 'vehicle' | 'other';

export interface CaseEntity {
  /** The canonical name, as the case file writes it. */
  readonly name: string;
  readonly kind: CaseEntityKind;
  /** Other spellings and aliases that refer to the same entity. */
  readonly variants?: readonly string[];
}

interface Needle {
  readonly folded: string;
  readonly entity: CaseEntity;
  /** The name has capital letters, so an all-lowercase occurrence is a common word. */
  readonly capitalised: boolean;
}

/** A matcher built once per case file (folding every name once). */
export class CaseEntityMatcher {
  readonly #needles: Needle[];

  constructor(entities: readonly CaseEntity[]) {
    const needles: Needle[] = [];
    for (const entity of entities) {
      for (const n of [entity.name, ...(entity.variants ?? [])]) {
        const folded = foldString(n.trim());
        if (folded === '') throw new NarizError('NARIZ_USAGE', `case entity "${entity.name}" has an empty name or variant`);
        needles.push({ folded, entity, capitalised: n !== n.toLowerCase() });
      }
    }
    // Longest first, so that the longest name claims a span before its parts.
    needles.sort((a, b) => b.folded.length - a.folded.length);
    this.#needles = needles;
  }

  get size(): number {
    return this.#needles.length;
  }

  detect(text: string): DetectedEntity[] {
    if (this.#needles.length === 0) return [];
    const { folded, toOriginal } = fold(text);
    const taken = new Uint8Array(folded.length);
    const out: DetectedEntity[] = [];
    for (const { folded: needle, entity, capitalised } of this.#needles) {
      for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + 1)) {
        const fEnd = at + needle.length;
        if (!atWordBoundaries(folded, at, fEnd)) continue;
        if (taken.subarray(at, fEnd).some((x) => x !== 0)) continue;
        const start = toOriginal[at] as number;
        const end = toOriginal[fEnd] as number;
        const written = text.slice(start, end);
        if (capitalised && written === written.toLowerCase()) continue;
        taken.fill(1, at, fEnd);
        out.push({ kind: 'case-entity', start, end, text: written, detail: `${entity.kind}: ${entity.name}` });
      }
    }
    return out.sort((a, b) => a.start - b.start);
  }
}

/**
 * What entity protection finds in a text: spans that must reach the reader
 * untranslated (a translation engine renders "Smith" as "Herrero", "El
 * Chapo" as "The Chapo", and may reformat numbers).
 */
export type EntityKind = 'case-entity' | 'curp' | 'rfc' | 'phone' | 'plate' | 'amount' | 'capitalised';

export interface DetectedEntity {
  readonly kind: EntityKind;
  /** UTF-16 offsets in the source text, half-open. */
  readonly start: number;
  readonly end: number;
  /** The source text of the span. */
  readonly text: string;
  /**
   * For `case-entity`, the list entry's canonical name and kind (`person`,
   * `alias`, `place`…); for `curp`/`rfc`, whether the check digit holds;
   * for `phone`, the digits in E.164 when known.
   */
  readonly detail?: string;
}

/** Detector order breaks ties between equally long overlapping spans: earlier wins. */
export const ENTITY_PRIORITY: readonly EntityKind[] = ['case-entity', 'curp', 'rfc', 'phone', 'plate', 'amount', 'capitalised'];

/**
 * Branded identifiers: a `SortieId` cannot be passed where a `SourceId` is
 * expected, although both are strings at run time.
 */
declare const brand: unique symbol;
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type SortieId = Brand<string, 'SortieId'>;
export type SourceId = Brand<string, 'SourceId'>;
export type DetectionId = Brand<string, 'DetectionId'>;
export type SpeciesKey = Brand<string, 'SpeciesKey'>;

/** What an id may be: a letter or digit, then up to 127 of letters, digits and _ . : - */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

export function isValidId(s: string): boolean {
  return ID_PATTERN.test(s);
}

export const sortieId = (s: string): SortieId => s as SortieId;
export const sourceId = (s: string): SourceId => s as SourceId;
export const detectionId = (s: string): DetectionId => s as DetectionId;

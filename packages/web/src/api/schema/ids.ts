/** Branded ids, so a job id is never passed where a sortie id belongs. */
import { SchemaError, type Reader } from './read.js';

declare const sortieBrand: unique symbol;
export type SortieId = string & { readonly [sortieBrand]: true };

/** The server's id rule (core/src/ids.ts): letters, digits, `_ . : -`, up to 128, not starting with a symbol. */
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

export function isSortieId(s: string): s is SortieId {
  return ID_PATTERN.test(s);
}

export const sortieIdReader: Reader<SortieId> = (v, path) => {
  if (typeof v !== 'string' || !isSortieId(v)) throw new SchemaError(path, 'a sortie id', v);
  return v;
};

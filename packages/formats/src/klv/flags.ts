/**
 * Item-level problems are flags, not errors (docs/formats/klv.md#flags):
 * the item is still decoded as well as it can be. A bit mask while
 * decoding; the arrays handed out are shared and frozen, one per mask, so
 * a clean item costs no allocation.
 */

export type KlvFlag =
  /** The value's length is not the one the standard gives; decoded anyway (a scaled integer of another width is scaled to that width). */
  | 'wrong-length'
  /** The value is outside the item's range, or not one of its enumerated values. */
  | 'out-of-range'
  /** A tag the set does not define; the value is kept as bytes. */
  | 'unknown-tag'
  /** A reserved or error-indicator value (the lowest signed integer, "N/A", an IMAPB reserved pattern): the value is null. */
  | 'reserved'
  /** An IMAPB special value (±infinity, NaN, below minimum, above maximum, user defined): the value is ±Infinity or NaN. */
  | 'special'
  /** A tag the standard has deprecated. */
  | 'deprecated'
  /** A pack or nested set whose inside could not be parsed; what parsed is kept, else the bytes. */
  | 'malformed'
  /** The tag appeared earlier in the same set and the standard allows it once. */
  | 'duplicate';

export const F_WRONG_LENGTH = 1;
export const F_OUT_OF_RANGE = 2;
export const F_UNKNOWN_TAG = 4;
export const F_RESERVED = 8;
export const F_SPECIAL = 16;
export const F_DEPRECATED = 32;
export const F_MALFORMED = 64;
export const F_DUPLICATE = 128;

const NAMES: readonly KlvFlag[] = ['wrong-length', 'out-of-range', 'unknown-tag', 'reserved', 'special', 'deprecated', 'malformed', 'duplicate'];
const NO_FLAGS: readonly KlvFlag[] = Object.freeze([]);
const cache: (readonly KlvFlag[] | undefined)[] = [NO_FLAGS];

export function flagList(mask: number): readonly KlvFlag[] {
  let list = cache[mask];
  if (list === undefined) {
    const names: KlvFlag[] = [];
    for (let i = 0; i < NAMES.length; i++) if ((mask & (1 << i)) !== 0) names.push(NAMES[i]!);
    list = Object.freeze(names);
    cache[mask] = list;
  }
  return list;
}

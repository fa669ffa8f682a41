/**
 * The two deliberate failures of the KLV code: input that is not a KLV
 * packet as a whole (NARIZ_KLV, with the byte offset where it went wrong),
 * and an encoder called with values it cannot write (NARIZ_USAGE). Problems
 * inside a well-framed item are flags on the item, never errors.
 */
import { NarizError } from '@nariz/core';

export function klvError(message: string, byteOffset: number): NarizError {
  return new NarizError('NARIZ_KLV', message, { byteOffset });
}

export function klvUsage(message: string): never {
  throw new NarizError('NARIZ_USAGE', message);
}

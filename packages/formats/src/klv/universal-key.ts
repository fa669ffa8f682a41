/**
 * 16-byte SMPTE Universal Labels (SMPTE ST 336, ST 298) that key the
 * packets Nariz reads. Every label starts 06 0E 2B 34. Byte 8 (index 7) is
 * the version of the registry the label was taken from, and labels are
 * compared without it (SMPTE ST 298 §6; MISB ST 0107).
 */
import { hex } from './text.js';

export const UL_LENGTH = 16;
export const UL_PREFIX = Uint8Array.of(0x06, 0x0e, 0x2b, 0x34);
/** Index of the registry version byte, ignored when labels are compared. */
export const UL_VERSION_BYTE = 7;

/** MISB ST 0601 UAS Datalink Local Set. */
export const ST0601_KEY = Uint8Array.of(0x06, 0x0e, 0x2b, 0x34, 0x02, 0x0b, 0x01, 0x01, 0x0e, 0x01, 0x03, 0x01, 0x01, 0x00, 0x00, 0x00);
/** MISB ST 0102 Security Metadata Local Set (standalone; nested in ST 0601 it is Item 48, without a key). */
export const ST0102_KEY = Uint8Array.of(0x06, 0x0e, 0x2b, 0x34, 0x02, 0x03, 0x01, 0x01, 0x0e, 0x01, 0x03, 0x03, 0x02, 0x00, 0x00, 0x00);
/** MISB ST 0903 VMTI Local Set (standalone; nested in ST 0601 it is Item 74). */
export const ST0903_KEY = Uint8Array.of(0x06, 0x0e, 0x2b, 0x34, 0x02, 0x0b, 0x01, 0x01, 0x0e, 0x01, 0x03, 0x03, 0x06, 0x00, 0x00, 0x00);

export type KeyKind = 'st0601' | 'st0102' | 'st0903' | 'other';

const ST0601_HEX = hex(ST0601_KEY);

/** Whether a label starts at `at` (the 4-byte SMPTE prefix; the caller checks there are 16 bytes). */
export function isUlStart(b: Uint8Array, at: number): boolean {
  return b[at] === 0x06 && b[at + 1] === 0x0e && b[at + 2] === 0x2b && b[at + 3] === 0x34;
}

/** Whether the 16 bytes at `at` are `key`, the version byte aside. */
export function matchKey(b: Uint8Array, at: number, key: Uint8Array): boolean {
  for (let i = 0; i < UL_LENGTH; i++) if (i !== UL_VERSION_BYTE && b[at + i] !== key[i]) return false;
  return true;
}

export function keyKind(b: Uint8Array, at: number): KeyKind {
  if (!isUlStart(b, at)) return 'other';
  if (matchKey(b, at, ST0601_KEY)) return 'st0601';
  if (matchKey(b, at, ST0903_KEY)) return 'st0903';
  if (matchKey(b, at, ST0102_KEY)) return 'st0102';
  return 'other';
}

/** The label in hex (upper case, 32 digits); the common ST 0601 label costs no allocation. */
export function keyHex(b: Uint8Array, at: number): string {
  let same = true;
  for (let i = 0; i < UL_LENGTH; i++) if (b[at + i] !== ST0601_KEY[i]) { same = false; break; }
  return same ? ST0601_HEX : hex(b, at, at + UL_LENGTH);
}

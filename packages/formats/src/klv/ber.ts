/**
 * BER as KLV uses it (SMPTE ST 336, MISB ST 0107): lengths in the definite
 * short form (one byte below 0x80) or long form (0x80 | n, then n bytes,
 * big-endian), and BER-OID integers (tags, identifiers): base-128 digits,
 * most significant first, the high bit set on every byte but the last.
 *
 * Readers never allocate: they return the offset after the field, or a
 * negative BER_* code, and put the value in a holder the caller owns.
 */

/** The field runs past the end of the bytes given. */
export const BER_TRUNCATED = -1;
/** 0x80: the indefinite form, which KLV does not allow. */
export const BER_INDEFINITE = -2;
/** More than 8 length bytes, or more than 7 BER-OID bytes, or a value beyond 2^53. */
export const BER_TOO_LONG = -3;

/** BER-OID values are read up to 7 bytes (49 bits): every MISB tag and identifier fits in far fewer. */
export const MAX_OID_BYTES = 7;

export interface BerValue {
  value: number;
}

export function berProblem(code: number): string {
  switch (code) {
    case BER_TRUNCATED: return 'cut off';
    case BER_INDEFINITE: return 'indefinite form (0x80), not allowed in KLV';
    default: return 'longer than a length or tag can be';
  }
}

/** Reads a BER length at `at` (bytes up to `end`, exclusive). */
export function readBerLength(b: Uint8Array, at: number, end: number, out: BerValue): number {
  if (at >= end) return BER_TRUNCATED;
  const first = b[at]!;
  if (first < 0x80) {
    out.value = first;
    return at + 1;
  }
  const n = first & 0x7f;
  if (n === 0) return BER_INDEFINITE;
  if (n > 8) return BER_TOO_LONG;
  if (at + 1 + n > end) return BER_TRUNCATED;
  let v = 0;
  for (let i = 1; i <= n; i++) v = v * 256 + b[at + i]!;
  if (v > Number.MAX_SAFE_INTEGER) return BER_TOO_LONG;
  out.value = v;
  return at + 1 + n;
}

/** Reads a BER-OID integer at `at`. */
export function readBerOid(b: Uint8Array, at: number, end: number, out: BerValue): number {
  let v = 0;
  for (let i = 0; i < MAX_OID_BYTES; i++) {
    if (at + i >= end) return BER_TRUNCATED;
    const x = b[at + i]!;
    v = v * 128 + (x & 0x7f);
    if (x < 0x80) {
      out.value = v;
      return at + i + 1;
    }
  }
  return BER_TOO_LONG;
}

/** Bytes the shortest BER length of `n` takes. */
export function berLengthSize(n: number): number {
  if (n < 0x80) return 1;
  let k = 0;
  for (let v = n; v > 0; v = Math.floor(v / 256)) k++;
  return 1 + k;
}

/** Bytes the BER-OID form of `n` takes. */
export function berOidSize(n: number): number {
  let k = 1;
  for (let v = Math.floor(n / 128); v > 0; v = Math.floor(v / 128)) k++;
  return k;
}

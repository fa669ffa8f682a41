/**
 * Big-endian integers of 1 to 8 bytes as doubles, the way KLV values are
 * written. Exact while the value is below 2^53 (every 8-byte timestamp
 * until the year 2255); beyond that the nearest double.
 */

/** 256^n for n = 0..8 (a table: Math.pow is not free in a hot loop). */
export const POW256: readonly number[] = Array.from({ length: 9 }, (_, n) => 2 ** (8 * n));

export function readUint(b: Uint8Array, at: number, n: number): number {
  let v = 0;
  for (let i = 0; i < n; i++) v = v * 256 + b[at + i]!;
  return v;
}

/** Two's complement. */
export function readInt(b: Uint8Array, at: number, n: number): number {
  const u = readUint(b, at, n);
  return b[at]! >= 0x80 ? u - POW256[n]! : u;
}

/** The smallest number of bytes (at least 1) that holds `v` unsigned. */
export function uintSize(v: number): number {
  let k = 1;
  for (let x = Math.floor(v / 256); x > 0; x = Math.floor(x / 256)) k++;
  return k;
}

/** The smallest number of bytes (at least 1) that holds `v` in two's complement. */
export function intSize(v: number): number {
  for (let k = 1; k < 8; k++) {
    const half = 2 ** (8 * k - 1);
    if (v >= -half && v < half) return k;
  }
  return 8;
}

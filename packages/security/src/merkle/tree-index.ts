/**
 * Index arithmetic for tree sizes and leaf indices. Sizes are JS numbers,
 * exact up to 2^53, and the proof algorithms' bit shifts are done with
 * division so that they stay exact above 2^32, where `>>` would wrap.
 */
import { NarizError, type ErrorCode } from '@nariz/core';

export function isOdd(x: number): boolean {
  return x % 2 === 1;
}

export function half(x: number): number {
  return Math.floor(x / 2);
}

export function isPowerOfTwo(n: number): boolean {
  if (n < 1) return false;
  while (n % 2 === 0) n /= 2;
  return n === 1;
}

/** The largest power of two strictly below n, for n ≥ 2: where MTH splits a tree of n leaves (RFC 9162 §2.1.1). */
export function splitPoint(n: number): number {
  if (n <= 0x1_0000_0000) return 2 ** (31 - Math.clz32(n - 1));
  let k = 0x1_0000_0000;
  while (k * 2 < n) k *= 2;
  return k;
}

/** The largest power of two dividing x (x ≥ 1). */
export function lowestSetBit(x: number): number {
  let k = 1;
  while (x % (k * 2) === 0) k *= 2;
  return k;
}

/**
 * Whether [start, end) is a subtree in the sense of Merkle Tree Certificates
 * (draft-ietf-plants-merkle-tree-certs, §4.1): start ≤ end and no ragged left
 * edge, i.e. start = 0 or end - start ≤ the largest power of two dividing start.
 * Every range the MTH recursion visits is such a subtree.
 */
export function isValidSubtree(start: number, end: number): boolean {
  if (!isTreeIndex(start) || !isTreeIndex(end) || start > end) return false;
  return start === 0 || end - start <= lowestSetBit(start);
}

export function isTreeIndex(x: number): boolean {
  return Number.isSafeInteger(x) && x >= 0;
}

/** Throws `code` unless x is an integer in [0, 2^53). */
export function requireTreeIndex(code: ErrorCode, what: string, x: number): void {
  if (!isTreeIndex(x)) throw new NarizError(code, `${what} ${String(x)} is not an integer in [0, 2^53)`);
}

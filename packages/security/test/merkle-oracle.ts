/**
 * Brute-force Merkle trees straight from the recursive definitions of
 * RFC 9162 §2.1 (MTH, PATH, PROOF/SUBPROOF) and the MTC draft's
 * SUBTREE_PROOF, on arrays of leaf hashes with slices, hashing with
 * node:crypto directly: the oracle the incremental MerkleLog is checked
 * against. Also the RFC 6962 test leaves the shared vectors are built from.
 */
import { createHash } from 'node:crypto';

/** The shared vectors, by path from the repository root (the test runner's working directory). */
export const MERKLE_TESTDATA = '../shared/data/merkle/testdata';

export function sha256(...parts: Uint8Array[]): Uint8Array {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return new Uint8Array(h.digest());
}

export const oracleLeaf = (entry: Uint8Array): Uint8Array => sha256(Uint8Array.of(0), entry);
const node = (l: Uint8Array, r: Uint8Array): Uint8Array => sha256(Uint8Array.of(1), l, r);

function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export function mth(d: readonly Uint8Array[]): Uint8Array {
  if (d.length === 0) return sha256();
  if (d.length === 1) return d[0]!;
  const k = split(d.length);
  return node(mth(d.slice(0, k)), mth(d.slice(k)));
}

export function path(m: number, d: readonly Uint8Array[]): Uint8Array[] {
  if (d.length <= 1) return [];
  const k = split(d.length);
  return m < k ? [...path(m, d.slice(0, k)), mth(d.slice(k))] : [...path(m - k, d.slice(k)), mth(d.slice(0, k))];
}

function subproof(m: number, d: readonly Uint8Array[], b: boolean): Uint8Array[] {
  if (m === d.length) return b ? [] : [mth(d)];
  const k = split(d.length);
  return m <= k ? [...subproof(m, d.slice(0, k), b), mth(d.slice(k))] : [...subproof(m - k, d.slice(k), false), mth(d.slice(0, k))];
}

/** RFC 9162 §2.1.4.1 PROOF(m, D[n]) for 0 < m < n. */
export function consistency(m: number, d: readonly Uint8Array[]): Uint8Array[] {
  return subproof(m, d, true);
}

/** MTC draft §4.4.1 SUBTREE_PROOF(start, end, D[n]) for a valid non-empty subtree. */
export function subtreeProof(start: number, end: number, d: readonly Uint8Array[], known = true): Uint8Array[] {
  const n = d.length;
  if (start === 0 && end === n) return known ? [] : [mth(d)];
  const k = split(n);
  if (end <= k) return [...subtreeProof(start, end, d.slice(0, k), known), mth(d.slice(k))];
  if (start >= k) return [...subtreeProof(start - k, end - k, d.slice(k), known), mth(d.slice(0, k))];
  return [...subtreeProof(0, end - k, d.slice(k), false), mth(d.slice(0, k))];
}

/** The leaves of the RFC 6962 reference tests (certificate-transparency), from which the shared vectors' roots come. */
export const RFC6962_LEAVES: readonly Uint8Array[] = [
  '', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f',
].map((hex) => new Uint8Array(Buffer.from(hex, 'hex')));

/**
 * Inclusion proof verification: RFC 9162 §2.1.3.2, and its re-rooting to a
 * subtree from Merkle Tree Certificates (draft-ietf-plants-merkle-tree-certs
 * §4.3.2). Every failure is a NarizError NARIZ_MERKLE_PROOF saying which
 * step failed.
 */
import { NarizError } from '@nariz/core';
import { HASH_BYTES, hashesEqual, nodeHash } from './hash.js';
import { half, isOdd, isValidSubtree, requireTreeIndex } from './tree-index.js';

function fail(message: string): NarizError {
  return new NarizError('NARIZ_MERKLE_PROOF', message);
}

/** The number of hashes an inclusion proof for leafIndex < treeSize holds: the iterations of step 4 until sn reaches 0. */
export function inclusionProofLength(leafIndex: number, treeSize: number): number {
  let fn = leafIndex;
  let sn = treeSize - 1;
  let length = 0;
  while (sn !== 0) {
    if (!isOdd(fn) && fn === sn) {
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    }
    fn = half(fn);
    sn = half(sn);
    length++;
  }
  return length;
}

export function requireProofHash(p: Uint8Array, i: number): void {
  if (p.length !== HASH_BYTES) throw fail(`proof[${i}] has ${p.length} bytes, not ${HASH_BYTES}`);
}

/**
 * The root an inclusion proof leads to (RFC 9162 §2.1.3.2 steps 1-5 without
 * the final comparison). Throws when the indices or the proof's length are
 * impossible.
 */
export function rootFromInclusionProof(leafIndex: number, treeSize: number, leaf: Uint8Array, proof: readonly Uint8Array[]): Uint8Array {
  requireTreeIndex('NARIZ_MERKLE_PROOF', 'leaf index', leafIndex);
  requireTreeIndex('NARIZ_MERKLE_PROOF', 'tree size', treeSize);
  if (leafIndex >= treeSize) throw fail(`leaf index ${leafIndex} is not below the tree size ${treeSize}`);
  if (leaf.length !== HASH_BYTES) throw fail(`the leaf hash has ${leaf.length} bytes, not ${HASH_BYTES}`);
  const needed = inclusionProofLength(leafIndex, treeSize);
  if (proof.length !== needed) {
    throw fail(`the proof holds ${proof.length} hashes; leaf ${leafIndex} of a tree of ${treeSize} needs ${needed}`);
  }
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r = leaf;
  for (let i = 0; i < proof.length; i++) {
    const p = proof[i]!;
    requireProofHash(p, i);
    if (isOdd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return r;
}

/** RFC 9162 §2.1.3.2: that `leaf` (a leaf hash) is at leafIndex in the tree of treeSize leaves whose root is `root`. */
export function verifyInclusion(leafIndex: number, treeSize: number, leaf: Uint8Array, proof: readonly Uint8Array[], root: Uint8Array): void {
  const computed = rootFromInclusionProof(leafIndex, treeSize, leaf, proof);
  if (!hashesEqual(computed, root)) {
    throw fail(`the inclusion proof for leaf ${leafIndex} leads to a root different from the one given for tree size ${treeSize}`);
  }
}

/**
 * A subtree inclusion proof (MTC draft §4.3): that `leaf` is at `index` of the
 * subtree [start, end) whose hash is `subtreeHash`. The proof is the RFC 9162
 * inclusion proof of leaf index - start in the tree of the subtree's leaves.
 */
export function verifySubtreeInclusion(
  index: number, start: number, end: number, leaf: Uint8Array, proof: readonly Uint8Array[], subtreeHash: Uint8Array,
): void {
  requireTreeIndex('NARIZ_MERKLE_PROOF', 'index', index);
  requireTreeIndex('NARIZ_MERKLE_PROOF', 'subtree start', start);
  requireTreeIndex('NARIZ_MERKLE_PROOF', 'subtree end', end);
  if (!isValidSubtree(start, end)) throw fail(`[${start}, ${end}) is not a subtree (start > end, or a ragged left edge)`);
  if (index < start || index >= end) throw fail(`index ${index} is outside the subtree [${start}, ${end})`);
  const computed = rootFromInclusionProof(index - start, end - start, leaf, proof);
  if (!hashesEqual(computed, subtreeHash)) throw fail(`the inclusion proof for leaf ${index} leads to a hash different from the subtree [${start}, ${end})'s`);
}

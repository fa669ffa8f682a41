/**
 * Consistency proof verification: RFC 9162 §2.1.4.2 (an old tree is a prefix
 * of a new one) and its generalisation to subtrees from Merkle Tree
 * Certificates (draft-ietf-plants-merkle-tree-certs §4.4.3: a subtree hash
 * is consistent with a tree's root). Failures are NARIZ_MERKLE_PROOF.
 *
 * Edge cases, as the transparency-dev test vectors fix them:
 * - equal sizes: the proof must be empty and the roots equal; a tree of size
 *   0 must moreover have the empty-tree root;
 * - size1 = 0 < size2: rejected. RFC 9162 defines proofs for 0 < m < n only,
 *   and "consistent with the empty tree" proves nothing;
 * - an empty subtree [s, s) is consistent with any tree when its hash is the
 *   empty-tree root and the proof is empty.
 */
import { NarizError } from '@nariz/core';
import { EMPTY_ROOT, hashesEqual, nodeHash } from './hash.js';
import { half, isOdd, isPowerOfTwo, isValidSubtree, requireTreeIndex } from './tree-index.js';
import { requireProofHash } from './verify-inclusion.js';

function fail(message: string): NarizError {
  return new NarizError('NARIZ_MERKLE_PROOF', message);
}

/** RFC 9162 §2.1.4.2: that the tree of size1 leaves with root1 is a prefix of the tree of size2 leaves with root2. */
export function verifyConsistency(size1: number, size2: number, proof: readonly Uint8Array[], root1: Uint8Array, root2: Uint8Array): void {
  requireTreeIndex('NARIZ_MERKLE_PROOF', 'size1', size1);
  requireTreeIndex('NARIZ_MERKLE_PROOF', 'size2', size2);
  if (size1 > size2) throw fail(`size1 ${size1} is larger than size2 ${size2}`);
  if (size1 === size2) {
    if (proof.length !== 0) throw fail(`the sizes are equal (${size1}) but the proof holds ${proof.length} hashes`);
    if (!hashesEqual(root1, root2)) throw fail(`the sizes are equal (${size1}) but the roots differ`);
    if (size1 === 0 && !hashesEqual(root1, EMPTY_ROOT)) throw fail('the root of a tree of size 0 is not SHA-256("")');
    return;
  }
  if (size1 === 0) throw fail('a consistency proof from the empty tree proves nothing (RFC 9162 defines proofs for 0 < size1 < size2)');
  // Step 1.
  if (proof.length === 0) throw fail(`the proof from size ${size1} to ${size2} is empty`);
  proof.forEach(requireProofHash);
  // Step 2: a power-of-two old tree is a node of the new one; its root is not sent.
  const path = isPowerOfTwo(size1) ? [root1, ...proof] : proof;
  // Steps 3-4.
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (isOdd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  // Step 5.
  let fr = path[0]!;
  let sr = path[0]!;
  // Step 6.
  for (let i = 1; i < path.length; i++) {
    const c = path[i]!;
    if (sn === 0) throw fail(`the proof from size ${size1} to ${size2} holds more hashes than it needs (${proof.length})`);
    if (isOdd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!isOdd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  // Step 7.
  if (sn !== 0) throw fail(`the proof from size ${size1} to ${size2} holds fewer hashes than it needs (${proof.length})`);
  if (!hashesEqual(fr, root1)) throw fail(`the proof does not lead to the root given for size ${size1}`);
  if (!hashesEqual(sr, root2)) throw fail(`the proof does not lead to the root given for size ${size2}`);
}

/**
 * MTC draft §4.4.3: that `subtreeHash` is the hash of the subtree [start, end)
 * of the tree of `size` leaves whose root is `root`. With start = 0 this is a
 * consistency proof from size `end` (the same hashes RFC 9162 sends).
 */
export function verifySubtreeConsistency(
  start: number, end: number, size: number, proof: readonly Uint8Array[], subtreeHash: Uint8Array, root: Uint8Array,
): void {
  requireTreeIndex('NARIZ_MERKLE_PROOF', 'subtree start', start);
  requireTreeIndex('NARIZ_MERKLE_PROOF', 'subtree end', end);
  requireTreeIndex('NARIZ_MERKLE_PROOF', 'tree size', size);
  if (!isValidSubtree(start, end)) throw fail(`[${start}, ${end}) is not a subtree (start > end, or a ragged left edge)`);
  if (end > size) throw fail(`the subtree [${start}, ${end}) ends beyond the tree size ${size}`);
  if (start === end) {
    if (proof.length !== 0) throw fail(`the subtree [${start}, ${end}) is empty but the proof holds ${proof.length} hashes`);
    if (!hashesEqual(subtreeHash, EMPTY_ROOT)) throw fail('the hash of an empty subtree is not SHA-256("")');
    return;
  }
  proof.forEach(requireProofHash);
  // fn, sn, tn: paths to the subtree's first and last leaves and to the tree's last leaf.
  let fn = start;
  let sn = end - 1;
  let tn = size - 1;
  const shift = (): void => {
    fn = half(fn);
    sn = half(sn);
    tn = half(tn);
  };
  // Steps 3-4: skip the levels where the subtree's right edge is already a node of the tree.
  if (sn === tn) {
    while (fn !== sn) shift();
  } else {
    while (fn !== sn && isOdd(sn)) shift();
  }
  // Steps 5-6: fr, sr (the subtree hash and the root being rebuilt).
  let next = 0;
  let fr: Uint8Array;
  if (fn === sn) {
    fr = subtreeHash;
  } else {
    if (proof.length === 0) throw fail(`the proof for subtree [${start}, ${end}) of size ${size} is empty`);
    fr = proof[next++]!;
  }
  let sr = fr;
  // Step 7.
  for (; next < proof.length; next++) {
    const p = proof[next]!;
    if (tn === 0) throw fail(`the proof for subtree [${start}, ${end}) of size ${size} holds more hashes than it needs (${proof.length})`);
    if (isOdd(sn) || sn === tn) {
      if (fn < sn) fr = nodeHash(p, fr);
      sr = nodeHash(p, sr);
      while (!isOdd(sn)) shift();
    } else {
      sr = nodeHash(sr, p);
    }
    shift();
  }
  // Step 8.
  if (tn !== 0) throw fail(`the proof for subtree [${start}, ${end}) of size ${size} holds fewer hashes than it needs (${proof.length})`);
  if (!hashesEqual(fr, subtreeHash)) throw fail(`the proof does not lead to the hash given for subtree [${start}, ${end})`);
  if (!hashesEqual(sr, root)) throw fail(`the proof does not lead to the root given for size ${size}`);
}

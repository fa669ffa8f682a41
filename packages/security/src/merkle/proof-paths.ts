/**
 * Proof generation from the recursive definitions, over any source of
 * subtree hashes: RFC 9162 §2.1.3.1 PATH (inclusion) and the MTC draft's
 * SUBTREE_PROOF (§4.4.1), which for [0, m) is RFC 9162 §2.1.4.1's PROOF(m).
 * The recursion is unrolled into a descent from the root that collects
 * siblings; the proof lists them leaf-first, so the list is reversed.
 */
import { splitPoint } from './tree-index.js';

/** MTH of the leaves [start, end), which must be a subtree of the tree. */
export type SubtreeHasher = (start: number, end: number) => Uint8Array;

/** PATH(index - lo, D[lo:hi]): the inclusion proof of a leaf within the subtree [lo, hi). */
export function inclusionPath(hash: SubtreeHasher, index: number, lo: number, hi: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  while (hi - lo > 1) {
    const mid = lo + splitPoint(hi - lo);
    if (index < mid) {
      out.push(hash(mid, hi));
      hi = mid;
    } else {
      out.push(hash(lo, mid));
      lo = mid;
    }
  }
  return out.reverse();
}

/**
 * SUBTREE_PROOF(start, end, D[lo:hi]) for a non-empty subtree [start, end)
 * of [lo, hi). Where the subtree straddles a split it must start at lo (a
 * subtree has no ragged left edge), and its hash is no longer a node: the
 * verifier rebuilds it, so the right part's hash is sent ("known" is false).
 */
export function subtreeConsistencyPath(hash: SubtreeHasher, start: number, end: number, lo: number, hi: number): Uint8Array[] {
  const out: Uint8Array[] = [];
  let known = true;
  while (start !== lo || end !== hi) {
    const mid = lo + splitPoint(hi - lo);
    if (end <= mid) {
      out.push(hash(mid, hi));
      hi = mid;
    } else if (start >= mid) {
      out.push(hash(lo, mid));
      lo = mid;
    } else {
      out.push(hash(lo, mid));
      lo = mid;
      start = mid;
      known = false;
    }
  }
  if (!known) out.push(hash(lo, hi));
  return out.reverse();
}

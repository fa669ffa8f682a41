/**
 * An append-only RFC 9162 Merkle tree over leaf hashes that answers roots,
 * subtree hashes and proofs for any earlier size.
 *
 * Storage: every complete (perfect, aligned) node is kept, level by level,
 * each level one growable byte buffer of 32-byte hashes: level k holds
 * floor(n / 2^k) nodes, so n leaves take < 2n hashes (64 MB at 1M leaves).
 * An append hashes the leaf into level 0 and then, while the level's count
 * is even, the last two nodes into the level above: one node hash amortised.
 * The hash of any subtree [s, e) is the fold from the right of at most
 * log2(e - s) stored nodes (its binary decomposition), so a root at any
 * size costs O(log n) hashes and a proof O(log² n) at worst.
 */
import { NarizError } from '@nariz/core';
import { EMPTY_ROOT, HASH_BYTES, leafHash, nodeHash } from './hash.js';
import { inclusionPath, subtreeConsistencyPath } from './proof-paths.js';
import { isPowerOfTwo, isValidSubtree, isTreeIndex } from './tree-index.js';

const INITIAL_NODES = 1024;

function usage(message: string): NarizError {
  return new NarizError('NARIZ_USAGE', message);
}

export class MerkleLog {
  /** levels[k]: the complete nodes of height k, HASH_BYTES each; counts[k] of them are filled. */
  private readonly levels: Uint8Array[] = [new Uint8Array(INITIAL_NODES * HASH_BYTES)];
  private readonly counts: number[] = [0];

  static fromEntries(entries: Iterable<Uint8Array>): MerkleLog {
    const log = new MerkleLog();
    for (const e of entries) log.appendEntry(e);
    return log;
  }

  static fromLeafHashes(hashes: Iterable<Uint8Array>): MerkleLog {
    const log = new MerkleLog();
    for (const h of hashes) log.appendLeafHash(h);
    return log;
  }

  /** The number of leaves. */
  get size(): number {
    return this.counts[0]!;
  }

  /** Appends SHA-256(0x00 || entry); returns its index. */
  appendEntry(entry: Uint8Array): number {
    return this.appendLeafHash(leafHash(entry));
  }

  /** Appends a leaf hash computed elsewhere; returns its index. */
  appendLeafHash(hash: Uint8Array): number {
    if (hash.length !== HASH_BYTES) throw usage(`a leaf hash has ${HASH_BYTES} bytes, not ${hash.length}`);
    const index = this.size;
    this.push(0, hash);
    for (let k = 0; this.counts[k]! % 2 === 0; k++) {
      const n = this.counts[k]!;
      const level = this.levels[k]!;
      const left = level.subarray((n - 2) * HASH_BYTES, (n - 1) * HASH_BYTES);
      const right = level.subarray((n - 1) * HASH_BYTES, n * HASH_BYTES);
      this.push(k + 1, nodeHash(left, right));
    }
    return index;
  }

  /** A copy of the leaf hash at index. */
  leafHash(index: number): Uint8Array {
    this.requireIndex('leaf index', index, this.size - 1);
    return this.node(0, index).slice();
  }

  /** MTH of the first `size` leaves (default all). */
  root(size: number = this.size): Uint8Array {
    this.requireIndex('tree size', size, this.size);
    return this.subtreeHash(0, size);
  }

  /** MTH of the leaves [start, end), which must be a subtree (MTC draft §4.1) within the log. */
  subtreeHash(start: number, end: number): Uint8Array {
    this.requireSubtree(start, end);
    return this.hashOf(start, end).slice();
  }

  /** RFC 9162 §2.1.3.1: the inclusion proof of leaf `index` in the tree of the first `size` leaves. */
  inclusionProof(index: number, size: number = this.size): Uint8Array[] {
    this.requireIndex('tree size', size, this.size);
    this.requireIndex('leaf index', index, size - 1);
    return inclusionPath(this.hasher, index, 0, size);
  }

  /** RFC 9162 §2.1.4.1: the consistency proof from size1 to size2 (0 < size1 ≤ size2 ≤ this.size). */
  consistencyProof(size1: number, size2: number = this.size): Uint8Array[] {
    this.requireIndex('size2', size2, this.size);
    this.requireIndex('size1', size1, size2);
    if (size1 === 0) throw usage('there is no consistency proof from the empty tree (RFC 9162 §2.1.4)');
    return size1 === size2 ? [] : subtreeConsistencyPath(this.hasher, 0, size1, 0, size2);
  }

  /** MTC draft §4.3.1: the inclusion proof of leaf `index` in the subtree [start, end). */
  subtreeInclusionProof(index: number, start: number, end: number): Uint8Array[] {
    this.requireSubtree(start, end);
    if (!(isTreeIndex(index) && index >= start && index < end)) throw usage(`index ${index} is outside the subtree [${start}, ${end})`);
    return inclusionPath(this.hasher, index, start, end);
  }

  /** MTC draft §4.4.1: the proof that the subtree [start, end) is part of the tree of the first `size` leaves. */
  subtreeConsistencyProof(start: number, end: number, size: number = this.size): Uint8Array[] {
    this.requireSubtree(start, end);
    this.requireIndex('tree size', size, this.size);
    if (end > size) throw usage(`the subtree [${start}, ${end}) ends beyond the tree size ${size}`);
    return start === end ? [] : subtreeConsistencyPath(this.hasher, start, end, 0, size);
  }

  private readonly hasher = (start: number, end: number): Uint8Array => this.hashOf(start, end).slice();

  /**
   * MTH([start, end)) of a valid subtree: its greedy binary decomposition
   * [start, start + 2^a), [.., + 2^b), … (a > b > …) consists of aligned
   * complete nodes because start is a multiple of 2^a; MTH folds them from
   * the right, since each split point is the largest power of two below the
   * remaining size. May return a view into the level buffers.
   */
  private hashOf(start: number, end: number): Uint8Array {
    const n = end - start;
    if (n === 0) return EMPTY_ROOT;
    if (isPowerOfTwo(n)) return this.node(Math.log2(n), start / n);
    const parts: Uint8Array[] = [];
    let at = start;
    let rest = n;
    while (rest > 0) {
      let k = 1;
      while (k * 2 <= rest) k *= 2;
      parts.push(this.node(Math.log2(k), at / k));
      at += k;
      rest -= k;
    }
    let h = parts[parts.length - 1]!;
    for (let i = parts.length - 2; i >= 0; i--) h = nodeHash(parts[i]!, h);
    return h;
  }

  private node(level: number, index: number): Uint8Array {
    const off = index * HASH_BYTES;
    return this.levels[level]!.subarray(off, off + HASH_BYTES);
  }

  private push(level: number, hash: Uint8Array): void {
    if (level === this.levels.length) {
      this.levels.push(new Uint8Array(INITIAL_NODES * HASH_BYTES));
      this.counts.push(0);
    }
    let buf = this.levels[level]!;
    const n = this.counts[level]!;
    if ((n + 1) * HASH_BYTES > buf.length) {
      const grown = new Uint8Array(buf.length * 2);
      grown.set(buf);
      this.levels[level] = buf = grown;
    }
    buf.set(hash, n * HASH_BYTES);
    this.counts[level] = n + 1;
  }

  private requireIndex(what: string, x: number, max: number): void {
    if (!isTreeIndex(x) || x > max) throw usage(`${what} ${String(x)} is not an integer in [0, ${max}]`);
  }

  private requireSubtree(start: number, end: number): void {
    if (!isValidSubtree(start, end)) throw usage(`[${String(start)}, ${String(end)}) is not a subtree (start > end, or a ragged left edge)`);
    if (end > this.size) throw usage(`the subtree [${start}, ${end}) ends beyond the log's ${this.size} leaves`);
  }
}

/**
 * The two hashes of an RFC 9162 Merkle tree (§2.1.1), with SHA-256 and the
 * domain separation that keeps a leaf from being passed off as a node:
 *
 *   leaf hash = SHA-256(0x00 || entry)
 *   node hash = SHA-256(0x01 || left || right)
 *   MTH({})   = SHA-256("")
 */
import { createHash } from 'node:crypto';

export const HASH_BYTES = 32;

/** MTH of the empty tree: SHA-256 of the empty string. Shared: read it, never write to it. */
export const EMPTY_ROOT: Uint8Array = Uint8Array.from(createHash('sha256').digest());

const LEAF_PREFIX = Uint8Array.of(0x00);
/** One scratch block for node hashes: 0x01 || left || right, hashed in one update. */
const nodeBlock = new Uint8Array(1 + 2 * HASH_BYTES);
nodeBlock[0] = 0x01;

/** A plain Uint8Array view of a digest (a Buffer would not deep-equal one in tests or callers). */
function bytes(digest: Buffer): Uint8Array {
  return new Uint8Array(digest.buffer, digest.byteOffset, digest.byteLength);
}

export function leafHash(entry: Uint8Array): Uint8Array {
  return bytes(createHash('sha256').update(LEAF_PREFIX).update(entry).digest());
}

/** Both inputs must be 32-byte hashes (callers check proof elements first). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  nodeBlock.set(left, 1);
  nodeBlock.set(right, 1 + HASH_BYTES);
  return bytes(createHash('sha256').update(nodeBlock).digest());
}

/** Byte equality (hashes are public, so no constant-time comparison is needed). */
export function hashesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

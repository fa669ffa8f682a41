/**
 * Checking an audit log against signed checkpoints: the partner's saved
 * checkpoints are the trust anchor (a log can be rewritten and re-signed by
 * whoever holds the key, but not so as to match a checkpoint already handed
 * over). Each failure is an AuditMismatchError naming the check that failed
 * and, where the checkpoints allow, the range of entries that differ.
 *
 * Checks, in order:
 *   origin       every checkpoint is for the same log;
 *   order        the later checkpoint is not older than a saved one;
 *   size         the log holds at least the entries a checkpoint commits to;
 *   root         the MTH of the log's first treeSize entries is the checkpoint's root;
 *   consistency  the saved checkpoint is a prefix of the later one (RFC 9162
 *                consistency proof); failing while both match their own logs
 *                means two signed, incompatible histories: a fork.
 */
import { NarizError } from '@nariz/core';
import { hashesEqual } from '../merkle/hash.js';
import { MerkleLog } from '../merkle/merkle-log.js';
import { verifyConsistency } from '../merkle/verify-consistency.js';
import { verifyInclusion } from '../merkle/verify-inclusion.js';
import { leafHash } from '../merkle/hash.js';
import type { VerifiedCheckpoint } from './checkpoint.js';

export type LogCheck = 'origin' | 'order' | 'size' | 'root' | 'consistency';

export class AuditMismatchError extends NarizError {
  readonly check: LogCheck;
  /** The message without the check and range, for re-wording. */
  readonly detail: string;
  /** The differing entries lie in [from, to) (when known; to - from = 1 pins one entry). */
  readonly from: number | undefined;
  readonly to: number | undefined;

  constructor(check: LogCheck, message: string, range?: { from: number; to: number }) {
    const where = range === undefined ? '' : range.to - range.from === 1 ? ` (entry ${range.from})` : ` (entries ${range.from} to ${range.to - 1})`;
    const exact = range !== undefined && range.to - range.from === 1;
    super('NARIZ_AUDIT_MISMATCH', `${check} check failed: ${message}${where}`, exact ? { path: `entries[${range.from}]` } : undefined);
    this.check = check;
    this.detail = message;
    this.from = range?.from;
    this.to = range?.to;
  }
}

/** A log as the verifier gets it: the entries, their leaf hashes, or a tree already built. */
export type AuditLogInput = MerkleLog | { readonly entries: readonly Uint8Array[] } | { readonly leafHashes: readonly Uint8Array[] };

export function toMerkleLog(log: AuditLogInput): MerkleLog {
  if (log instanceof MerkleLog) return log;
  return 'entries' in log ? MerkleLog.fromEntries(log.entries) : MerkleLog.fromLeafHashes(log.leafHashes);
}

export interface LogVerification {
  readonly treeSize: number;
  readonly rootHash: Uint8Array;
  /** How many checkpoints (saved and later) the log matched. */
  readonly checkpointsMatched: number;
}

type Status = 'ok' | 'size' | 'root';

function status(tree: MerkleLog, cp: VerifiedCheckpoint): Status {
  if (cp.treeSize > tree.size) return 'size';
  return hashesEqual(tree.root(cp.treeSize), cp.rootHash) ? 'ok' : 'root';
}

function mismatch(s: Exclude<Status, 'ok'>, tree: MerkleLog, cp: VerifiedCheckpoint, from: number): AuditMismatchError {
  return s === 'size'
    ? new AuditMismatchError('size', `the log holds ${tree.size} entries but the checkpoint at size ${cp.treeSize} commits to more: entries were dropped`, { from, to: cp.treeSize })
    : new AuditMismatchError('root', `the first ${cp.treeSize} entries do not hash to the checkpoint's root: an entry was edited, dropped, inserted or reordered`, { from, to: cp.treeSize });
}

/**
 * That the log is the one the saved checkpoint(s) signed, and that the
 * later checkpoint (if any) extends them. With several saved checkpoints the
 * difference is narrowed to between the last one that matches and the first
 * that does not.
 */
export function verifyLog(log: AuditLogInput, saved: VerifiedCheckpoint | readonly VerifiedCheckpoint[], later?: VerifiedCheckpoint): LogVerification {
  const tree = toMerkleLog(log);
  const anchors = (Array.isArray(saved) ? [...(saved as readonly VerifiedCheckpoint[])] : [saved as VerifiedCheckpoint]).sort((a, b) => a.treeSize - b.treeSize);
  if (anchors.length === 0) throw new NarizError('NARIZ_USAGE', 'verifyLog needs at least one saved checkpoint');
  const origin = anchors[0]!.origin;
  for (const cp of [...anchors, ...(later === undefined ? [] : [later])]) {
    if (cp.origin !== origin) throw new AuditMismatchError('origin', `checkpoints for "${origin}" and "${cp.origin}" are of different logs`);
  }
  const newest = anchors[anchors.length - 1]!;
  if (later !== undefined && later.treeSize < newest.treeSize) {
    throw new AuditMismatchError('order', `the later checkpoint (size ${later.treeSize}) is older than a saved one (size ${newest.treeSize})`);
  }
  let good = 0;
  for (const cp of anchors) {
    const s = status(tree, cp);
    if (s === 'ok') {
      good = cp.treeSize;
      continue;
    }
    if (later !== undefined && status(tree, later) === 'ok') {
      throw new AuditMismatchError(
        'consistency',
        `the saved checkpoint at size ${cp.treeSize} and the checkpoint at size ${later.treeSize} are both signed but not consistent: the log forked or was rewritten`,
        { from: good, to: cp.treeSize },
      );
    }
    throw mismatch(s, tree, cp, good);
  }
  if (later !== undefined) {
    const s = status(tree, later);
    if (s !== 'ok') throw mismatch(s, tree, later, good);
    // What a partner holding only the two checkpoints would check.
    if (newest.treeSize > 0) verifyCheckpointConsistency(newest, later, tree.consistencyProof(newest.treeSize, later.treeSize));
  }
  const top = later ?? newest;
  return { treeSize: top.treeSize, rootHash: tree.root(top.treeSize), checkpointsMatched: anchors.length + (later === undefined ? 0 : 1) };
}

/** RFC 9162 consistency between two checkpoints of one log, given the proof. */
export function verifyCheckpointConsistency(older: VerifiedCheckpoint, newer: VerifiedCheckpoint, proof: readonly Uint8Array[]): void {
  if (older.origin !== newer.origin) throw new AuditMismatchError('origin', `checkpoints for "${older.origin}" and "${newer.origin}" are of different logs`);
  if (older.treeSize > newer.treeSize) throw new AuditMismatchError('order', `the older checkpoint (size ${older.treeSize}) is larger than the newer (size ${newer.treeSize})`);
  try {
    verifyConsistency(older.treeSize, newer.treeSize, proof, older.rootHash, newer.rootHash);
  } catch (e) {
    if (!(e instanceof NarizError)) throw e;
    throw new AuditMismatchError('consistency', `checkpoint at size ${older.treeSize} is not a prefix of the one at size ${newer.treeSize}: ${e.message}`);
  }
}

/** That `entry` is entry `index` of the log the checkpoint signed (RFC 9162 inclusion proof). NARIZ_MERKLE_PROOF otherwise. */
export function verifyEntryInclusion(entry: Uint8Array, index: number, checkpoint: VerifiedCheckpoint, proof: readonly Uint8Array[]): void {
  verifyInclusion(index, checkpoint.treeSize, leafHash(entry), proof, checkpoint.rootHash);
}

/** The first index where two lists of leaf hashes differ (including one ending early), or undefined when equal. */
export function firstDifference(a: readonly Uint8Array[], b: readonly Uint8Array[]): number | undefined {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (!hashesEqual(a[i]!, b[i]!)) return i;
  return a.length === b.length ? undefined : n;
}

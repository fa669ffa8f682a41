/**
 * Reading the stored audit log back for verification: entries in seq
 * order, a chunk at a time, each with its RFC 9162 leaf hash recomputed
 * from its canonical bytes (`auditEntryBytes`), never taken from the
 * stored `leaf_hash`, since whoever edits a row can edit both. What a
 * verifier builds its Merkle tree from is therefore the content itself.
 *
 * Rows that break the log's shape are reported, not skipped (each row is
 * still handed on, at its position, so the tree and checkpoints tell the
 * rest):
 *   sequence   a row's seq is not the next position: entries before it were
 *              deleted, or rows renumbered;
 *   leaf-hash  the stored leaf hash is not the recomputed one: the row was
 *              edited (or renumbered) without updating its hash.
 */
import { createHash } from 'node:crypto';
import { auditEntryBytes, type AuditEntry, type AuditStore } from './audit.js';

export type AuditScanCheck = 'sequence' | 'leaf-hash';

export interface AuditScanProblem {
  readonly check: AuditScanCheck;
  /** The row's position in the log as read (its index in the Merkle tree). */
  readonly index: number;
  /** The row's stored seq. */
  readonly seq: number;
  readonly message: string;
}

export interface AuditScanOptions {
  /** First seq to read (default 0). */
  readonly from?: number;
  /** Rows stored below `from` (default `from`: none missing there). */
  readonly rowsBefore?: number;
  /** Rows per query (default 10,000). */
  readonly chunk?: number;
  /** Problems kept at most (default 100; the count goes on). */
  readonly maxProblems?: number;
}

export interface AuditScan {
  /** Rows read. */
  readonly rows: number;
  /** The first `maxProblems` problems, in log order. */
  readonly problems: readonly AuditScanProblem[];
  readonly problemCount: number;
}

/** SHA-256(0x00 || auditEntryBytes(e)) as bytes. */
export function recomputedLeafHash(e: Omit<AuditEntry, 'leafHash'>): Uint8Array {
  const d = createHash('sha256').update(Uint8Array.of(0)).update(auditEntryBytes(e)).digest();
  return new Uint8Array(d.buffer, d.byteOffset, d.byteLength);
}

/**
 * Calls `onEntry(leafHash, entry, index)` for every row from `from` on, in
 * seq order, with the recomputed leaf hash; returns what was read and the
 * rows that break the log's shape.
 */
export async function scanAuditLog(
  audit: AuditStore,
  onEntry: (leafHash: Uint8Array, entry: AuditEntry, index: number) => void,
  o: AuditScanOptions = {},
): Promise<AuditScan> {
  const chunk = o.chunk ?? 10_000;
  const maxProblems = o.maxProblems ?? 100;
  const start = o.from ?? 0;
  const before = o.rowsBefore ?? start;
  const problems: AuditScanProblem[] = [];
  let problemCount = 0;
  const report = (p: AuditScanProblem): void => {
    problemCount++;
    if (problems.length < maxProblems) problems.push(p);
  };
  let next = start;
  let rows = 0;
  for (;;) {
    let page = await audit.range(next, next + chunk);
    if (page.length === 0) {
      // The end, or a gap of `chunk` seqs or more: only the row count tells them apart.
      if (before + rows >= (await audit.size())) break;
      page = await audit.range(next, Number.MAX_SAFE_INTEGER);
      if (page.length === 0) break;
    }
    for (const e of page) {
      const index = before + rows;
      if (e.seq !== next) {
        report({ check: 'sequence', index, seq: e.seq, message: `entry ${index} is stored as seq ${e.seq}, not ${next}: ${e.seq > next ? (e.seq - next === 1 ? `seq ${next} is missing` : `seq ${next} to ${e.seq - 1} are missing`) : 'the log was renumbered'}` });
      }
      const leafHash = recomputedLeafHash(e);
      if (Buffer.from(leafHash).toString('hex') !== e.leafHash) {
        report({ check: 'leaf-hash', index, seq: e.seq, message: `entry ${index} (seq ${e.seq}) does not hash to its stored leaf hash: it was edited after it was appended` });
      }
      onEntry(leafHash, e, index);
      next = e.seq + 1;
      rows++;
    }
  }
  return { rows, problems, problemCount };
}

/**
 * Signed checkpoints of the audit log (docs/security/audit.md): the server
 * signs the log's Merkle root every so often and keeps each signed note
 * here, one row per tree size, append-only and strictly ascending. The
 * store keeps the note exactly as signed and checks no signature: the
 * server (at start and on export) and `nariz audit verify --db` do. The
 * table refuses UPDATE and DELETE by trigger (as does audit_log): a guard
 * against mistakes, not against whoever can drop a trigger; the signatures
 * and the partner's saved checkpoints are what detect that.
 */

export interface NewAuditCheckpoint {
  /** Entries the checkpoint commits to: the log's first `treeSize`. */
  readonly treeSize: number;
  /** Hex RFC 9162 root of those entries (as in the note, which has it in base64). */
  readonly rootHash: string;
  /** The whole signed note (C2SP tlog-checkpoint), every line ending in "\n". */
  readonly signed: string;
}

export interface AuditCheckpointRecord extends NewAuditCheckpoint {
  /** ISO 8601 UTC, when it was stored. */
  readonly at: string;
}

export interface AuditCheckpointQuery {
  /** Only tree sizes ≥ this. */
  readonly fromSize?: number;
  /** Only tree sizes ≤ this. */
  readonly toSize?: number;
  /** At most this many (default 1000). */
  readonly limit?: number;
  /** Largest tree size first (default: smallest first). */
  readonly newestFirst?: boolean;
}

export interface AuditCheckpointStore {
  /** Appends a checkpoint; NARIZ_CONFLICT unless its tree size is above every stored one. */
  add(cp: NewAuditCheckpoint): Promise<AuditCheckpointRecord>;
  /** The checkpoint of the largest tree size, if any. */
  latest(): Promise<AuditCheckpointRecord | undefined>;
  list(q?: AuditCheckpointQuery): Promise<AuditCheckpointRecord[]>;
  count(): Promise<number>;
}

export const DEFAULT_CHECKPOINT_LIMIT = 1000;

/** Every stored checkpoint within the query's sizes, ascending, read page by page. */
export async function allAuditCheckpoints(store: AuditCheckpointStore, q: Omit<AuditCheckpointQuery, 'limit' | 'newestFirst'> = {}): Promise<AuditCheckpointRecord[]> {
  const out: AuditCheckpointRecord[] = [];
  let from = q.fromSize ?? 0;
  for (;;) {
    const page = await store.list({ fromSize: from, ...(q.toSize !== undefined ? { toSize: q.toSize } : {}), limit: DEFAULT_CHECKPOINT_LIMIT });
    out.push(...page);
    if (page.length < DEFAULT_CHECKPOINT_LIMIT) return out;
    from = page[page.length - 1]!.treeSize + 1;
  }
}

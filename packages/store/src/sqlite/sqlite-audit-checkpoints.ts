/** Signed audit checkpoints in SQLite (the AuditCheckpointStore contract, audit-checkpoints.ts). */
import type Database from 'better-sqlite3';
import { NarizError } from '@nariz/core';
import { DEFAULT_CHECKPOINT_LIMIT, type AuditCheckpointQuery, type AuditCheckpointRecord, type AuditCheckpointStore, type NewAuditCheckpoint } from '../audit-checkpoints.js';

interface Row {
  tree_size: number;
  root_hash: string;
  signed: string;
  at: string;
}

const record = (r: Row): AuditCheckpointRecord => ({ treeSize: r.tree_size, rootHash: r.root_hash, signed: r.signed, at: r.at });

export class SqliteAuditCheckpoints implements AuditCheckpointStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {}

  async add(cp: NewAuditCheckpoint): Promise<AuditCheckpointRecord> {
    return this.db.transaction((): AuditCheckpointRecord => {
      const top = (this.db.prepare('SELECT max(tree_size) AS n FROM audit_checkpoints').get() as { n: number | null }).n;
      if (top !== null && cp.treeSize <= top) throw new NarizError('NARIZ_CONFLICT', `a checkpoint at tree size ${top} is stored; a new one must commit to more entries, not ${cp.treeSize}`);
      const rec = { treeSize: cp.treeSize, rootHash: cp.rootHash, signed: cp.signed, at: this.now().toISOString() };
      this.db.prepare('INSERT INTO audit_checkpoints (tree_size, root_hash, signed, at) VALUES (?, ?, ?, ?)').run(rec.treeSize, rec.rootHash, rec.signed, rec.at);
      return rec;
    }).immediate();
  }

  async latest(): Promise<AuditCheckpointRecord | undefined> {
    const r = this.db.prepare('SELECT * FROM audit_checkpoints ORDER BY tree_size DESC LIMIT 1').get() as Row | undefined;
    return r === undefined ? undefined : record(r);
  }

  async list(q: AuditCheckpointQuery = {}): Promise<AuditCheckpointRecord[]> {
    const rows = this.db
      .prepare(`SELECT * FROM audit_checkpoints WHERE tree_size >= ? AND tree_size <= ? ORDER BY tree_size ${q.newestFirst === true ? 'DESC' : 'ASC'} LIMIT ?`)
      .all(q.fromSize ?? 0, q.toSize ?? Number.MAX_SAFE_INTEGER, q.limit ?? DEFAULT_CHECKPOINT_LIMIT) as Row[];
    return rows.map(record);
  }

  async count(): Promise<number> {
    return (this.db.prepare('SELECT count(*) AS n FROM audit_checkpoints').get() as { n: number }).n;
  }
}

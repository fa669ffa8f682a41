/** Signed audit checkpoints in PostgreSQL (the AuditCheckpointStore contract, audit-checkpoints.ts); appends are serialised by an advisory lock. */
import type pg from 'pg';
import { NarizError } from '@nariz/core';
import { DEFAULT_CHECKPOINT_LIMIT, type AuditCheckpointQuery, type AuditCheckpointRecord, type AuditCheckpointStore, type NewAuditCheckpoint } from '../audit-checkpoints.js';

interface Row {
  tree_size: string;
  root_hash: string;
  signed: string;
  at: Date;
}

/** An arbitrary constant key (beside the audit log's 4_127_002): one checkpoint writer at a time keeps sizes ascending. */
const CHECKPOINT_LOCK = 4_127_003;

const record = (r: Row): AuditCheckpointRecord => ({ treeSize: Number(r.tree_size), rootHash: r.root_hash, signed: r.signed, at: r.at.toISOString() });

export class PostgresAuditCheckpoints implements AuditCheckpointStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly now: () => Date,
    private readonly tx: <T>(body: (c: pg.PoolClient) => Promise<T>) => Promise<T>,
  ) {}

  async add(cp: NewAuditCheckpoint): Promise<AuditCheckpointRecord> {
    return this.tx(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [CHECKPOINT_LOCK]);
      const top = (await c.query<{ n: string | null }>('SELECT max(tree_size) AS n FROM audit_checkpoints')).rows[0]!.n;
      if (top !== null && cp.treeSize <= Number(top)) throw new NarizError('NARIZ_CONFLICT', `a checkpoint at tree size ${top} is stored; a new one must commit to more entries, not ${cp.treeSize}`);
      const r = await c.query<Row>('INSERT INTO audit_checkpoints (tree_size, root_hash, signed, at) VALUES ($1, $2, $3, $4) RETURNING *', [cp.treeSize, cp.rootHash, cp.signed, this.now()]);
      return record(r.rows[0]!);
    });
  }

  async latest(): Promise<AuditCheckpointRecord | undefined> {
    const r = (await this.pool.query<Row>('SELECT * FROM audit_checkpoints ORDER BY tree_size DESC LIMIT 1')).rows[0];
    return r === undefined ? undefined : record(r);
  }

  async list(q: AuditCheckpointQuery = {}): Promise<AuditCheckpointRecord[]> {
    const r = await this.pool.query<Row>(
      `SELECT * FROM audit_checkpoints WHERE tree_size >= $1 AND tree_size <= $2 ORDER BY tree_size ${q.newestFirst === true ? 'DESC' : 'ASC'} LIMIT $3`,
      [q.fromSize ?? 0, q.toSize ?? Number.MAX_SAFE_INTEGER, q.limit ?? DEFAULT_CHECKPOINT_LIMIT],
    );
    return r.rows.map(record);
  }

  async count(): Promise<number> {
    return Number((await this.pool.query<{ n: string }>('SELECT count(*) AS n FROM audit_checkpoints')).rows[0]!.n);
  }
}

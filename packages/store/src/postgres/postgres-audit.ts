/** The audit log in PostgreSQL (the AuditStore contract, audit.ts); appends are serialised by an advisory lock. */
import type pg from 'pg';
import { auditLeafHash, type AuditEntry, type AuditQuery, type AuditStore, type NewAuditEntry } from '../audit.js';

interface Row {
  seq: string;
  at: Date;
  actor: string;
  action: string;
  target: string;
  details: Record<string, unknown>;
  leaf_hash: string;
}

/** An arbitrary constant key for appends (one writer at a time keeps seq gap-free). */
const AUDIT_LOCK = 4_127_002;

const entry = (r: Row): AuditEntry => ({ seq: Number(r.seq), at: r.at.toISOString(), actor: r.actor, action: r.action, target: r.target, details: r.details, leafHash: r.leaf_hash });

export class PostgresAudit implements AuditStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly now: () => Date,
    private readonly tx: <T>(body: (c: pg.PoolClient) => Promise<T>) => Promise<T>,
  ) {}

  async append(e: NewAuditEntry): Promise<AuditEntry> {
    return this.tx(async (c) => {
      await c.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_LOCK]);
      // One past the highest seq, not the row count: a deleted row (tampering) must not make appends collide.
      const seq = Number((await c.query<{ n: string }>('SELECT coalesce(max(seq) + 1, 0) AS n FROM audit_log')).rows[0]!.n);
      const base = { seq, at: this.now().toISOString(), actor: e.actor, action: e.action, target: e.target, details: JSON.parse(JSON.stringify(e.details)) as Record<string, unknown> };
      const leafHash = auditLeafHash(base);
      await c.query('INSERT INTO audit_log (seq, at, actor, action, target, details, leaf_hash) VALUES ($1, $2, $3, $4, $5, $6, $7)', [seq, base.at, base.actor, base.action, base.target, JSON.stringify(base.details), leafHash]);
      return { ...base, leafHash };
    });
  }

  async list(q: AuditQuery = {}): Promise<AuditEntry[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    for (const [col, v] of [['actor', q.actor], ['action', q.action], ['target', q.target]] as const) {
      if (v !== undefined) {
        args.push(v);
        where.push(`${col} = $${args.length}`);
      }
    }
    if (q.beforeSeq !== undefined) {
      args.push(q.beforeSeq);
      where.push(`seq < $${args.length}`);
    }
    args.push(q.limit ?? 100);
    return (await this.pool.query<Row>(`SELECT * FROM audit_log ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT $${args.length}`, args)).rows.map(entry);
  }

  async range(from: number, to: number): Promise<AuditEntry[]> {
    return (await this.pool.query<Row>('SELECT * FROM audit_log WHERE seq >= $1 AND seq < $2 ORDER BY seq', [from, to])).rows.map(entry);
  }

  async size(): Promise<number> {
    return Number((await this.pool.query<{ n: string }>('SELECT coalesce(max(seq) + 1, 0) AS n FROM audit_log')).rows[0]!.n);
  }
}

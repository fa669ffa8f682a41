/** The audit log in SQLite (the AuditStore contract, audit.ts). */
import type Database from 'better-sqlite3';
import { auditLeafHash, type AuditEntry, type AuditQuery, type AuditStore, type NewAuditEntry } from '../audit.js';

interface Row {
  seq: number;
  at: string;
  actor: string;
  action: string;
  target: string;
  details: string;
  leaf_hash: string;
}

const entry = (r: Row): AuditEntry => ({ seq: r.seq, at: r.at, actor: r.actor, action: r.action, target: r.target, details: JSON.parse(r.details) as Record<string, unknown>, leafHash: r.leaf_hash });

export class SqliteAudit implements AuditStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {}

  async append(e: NewAuditEntry): Promise<AuditEntry> {
    return this.db.transaction((): AuditEntry => {
      // One past the highest seq, not the row count: a deleted row (tampering) must not make appends collide.
      const seq = (this.db.prepare('SELECT coalesce(max(seq) + 1, 0) AS n FROM audit_log').get() as { n: number }).n;
      const base = { seq, at: this.now().toISOString(), actor: e.actor, action: e.action, target: e.target, details: JSON.parse(JSON.stringify(e.details)) as Record<string, unknown> };
      const leafHash = auditLeafHash(base);
      this.db.prepare('INSERT INTO audit_log (seq, at, actor, action, target, details, leaf_hash) VALUES (?, ?, ?, ?, ?, ?, ?)').run(seq, base.at, base.actor, base.action, base.target, JSON.stringify(base.details), leafHash);
      return { ...base, leafHash };
    }).immediate();
  }

  async list(q: AuditQuery = {}): Promise<AuditEntry[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    for (const [col, v] of [['actor', q.actor], ['action', q.action], ['target', q.target]] as const) {
      if (v !== undefined) {
        where.push(`${col} = ?`);
        args.push(v);
      }
    }
    if (q.beforeSeq !== undefined) {
      where.push('seq < ?');
      args.push(q.beforeSeq);
    }
    args.push(q.limit ?? 100);
    return (this.db.prepare(`SELECT * FROM audit_log ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT ?`).all(...args) as Row[]).map(entry);
  }

  async range(from: number, to: number): Promise<AuditEntry[]> {
    return (this.db.prepare('SELECT * FROM audit_log WHERE seq >= ? AND seq < ? ORDER BY seq').all(from, to) as Row[]).map(entry);
  }

  async size(): Promise<number> {
    return (this.db.prepare('SELECT coalesce(max(seq) + 1, 0) AS n FROM audit_log').get() as { n: number }).n;
  }
}

/** Jobs in SQLite (the JobStore contract, jobs.ts). */
import type Database from 'better-sqlite3';
import type { SortieId } from '@nariz/core';
import { isFinal, type JobPatch, type JobQuery, type JobRecord, type JobStore, type NewJob } from '../jobs.js';
import { jobRecord, type JobRowFields } from '../job-rows.js';

interface JobRow {
  id: string;
  kind: string;
  sortie_id: string;
  state: string;
  progress: number;
  message: string;
  options: string;
  created_by: string | null;
  sample_count: number | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  error: string | null;
}

const COLUMNS = 'id, kind, sortie_id, state, progress, message, options, created_by, sample_count, created_at, started_at, finished_at, error';

const fields = (r: JobRow): JobRowFields => ({
  ...r,
  options: JSON.parse(r.options) as unknown,
  error: r.error === null ? null : (JSON.parse(r.error) as unknown),
});

export class SqliteJobs implements JobStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {}

  async createJob(j: NewJob): Promise<JobRecord> {
    this.db
      .prepare(`INSERT INTO jobs (id, kind, sortie_id, state, options, created_by, created_at) VALUES (?, ?, ?, 'queued', ?, ?, ?)`)
      .run(j.id, j.kind, j.sortieId, JSON.stringify(j.options ?? null), j.createdBy ?? null, this.now().toISOString());
    return (await this.getJob(j.id))!;
  }

  async getJob(id: string): Promise<JobRecord | undefined> {
    const r = this.db.prepare(`SELECT ${COLUMNS} FROM jobs WHERE id = ?`).get(id) as JobRow | undefined;
    return r === undefined ? undefined : jobRecord(fields(r));
  }

  async listJobs(q: JobQuery = {}): Promise<JobRecord[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.sortieId !== undefined) {
      where.push('sortie_id = ?');
      args.push(q.sortieId);
    }
    if (q.states !== undefined) {
      where.push(`state IN (${q.states.map(() => '?').join(', ') || 'NULL'})`);
      args.push(...q.states);
    }
    args.push(q.limit ?? 100);
    const rows = this.db.prepare(`SELECT ${COLUMNS} FROM jobs ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, rowid DESC LIMIT ?`).all(...args) as JobRow[];
    return rows.map((r) => jobRecord(fields(r)));
  }

  async updateJob(id: string, p: JobPatch): Promise<JobRecord | undefined> {
    return this.db.transaction((): JobRecord | undefined => {
      const r = this.db.prepare(`SELECT ${COLUMNS} FROM jobs WHERE id = ?`).get(id) as JobRow | undefined;
      if (r === undefined) return undefined;
      const job = jobRecord(fields(r));
      if (isFinal(job.state)) return job;
      this.db
        .prepare(
          `UPDATE jobs SET state = coalesce(?, state), progress = coalesce(?, progress), message = coalesce(?, message),
             sample_count = coalesce(?, sample_count), started_at = coalesce(?, started_at), finished_at = coalesce(?, finished_at),
             error = coalesce(?, error), result = coalesce(?, result) WHERE id = ?`,
        )
        .run(
          p.state ?? null, p.progress ?? null, p.message ?? null, p.sampleCount ?? null, p.startedAt ?? null, p.finishedAt ?? null,
          p.error === undefined ? null : JSON.stringify(p.error), p.result === undefined ? null : JSON.stringify(p.result), id,
        );
      return jobRecord(fields(this.db.prepare(`SELECT ${COLUMNS} FROM jobs WHERE id = ?`).get(id) as JobRow));
    }).immediate();
  }

  async jobResult(id: string): Promise<unknown> {
    const r = this.db.prepare('SELECT result FROM jobs WHERE id = ?').get(id) as { result: string | null } | undefined;
    return r?.result == null ? undefined : (JSON.parse(r.result) as unknown);
  }

  async latestDone(sortieId: SortieId, kind: string): Promise<JobRecord | undefined> {
    const r = this.db.prepare(`SELECT ${COLUMNS} FROM jobs WHERE sortie_id = ? AND kind = ? AND state = 'done' ORDER BY finished_at DESC, rowid DESC LIMIT 1`).get(sortieId, kind) as JobRow | undefined;
    return r === undefined ? undefined : jobRecord(fields(r));
  }
}

/** Jobs in PostgreSQL (the JobStore contract, jobs.ts). */
import type pg from 'pg';
import type { SortieId } from '@nariz/core';
import { isFinal, type JobPatch, type JobQuery, type JobRecord, type JobStore, type NewJob } from '../jobs.js';
import { jobRecord, type JobRowFields } from '../job-rows.js';

const COLUMNS = 'id, kind, sortie_id, state, progress, message, options, created_by, sample_count, created_at, started_at, finished_at, error';

export class PostgresJobs implements JobStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly now: () => Date,
    private readonly tx: <T>(body: (c: pg.PoolClient) => Promise<T>) => Promise<T>,
  ) {}

  async createJob(j: NewJob): Promise<JobRecord> {
    const r = await this.pool.query<JobRowFields>(
      `INSERT INTO jobs (id, kind, sortie_id, state, options, created_by, created_at) VALUES ($1, $2, $3, 'queued', $4, $5, $6) RETURNING ${COLUMNS}`,
      [j.id, j.kind, j.sortieId, JSON.stringify(j.options ?? null), j.createdBy ?? null, this.now()],
    );
    return jobRecord(r.rows[0]!);
  }

  async getJob(id: string): Promise<JobRecord | undefined> {
    const r = (await this.pool.query<JobRowFields>(`SELECT ${COLUMNS} FROM jobs WHERE id = $1`, [id])).rows[0];
    return r === undefined ? undefined : jobRecord(r);
  }

  async listJobs(q: JobQuery = {}): Promise<JobRecord[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.sortieId !== undefined) {
      args.push(q.sortieId);
      where.push(`sortie_id = $${args.length}`);
    }
    if (q.states !== undefined) {
      args.push(q.states);
      where.push(`state = ANY($${args.length})`);
    }
    args.push(q.limit ?? 100);
    const r = await this.pool.query<JobRowFields>(`SELECT ${COLUMNS} FROM jobs ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT $${args.length}`, args);
    return r.rows.map(jobRecord);
  }

  async updateJob(id: string, p: JobPatch): Promise<JobRecord | undefined> {
    return this.tx(async (c) => {
      const row = (await c.query<JobRowFields>(`SELECT ${COLUMNS} FROM jobs WHERE id = $1 FOR UPDATE`, [id])).rows[0];
      if (row === undefined) return undefined;
      const job = jobRecord(row);
      if (isFinal(job.state)) return job;
      const r = await c.query<JobRowFields>(
        `UPDATE jobs SET state = coalesce($2, state), progress = coalesce($3, progress), message = coalesce($4, message),
           sample_count = coalesce($5, sample_count), started_at = coalesce($6, started_at), finished_at = coalesce($7, finished_at),
           error = coalesce($8::jsonb, error), result = coalesce($9::jsonb, result) WHERE id = $1 RETURNING ${COLUMNS}`,
        [
          id, p.state ?? null, p.progress ?? null, p.message ?? null, p.sampleCount ?? null, p.startedAt ?? null, p.finishedAt ?? null,
          p.error === undefined ? null : JSON.stringify(p.error), p.result === undefined ? null : JSON.stringify(p.result),
        ],
      );
      return jobRecord(r.rows[0]!);
    });
  }

  async jobResult(id: string): Promise<unknown> {
    const r = (await this.pool.query<{ result: unknown }>('SELECT result FROM jobs WHERE id = $1', [id])).rows[0];
    return r?.result ?? undefined;
  }

  async latestDone(sortieId: SortieId, kind: string): Promise<JobRecord | undefined> {
    const r = (
      await this.pool.query<JobRowFields>(`SELECT ${COLUMNS} FROM jobs WHERE sortie_id = $1 AND kind = $2 AND state = 'done' ORDER BY finished_at DESC, created_at DESC LIMIT 1`, [sortieId, kind])
    ).rows[0];
    return r === undefined ? undefined : jobRecord(r);
  }
}

/** Video jobs in PostgreSQL (the VideoJobStore contract, video-jobs.ts). */
import type pg from 'pg';
import { NarizError } from '@nariz/core';
import { isFinal } from '../jobs.js';
import type { NewVideoJob, VideoJobPatch, VideoJobQuery, VideoJobRecord, VideoJobStore } from '../video-jobs.js';
import { VIDEO_JOB_COLUMNS, videoJobRecord, type VideoJobRowFields } from '../video-rows.js';

export class PostgresVideoJobs implements VideoJobStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly now: () => Date,
    private readonly tx: <T>(body: (c: pg.PoolClient) => Promise<T>) => Promise<T>,
  ) {}

  async createVideoJob(j: NewVideoJob): Promise<VideoJobRecord> {
    try {
      const r = await this.pool.query<VideoJobRowFields>(
        `INSERT INTO video_jobs (id, video_id, kind, state, options, created_by, created_at) VALUES ($1, $2, $3, 'queued', $4, $5, $6) RETURNING ${VIDEO_JOB_COLUMNS}`,
        [j.id, j.videoId, j.kind, JSON.stringify(j.options ?? null), j.createdBy ?? null, this.now()],
      );
      return videoJobRecord(r.rows[0]!);
    } catch (err) {
      if (err instanceof Error && 'code' in err && err.code === '23503') throw new NarizError('NARIZ_NOT_FOUND', `no video "${j.videoId}"`, undefined, { cause: err });
      throw err;
    }
  }

  async getVideoJob(id: string): Promise<VideoJobRecord | undefined> {
    const r = (await this.pool.query<VideoJobRowFields>(`SELECT ${VIDEO_JOB_COLUMNS} FROM video_jobs WHERE id = $1`, [id])).rows[0];
    return r === undefined ? undefined : videoJobRecord(r);
  }

  async listVideoJobs(q: VideoJobQuery = {}): Promise<VideoJobRecord[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    const arg = (v: unknown): string => {
      args.push(v);
      return `$${args.length}`;
    };
    if (q.videoId !== undefined) where.push(`video_id = ${arg(q.videoId)}`);
    if (q.kind !== undefined) where.push(`kind = ${arg(q.kind)}`);
    if (q.states !== undefined) where.push(`state = ANY(${arg(q.states)})`);
    const limit = arg(q.limit ?? 100);
    const r = await this.pool.query<VideoJobRowFields>(`SELECT ${VIDEO_JOB_COLUMNS} FROM video_jobs ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, id DESC LIMIT ${limit}`, args);
    return r.rows.map(videoJobRecord);
  }

  async updateVideoJob(id: string, p: VideoJobPatch): Promise<VideoJobRecord | undefined> {
    return this.tx(async (c) => {
      const row = (await c.query<VideoJobRowFields>(`SELECT ${VIDEO_JOB_COLUMNS} FROM video_jobs WHERE id = $1 FOR UPDATE`, [id])).rows[0];
      if (row === undefined) return undefined;
      const job = videoJobRecord(row);
      if (isFinal(job.state)) return job;
      const r = await c.query<VideoJobRowFields>(
        `UPDATE video_jobs SET state = coalesce($2, state), progress = coalesce($3, progress), message = coalesce($4, message),
           started_at = coalesce($5, started_at), finished_at = coalesce($6, finished_at), error = coalesce($7::jsonb, error), result = coalesce($8::jsonb, result)
         WHERE id = $1 RETURNING ${VIDEO_JOB_COLUMNS}`,
        [
          id, p.state ?? null, p.progress ?? null, p.message ?? null, p.startedAt ?? null, p.finishedAt ?? null,
          p.error === undefined ? null : JSON.stringify(p.error), p.result === undefined ? null : JSON.stringify(p.result),
        ],
      );
      return videoJobRecord(r.rows[0]!);
    });
  }

  async videoJobResult(id: string): Promise<unknown> {
    const r = (await this.pool.query<{ result: unknown }>('SELECT result FROM video_jobs WHERE id = $1', [id])).rows[0];
    return r?.result ?? undefined;
  }
}

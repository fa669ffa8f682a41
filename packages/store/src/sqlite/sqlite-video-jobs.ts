/** Video jobs in SQLite (the VideoJobStore contract, video-jobs.ts). */
import Database from 'better-sqlite3';
import { NarizError } from '@nariz/core';
import { isFinal } from '../jobs.js';
import type { NewVideoJob, VideoJobPatch, VideoJobQuery, VideoJobRecord, VideoJobStore } from '../video-jobs.js';
import { VIDEO_JOB_COLUMNS, videoJobRecord, type VideoJobRowFields } from '../video-rows.js';

type Row = Omit<VideoJobRowFields, 'options' | 'error'> & { options: string; error: string | null };

const fields = (r: Row): VideoJobRowFields => ({ ...r, options: JSON.parse(r.options) as unknown, error: r.error === null ? null : (JSON.parse(r.error) as unknown) });

export class SqliteVideoJobs implements VideoJobStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {}

  async createVideoJob(j: NewVideoJob): Promise<VideoJobRecord> {
    try {
      this.db
        .prepare(`INSERT INTO video_jobs (id, video_id, kind, state, options, created_by, created_at) VALUES (?, ?, ?, 'queued', ?, ?, ?)`)
        .run(j.id, j.videoId, j.kind, JSON.stringify(j.options ?? null), j.createdBy ?? null, this.now().toISOString());
    } catch (err) {
      if (err instanceof Database.SqliteError && err.code === 'SQLITE_CONSTRAINT_FOREIGNKEY') throw new NarizError('NARIZ_NOT_FOUND', `no video "${j.videoId}"`, undefined, { cause: err });
      throw err;
    }
    return (await this.getVideoJob(j.id))!;
  }

  async getVideoJob(id: string): Promise<VideoJobRecord | undefined> {
    const r = this.db.prepare(`SELECT ${VIDEO_JOB_COLUMNS} FROM video_jobs WHERE id = ?`).get(id) as Row | undefined;
    return r === undefined ? undefined : videoJobRecord(fields(r));
  }

  async listVideoJobs(q: VideoJobQuery = {}): Promise<VideoJobRecord[]> {
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.videoId !== undefined) {
      where.push('video_id = ?');
      args.push(q.videoId);
    }
    if (q.kind !== undefined) {
      where.push('kind = ?');
      args.push(q.kind);
    }
    if (q.states !== undefined) {
      where.push(`state IN (${q.states.map(() => '?').join(', ') || 'NULL'})`);
      args.push(...q.states);
    }
    args.push(q.limit ?? 100);
    const rows = this.db.prepare(`SELECT ${VIDEO_JOB_COLUMNS} FROM video_jobs ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY created_at DESC, rowid DESC LIMIT ?`).all(...args) as Row[];
    return rows.map((r) => videoJobRecord(fields(r)));
  }

  async updateVideoJob(id: string, p: VideoJobPatch): Promise<VideoJobRecord | undefined> {
    return this.db.transaction((): VideoJobRecord | undefined => {
      const r = this.db.prepare(`SELECT ${VIDEO_JOB_COLUMNS} FROM video_jobs WHERE id = ?`).get(id) as Row | undefined;
      if (r === undefined) return undefined;
      const job = videoJobRecord(fields(r));
      if (isFinal(job.state)) return job;
      this.db
        .prepare(
          `UPDATE video_jobs SET state = coalesce(?, state), progress = coalesce(?, progress), message = coalesce(?, message),
             started_at = coalesce(?, started_at), finished_at = coalesce(?, finished_at), error = coalesce(?, error), result = coalesce(?, result) WHERE id = ?`,
        )
        .run(
          p.state ?? null, p.progress ?? null, p.message ?? null, p.startedAt ?? null, p.finishedAt ?? null,
          p.error === undefined ? null : JSON.stringify(p.error), p.result === undefined ? null : JSON.stringify(p.result), id,
        );
      return videoJobRecord(fields(this.db.prepare(`SELECT ${VIDEO_JOB_COLUMNS} FROM video_jobs WHERE id = ?`).get(id) as Row));
    }).immediate();
  }

  async videoJobResult(id: string): Promise<unknown> {
    const r = this.db.prepare('SELECT result FROM video_jobs WHERE id = ?').get(id) as { result: string | null } | undefined;
    return r?.result == null ? undefined : (JSON.parse(r.result) as unknown);
  }
}

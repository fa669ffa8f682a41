/** Videos in SQLite (the VideoStore contract, videos.ts). */
import Database from 'better-sqlite3';
import { NarizError } from '@nariz/core';
import type { NewVideo, VideoPatch, VideoQuery, VideoRecord, VideoStore } from '../videos.js';
import { VIDEO_COLUMNS, videoRecord, type VideoRowFields } from '../video-rows.js';

type Row = Omit<VideoRowFields, 'failure' | 'report'> & { failure: string | null; report: string | null };

const fields = (r: Row): VideoRowFields => ({
  ...r,
  failure: r.failure === null ? null : (JSON.parse(r.failure) as unknown),
  report: r.report === null ? null : (JSON.parse(r.report) as unknown),
});

export class SqliteVideos implements VideoStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => Date,
  ) {}

  async createVideo(v: NewVideo): Promise<VideoRecord> {
    const t = this.now().toISOString();
    try {
      this.db
        .prepare(`INSERT INTO videos (id, name, byte_size, sha256, status, created_by, created_at, updated_at, original_path) VALUES (?, ?, ?, ?, 'uploaded', ?, ?, ?, ?)`)
        .run(v.id, v.name, v.byteSize, v.sha256, v.createdBy, t, t, v.originalPath);
    } catch (err) {
      if (err instanceof Database.SqliteError && err.code.startsWith('SQLITE_CONSTRAINT')) throw new NarizError('NARIZ_CONFLICT', `a video with id "${v.id}" exists already`, undefined, { cause: err });
      throw err;
    }
    return (await this.getVideo(v.id))!;
  }

  async getVideo(id: string): Promise<VideoRecord | undefined> {
    const r = this.db.prepare(`SELECT ${VIDEO_COLUMNS} FROM videos WHERE id = ?`).get(id) as Row | undefined;
    return r === undefined ? undefined : videoRecord(fields(r));
  }

  async listVideos(q: VideoQuery = {}): Promise<VideoRecord[]> {
    const args: unknown[] = [];
    let where = '';
    if (q.statuses !== undefined) {
      where = `WHERE status IN (${q.statuses.map(() => '?').join(', ') || 'NULL'})`;
      args.push(...q.statuses);
    }
    args.push(q.limit ?? 1000);
    const rows = this.db.prepare(`SELECT ${VIDEO_COLUMNS} FROM videos ${where} ORDER BY created_at DESC, rowid DESC LIMIT ?`).all(...args) as Row[];
    return rows.map((r) => videoRecord(fields(r)));
  }

  async updateVideo(id: string, p: VideoPatch): Promise<VideoRecord | undefined> {
    const sets: string[] = [];
    const args: unknown[] = [];
    const put = (column: string, value: unknown): void => {
      sets.push(`${column} = ?`);
      args.push(value);
    };
    if (p.status !== undefined) put('status', p.status);
    if (p.failure !== undefined) put('failure', JSON.stringify(p.failure));
    if (p.progress !== undefined) put('progress', p.progress);
    if (p.message !== undefined) put('message', p.message);
    if (p.durationS !== undefined) put('duration_s', p.durationS);
    if (p.codec !== undefined) put('codec', p.codec);
    if (p.frameCount !== undefined) put('frame_count', p.frameCount);
    if (p.report !== undefined) put('report', JSON.stringify(p.report));
    if (p.bounds !== undefined) {
      put('west', p.bounds.west);
      put('south', p.bounds.south);
      put('east', p.bounds.east);
      put('north', p.bounds.north);
    }
    if (p.frames !== undefined) put('frames', Buffer.from(p.frames.buffer, p.frames.byteOffset, p.frames.byteLength));
    if (p.mediaPath !== undefined) put('media_path', p.mediaPath);
    put('updated_at', this.now().toISOString());
    if (this.db.prepare(`UPDATE videos SET ${sets.join(', ')} WHERE id = ?`).run(...args, id).changes === 0) return undefined;
    return this.getVideo(id);
  }

  async videoFrames(id: string): Promise<Uint8Array | undefined> {
    const r = this.db.prepare('SELECT frames FROM videos WHERE id = ?').get(id) as { frames: Buffer | null } | undefined;
    return r?.frames == null ? undefined : new Uint8Array(r.frames.buffer, r.frames.byteOffset, r.frames.byteLength);
  }

  async deleteVideo(id: string): Promise<boolean> {
    return this.db.prepare('DELETE FROM videos WHERE id = ?').run(id).changes > 0;
  }

  async videosAt(latDeg: number, lonDeg: number): Promise<VideoRecord[]> {
    const rows = this.db
      .prepare(
        `SELECT ${VIDEO_COLUMNS} FROM videos
         WHERE status = 'ready' AND south <= ? AND north >= ?
           AND ((west <= east AND west <= ? AND east >= ?) OR (west > east AND (west <= ? OR east >= ?)))
         ORDER BY created_at DESC, rowid DESC`,
      )
      .all(latDeg, latDeg, lonDeg, lonDeg, lonDeg, lonDeg) as Row[];
    return rows.map((r) => videoRecord(fields(r)));
  }
}

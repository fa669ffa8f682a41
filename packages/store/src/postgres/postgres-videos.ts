/**
 * Videos in PostgreSQL (the VideoStore contract, videos.ts). Besides the
 * bounds columns, a footprint that does not cross the antimeridian is kept
 * as a PostGIS polygon (GiST-indexed), which "which video saw this place"
 * searches; one that crosses it is found by its columns.
 */
import type pg from 'pg';
import { NarizError } from '@nariz/core';
import type { NewVideo, VideoPatch, VideoQuery, VideoRecord, VideoStore } from '../videos.js';
import { VIDEO_COLUMNS, videoRecord, type VideoRowFields } from '../video-rows.js';

export class PostgresVideos implements VideoStore {
  constructor(
    private readonly pool: pg.Pool,
    private readonly now: () => Date,
  ) {}

  async createVideo(v: NewVideo): Promise<VideoRecord> {
    const t = this.now();
    try {
      const r = await this.pool.query<VideoRowFields>(
        `INSERT INTO videos (id, name, byte_size, sha256, status, created_by, created_at, updated_at, original_path) VALUES ($1, $2, $3, $4, 'uploaded', $5, $6, $6, $7) RETURNING ${VIDEO_COLUMNS}`,
        [v.id, v.name, v.byteSize, v.sha256, v.createdBy, t, v.originalPath],
      );
      return videoRecord(r.rows[0]!);
    } catch (err) {
      if (err instanceof Error && 'code' in err && err.code === '23505') throw new NarizError('NARIZ_CONFLICT', `a video with id "${v.id}" exists already`, undefined, { cause: err });
      throw err;
    }
  }

  async getVideo(id: string): Promise<VideoRecord | undefined> {
    const r = (await this.pool.query<VideoRowFields>(`SELECT ${VIDEO_COLUMNS} FROM videos WHERE id = $1`, [id])).rows[0];
    return r === undefined ? undefined : videoRecord(r);
  }

  async listVideos(q: VideoQuery = {}): Promise<VideoRecord[]> {
    const args: unknown[] = [];
    let where = '';
    if (q.statuses !== undefined) {
      args.push(q.statuses);
      where = 'WHERE status = ANY($1)';
    }
    args.push(q.limit ?? 1000);
    const r = await this.pool.query<VideoRowFields>(`SELECT ${VIDEO_COLUMNS} FROM videos ${where} ORDER BY created_at DESC, id DESC LIMIT $${args.length}`, args);
    return r.rows.map(videoRecord);
  }

  async updateVideo(id: string, p: VideoPatch): Promise<VideoRecord | undefined> {
    const args: unknown[] = [id];
    const sets: string[] = [];
    const put = (column: string, value: unknown, cast = ''): string => {
      args.push(value);
      sets.push(`${column} = $${args.length}${cast}`);
      return `$${args.length}`;
    };
    if (p.status !== undefined) put('status', p.status);
    if (p.failure !== undefined) put('failure', JSON.stringify(p.failure), '::jsonb');
    if (p.progress !== undefined) put('progress', p.progress);
    if (p.message !== undefined) put('message', p.message);
    if (p.durationS !== undefined) put('duration_s', p.durationS);
    if (p.codec !== undefined) put('codec', p.codec);
    if (p.frameCount !== undefined) put('frame_count', p.frameCount);
    if (p.report !== undefined) put('report', JSON.stringify(p.report), '::jsonb');
    if (p.bounds !== undefined) {
      const w = put('west', p.bounds.west, '::float8');
      const s = put('south', p.bounds.south, '::float8');
      const e = put('east', p.bounds.east, '::float8');
      const n = put('north', p.bounds.north, '::float8');
      sets.push(`footprint = CASE WHEN ${w}::float8 <= ${e}::float8 THEN ST_MakeEnvelope(${w}::float8, ${s}::float8, ${e}::float8, ${n}::float8, 4326) ELSE NULL END`);
    }
    if (p.frames !== undefined) put('frames', Buffer.from(p.frames.buffer, p.frames.byteOffset, p.frames.byteLength));
    if (p.mediaPath !== undefined) put('media_path', p.mediaPath);
    put('updated_at', this.now());
    const r = (await this.pool.query<VideoRowFields>(`UPDATE videos SET ${sets.join(', ')} WHERE id = $1 RETURNING ${VIDEO_COLUMNS}`, args)).rows[0];
    return r === undefined ? undefined : videoRecord(r);
  }

  async videoFrames(id: string): Promise<Uint8Array | undefined> {
    const r = (await this.pool.query<{ frames: Buffer | null }>('SELECT frames FROM videos WHERE id = $1', [id])).rows[0];
    return r?.frames == null ? undefined : new Uint8Array(r.frames.buffer, r.frames.byteOffset, r.frames.byteLength);
  }

  async deleteVideo(id: string): Promise<boolean> {
    return ((await this.pool.query('DELETE FROM videos WHERE id = $1', [id])).rowCount ?? 0) > 0;
  }

  async videosAt(latDeg: number, lonDeg: number): Promise<VideoRecord[]> {
    const r = await this.pool.query<VideoRowFields>(
      `SELECT ${VIDEO_COLUMNS} FROM videos
       WHERE status = 'ready' AND (
         ST_Intersects(footprint, ST_SetSRID(ST_MakePoint($2::float8, $1::float8), 4326))
         OR (west > east AND south <= $1::float8 AND north >= $1::float8 AND (west <= $2::float8 OR east >= $2::float8)))
       ORDER BY created_at DESC, id DESC`,
      [latDeg, lonDeg],
    );
    return r.rows.map(videoRecord);
  }
}

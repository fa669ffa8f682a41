/**
 * Full-motion video on the server (issue 5), made once per app: the files
 * under the video directory, ffmpeg, the work queue and the frames cache,
 * and the operations more than one route (and the demo) needs: taking in a
 * file, the playable MP4 of a video, deleting one.
 *
 * Without a video directory (an app built without `videoDir`), videos can
 * be read but not uploaded (NARIZ_UNAVAILABLE).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import type { FastifyBaseLogger } from 'fastify';
import { NarizError } from '@nariz/core';
import type { Store, VideoRecord } from '@nariz/store';
import type { LiveHub } from '../live/hub.js';
import { ffmpegTools, type FfmpegTools } from './ffmpeg.js';
import { FramesCache } from './frames-cache.js';
import { makePlayable } from './playable.js';
import { receiveUpload } from './receive-upload.js';
import { VideoFiles } from './video-files.js';
import { videoJson } from './video-json.js';
import { VideoQueue } from './video-queue.js';

/** The default upload limit: a few hours of HD drone video. */
export const DEFAULT_VIDEO_MAX_BYTES = 8 * 1024 ** 3;

export interface VideoServiceOptions {
  readonly store: Store;
  readonly hub: LiveHub;
  readonly log: FastifyBaseLogger;
  readonly now: () => Date;
  /** The video directory (absent: no uploads). */
  readonly dir?: string;
  /** ffmpeg's path (NARIZ_FFMPEG; default `ffmpeg` on PATH). */
  readonly ffmpegPath?: string;
  /** Largest upload, bytes (default 8 GiB). */
  readonly maxBytes?: number;
}

export class VideoService {
  readonly tools: FfmpegTools;
  readonly maxBytes: number;
  readonly frames: FramesCache;
  private readonly files: VideoFiles | undefined;
  private readonly queue: VideoQueue | undefined;
  /** MP4s being made on demand, one ffmpeg per video however many requests wait. */
  private readonly making = new Map<string, Promise<string>>();

  constructor(private readonly o: VideoServiceOptions) {
    this.tools = ffmpegTools(o.ffmpegPath);
    this.maxBytes = o.maxBytes ?? DEFAULT_VIDEO_MAX_BYTES;
    this.frames = new FramesCache(o.store);
    this.files = o.dir === undefined ? undefined : new VideoFiles(o.dir);
    this.queue =
      this.files === undefined
        ? undefined
        : new VideoQueue({ store: o.store, hub: o.hub, log: o.log, files: this.files, tools: this.tools, now: o.now, media: (v, signal) => this.media(v, signal) });
  }

  /** Prepares the directory (dropping half-received uploads and folders of videos the store does not know) and resumes unfinished work. */
  async start(): Promise<void> {
    if (this.files === undefined || this.queue === undefined) return;
    await this.files.init();
    const known = new Set((await this.o.store.videos.listVideos({ limit: Number.MAX_SAFE_INTEGER })).map((v) => v.id));
    const swept = await this.files.sweep(known);
    if (swept.length > 0) this.o.log.warn({ folders: swept }, 'removed video folders the store does not know');
    await this.queue.start();
  }

  async close(): Promise<void> {
    await this.queue?.close();
  }

  /** Resolves when no video work is queued or running (tests). */
  async idle(): Promise<void> {
    await this.queue?.idle();
  }

  /** Whether videos can be taken in (a video directory is configured). */
  get canIngest(): boolean {
    return this.files !== undefined;
  }

  private mustFiles(): { files: VideoFiles; queue: VideoQueue } {
    if (this.files === undefined || this.queue === undefined) throw new NarizError('NARIZ_UNAVAILABLE', 'this server has no video directory configured (videoDir), so it cannot take videos');
    return { files: this.files, queue: this.queue };
  }

  /**
   * Takes in a whole file (a request body, the demo's render): received
   * into the incoming area, moved to the video's folder, recorded, queued.
   * Nothing is left behind when it fails.
   */
  async ingest(source: AsyncIterable<Uint8Array>, name: string, createdBy: string): Promise<VideoRecord> {
    const { files, queue } = this.mustFiles();
    const id = randomUUID();
    const part = files.incomingPath(id);
    const got = await receiveUpload(source, { path: part, maxBytes: this.maxBytes, fileName: name });
    let v: VideoRecord;
    try {
      await mkdir(files.dirOf(id));
      await rename(part, files.abs(files.originalRel(id)));
      v = await this.o.store.videos.createVideo({ id, name, byteSize: got.bytes, sha256: got.sha256, createdBy, originalPath: files.originalRel(id) });
    } catch (err) {
      await rm(part, { force: true });
      await files.remove(id);
      throw err;
    }
    this.o.hub.publish({ type: 'video', video: videoJson(v) });
    queue.enqueueProcess(id);
    return v;
  }

  async submitMotion(...args: Parameters<VideoQueue['submitMotion']>): ReturnType<VideoQueue['submitMotion']> {
    return this.mustFiles().queue.submitMotion(...args);
  }

  /**
   * The absolute path of a ready video's MP4. Made by processing; made again
   * here (once, however many requests wait) only if it has gone missing.
   */
  async media(v: VideoRecord, signal?: AbortSignal): Promise<string> {
    const { files } = this.mustFiles();
    if (v.status !== 'ready' || v.mediaPath === undefined) throw new NarizError('NARIZ_VIDEO_STATE', `video ${v.id} is ${v.status}${v.failure !== undefined ? `: ${v.failure.message}` : ''}`);
    const out = files.abs(v.mediaPath);
    let p = this.making.get(v.id);
    if (p === undefined) {
      p = makePlayable(this.tools, files.abs(v.originalPath), out, { codec: v.codec, durationS: v.durationS, ...(signal !== undefined ? { signal } : {}) })
        .then(() => out)
        .finally(() => this.making.delete(v.id));
      this.making.set(v.id, p);
    }
    return p;
  }

  /** Deletes the video: its work stopped, its row (with annotations and jobs) and its files gone. False when there was none. */
  async delete(id: string): Promise<boolean> {
    await this.queue?.forget(id);
    if (!(await this.o.store.videos.deleteVideo(id))) return false;
    this.frames.forget(id);
    // After the row: a crash in between leaves a folder the next start sweeps, never a row without its file.
    if (this.files !== undefined && VideoFiles.isVideoId(id)) await this.files.remove(id);
    return true;
  }
}

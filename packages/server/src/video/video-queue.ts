/**
 * The video work queue: processing uploads (process-video.ts) and video
 * jobs (motion cues), one at a time, off the request path. The sortie
 * JobRunner does not fit: its jobs belong to sorties and run localisation
 * in worker threads, while this work is mostly ffmpeg in child processes.
 *
 * Everything it does is in the store, so `start()` finds what a stopped
 * (or killed) server left: videos still `uploaded` or `processing`, video
 * jobs `queued` or `running`, and does them again. `close()` aborts the
 * running task (ffmpeg is killed) and leaves it as it was in the store for
 * the next start. Progress is published live at once and stored at most
 * twice a second, in order with the task's other writes.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { NarizError } from '@nariz/core';
import { isFinal, type Store, type VideoJobPatch, type VideoJobRecord, type VideoPatch, type VideoRecord } from '@nariz/store';
import type { LiveHub } from '../live/hub.js';
import type { FfmpegTools } from './ffmpeg.js';
import { runMotionCue } from './motion-cue-run.js';
import { parseMotionOptions, type MotionJobOptions } from './motion-options.js';
import { processVideo } from './process-video.js';
import type { VideoFiles } from './video-files.js';
import { videoJobJson, videoJson } from './video-json.js';
import { SerialQueue } from '../jobs/serial-queue.js';

export const MOTION = 'motion';

type Task = { readonly kind: 'process'; readonly videoId: string } | { readonly kind: 'job'; readonly jobId: string; readonly videoId: string };

export interface VideoQueueOptions {
  readonly store: Store;
  readonly hub: LiveHub;
  readonly log: FastifyBaseLogger;
  readonly files: VideoFiles;
  readonly tools: FfmpegTools;
  readonly now: () => Date;
  /** The playable MP4 of a ready video (made again if it went missing). */
  readonly media: (v: VideoRecord, signal: AbortSignal) => Promise<string>;
}

/** Stored progress at most this often (live progress is not held back). */
const PROGRESS_WRITE_MS = 500;

export class VideoQueue {
  private readonly queue = new SerialQueue<Task>(async (task) => {
    const abort = new AbortController();
    const done = (task.kind === 'process' ? this.process(task.videoId, abort.signal) : this.job(task.jobId, abort.signal)).catch((err: unknown) => {
      if (!abort.signal.aborted) this.o.log.error({ err, task }, 'video task failed');
    });
    this.current = { task, abort, done };
    await done;
    this.current = undefined;
  });
  private current: { readonly task: Task; readonly abort: AbortController; readonly done: Promise<void> } | undefined;

  constructor(private readonly o: VideoQueueOptions) {}

  /** Queues what the last run left unfinished (oldest first) and starts working; returns how many. */
  async start(): Promise<number> {
    const videos = (await this.o.store.videos.listVideos({ statuses: ['uploaded', 'processing'], limit: 100_000 })).reverse();
    const jobs = (await this.o.store.videoJobs.listVideoJobs({ states: ['queued', 'running'], limit: 100_000 })).reverse();
    for (const j of jobs) {
      if (j.state === 'running') await this.o.store.videoJobs.updateVideoJob(j.id, { state: 'queued', progress: 0, message: 'resumed after a restart' });
    }
    const n = videos.length + jobs.length;
    if (n > 0) this.o.log.info({ videos: videos.length, jobs: jobs.length }, 'resuming unfinished video work');
    this.queue.push(
      ...videos.map((v): Task => ({ kind: 'process', videoId: v.id })),
      ...jobs.map((j): Task => ({ kind: 'job', jobId: j.id, videoId: j.videoId })),
    );
    return n;
  }

  /** Processes an uploaded video. */
  enqueueProcess(videoId: string): void {
    if (this.queue.isClosed || this.queue.some((t) => t.kind === 'process' && t.videoId === videoId)) return;
    this.queue.push({ kind: 'process', videoId });
  }

  async submitMotion(videoId: string, options: MotionJobOptions, createdBy: string | undefined): Promise<VideoJobRecord> {
    const job = await this.o.store.videoJobs.createVideoJob({ id: randomUUID(), videoId, kind: MOTION, options, createdBy });
    this.o.hub.publish({ type: 'video_job', job: videoJobJson(job) });
    this.queue.push({ kind: 'job', jobId: job.id, videoId });
    return job;
  }

  /** Drops the video's queued work and stops its running task (before the video is deleted). */
  async forget(videoId: string): Promise<void> {
    this.queue.remove((t) => t.videoId === videoId);
    const cur = this.current;
    if (cur?.task.videoId === videoId) {
      cur.abort.abort(new Error('the video is being deleted'));
      await cur.done;
    }
  }

  /** Stops taking work and aborts the running task, leaving it for the next start. */
  async close(): Promise<void> {
    const ended = this.queue.close();
    this.current?.abort.abort(new Error('the server is stopping'));
    await ended;
  }

  /** Resolves when nothing is queued or running (tests). */
  idle(): Promise<void> {
    return this.queue.idle();
  }


  /** Writes in order (a late progress write must never land after the final state), progress at most twice a second. */
  private writer<P, R>(write: (patch: P) => Promise<R>): { save: (patch: P) => Promise<R>; progress: (patch: P) => void } {
    let chain: Promise<unknown> = Promise.resolve();
    let last = 0;
    const save = (patch: P): Promise<R> => {
      const next = chain.then(() => write(patch));
      chain = next.catch(() => undefined);
      return next;
    };
    const progress = (patch: P): void => {
      const t = performance.now();
      if (t - last < PROGRESS_WRITE_MS) return;
      last = t;
      save(patch).catch((err: unknown) => this.o.log.warn({ err }, 'video progress not stored'));
    };
    return { save, progress };
  }

  private async process(videoId: string, signal: AbortSignal): Promise<void> {
    const v = await this.o.store.videos.getVideo(videoId);
    if (v === undefined || v.status === 'ready' || v.status === 'failed') return;
    const t0 = performance.now();
    const w = this.writer<VideoPatch, VideoRecord | undefined>(async (patch) => {
      const after = await this.o.store.videos.updateVideo(videoId, patch);
      if (after !== undefined) this.o.hub.publish({ type: 'video', video: videoJson(after) });
      return after;
    });
    let live = videoJson(v);
    const after = await processVideo(
      {
        files: this.o.files,
        tools: this.o.tools,
        signal,
        save: async (patch) => {
          const r = await w.save(patch);
          if (r !== undefined) live = videoJson(r);
          return r;
        },
        progress: (fraction, message) => {
          if (signal.aborted) return;
          this.o.hub.publish({ type: 'video', video: { ...live, status: 'processing', progress: fraction, message } });
          w.progress({ progress: fraction, message });
        },
        logInternal: (err) => this.o.log.error({ err, video: videoId }, 'video processing failed'),
      },
      v,
    );
    if (after !== undefined) {
      this.o.log.info({ video: videoId, status: after.status, failure: after.failure?.message, seconds: ((performance.now() - t0) / 1000).toFixed(2) }, 'video processed');
    }
  }

  private async job(jobId: string, signal: AbortSignal): Promise<void> {
    const job = await this.o.store.videoJobs.getVideoJob(jobId);
    if (job === undefined || isFinal(job.state)) return;
    const w = this.writer<VideoJobPatch, VideoJobRecord | undefined>(async (patch) => {
      const after = await this.o.store.videoJobs.updateVideoJob(jobId, patch);
      if (after !== undefined) this.o.hub.publish({ type: 'video_job', job: videoJobJson(after, patch.result) });
      return after;
    });
    const fail = async (err: unknown): Promise<void> => {
      if (signal.aborted) return;
      const e = err instanceof NarizError ? { code: err.code, message: err.message } : { code: 'NARIZ_INTERNAL', message: 'internal error (logged)' };
      if (!(err instanceof NarizError)) this.o.log.error({ err, job: jobId }, 'video job failed');
      await w.save({ state: 'failed', finishedAt: this.o.now().toISOString(), error: e, message: 'failed' });
    };
    try {
      if (job.kind !== MOTION) throw new NarizError('NARIZ_STORE_CORRUPT', `video job ${jobId}: unknown kind "${job.kind}"`);
      const options = parseMotionOptions(job.options, jobId);
      const v = await this.o.store.videos.getVideo(job.videoId);
      if (v === undefined) return; // deleted with its video
      if (v.status !== 'ready') throw new NarizError('NARIZ_VIDEO_STATE', `video ${v.id} is ${v.status}`);
      const running = await w.save({ state: 'running', startedAt: this.o.now().toISOString(), progress: 0, message: 'decoding' });
      if (running?.state !== 'running') return;
      const media = await this.o.media(v, signal);
      const result = await runMotionCue(this.o.tools, media, {
        ...options,
        ...(v.durationS !== undefined ? { durationS: v.durationS } : {}),
        signal,
        onProgress: (fraction) => {
          if (signal.aborted) return;
          this.o.hub.publish({ type: 'video_job', job: { ...videoJobJson(running), progress: fraction } });
          w.progress({ progress: fraction });
        },
      });
      await w.save({ state: 'done', progress: 1, finishedAt: this.o.now().toISOString(), message: `${result.segments.length} motion cue(s)`, result });
    } catch (err) {
      await fail(err);
    }
  }
}

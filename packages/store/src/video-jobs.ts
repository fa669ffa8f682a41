/**
 * Jobs on a video (issue 5: motion cues over a region of the frame), stored
 * like sortie jobs (jobs.ts: the same states, the same rule that a final
 * job never changes) so that a restarted server runs again what was queued
 * or running. Options and result are JSON chosen by the kind.
 */
import type { JobError, JobState } from './jobs.js';

export interface NewVideoJob {
  readonly id: string;
  readonly videoId: string;
  readonly kind: string;
  readonly options: unknown;
  /** Username, or undefined for the system. */
  readonly createdBy: string | undefined;
}

export interface VideoJobRecord {
  readonly id: string;
  readonly videoId: string;
  readonly kind: string;
  readonly state: JobState;
  /** 0..1. */
  readonly progress: number;
  readonly message: string;
  readonly options: unknown;
  readonly createdBy: string | undefined;
  /** ISO 8601 UTC. */
  readonly createdAt: string;
  readonly startedAt: string | undefined;
  readonly finishedAt: string | undefined;
  readonly error: JobError | undefined;
}

export interface VideoJobPatch {
  readonly state?: JobState;
  readonly progress?: number;
  readonly message?: string;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly error?: JobError;
  /** Read back with `videoJobResult`. */
  readonly result?: unknown;
}

export interface VideoJobQuery {
  readonly videoId?: string;
  readonly kind?: string;
  readonly states?: readonly JobState[];
  /** Newest first, at most this many (default 100). */
  readonly limit?: number;
}

export interface VideoJobStore {
  /** NARIZ_NOT_FOUND when the video does not exist. */
  createVideoJob(j: NewVideoJob): Promise<VideoJobRecord>;
  getVideoJob(id: string): Promise<VideoJobRecord | undefined>;
  /** Newest first. */
  listVideoJobs(q?: VideoJobQuery): Promise<VideoJobRecord[]>;
  /** Applies the patch unless the job is final (done, failed, cancelled); the job afterwards, or undefined. */
  updateVideoJob(id: string, patch: VideoJobPatch): Promise<VideoJobRecord | undefined>;
  videoJobResult(id: string): Promise<unknown>;
}

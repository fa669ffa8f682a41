/**
 * Jobs: work that runs off the request path (localisation), stored so that
 * a restarted server finds what was queued or running and runs it again.
 * A job's options and result are JSON chosen by its kind; the store keeps
 * them as given.
 */
import type { SortieId } from '@nariz/core';

export const JOB_STATES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface NewJob {
  readonly id: string;
  readonly kind: string;
  readonly sortieId: SortieId;
  readonly options: unknown;
  /** Who asked (a username), or undefined for the system. */
  readonly createdBy: string | undefined;
}

export interface JobError {
  readonly code: string;
  readonly message: string;
}

export interface JobRecord {
  readonly id: string;
  readonly kind: string;
  readonly sortieId: SortieId;
  readonly state: JobState;
  /** 0..1. */
  readonly progress: number;
  readonly message: string;
  readonly options: unknown;
  readonly createdBy: string | undefined;
  /** Samples of the sortie the job ran on (set when it starts). */
  readonly sampleCount: number | undefined;
  /** ISO 8601 UTC. */
  readonly createdAt: string;
  readonly startedAt: string | undefined;
  readonly finishedAt: string | undefined;
  readonly error: JobError | undefined;
}

export interface JobPatch {
  readonly state?: JobState;
  readonly progress?: number;
  readonly message?: string;
  readonly sampleCount?: number;
  readonly startedAt?: string;
  readonly finishedAt?: string;
  readonly error?: JobError;
  /** Stored with the job; read back with `jobResult`. */
  readonly result?: unknown;
}

export interface JobQuery {
  readonly sortieId?: SortieId;
  readonly states?: readonly JobState[];
  /** Newest first, at most this many (default 100). */
  readonly limit?: number;
}

export interface JobStore {
  createJob(j: NewJob): Promise<JobRecord>;
  getJob(id: string): Promise<JobRecord | undefined>;
  /** Newest first. */
  listJobs(q?: JobQuery): Promise<JobRecord[]>;
  /**
   * Applies the patch unless the job is in a final state (done, failed,
   * cancelled); returns the job as it is afterwards, or undefined when
   * there is none.
   */
  updateJob(id: string, patch: JobPatch): Promise<JobRecord | undefined>;
  jobResult(id: string): Promise<unknown>;
  /** The newest finished (done) job of a kind for a sortie. */
  latestDone(sortieId: SortieId, kind: string): Promise<JobRecord | undefined>;
}

/** Final states: a job there is never changed again. */
export function isFinal(s: JobState): boolean {
  return s === 'done' || s === 'failed' || s === 'cancelled';
}

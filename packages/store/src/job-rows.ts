/** One reading of a stored job row for both adapters: states and errors checked once, here. */
import { NarizError, sortieId } from '@nariz/core';
import { JOB_STATES, type JobError, type JobRecord, type JobState } from './jobs.js';

export interface JobRowFields {
  readonly id: string;
  readonly kind: string;
  readonly sortie_id: string;
  readonly state: string;
  readonly progress: number;
  readonly message: string;
  readonly options: unknown;
  readonly created_by: string | null;
  readonly sample_count: number | null;
  readonly created_at: string | Date;
  readonly started_at: string | Date | null;
  readonly finished_at: string | Date | null;
  readonly error: unknown;
}

const iso = (t: string | Date | null): string | undefined => (t === null ? undefined : typeof t === 'string' ? t : t.toISOString());

function jobError(e: unknown, id: string): JobError | undefined {
  if (e === null || e === undefined) return undefined;
  if (typeof e === 'object' && 'code' in e && 'message' in e && typeof e.code === 'string' && typeof e.message === 'string') return { code: e.code, message: e.message };
  throw new NarizError('NARIZ_STORE_CORRUPT', `job ${id}: stored error is not {code, message}`);
}

export function jobRecord(r: JobRowFields): JobRecord {
  if (!(JOB_STATES as readonly string[]).includes(r.state)) throw new NarizError('NARIZ_STORE_CORRUPT', `job ${r.id}: unknown state "${r.state}"`);
  return {
    id: r.id,
    kind: r.kind,
    sortieId: sortieId(r.sortie_id),
    state: r.state as JobState,
    progress: r.progress,
    message: r.message,
    options: r.options,
    createdBy: r.created_by ?? undefined,
    sampleCount: r.sample_count ?? undefined,
    createdAt: iso(r.created_at)!,
    startedAt: iso(r.started_at),
    finishedAt: iso(r.finished_at),
    error: jobError(r.error, r.id),
  };
}

/** A localisation job (GET /api/jobs, POST /api/sorties/:id/locate, live `job` messages). */
import { sortieIdReader, type SortieId } from './ids.js';
import { arrayOf, fields, nullable, oneOf, optional, str, type Reader } from './read.js';

export const JOB_STATES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface Job {
  readonly id: string;
  readonly kind: string;
  readonly sortieId: SortieId;
  readonly state: JobState;
  /** 0..1 */
  readonly progress: number;
  readonly message: string;
  readonly createdAt: string;
  readonly finishedAt: string | null;
  readonly error: { readonly code: string; readonly message: string } | null;
}

export const readJob: Reader<Job> = (v, path) => {
  const f = fields(v, path);
  const progress = f.num('progress');
  return {
    id: f.str('id'),
    kind: f.str('kind'),
    sortieId: f.get('sortie_id', sortieIdReader),
    state: f.get('state', oneOf(JOB_STATES)),
    progress: Math.min(1, Math.max(0, progress)),
    message: f.get('message', optional(str)) ?? '',
    createdAt: f.str('created_at'),
    finishedAt: f.get('finished_at', nullable(str)),
    error: f.get(
      'error',
      nullable((e, p) => {
        const ef = fields(e, p);
        return { code: ef.str('code'), message: ef.str('message') };
      }),
    ),
  };
};

export function readJobList(v: unknown): Job[] {
  return fields(v, 'body').get('jobs', arrayOf(readJob));
}

export function readJobBody(v: unknown): Job {
  return readJob(v, 'job');
}

export function isActive(state: JobState): boolean {
  return state === 'queued' || state === 'running';
}

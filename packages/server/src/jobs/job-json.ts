/** A job as the API shows it (snake_case), with its JSON schema. */
import type { JobRecord } from '@nariz/store';

export const jobSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    kind: { type: 'string' },
    sortie_id: { type: 'string' },
    state: { type: 'string', enum: ['queued', 'running', 'done', 'failed', 'cancelled'] },
    progress: { type: 'number' },
    message: { type: 'string' },
    options: {},
    sample_count: { type: ['integer', 'null'] },
    created_by: { type: ['string', 'null'] },
    created_at: { type: 'string' },
    started_at: { type: ['string', 'null'] },
    finished_at: { type: ['string', 'null'] },
    error: { type: ['object', 'null'], properties: { code: { type: 'string' }, message: { type: 'string' } } },
  },
  required: ['id', 'kind', 'sortie_id', 'state', 'progress', 'message', 'sample_count', 'created_at', 'started_at', 'finished_at', 'error'],
} as const;

export function jobJson(j: JobRecord): Record<string, unknown> {
  return {
    id: j.id,
    kind: j.kind,
    sortie_id: j.sortieId,
    state: j.state,
    progress: j.progress,
    message: j.message,
    options: j.options,
    sample_count: j.sampleCount ?? null,
    created_by: j.createdBy ?? null,
    created_at: j.createdAt,
    started_at: j.startedAt ?? null,
    finished_at: j.finishedAt ?? null,
    error: j.error ?? null,
  };
}

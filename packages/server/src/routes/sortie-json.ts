/** A sortie as the API shows it (snake_case, units in names), with its JSON schema. */
import { ID_PATTERN } from '@nariz/core';
import type { SortieRecord } from '@nariz/store';

/** An id as core defines them (ids.ts), for route schemas. */
export const idSchema = { type: 'string', pattern: ID_PATTERN.source } as const;

export const sortieSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    simulated: { type: 'boolean' },
    created_at: { type: 'string' },
    sample_count: { type: 'integer' },
    batch_count: { type: 'integer' },
    species: { type: 'array', items: { type: 'object', properties: { key: { type: 'string' }, chemical: { type: 'string' }, unit: { type: 'string' } } } },
    time_range_s: { type: ['array', 'null'], items: { type: 'number' } },
    bbox: { type: ['array', 'null'], items: { type: 'number' } },
  },
  required: ['id', 'name', 'simulated', 'created_at', 'sample_count', 'batch_count', 'species', 'time_range_s', 'bbox'],
} as const;

export function sortieJson(r: SortieRecord): Record<string, unknown> {
  return {
    id: r.id,
    name: r.name,
    simulated: r.simulated,
    created_at: r.createdAt,
    sample_count: r.sampleCount,
    batch_count: r.batchCount,
    species: (r.shape?.species ?? []).map((s) => ({ key: s.key, chemical: s.chemical, unit: s.unit })),
    time_range_s: r.timeRangeS ?? null,
    bbox: r.bbox ?? null,
  };
}

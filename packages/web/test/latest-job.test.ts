import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readJobBody, type Job } from '../src/api/schema/job.js';
import { latestBySortie } from '../src/workspace/latest-job.js';

const S1 = 'sortie-1';
const S2 = 'sortie-2';

function job(id: string, sortie: string, createdAt: string, state = 'running', progress = 0.5): Job {
  return readJobBody({ id, kind: 'locate', sortie_id: sortie, state, progress, message: '', created_at: createdAt, finished_at: null, error: null });
}

test('one job per sortie, the newest', () => {
  const m = latestBySortie([job('a', S1, '2024-06-01T10:00:00Z'), job('b', S2, '2024-06-01T10:01:00Z'), job('c', S1, '2024-06-01T10:02:00Z')]);
  assert.equal(m.size, 2);
  assert.equal([...m.values()].find((j) => j.sortieId === S1)?.id, 'c');
});

test('progress of the shown job replaces it; a late message of an older job does not', () => {
  let m = latestBySortie([job('new', S1, '2024-06-01T10:05:00Z', 'running', 0.1)]);
  m = latestBySortie([job('new', S1, '2024-06-01T10:05:00Z', 'done', 1)], m);
  const shown = (): Job | undefined => [...m.values()][0];
  assert.equal(shown()?.state, 'done');
  m = latestBySortie([job('old', S1, '2024-06-01T09:00:00Z', 'failed', 0.3)], m);
  assert.equal(shown()?.id, 'new');
  assert.equal(shown()?.state, 'done');
});

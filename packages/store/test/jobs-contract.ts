/** The JobStore part of the store contract (jobs.ts). */
import assert from 'node:assert/strict';
import { sortieId } from '@nariz/core';
import type { Store } from '../src/index.js';

type WithStore = (title: string, body: (s: Store) => Promise<void>) => void;

export function jobsContract(withStore: WithStore): void {
  withStore('a job moves from queued through running to done with its result; a final job is never changed', async (s) => {
    const sid = sortieId('jobs-a');
    await s.createSortie({ id: sid, name: 'a', simulated: true });
    const j = await s.jobs.createJob({ id: 'j1', kind: 'locate', sortieId: sid, options: { max_sources: 3 }, createdBy: 'marta' });
    assert.equal(j.state, 'queued');
    assert.equal(j.progress, 0);
    assert.deepEqual(j.options, { max_sources: 3 });
    assert.equal(j.createdBy, 'marta');
    assert.equal(j.startedAt, undefined);
    const run = await s.jobs.updateJob('j1', { state: 'running', startedAt: '2026-11-27T10:00:00.000Z', sampleCount: 1200, progress: 0.25, message: 'scanning' });
    assert.equal(run?.state, 'running');
    assert.equal(run?.sampleCount, 1200);
    assert.equal(run?.progress, 0.25);
    assert.equal(run?.startedAt, '2026-11-27T10:00:00.000Z');
    const result = { sources: [{ lat: 19.4, lon: -99.1, rate_gps: { hcl: 0.52 } }], note: 'ñandú' };
    await s.jobs.updateJob('j1', { state: 'done', progress: 1, finishedAt: '2026-11-27T10:00:05.000Z', result });
    assert.deepEqual(await s.jobs.jobResult('j1'), result);
    const late = await s.jobs.updateJob('j1', { state: 'failed', error: { code: 'NARIZ_WORKER', message: 'late' } });
    assert.equal(late?.state, 'done', 'a final state is kept');
    assert.equal(late?.error, undefined);
    assert.equal((await s.jobs.latestDone(sid, 'locate'))?.id, 'j1');
    assert.equal(await s.jobs.updateJob('nope', { progress: 0.5 }), undefined);
    assert.equal(await s.jobs.jobResult('nope'), undefined);
  });

  withStore('jobs are listed newest first, by sortie and state; failures keep their error; deleting the sortie deletes its jobs', async (s) => {
    const a = sortieId('jobs-b');
    const b = sortieId('jobs-c');
    await s.createSortie({ id: a, name: 'a', simulated: false });
    await s.createSortie({ id: b, name: 'b', simulated: false });
    for (const [id, sid] of [['k1', a], ['k2', b], ['k3', a]] as const) await s.jobs.createJob({ id, kind: 'locate', sortieId: sid, options: {}, createdBy: undefined });
    assert.deepEqual((await s.jobs.listJobs()).map((j) => j.id), ['k3', 'k2', 'k1']);
    assert.deepEqual((await s.jobs.listJobs({ sortieId: a })).map((j) => j.id), ['k3', 'k1']);
    assert.deepEqual((await s.jobs.listJobs({ limit: 1 })).map((j) => j.id), ['k3']);
    await s.jobs.updateJob('k1', { state: 'failed', error: { code: 'NARIZ_CSV_EMPTY', message: 'too few samples' }, finishedAt: '2026-11-27T10:00:00.000Z' });
    await s.jobs.updateJob('k2', { state: 'running' });
    assert.deepEqual((await s.jobs.listJobs({ states: ['queued', 'running'] })).map((j) => j.id).sort(), ['k2', 'k3']);
    assert.deepEqual((await s.jobs.listJobs({ states: [] })).map((j) => j.id), []);
    assert.deepEqual((await s.jobs.getJob('k1'))?.error, { code: 'NARIZ_CSV_EMPTY', message: 'too few samples' });
    assert.equal(await s.jobs.latestDone(a, 'locate'), undefined, 'a failed job is no estimate');
    await s.deleteSortie(a);
    assert.deepEqual((await s.jobs.listJobs()).map((j) => j.id), ['k2']);
  });
}

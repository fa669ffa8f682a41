/**
 * Localisation jobs on a real server: an upload queues one, it runs in a
 * worker thread with progress, and its estimate (the locate JSON, posterior
 * draws, hazard zones) finds the simulated lab; jobs can be run with
 * options and cancelled; a job left unfinished by a server that stopped is
 * run by the next one, and a job whose stored options are corrupt fails
 * with the reason instead of blocking the queue.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { distanceM, sortieId } from '@nariz/core';
import { call, makeUser, startServer, until } from './harness.js';
import { labSortie } from './scenario.js';

interface Job { id: string; state: string; progress: number; sample_count: number | null; error: { code: string; message: string } | null; created_by: string | null }
interface Estimate {
  job_id: string;
  simulated: boolean;
  sample_count: number;
  result: { sources: Array<{ lat: number; lon: number; position_ci95_m: number; lab_probability: number; posterior_sample: Array<[number, number]> }> };
  hazards: { type: string; features: Array<{ properties: { kind: string } }>; notes: string[] };
}

test('an upload queues a localisation that finds the simulated lab, with posterior draws and hazard zones', async () => {
  const s = await startServer({ jobThreads: 1 });
  try {
    const { token } = await makeUser(s.store, 'ana', 'analyst');
    const auth = { token };
    const { csv, truth } = labSortie(3);
    const up = await call(s.base, 'POST', '/api/sortie-uploads?name=lab&simulated=true&id=up-1', csv, { type: 'text/csv', auth });
    assert.equal(up.status, 201);
    const jobs = (await call(s.base, 'GET', '/api/jobs?sortie_id=up-1', undefined, { auth })).json as { jobs: Job[] };
    assert.equal(jobs.jobs.length, 1, 'one job queued by the upload');
    assert.equal(jobs.jobs[0]!.created_by, null, 'queued by the system');
    const done = await until(async () => {
      const j = (await call(s.base, 'GET', `/api/jobs/${jobs.jobs[0]!.id}`, undefined, { auth })).json as Job;
      return j.state === 'done' || j.state === 'failed' ? j : undefined;
    }, 'the job to finish');
    assert.equal(done.state, 'done', JSON.stringify(done.error));
    assert.equal(done.progress, 1);
    assert.equal(done.sample_count, 3000);
    const est = (await call(s.base, 'GET', '/api/sorties/up-1/estimate', undefined, { auth })).json as Estimate;
    assert.equal(est.job_id, done.id);
    assert.equal(est.simulated, true);
    const lab = truth.sources[0]!;
    const near = est.result.sources.reduce((a, b) => (distanceM(a, lab) < distanceM(b, lab) ? a : b));
    assert.ok(distanceM(near, lab) < 50, `lab found within 50 m (${distanceM(near, lab).toFixed(1)} m)`);
    assert.ok(near.lab_probability > 0.5);
    assert.ok(near.posterior_sample.length > 50 && near.posterior_sample.length <= 256);
    assert.equal(est.hazards.type, 'FeatureCollection');
    assert.ok(est.hazards.features.some((f) => f.properties.kind === 'footprint'), `hazard footprints: ${est.hazards.notes.join('; ')}`);
    // Detections are served for the same sortie.
    const det = (await call(s.base, 'GET', '/api/sorties/up-1/detections', undefined, { auth })).json as { species: Array<{ key: string; events: Array<{ lat: number; lon: number; z: number }> }> };
    assert.ok(det.species.some((sp) => sp.events.length > 0 && sp.events.every((e) => e.z > 0 && Math.abs(e.lat - lab.lat) < 0.1)));
  } finally {
    await s.close();
  }
});

test('jobs run with options, can be cancelled once, and refuse bad requests', async () => {
  const s = await startServer({ jobThreads: 1 });
  try {
    const { token } = await makeUser(s.store, 'ana', 'analyst');
    const viewer = await makeUser(s.store, 'vic', 'viewer');
    const auth = { token };
    const { csv } = labSortie(4, 2000);
    assert.equal((await call(s.base, 'POST', '/api/sortie-uploads?name=x&id=opt-1', csv, { type: 'text/csv', auth })).status, 201);
    assert.equal((await call(s.base, 'POST', '/api/sorties/opt-1/locate', { max_sources: 99 }, { auth })).status, 400);
    assert.equal((await call(s.base, 'POST', '/api/sorties/opt-1/locate', { colour: 'red' }, { auth })).status, 400);
    assert.equal((await call(s.base, 'POST', '/api/sorties/opt-1/locate', {}, { auth: { token: viewer.token } })).status, 403);
    assert.equal((await call(s.base, 'POST', '/api/sorties/nope/locate', {}, { auth })).status, 404);
    assert.equal((await call(s.base, 'POST', '/api/sorties', { name: 'empty', id: 'empty-1' }, { auth })).status, 201);
    assert.equal((await call(s.base, 'POST', '/api/sorties/empty-1/locate', {}, { auth })).status, 400, 'no samples to locate');
    const a = await call(s.base, 'POST', '/api/sorties/opt-1/locate', { max_sources: 2, stability: 'D', seed: 5 }, { auth });
    assert.equal(a.status, 202);
    const job = a.json as Job & { options: unknown };
    assert.deepEqual(job.options, { max_sources: 2, stability: 'D', seed: 5 });
    assert.equal(job.created_by, 'ana');
    assert.equal((await call(s.base, 'DELETE', `/api/jobs/${job.id}`, undefined, { auth })).status, 204);
    const after = (await call(s.base, 'GET', `/api/jobs/${job.id}`, undefined, { auth })).json as Job;
    assert.equal(after.state, 'cancelled');
    assert.equal((await call(s.base, 'DELETE', `/api/jobs/${job.id}`, undefined, { auth })).status, 409);
    assert.equal((await call(s.base, 'GET', '/api/jobs/none', undefined, { auth })).status, 404);
    await s.app.platform.jobs.idle();
    const states = ((await call(s.base, 'GET', '/api/jobs?sortie_id=opt-1', undefined, { auth })).json as { jobs: Job[] }).jobs.map((j) => j.state).sort();
    assert.deepEqual(states, ['cancelled', 'done']);
  } finally {
    await s.close();
  }
});

test('a restarted server resumes the jobs the last one left, and fails a job it cannot read instead of stalling', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nariz-resume-'));
  try {
    const first = await startServer({ dir, jobThreads: 1 });
    const { token } = await makeUser(first.store, 'ana', 'analyst');
    const { csv } = labSortie(5, 2000);
    assert.equal((await call(first.base, 'POST', '/api/sortie-uploads?name=x&id=resume-1', csv, { type: 'text/csv', auth: { token } })).status, 201);
    const queued = (await first.store.jobs.listJobs({ sortieId: sortieId('resume-1') }))[0]!;
    // A job with options from nowhere (a newer version, a bad edit): it must fail, not block the queue.
    await first.store.jobs.createJob({ id: 'corrupt', kind: 'locate', sortieId: sortieId('resume-1'), options: { max_sources: 'many' }, createdBy: undefined });
    await first.close(); // stops the running job, leaving it for the next start
    const second = await startServer({ dir, jobThreads: 1 });
    try {
      await second.app.platform.jobs.idle();
      const resumed = (await second.store.jobs.getJob(queued.id))!;
      assert.equal(resumed.state, 'done', `${resumed.state}: ${resumed.error?.message ?? ''}`);
      const bad = (await second.store.jobs.getJob('corrupt'))!;
      assert.equal(bad.state, 'failed');
      assert.equal(bad.error?.code, 'NARIZ_STORE_CORRUPT');
      assert.match(bad.error?.message ?? '', /max_sources/);
    } finally {
      await second.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

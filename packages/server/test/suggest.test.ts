/**
 * Adaptive search on a real server: after a localisation, the suggested
 * waypoints come from the stored estimate, stay in the flight area, are
 * checked against the named authority, and bad requests are refused.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LocalFrame, NarizError } from '@nariz/core';
import { SuggestRunner } from '../src/jobs/suggest-runner.js';
import { call, makeUser, startServer, until } from './harness.js';
import { labSortie } from './scenario.js';

interface Suggestion {
  sortie_id: string;
  simulated: boolean;
  estimate_job_id: string | null;
  from: { lat: number; lon: number; alt_m: number; heading_deg: number };
  area: { center: { lat: number; lon: number }; width_m: number; height_m: number };
  waypoints: Array<{ lat: number; lon: number; alt_m: number }>;
  kind: string | null;
  expected_gain_bits: number;
  gain_per_cluster: Array<{ label: string; bits: number }>;
  bits_per_m: number;
  length_m: number;
  candidates_scored: number;
  ms: number | null;
  airspace: { authority_id: string; boundary_source: { kind: string; name: string }; clean: boolean; excursions: unknown[] } | null;
}

test('suggested waypoints come from the stored estimate, stay in the area and are checked against the authority', async () => {
  const s = await startServer({ jobThreads: 1 });
  try {
    const { token } = await makeUser(s.store, 'ana', 'analyst');
    const viewer = await makeUser(s.store, 'vic', 'viewer');
    const auth = { token };
    const { csv, sortie } = labSortie(3);
    assert.equal((await call(s.base, 'POST', '/api/sortie-uploads?name=lab&simulated=true&id=sg-1', csv, { type: 'text/csv', auth })).status, 201);

    // Before the localisation finishes the planner works from the track alone, or after it from the estimate;
    // wait for the estimate so the answer is deterministic.
    const job = await until(async () => {
      const j = (await call(s.base, 'GET', '/api/jobs?sortie_id=sg-1', undefined, { auth })).json as { jobs: Array<{ id: string; state: string }> };
      return j.jobs[0]?.state === 'done' ? j.jobs[0] : undefined;
    }, 'the localisation');

    const r = await call(s.base, 'POST', '/api/sorties/sg-1/suggest-waypoints', { authority_id: 'national-nl' }, { auth });
    assert.equal(r.status, 200, JSON.stringify(r.json));
    const g = r.json as Suggestion;
    assert.equal(g.sortie_id, 'sg-1');
    assert.equal(g.simulated, true);
    assert.equal(g.estimate_job_id, job.id);
    assert.ok(g.waypoints.length >= 1 && g.waypoints.length <= 3, `${g.waypoints.length} waypoints`);
    assert.ok(g.expected_gain_bits > 0 && g.bits_per_m > 0 && g.candidates_scored > 10);
    assert.ok(typeof g.ms === 'number' && g.ms > 0);
    // The reported source(s) and the undiscovered-source hypothesis, in that order.
    assert.equal(g.gain_per_cluster.at(-1)!.label, 'undiscovered');
    assert.ok(g.gain_per_cluster.length >= 2, 'the located lab is a cluster of the belief');
    // From the end of the track, at its height.
    const k = sortie.count - 1;
    assert.ok(Math.abs(g.from.lat - sortie.lat[k]!) < 1e-9 && Math.abs(g.from.lon - sortie.lon[k]!) < 1e-9);
    assert.ok(Math.abs(g.from.alt_m - sortie.altAglM[k]!) < 1e-9);
    // Inside the track's extent plus the 300 m flight margin, at the drone's height.
    const f = new LocalFrame(g.area.center);
    for (const w of g.waypoints) {
      const [e, n] = f.project(w.lat, w.lon);
      assert.ok(Math.abs(e) <= g.area.width_m / 2 + 300 + 1 && Math.abs(n) <= g.area.height_m / 2 + 300 + 1, `waypoint at ${e.toFixed(0)}, ${n.toFixed(0)} m`);
      assert.equal(w.alt_m, g.from.alt_m);
    }
    // Near Utrecht, at the drone's height: inside Dutch airspace.
    assert.equal(g.airspace?.authority_id, 'national-nl');
    assert.equal(g.airspace?.boundary_source.kind, 'embedded');
    assert.equal(g.airspace?.clean, true, JSON.stringify(g.airspace?.excursions));

    // The same request plans the same path.
    const again = (await call(s.base, 'POST', '/api/sorties/sg-1/suggest-waypoints', { authority_id: 'national-nl' }, { auth })).json as Suggestion;
    assert.deepEqual(again.waypoints, g.waypoints);

    // A position and area of the crew's choosing; no authority, no check.
    const own = (await call(s.base, 'POST', '/api/sorties/sg-1/suggest-waypoints', {
      from: { lat: g.area.center.lat, lon: g.area.center.lon, alt_m: 30, heading_deg: 90 },
      area: { center: g.area.center, width_m: 800, height_m: 800 },
    }, { auth })).json as Suggestion;
    assert.equal(own.airspace, null);
    assert.equal(own.from.alt_m, 30);
    for (const w of own.waypoints) {
      const [e, n] = f.project(w.lat, w.lon);
      assert.ok(Math.abs(e) <= 400 + 300 + 1 && Math.abs(n) <= 400 + 300 + 1);
    }

    // Refusals.
    assert.equal((await call(s.base, 'POST', '/api/sorties/sg-1/suggest-waypoints', {}, { auth: { token: viewer.token } })).status, 403);
    assert.equal((await call(s.base, 'POST', '/api/sorties/nope/suggest-waypoints', {}, { auth })).status, 404);
    assert.equal((await call(s.base, 'POST', '/api/sorties/sg-1/suggest-waypoints', { authority_id: 'no-such' }, { auth })).status, 404);
    const bad = await call(s.base, 'POST', '/api/sorties/sg-1/suggest-waypoints', { from: { lat: 95, lon: 0 } }, { auth });
    assert.equal(bad.status, 400);
    assert.match(JSON.stringify(bad.json), /lat/);
    assert.equal((await call(s.base, 'POST', '/api/sorties/sg-1/suggest-waypoints', { area: { center: { lat: 0, lon: 0 }, width_m: 1, height_m: 800 } }, { auth })).status, 400);
    assert.equal((await call(s.base, 'POST', '/api/sorties', { name: 'empty', id: 'sg-empty' }, { auth })).status, 201);
    const few = await call(s.base, 'POST', '/api/sorties/sg-empty/suggest-waypoints', {}, { auth });
    assert.equal(few.status, 400);
    assert.match(JSON.stringify(few.json), /at least 240/);
  } finally {
    await s.close();
  }
});

test('suggestions run one at a time in worker threads, and one that overruns is stopped with NARIZ_WORKER', async () => {
  const { sortie } = labSortie(3, 600);
  const k = sortie.count - 1;
  const req = {
    sortie,
    estimate: undefined,
    area: { center: { lat: sortie.lat[0]!, lon: sortie.lon[0]! }, widthM: 800, heightM: 800 },
    from: { lat: sortie.lat[k]!, lon: sortie.lon[k]!, altM: 15, headingDeg: 0 },
    options: {},
  };
  const runner = new SuggestRunner();
  const [a, b] = await Promise.all([runner.run(req), runner.run(req)]);
  assert.deepEqual(a.waypoints, b.waypoints, 'the same request, the same answer');
  assert.ok(a.candidatesScored > 0 && typeof a.ms === 'number');
  await assert.rejects(new SuggestRunner(1).run(req), (e: unknown) => e instanceof NarizError && e.code === 'NARIZ_WORKER' && /overran/.test(e.message));
  // A bad request is the worker's NarizError, passed on with its code.
  await assert.rejects(runner.run({ ...req, sortie: { ...sortie, count: 0 } }), (e: unknown) => e instanceof NarizError && e.code === 'NARIZ_USAGE');
});

/**
 * The HTTP API against a real server on a free port and a real SQLite file:
 * health and readiness, the OpenAPI document, sorties, idempotent CSV
 * batches (201 new, 200 repeated, 409 conflicting), bad requests answered
 * 4xx with a reason and nothing stored, samples read back exactly.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createRng, type Sortie } from '@nariz/core';
import { parseSortieCsv } from '@nariz/formats';
import { call as httpCall, makeUser, startServer, type Reply, type TestServer } from './harness.js';

let server: TestServer;
let analyst: { token: string };

before(async () => {
  server = await startServer();
  analyst = await makeUser(server.store, 'analyst1', 'analyst');
});

after(async () => {
  await server.close();
});

/** A batch as a drone would log it: `n` rows from time t0, three species in ppb. */
function batchCsv(n: number, seed: number, t0: number): string {
  const rng = createRng(seed);
  const lines = ['time,lat,lon,alt_agl_m,wind_u_mps,wind_v_mps,acetone_ppb,toluene_ppb,hcl_ppb'];
  for (let i = 0; i < n; i++) {
    const row = [t0 + i, 52.09 + 1e-4 * i, 5.12 + rng.uniform(0, 1e-3), 15, 3 + rng.normal() * 0.1, rng.normal() * 0.1, ...[0, 1, 2].map(() => Math.abs(20 + 5 * rng.normal()).toFixed(3))];
    lines.push(row.join(','));
  }
  return `${lines.join('\n')}\n`;
}

async function call(method: string, path: string, body?: unknown, type = 'application/json'): Promise<Reply> {
  return httpCall(server.base, method, path, body, { type, auth: analyst });
}

type ErrorBody = { error: { code: string; message: string; location?: { line?: number; column?: string } } };

test('health, readiness and the OpenAPI document', async () => {
  assert.deepEqual((await call('GET', '/health')).json, { status: 'ok' });
  assert.deepEqual((await call('GET', '/ready')).json, { status: 'ready' });
  const doc = (await call('GET', '/api/docs')).json as { openapi: string; paths: Record<string, unknown> };
  assert.match(doc.openapi, /^3\./);
  for (const p of ['/api/sorties', '/api/sorties/{id}', '/api/sorties/{id}/batches/{batchId}', '/api/sorties/{id}/samples']) assert.ok(p in doc.paths, `${p} documented`);
  const missing = await call('GET', '/api/nothing-here');
  assert.equal(missing.status, 404);
  assert.equal((missing.json as ErrorBody).error.code, 'NARIZ_NOT_FOUND');
});

test('sorties: create, list, get, delete; bad requests get a 4xx with the reason', async () => {
  const made = await call('POST', '/api/sorties', { name: 'Ridge survey', simulated: true });
  assert.equal(made.status, 201);
  const rec = made.json as { id: string; name: string; simulated: boolean; sample_count: number };
  assert.equal(made.headers.get('location'), `/api/sorties/${rec.id}`);
  assert.equal(rec.name, 'Ridge survey');
  assert.equal(rec.simulated, true);
  assert.equal(rec.sample_count, 0);
  assert.ok(((await call('GET', '/api/sorties')).json as { sorties: Array<{ id: string }> }).sorties.some((s) => s.id === rec.id));
  assert.equal(((await call('GET', `/api/sorties/${rec.id}`)).json as { name: string }).name, 'Ridge survey');

  const noName = await call('POST', '/api/sorties', { simulated: true });
  assert.equal(noName.status, 400);
  assert.equal((noName.json as ErrorBody).error.code, 'NARIZ_BAD_REQUEST');
  assert.match((noName.json as ErrorBody).error.message, /name/);
  const extra = await call('POST', '/api/sorties', { name: 'x', colour: 'red' });
  assert.equal(extra.status, 400);
  const badId = await call('POST', '/api/sorties', { name: 'x', id: '../etc' });
  assert.equal(badId.status, 400);
  assert.equal((await call('POST', '/api/sorties', { name: 'fixed', id: 'fixed-1' })).status, 201);
  const again = await call('POST', '/api/sorties', { name: 'fixed again', id: 'fixed-1' });
  assert.equal(again.status, 409);
  assert.equal((again.json as ErrorBody).error.code, 'NARIZ_CONFLICT');

  assert.equal((await call('DELETE', `/api/sorties/${rec.id}`)).status, 204);
  assert.equal((await call('DELETE', `/api/sorties/${rec.id}`)).status, 404);
  assert.equal((await call('GET', `/api/sorties/${rec.id}`)).status, 404);
});

test('batches: 201 new, 200 when sent again, 409 for other samples under the same id; read back exactly', async () => {
  const id = 'live-1';
  assert.equal((await call('POST', '/api/sorties', { name: 'live', id })).status, 201);
  const a = batchCsv(300, 1, 1.7e9);
  const b = batchCsv(200, 2, 1.7e9 + 300);
  const first = await call('PUT', `/api/sorties/${id}/batches/b-1`, a, 'text/csv');
  assert.equal(first.status, 201);
  assert.deepEqual(first.json, { sortie_id: id, batch_id: 'b-1', first_sample: 0, count: 300, duplicate: false, warnings: [] });
  assert.equal((await call('PUT', `/api/sorties/${id}/batches/b-2`, b, 'text/csv')).status, 201);
  const repeat = await call('PUT', `/api/sorties/${id}/batches/b-1`, a, 'text/csv');
  assert.equal(repeat.status, 200);
  assert.equal((repeat.json as { duplicate: boolean; first_sample: number }).duplicate, true);
  const clash = await call('PUT', `/api/sorties/${id}/batches/b-1`, b, 'text/csv');
  assert.equal(clash.status, 409);
  assert.equal((clash.json as ErrorBody).error.code, 'NARIZ_CONFLICT');

  const rec = (await call('GET', `/api/sorties/${id}`)).json as { sample_count: number; batch_count: number; species: Array<{ key: string; unit: string }> };
  assert.equal(rec.sample_count, 500);
  assert.equal(rec.batch_count, 2);
  assert.deepEqual(rec.species.map((s) => `${s.key}:${s.unit}`), ['acetone:ppb', 'toluene:ppb', 'hcl:ppb']);

  // Every sample back, as the CSV reader reads the batches.
  const want = [parseSortieCsv(a).sortie, parseSortieCsv(b).sortie];
  const got = (await call('GET', `/api/sorties/${id}/samples?max=100000`)).json as { count: number; step: number; time_s: number[]; lat: number[]; species: Record<string, { unit: string; values: number[] }> };
  assert.equal(got.count, 500);
  assert.equal(got.step, 1);
  const cat = (pick: (s: Sortie) => ArrayLike<number>): number[] => want.flatMap((s) => Array.from(pick(s)));
  assert.deepEqual(got.time_s, cat((s) => s.timeS));
  assert.deepEqual(got.lat, cat((s) => s.lat));
  assert.equal(got.species['hcl']!.unit, 'kg/m3');
  assert.deepEqual(got.species['hcl']!.values, cat((s) => s.species[2]!.kgM3));
  // Decimated for display: every step-th sample, step reported.
  const small = (await call('GET', `/api/sorties/${id}/samples?max=100`)).json as { step: number; time_s: number[] };
  assert.equal(small.step, 5);
  assert.deepEqual(small.time_s, cat((s) => s.timeS).filter((_, i) => i % 5 === 0));
  const range = (await call('GET', `/api/sorties/${id}/samples?from=290&to=310`)).json as { from: number; count: number; time_s: number[] };
  assert.equal(range.count, 20);
  assert.deepEqual(range.time_s, cat((s) => s.timeS).slice(290, 310));
});

test('a bad batch is refused with its line and column and stores nothing; wrong type or sortie is a 4xx', async () => {
  const id = 'live-2';
  await call('POST', '/api/sorties', { name: 'live 2', id });
  await call('PUT', `/api/sorties/${id}/batches/ok`, batchCsv(10, 3, 1.7e9), 'text/csv');
  const lines = batchCsv(10, 4, 1.7e9 + 10).split('\n');
  lines[4] = lines[4]!.replace(/^([^,]*),[^,]*/, '$1,north');
  const bad = await call('PUT', `/api/sorties/${id}/batches/bad`, lines.join('\n'), 'text/csv');
  assert.equal(bad.status, 400);
  const err = (bad.json as ErrorBody).error;
  assert.equal(err.code, 'NARIZ_CSV_VALUE');
  assert.equal(err.location?.line, 5);
  assert.equal(err.location?.column, 'lat');
  const otherSpecies = batchCsv(5, 5, 1.7e9 + 20).replace('hcl_ppb', 'ch4_ppm');
  const shape = await call('PUT', `/api/sorties/${id}/batches/shape`, otherSpecies, 'text/csv');
  assert.equal(shape.status, 400);
  assert.equal((shape.json as ErrorBody).error.code, 'NARIZ_BATCH_COLUMNS');
  assert.equal(((await call('GET', `/api/sorties/${id}`)).json as { sample_count: number }).sample_count, 10, 'nothing stored');
  assert.equal((await call('PUT', `/api/sorties/${id}/batches/json`, { rows: [] })).status, 415);
  assert.equal((await call('PUT', `/api/sorties/nope/batches/x`, batchCsv(3, 6, 1.7e9), 'text/csv')).status, 404);
  assert.equal((await call('GET', `/api/sorties/${id}/samples?max=0`)).status, 400);
});

test('a whole sortie file is uploaded as a stream and stored in batches; a bad row removes the upload', async () => {
  const csv = batchCsv(25_000, 7, 1.6e9);
  const up = await call('POST', '/api/sortie-uploads?name=Full%20survey&simulated=true&id=full-1', csv, 'text/csv');
  assert.equal(up.status, 201, JSON.stringify(up.json));
  const body = up.json as { sortie: { id: string; sample_count: number; batch_count: number; simulated: boolean }; warnings: unknown[] };
  assert.equal(body.sortie.id, 'full-1');
  assert.equal(body.sortie.sample_count, 25_000);
  assert.equal(body.sortie.batch_count, 3);
  assert.equal(body.sortie.simulated, true);
  assert.equal(up.headers.get('location'), '/api/sorties/full-1');
  const want = parseSortieCsv(csv).sortie;
  const got = (await call('GET', '/api/sorties/full-1/samples?max=1000000')).json as { time_s: number[]; species: Record<string, { values: number[] }> };
  assert.deepEqual(got.time_s, Array.from(want.timeS));
  assert.deepEqual(got.species['toluene']!.values, Array.from(want.species[1]!.kgM3));

  const lines = batchCsv(25_000, 8, 1.6e9).split('\n');
  lines[15_001] = lines[15_001]!.replace(/^([^,]*),[^,]*/, '$1,north');
  const bad = await call('POST', '/api/sortie-uploads?name=broken&id=broken-1', lines.join('\n'), 'text/csv');
  assert.equal(bad.status, 400);
  const err = (bad.json as ErrorBody).error;
  assert.equal(err.code, 'NARIZ_CSV_VALUE');
  assert.equal(err.location?.line, 15_002);
  assert.equal(err.location?.column, 'lat');
  assert.equal((await call('GET', '/api/sorties/broken-1')).status, 404, 'the failed upload left nothing');
  assert.equal((await call('POST', '/api/sortie-uploads', csv, 'text/csv')).status, 400, 'a name is required');
});

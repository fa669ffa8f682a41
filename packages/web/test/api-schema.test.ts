/**
 * The API readers on real payloads (the CLI's `locate --json` and `hazard
 * --geojson` outputs, which the server returns inside an estimate) and on
 * broken ones, which must be refused with the path of the bad field.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readApiError } from '../src/api/schema/api-error.js';
import { readAppConfig } from '../src/api/schema/app-config.js';
import { readDetections } from '../src/api/schema/detections.js';
import { readEstimate } from '../src/api/schema/estimate.js';
import { readJobBody, readJobList } from '../src/api/schema/job.js';
import { readLiveMessage } from '../src/api/schema/live-message.js';
import { SchemaError } from '../src/api/schema/read.js';
import { readSamples } from '../src/api/schema/samples.js';
import { canAnalyse, readSession } from '../src/api/schema/session.js';
import { readSortieList, readUploadResult } from '../src/api/schema/sortie.js';
import { CLI } from './repo-root.js';

const sortie = {
  id: 'b3f1c2d4-0000-4000-8000-000000000001',
  name: 'sortie.csv',
  simulated: true,
  created_at: '2024-06-01T16:00:00.000Z',
  sample_count: 6433,
  batch_count: 1,
  species: [{ key: 'acetone', chemical: 'acetone', unit: 'ppb' }],
  time_range_s: [1717257600, 1717264032],
  bbox: [5.1, 52.08, 5.14, 52.1],
};

const job = {
  id: 'job-1',
  kind: 'locate',
  sortie_id: sortie.id,
  state: 'running',
  progress: 0.4,
  message: 'scanning',
  sample_count: 6433,
  created_at: '2024-06-01T16:10:00.000Z',
  started_at: '2024-06-01T16:10:01.000Z',
  finished_at: null,
  error: null,
};

let cached: { locate: unknown; hazards: unknown } | undefined;

/** Runs the built CLI (once); its outputs are the contract the server wraps. */
function cliOutputs(): { locate: unknown; hazards: unknown } {
  cached ??= runCli();
  return cached;
}

function runCli(): { locate: unknown; hazards: unknown } {
  const dir = mkdtempSync(join(tmpdir(), 'nariz-web-schema-'));
  try {
    execFileSync(process.execPath, [CLI, 'simulate', '--seed', '3', '--out', dir], { stdio: 'pipe' });
    const locate: unknown = JSON.parse(execFileSync(process.execPath, [CLI, 'locate', '--json', '--threads', '1', join(dir, 'sortie.csv')], { encoding: 'utf8' }));
    const out = join(dir, 'hazards.geojson');
    execFileSync(
      process.execPath,
      [CLI, 'hazard', '--lat', '52.0899', '--lon', '5.127', '--chemical', 'hcl', '--rate-gps', '2.1', '--wind-mps', '3', '--wind-from-deg', '175', '--stability', 'E', '--geojson', out],
      { stdio: 'pipe' },
    );
    const hazards: unknown = JSON.parse(readFileSync(out, 'utf8'));
    return { locate, hazards };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('an estimate built from the real CLI outputs reads completely', () => {
  const { locate, hazards } = cliOutputs();
  const e = readEstimate({ job_id: 'job-1', finished_at: '2024-06-01T16:10:04Z', sample_count: 6433, simulated: true, result: locate, hazards });
  assert.equal(e.simulated, true);
  assert.ok(e.sources.length >= 2, `${e.sources.length} sources`);
  const lab = e.sources.find((s) => s.labProbability > 0.5);
  assert.ok(lab !== undefined, 'the simulated lab is found');
  // The simulator's lab (seed 3) is at 52.089926, 5.126985: within its own 95 % radius.
  const dN = (lab.lat - 52.089926) * 111_200;
  const dE = (lab.lon - 5.126985) * 111_200 * Math.cos((52.09 * Math.PI) / 180);
  assert.ok(Math.hypot(dN, dE) < lab.positionCi95M, `lab ${Math.hypot(dN, dE)} m from the truth`);
  assert.deepEqual(Object.keys(lab.rateGps).sort(), ['acetone', 'hcl', 'toluene']);
  const ci = lab.rateCi95Gps['acetone'];
  assert.ok(ci !== undefined && ci[0] < lab.rateGps['acetone']! && lab.rateGps['acetone']! < ci[1]);
  // Posterior draws (up to 256, equally weighted) centre on the estimate.
  assert.ok(lab.posteriorSample.length <= 256);
  if (lab.posteriorSample.length > 0) {
    const n = lab.posteriorSample.length;
    const meanLon = lab.posteriorSample.reduce((a, p) => a + p[0], 0) / n;
    const meanLat = lab.posteriorSample.reduce((a, p) => a + p[1], 0) / n;
    const off = Math.hypot((meanLat - lab.lat) * 111_200, (meanLon - lab.lon) * 111_200 * Math.cos((52.09 * Math.PI) / 180));
    assert.ok(off < lab.positionCi95M, `posterior mean ${off} m from the estimate`);
  }
  assert.ok(e.zones.length >= 1, 'hazard zones');
  assert.ok(e.zones.every((z) => z.level >= 1 && z.level <= 3 && z.tier.length > 0));
  assert.ok(e.zones.some((z) => z.kind === 'direction-uncertainty'));
  assert.equal(e.hazardSources.length, 1);
});

test('posterior draws are read as [lon, lat] pairs; a malformed draw names its place', () => {
  const { locate } = cliOutputs();
  assert.ok(typeof locate === 'object' && locate !== null && 'sources' in locate && Array.isArray(locate.sources));
  const first: unknown = locate.sources[0];
  const withDraws = { ...Object(first), posterior_sample: [[5.127, 52.0899], [5.1271, 52.09]] };
  const body = { job_id: 'j', finished_at: 'x', sample_count: 1, simulated: false, result: { ...locate, sources: [withDraws] }, hazards: { type: 'FeatureCollection', features: [] } };
  assert.deepEqual(readEstimate(body).sources[0]!.posteriorSample, [[5.127, 52.0899], [5.1271, 52.09]]);
  const bad = { ...body, result: { ...locate, sources: [{ ...withDraws, posterior_sample: [[5.127]] }] } };
  assert.throws(() => readEstimate(bad), (e: unknown) => e instanceof SchemaError && e.path === 'estimate.result.sources[0].posterior_sample[0]');
});

test('sessions, roles and the app config', () => {
  const admin = { username: 'admin', role: 'admin', clearance: 'TS', nationality: 'USA', organisation: 'task force', accesses: [] };
  const s = readSession({ user: admin, csrf_token: 'abc', must_change_password: true });
  assert.deepEqual(s, { username: 'admin', role: 'admin', clearance: 'TS', nationality: 'USA', organisation: 'task force', accesses: [], csrfToken: 'abc', mustChangePassword: true });
  assert.equal(canAnalyse('viewer'), false);
  assert.equal(canAnalyse('analyst'), true);
  assert.throws(() => readSession({ user: { ...admin, role: 'root' }, csrf_token: 'a', must_change_password: false }), /session\.user\.role: expected one of viewer, analyst, admin/);
  assert.throws(() => readSession({ user: { ...admin, role: 'viewer' }, must_change_password: false }), /session\.csrf_token: expected a string, got undefined/);
  assert.throws(() => readSession({ user: { username: 'x', role: 'viewer' }, csrf_token: 'a', must_change_password: false }), /session\.user\.clearance/);
  assert.deepEqual(readAppConfig({ version: '0.1.0', pmtiles_url: null, demo: false, own_country: 'USA' }), { version: '0.1.0', pmtilesUrl: null, demo: false, ownCountry: 'USA' });
  assert.equal(readAppConfig({ version: '0.1.0', pmtiles_url: '/basemap.pmtiles', demo: true, own_country: 'MEX' }).pmtilesUrl, '/basemap.pmtiles');
  assert.throws(() => readAppConfig({ version: '0.1.0', demo: false, own_country: 'USA' }), /pmtiles_url/);
  assert.throws(() => readAppConfig({ version: '0.1.0', pmtiles_url: null, demo: false }), /own_country/);
});

test('sorties and uploads', () => {
  const [s] = readSortieList({ sorties: [sortie] });
  assert.equal(s!.simulated, true);
  assert.deepEqual(s!.timeRangeS, [1717257600, 1717264032]);
  assert.deepEqual(readSortieList({ sorties: [{ ...sortie, time_range_s: null, bbox: null }] })[0]!.bbox, null);
  assert.throws(() => readSortieList({ sorties: [{ ...sortie, id: '../etc' }] }), /sorties\[0\]\.id: expected a sortie id/);
  assert.throws(() => readSortieList({ sorties: [{ ...sortie, bbox: [1, 2, 3] }] }), /bbox: expected 4 numbers/);
  assert.throws(() => readSortieList({ sorties: [{ ...sortie, sample_count: 1.5 }] }), /sample_count: expected an integer/);
  const up = readUploadResult({ sortie, warnings: [{ code: 'NARIZ_CSV_VALUE', message: '2 rows skipped', count: 2 }] });
  assert.deepEqual(up.warnings, ['2 rows skipped']);
});

test('jobs: states are a closed set, progress is clamped to 0..1', () => {
  const j = readJobBody(job);
  assert.equal(j.state, 'running');
  assert.equal(j.finishedAt, null);
  assert.equal(readJobBody({ ...job, progress: 1.0000001 }).progress, 1);
  assert.equal(readJobList({ jobs: [job, { ...job, id: 'job-2', state: 'failed', error: { code: 'NARIZ_NUMERIC', message: 'no convergence' } }] })[1]!.error?.message, 'no convergence');
  assert.throws(() => readJobBody({ ...job, state: 'paused' }), /job\.state: expected one of/);
});

test('samples: columns of one length, concentrations only in kg/m3', () => {
  const body = {
    from: 0, count: 3, step: 1,
    time_s: [1, 2, 3], lat: [0, 0, 0], lon: [1, 1, 1], alt_agl_m: [15, 15, 15], wind_u_mps: [1, 1, 1], wind_v_mps: [0, 0, 0],
    species: { acetone: { unit: 'kg/m3', values: [1e-9, 2e-9, 3e-9] } },
  };
  const s = readSamples(body);
  assert.ok(s.timeS instanceof Float64Array);
  assert.deepEqual([...s.speciesKgM3.get('acetone')!], [1e-9, 2e-9, 3e-9]);
  assert.throws(() => readSamples({ ...body, lat: [0, 0] }), /samples\.lat: 2 values for 3 times/);
  assert.throws(() => readSamples({ ...body, species: { acetone: { unit: 'ppb', values: [1, 2, 3] } } }), /expected kg\/m3/);
  assert.throws(() => readSamples({ ...body, time_s: [1, null, 3] }), /samples\.time_s\[1\]: expected a finite number, got null/);
});

test('detections', () => {
  const d = readDetections({
    species: [{ key: 'hcl', chemical: 'hydrogen chloride', unit: 'ppb', background_median: 10, noise_sd: 15, events: [{ start_s: 1, end_s: 9, peak_s: 5, peak_kg_m3: 1e-7, excess_kg_m3: 8e-8, lat: 52, lon: 5, z: 15 }] }],
  });
  assert.equal(d[0]!.events[0]!.peakS, 5);
  assert.throws(() => readDetections({ species: [{ key: 'hcl' }] }), /detections\.species\[0\]\.chemical/);
});

test('live messages: each known type, unknown types ignored, broken known ones refused', () => {
  assert.deepEqual(readLiveMessage({ type: 'sortie_deleted', id: sortie.id }), { type: 'sortie_deleted', id: sortie.id });
  const m = readLiveMessage({ type: 'job', job });
  assert.equal(m?.type === 'job' ? m.job.progress : null, 0.4);
  assert.equal(readLiveMessage({ type: 'estimate', sortie_id: sortie.id, job_id: 'job-1' })?.type, 'estimate');
  assert.equal(readLiveMessage({ type: 'batch', sortie_id: sortie.id, first_sample: 0, count: 10 })?.type, 'batch');
  assert.equal(readLiveMessage({ type: 'sortie', sortie })?.type, 'sortie');
  assert.equal(readLiveMessage({ type: 'hello', anything: 1 }), null);
  assert.equal(readLiveMessage('not an object'), null);
  assert.throws(() => readLiveMessage({ type: 'estimate', sortie_id: sortie.id }), /live\.job_id/);
});

test('the error shape', () => {
  assert.deepEqual(readApiError({ error: { code: 'NARIZ_AUTH', message: 'wrong user name or password' } }), { code: 'NARIZ_AUTH', message: 'wrong user name or password' });
  assert.equal(readApiError({ message: 'Not Found' }), null);
  assert.equal(readApiError({ error: { code: 1 } }), null);
  assert.equal(readApiError(null), null);
});

/**
 * Serving the web app: its files (hashed assets cached for good, index.html
 * revalidated), index.html for the app's own routes, 404s in the error
 * shape for missing files and API routes, the app configuration before
 * sign-in, and a deployment's PMTiles basemap with HTTP range requests.
 */
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type TestServer } from './harness.js';

const dir = mkdtempSync(join(tmpdir(), 'nariz-web-'));
const tiles = randomBytes(4096);
let s: TestServer;

before(async () => {
  const root = join(dir, 'app');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Nariz</title><div id="root"></div>');
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log("nariz")');
  writeFileSync(join(dir, 'region.pmtiles'), tiles);
  s = await startServer({ webRoot: root, pmtilesPath: join(dir, 'region.pmtiles'), demo: true });
});

after(async () => {
  await s.close();
  rmSync(dir, { recursive: true, force: true });
});

test('the app, its assets and its own routes are served; missing files and API routes are 404s in the error shape', async () => {
  const index = await fetch(`${s.base}/`);
  assert.equal(index.status, 200);
  assert.match(await index.text(), /<title>Nariz<\/title>/);
  assert.equal(index.headers.get('cache-control'), 'no-cache');
  const asset = await fetch(`${s.base}/assets/index-abc123.js`);
  assert.equal(asset.status, 200);
  assert.match(asset.headers.get('cache-control') ?? '', /immutable/);
  const route = await fetch(`${s.base}/sorties/demo-west`);
  assert.equal(route.status, 200);
  assert.match(await route.text(), /<div id="root">/);
  const missing = await fetch(`${s.base}/assets/gone.js`);
  assert.equal(missing.status, 404);
  assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'NARIZ_NOT_FOUND');
  const api = await fetch(`${s.base}/api/not-a-route`);
  assert.equal(api.status, 404);
  assert.equal(((await api.json()) as { error: { code: string } }).error.code, 'NARIZ_NOT_FOUND');
});

test('app-config is public and names the basemap; the PMTiles file answers range requests', async () => {
  const cfg = await fetch(`${s.base}/api/app-config`);
  assert.equal(cfg.status, 200);
  const c = (await cfg.json()) as { version: string; pmtiles_url: string | null; demo: boolean };
  assert.equal(c.pmtiles_url, '/basemap.pmtiles');
  assert.equal(c.demo, true);
  assert.match(c.version, /^\d+\.\d+\.\d+/);
  const part = await fetch(`${s.base}/basemap.pmtiles`, { headers: { range: 'bytes=100-163' } });
  assert.equal(part.status, 206);
  assert.equal(part.headers.get('content-range'), `bytes 100-163/${tiles.length}`);
  assert.deepEqual(Buffer.from(await part.arrayBuffer()), tiles.subarray(100, 164));
  const whole = await fetch(`${s.base}/basemap.pmtiles`);
  assert.deepEqual(Buffer.from(await whole.arrayBuffer()), tiles);
});

/**
 * End to end: the real server (a child process on a fresh SQLite directory)
 * serving the built app, driven in Debian's Chromium through playwright-core.
 * Sign in as the first admin → change the one-time password → the largest
 * populated places on the world view → upload a simulated sortie through
 * the file input → watch the upload and the localisation job finish → the
 * sources appear in the list and on the map →
 * open a source and the concentration plot → replay → Spanish and back →
 * sign out → a viewer sees the sources but no upload, delete or localise.
 * A screenshot of every step goes to artifacts/e2e/cop-*.png (and one on
 * failure). Nothing waits a fixed time: every step waits for a condition.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { checkPrerequisites, launchBrowser, screenshotter, signIn, startServer, type RunningServer } from './e2e-harness.js';
import { CLI } from './repo-root.js';

const INITIAL_PASSWORD = 'e2e-initial-Passw0rd';
const NEW_PASSWORD = 'e2e-changed-Passw0rd-2024';
const VIEWER_INITIAL = 'e2e-viewer-initial-pw';
const VIEWER_NEW = 'e2e-viewer-changed-pw-1';

/** The simulated lab's position, from the simulator's own summary line ("lab-1  52.089926, 5.126985 ..."). */
function labPosition(simulateStdout: string): { lat: number; lon: number } {
  const m = /lab-1\s+(-?\d+\.\d+),\s*(-?\d+\.\d+)/.exec(simulateStdout);
  assert.ok(m !== null, `no lab in the simulator's output: ${simulateStdout}`);
  return { lat: Number(m[1]), lon: Number(m[2]) };
}

function distanceM(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const dN = (a.lat - b.lat) * 111_195;
  const dE = (a.lon - b.lon) * 111_195 * Math.cos((a.lat * Math.PI) / 180);
  return Math.hypot(dN, dE);
}

test('e2e: sign in, change password, upload, localise, sources on the map, plot, Spanish, sign out, viewer', { timeout: 300_000 }, async () => {
  checkPrerequisites();
  const csvDir = mkdtempSync(join(tmpdir(), 'nariz-e2e-csv-'));
  const simulated = execFileSync(process.execPath, [CLI, 'simulate', '--seed', '3', '--out', csvDir], { encoding: 'utf8' });
  const lab = labPosition(simulated);
  const csvPath = join(csvDir, 'sortie.csv');

  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let screenshot: (name: string) => Promise<void> = async () => undefined;

  try {
    server = await startServer({ NARIZ_INITIAL_ADMIN_PASSWORD: INITIAL_PASSWORD });
    const b = await launchBrowser();
    browser = b.browser;
    const { page, pageErrors } = b;
    screenshot = screenshotter(page, 'cop');
    const base = server.base;

    // 1. Sign in with the one-time password.
    await page.goto(base);
    await page.getByTestId('signin-form').waitFor();
    await screenshot('signin');
    await page.getByTestId('signin-username').fill('admin');
    await page.getByTestId('signin-password').fill(INITIAL_PASSWORD);
    await page.getByTestId('signin-submit').click();

    // 2. The password must be changed before anything else.
    await page.getByTestId('password-form').waitFor();
    await screenshot('change-password');
    await page.getByTestId('password-current').fill(INITIAL_PASSWORD);
    await page.getByTestId('password-new').fill(NEW_PASSWORD);
    await page.getByTestId('password-confirm').fill(NEW_PASSWORD);
    await page.getByTestId('password-submit').click();
    await page.getByTestId('sign-out').waitFor();
    assert.equal(await page.getByTestId('current-user').textContent(), 'admin (administrator)');
    assert.equal(await page.getByTestId('basemap-label').getAttribute('data-basemap'), 'embedded');
    await page.waitForFunction('window.__nariz?.map?.loaded() === true');
    await page.getByTestId('live-status').and(page.locator('[data-state="open"]')).waitFor();
    // The embedded basemap's populated places (GeoNames): at the world view only the largest class is drawn, credited.
    await page.waitForFunction(`(() => {
      const m = window.__nariz?.map;
      return !!m && m.loaded() && m.areTilesLoaded() && m.queryRenderedFeatures(undefined, { layers: ['place-dots'] }).length > 0;
    })()`);
    const placeClasses = await page.evaluate(`[...new Set(window.__nariz.map.queryRenderedFeatures(undefined, { layers: ['place-dots'] }).map((f) => f.properties.cls))]`);
    assert.deepEqual(placeClasses, [0], `zoom classes drawn at zoom ${String(await page.evaluate('window.__nariz.map.getZoom()'))}`);
    await page.locator('.maplibregl-ctrl-attrib-inner', { hasText: 'GeoNames' }).waitFor({ state: 'attached' });
    await screenshot('workspace-empty');

    // 3. A file dropped on the drop zone is checked before it is sent: not a CSV, refused.
    await page.evaluate(`(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['not a sortie'], 'notes.txt', { type: 'text/plain' }));
      const zone = document.querySelector('[data-testid="upload-dropzone"]');
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    })()`);
    await page.getByTestId('upload-status').and(page.locator('[data-phase="failed"]')).waitFor();
    assert.match((await page.getByTestId('upload-status').textContent()) ?? '', /notes\.txt.*Only CSV files/);
    assert.equal(await page.getByTestId('sortie-item').count(), 0);

    // 4. Upload the simulated sortie through the file input, marked as simulated.
    await page.getByTestId('upload-simulated').check();
    await page.getByTestId('upload-input').setInputFiles(csvPath);
    const status = page.getByTestId('upload-status');
    await status.and(page.locator('[data-phase="done"]')).waitFor();
    assert.equal(await page.getByTestId('upload-progress').getAttribute('value'), '1');
    const item = page.getByTestId('sortie-item');
    assert.equal(await item.count(), 1);
    assert.equal(await item.getAttribute('data-simulated'), 'true');
    assert.equal(await item.getByTestId('simulated-badge').textContent(), 'SIMULATED');
    await page.getByTestId('map-simulated').waitFor();
    await screenshot('uploaded');

    // 5. The upload queued a localisation; it runs and finishes.
    const job = page.getByTestId('job-state');
    await job.and(page.locator('[data-state="done"]')).waitFor();

    // 6. Sources appear in the list and on the map, the same ones.
    const sources = page.getByTestId('source-item');
    await sources.first().waitFor();
    const n = await sources.count();
    assert.ok(n >= 2, `${n} sources listed (seed 3 has a lab and two decoys)`);
    const listed: { lat: number; lon: number }[] = [];
    for (let i = 0; i < n; i++) {
      listed.push({ lat: Number(await sources.nth(i).getAttribute('data-lat')), lon: Number(await sources.nth(i).getAttribute('data-lon')) });
    }
    const nearest = Math.min(...listed.map((s) => distanceM(s, lab)));
    assert.ok(nearest < 150, `the nearest listed source is ${nearest.toFixed(0)} m from the simulated lab`);
    await page.waitForFunction(
      `(() => {
        const m = window.__nariz?.map;
        if (!m || !m.loaded() || !m.areTilesLoaded()) return false;
        return m.queryRenderedFeatures(undefined, { layers: ['source-points'] }).length === ${n};
      })()`,
    );
    // Features can repeat across tiles: distinct numbers.
    const drawn = await page.evaluate(`[...new Set(window.__nariz.map.querySourceFeatures('sources').map((f) => f.properties.n))].sort((a, b) => a - b)`);
    assert.deepEqual(
      drawn,
      Array.from({ length: n }, (_, i) => i + 1),
      'the map numbers the sources as the list does',
    );
    const ellipses = await page.evaluate(`window.__nariz.map.queryRenderedFeatures(undefined, { layers: ['source-ellipse-line'] }).length`);
    assert.ok(typeof ellipses === 'number' && ellipses >= n, `${String(ellipses)} ellipses drawn`);
    const trackSegments = await page.evaluate(`window.__nariz.map.queryRenderedFeatures(undefined, { layers: ['track'] }).length`);
    assert.ok(typeof trackSegments === 'number' && trackSegments > 100, `${String(trackSegments)} track segments drawn`);
    await page.getByTestId('legend-range').waitFor();
    await screenshot('sources');

    // 7. A source's detail.
    await sources.first().getByRole('button').first().click();
    const detail = page.getByTestId('source-detail');
    await detail.waitFor();
    assert.equal(await detail.getAttribute('data-source-n'), '1');
    assert.equal(await detail.getByTestId('simulated-badge').count(), 1);

    // 8. The concentration plot, every species.
    await page.getByTestId('plot-toggle').click();
    const plot = page.getByTestId('concentration-plot');
    await plot.locator('canvas').waitFor();
    const legend = (await plot.locator('.u-legend').textContent()) ?? '';
    for (const species of ['acetone', 'toluene', 'hcl']) assert.ok(legend.includes(species), `plot legend lacks ${species}: ${legend}`);
    assert.ok(((await plot.locator('figcaption').textContent()) ?? '').includes('SIMULATED'));
    await screenshot('plot');

    // 9. Replay: play moves the clock, pause stops it.
    const readout = page.getByTestId('time-readout');
    await page.getByTestId('play-toggle').click();
    const first = await readout.textContent();
    await page.waitForFunction(
      `document.querySelector('[data-testid="time-readout"]').textContent !== ${JSON.stringify(first)}`,
    );
    await page.getByTestId('play-toggle').click();
    const droneFeatures = await page.evaluate(`window.__nariz.map.querySourceFeatures('drone').length`);
    assert.ok(typeof droneFeatures === 'number' && droneFeatures >= 1, 'the drone marker is on the map');
    await screenshot('replay');

    // 10. Spanish, then English again.
    await page.getByTestId('language-switch').first().selectOption('es');
    await page.locator('#sources-title', { hasText: 'Fuentes' }).waitFor();
    assert.equal(await page.locator('html').getAttribute('lang'), 'es-419');
    assert.equal(await page.getByTestId('sign-out').textContent(), 'Cerrar sesión');
    assert.equal(await item.getByTestId('simulated-badge').textContent(), 'SIMULADO');
    await screenshot('spanish');
    await page.getByTestId('language-switch').first().selectOption('en');
    await page.locator('#sources-title', { hasText: 'Sources' }).waitFor();
    assert.equal(await page.getByTestId('sign-out').textContent(), 'Sign out');

    // 11. An admin creates a viewer (through the API, with the session's CSRF token), then signs out.
    const created = await page.evaluate(`(async () => {
      const s = await (await fetch('/api/session')).json();
      const r = await fetch('/api/users', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrf_token },
        body: JSON.stringify({ username: 'viewer1', password: ${JSON.stringify(VIEWER_INITIAL)}, role: 'viewer' }),
      });
      return r.status;
    })()`);
    assert.equal(created, 201);
    await page.getByTestId('sign-out').click();
    await page.getByTestId('signin-form').waitFor();
    assert.equal(await page.evaluate(`fetch('/api/sorties').then((r) => r.status)`), 401, 'signed out on the server too');
    await screenshot('signed-out');

    // 12. The viewer sees the sortie and its sources, but nothing that changes them.
    await signIn(page, 'viewer1', VIEWER_INITIAL, VIEWER_NEW);
    await page.getByTestId('source-item').first().waitFor();
    assert.equal(await page.getByTestId('current-user').textContent(), 'viewer1 (viewer)');
    assert.equal(await page.getByTestId('source-item').count(), n);
    assert.equal(await page.getByTestId('sortie-item').getByTestId('simulated-badge').count(), 1);
    for (const hidden of ['upload-input', 'sortie-delete', 'run-locate']) assert.equal(await page.getByTestId(hidden).count(), 0, `${hidden} shown to a viewer`);
    await page.waitForFunction(
      `(() => {
        const m = window.__nariz?.map;
        return !!m && m.loaded() && m.areTilesLoaded() && m.queryRenderedFeatures(undefined, { layers: ['source-points'] }).length === ${n};
      })()`,
    );
    await screenshot('viewer');
    await page.getByTestId('sign-out').click();
    await page.getByTestId('signin-form').waitFor();
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  } catch (err) {
    await screenshot('failure').catch(() => undefined);
    if (server !== undefined && server.stderr.length > 0) console.error(`server stderr:\n${server.stderr.join('')}`);
    throw err;
  } finally {
    await browser?.close();
    await server?.stop();
    rmSync(csvDir, { recursive: true, force: true });
  }
});

/**
 * End to end, the deployment's own basemap: a server started with
 * NARIZ_BASEMAP_PMTILES (a one-tile raster archive made here) serves it
 * with range requests; the app reads it through the pmtiles protocol, draws
 * it under the overlays instead of Natural Earth and its populated places,
 * and says so in the header.
 * Screenshots: artifacts/e2e/basemap-*.png.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { checkPrerequisites, launchBrowser, screenshotter, signIn, startServer, type RunningServer } from './e2e-harness.js';
import { singleTilePmtiles } from './pmtiles-fixture.js';
import { solidPng } from './png-fixture.js';

test('e2e: a deployment PMTiles basemap replaces Natural Earth, and the header says so', { timeout: 180_000 }, async () => {
  checkPrerequisites();
  const dir = mkdtempSync(join(tmpdir(), 'nariz-e2e-pmtiles-'));
  const file = join(dir, 'basemap.pmtiles');
  writeFileSync(file, singleTilePmtiles(solidPng(256, 256, [32, 72, 48]), 'e2e one tile'));
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let screenshot: (name: string) => Promise<void> = async () => undefined;
  try {
    server = await startServer({ NARIZ_INITIAL_ADMIN_PASSWORD: 'basemap-initial-pw', NARIZ_BASEMAP_PMTILES: file });
    const ranged = await fetch(`${server.base}/basemap.pmtiles`, { headers: { range: 'bytes=0-126' } });
    assert.equal(ranged.status, 206, 'the server answers range requests for the basemap');
    assert.equal(Buffer.from(await ranged.arrayBuffer()).subarray(0, 7).toString('latin1'), 'PMTiles');

    const b = await launchBrowser();
    browser = b.browser;
    const { page, pageErrors } = b;
    screenshot = screenshotter(page, 'basemap');
    await page.goto(server.base);
    await signIn(page, 'admin', 'basemap-initial-pw', 'basemap-changed-pw-1');
    const label = page.getByTestId('basemap-label');
    await label.and(page.locator('[data-basemap="pmtiles"]')).waitFor();
    assert.equal(await label.textContent(), 'Deployment PMTiles');
    // The archive's tile is loaded (over range requests) and drawn; Natural Earth is hidden.
    await page.waitForFunction(`(() => {
      const m = window.__nariz?.map;
      return !!m && !!m.getLayer('pm-raster') && m.isSourceLoaded('deployment-pmtiles') && m.areTilesLoaded();
    })()`);
    const neVisibility = await page.evaluate(`['ne50-land-fill', 'ne10-land-fill', 'place-dots', 'place-labels'].map((id) => window.__nariz.map.getLayoutProperty(id, 'visibility'))`);
    assert.deepEqual(neVisibility, ['none', 'none', 'none', 'none']);
    // The GeoNames credit goes with the hidden places (Natural Earth's is the map's own, always shown).
    await page.waitForFunction(`!document.querySelector('.maplibregl-ctrl-attrib-inner')?.textContent?.includes('GeoNames')`);
    const order = await page.evaluate(`window.__nariz.map.getStyle().layers.map((l) => l.id)`);
    assert.ok(Array.isArray(order));
    assert.ok(order.indexOf('pm-raster') < order.indexOf('hazard-fill'), 'the basemap lies under the overlays');
    await screenshot('pmtiles');
    await page.getByTestId('language-switch').first().selectOption('es');
    await label.and(page.locator('text=PMTiles de la instalación')).waitFor();
    assert.deepEqual(pageErrors, []);
  } catch (err) {
    await screenshot('failure').catch(() => undefined);
    if (server !== undefined && server.stderr.length > 0) console.error(`server stderr:\n${server.stderr.join('')}`);
    throw err;
  } finally {
    await browser?.close();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

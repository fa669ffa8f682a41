/**
 * End to end, the counter-network link chart: the real server (a child
 * process on a fresh SQLite directory) serving the built app, driven in
 * Debian's Chromium through playwright-core.
 *
 * The first admin imports, through the Network tab's two-step import, six
 * entities (two located: a lab and a place) and seven assertions (two
 * reports of the same C–D meeting) → the sigma chart draws 6 nodes and 7
 * edges (parallel ones kept) and the map two network points → an analysis
 * on the server gives C a normalised betweenness of exactly 0.8 (8 of the
 * 10 pairs of the other five go through C: 2·8 / (5·4)) and E 0.4 (F's
 * four pairs), ranked first and second → the C–D link's provenance lists
 * both reports with their gradings → "Carlos R." (F) merged into C leaves 5
 * nodes, and undoing the merge gives 6 back → the panel in Spanish → a
 * viewer sees the chart but no import, merge or edit, and the server
 * refuses the viewer's import (403). Screenshots: artifacts/e2e/network-*.png.
 * Nothing waits a fixed time: every step waits for a condition.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { checkPrerequisites, launchBrowser, screenshotter, signIn, startServer, type RunningServer } from './e2e-harness.js';

const ADMIN_INITIAL = 'network-initial-Passw0rd';
const ADMIN_PASSWORD = 'network-changed-Passw0rd-2026';
const VIEWER_INITIAL = 'viewer-one-time-pw-1';
const VIEWER_PASSWORD = 'viewer-chosen-pw-2026';

const ENTITIES_CSV = [
  'id,name,tipo,lat,lon',
  'ana,Ana Ruiz,person,,',
  'beto,Beto Salas,person,,',
  'carlos,Carlos Reyes,person,,',
  'dora,Dora Lab,lab,29.0892,-110.9613',
  'eli,Eli Ortega,person,,',
  'carlos-r,Carlos R.,person,29.1,-110.95',
].join('\n');

/** A–B, A–C, B–C, C–D twice (two reports), C–E, E–F. */
const ASSERTIONS_CSV = [
  'from,to,relation,fecha,grading,report',
  'ana,beto,meeting,2026-03-02,B2,INF-2026-001',
  'ana,carlos,meeting,2026-03-05,B2,INF-2026-002',
  'beto,carlos,phone-call,2026-03-09,C3,INF-2026-003',
  'carlos,dora,meeting,2026-03-14,B2,INF-2026-014',
  'carlos,dora,meeting,2026-04-02,A1,INF-2026-020',
  'carlos,eli,phone-call,2026-04-10,C3,INF-2026-021',
  'eli,carlos-r,meeting,2026-05-01,D4,INF-2026-030',
].join('\n');

async function apiFromPage(page: Page, method: string, path: string, body?: unknown, contentType = 'application/json'): Promise<{ status: number; json: unknown }> {
  const r: unknown = await page.evaluate(`(async () => {
    const s = await (await fetch('/api/session')).json();
    const r = await fetch(${JSON.stringify(path)}, {
      method: ${JSON.stringify(method)},
      headers: { 'content-type': ${JSON.stringify(contentType)}, 'x-csrf-token': s.csrf_token },
      ${body === undefined ? '' : `body: ${JSON.stringify(typeof body === 'string' ? body : JSON.stringify(body))},`}
    });
    return { status: r.status, json: await r.json().catch(() => null) };
  })()`);
  assert.ok(typeof r === 'object' && r !== null && 'status' in r && typeof r.status === 'number' && 'json' in r);
  return { status: r.status, json: r.json };
}

/** Uploads a CSV through the import form, checks the preview's suggestions, and commits. */
async function importCsv(page: Page, kind: 'entities' | 'assertions', name: string, csv: string, rows: number, suggested: Record<string, string>): Promise<string> {
  const form = page.getByTestId('network-import');
  await form.getByTestId('network-import-kind').selectOption(kind);
  await form.getByTestId('network-import-file').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
  const preview = form.getByTestId('network-import-preview');
  await preview.waitFor();
  assert.equal(await preview.getAttribute('data-kind'), kind);
  assert.equal(await preview.getAttribute('data-rows'), String(rows));
  for (const [column, field] of Object.entries(suggested)) {
    assert.equal(await preview.locator(`[data-testid="network-import-field"][data-column="${column}"]`).inputValue(), field, `column ${column} mapped to ${field}`);
  }
  await form.getByTestId('network-import-commit').click();
  const done = form.getByTestId('network-import-done');
  const error = form.getByTestId('network-import-error');
  await done.or(error).waitFor();
  assert.equal(await error.count(), 0, `the import was refused: ${(await error.count()) > 0 ? await error.textContent() : ''}`);
  return (await done.textContent()) ?? '';
}

async function chartCounts(page: Page): Promise<{ nodes: number; edges: number; drawnNodes: number; drawnEdges: number }> {
  const chart = page.getByTestId('network-chart');
  const r: unknown = await page.evaluate(`({ order: window.__narizNetwork.order(), size: window.__narizNetwork.size() })`);
  assert.ok(typeof r === 'object' && r !== null && 'order' in r && 'size' in r);
  return { nodes: Number(await chart.getAttribute('data-nodes')), edges: Number(await chart.getAttribute('data-edges')), drawnNodes: Number(r.order), drawnEdges: Number(r.size) };
}

async function waitForNodes(page: Page, n: number): Promise<void> {
  await page.locator(`[data-testid="network-chart"][data-nodes="${n}"]`).waitFor();
  await page.waitForFunction(`window.__narizNetwork !== undefined && window.__narizNetwork.order() === ${n}`);
}

test('e2e network: import through the mapping step, the chart, an exact betweenness, provenance, merge and undo, Spanish, a read-only viewer', { timeout: 300_000 }, async () => {
  checkPrerequisites();
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let screenshot: (name: string) => Promise<void> = async () => undefined;
  try {
    server = await startServer({ NARIZ_INITIAL_ADMIN_PASSWORD: ADMIN_INITIAL });
    const b = await launchBrowser();
    browser = b.browser;
    const { page, pageErrors } = b;
    screenshot = screenshotter(page, 'network');

    // 1. The admin signs in and opens the Network tab: nothing yet.
    await page.goto(server.base);
    await signIn(page, 'admin', ADMIN_INITIAL, ADMIN_PASSWORD);
    await page.getByTestId('sign-out').waitFor();
    await page.getByTestId('tab-network').click();
    const panel = page.getByTestId('network-panel');
    await panel.waitFor();
    assert.equal(await panel.getAttribute('data-can-write'), 'true');
    await page.getByTestId('network-timeline').waitFor();
    assert.equal((await chartCounts(page)).nodes, 0);

    // 2. Two imports through the preview and the column mapping (the server's suggestions, Spanish headers included).
    const e = await importCsv(page, 'entities', 'entidades.csv', ENTITIES_CSV, 6, { id: 'id', name: 'label', tipo: 'type', lat: 'lat', lon: 'lon' });
    assert.match(e, /6 entities/);
    const a = await importCsv(page, 'assertions', 'afirmaciones.csv', ASSERTIONS_CSV, 7, { from: 'from', to: 'to', relation: 'type', fecha: 'date', grading: 'grading', report: 'source_ref' });
    assert.match(a, /7 assertions/);

    // 3. The chart: sigma's canvases drawn, 6 nodes and 7 edges (the two C–D reports are two curved edges).
    await waitForNodes(page, 6);
    await page.locator('[data-testid="network-chart"][data-edges="7"]').waitFor();
    const counts = await chartCounts(page);
    assert.deepEqual(counts, { nodes: 6, edges: 7, drawnNodes: 6, drawnEdges: 7 });
    assert.ok((await page.locator('[data-testid="network-chart"] canvas').count()) >= 1, 'sigma drew into a canvas');
    const pixels: unknown = await page.evaluate(`(() => { const c = document.querySelector('[data-testid="network-chart"] canvas'); return c.width * c.height; })()`);
    assert.ok(typeof pixels === 'number' && pixels > 10_000, 'the canvas has a size');
    assert.equal(await page.getByTestId('network-timeline').getAttribute('data-dated'), '7');
    // The located entities on the map beside the labs and sources.
    await page.waitForFunction(`(() => { const s = window.__nariz && window.__nariz.map.getSource('network-entities'); return s !== undefined && s.serialize().data.features.length === 2; })()`);
    const located: unknown = await page.evaluate(`window.__nariz.map.getSource('network-entities').serialize().data.features.map((f) => f.properties.id).sort()`);
    assert.deepEqual(located, ['carlos-r', 'dora']);
    await screenshot('chart');

    // 4. An analysis on the server: C's betweenness is exactly 0.8, E's 0.4.
    await page.getByTestId('network-analysis-k').fill('1');
    await page.getByTestId('network-analysis-run').click();
    await page.locator('[data-testid="network-analysis-state"][data-state="done"]').waitFor();
    const results = page.getByTestId('network-results');
    await results.waitFor();
    assert.equal(await results.getAttribute('data-nodes'), '6');
    assert.equal(await results.getAttribute('data-edges'), '6', 'one edge per pair in the analysis');
    await results.getByTestId('network-results-measure').selectOption('betweenness');
    const rows = results.getByTestId('network-rank-row');
    assert.equal(await rows.nth(0).getAttribute('data-id'), 'carlos');
    assert.ok(Math.abs(Number(await rows.nth(0).getAttribute('data-value')) - 0.8) < 1e-12, 'betweenness of C');
    assert.equal(await rows.nth(1).getAttribute('data-id'), 'eli');
    assert.ok(Math.abs(Number(await rows.nth(1).getAttribute('data-value')) - 0.4) < 1e-12, 'betweenness of E');
    await results.getByTestId('network-results-measure').selectOption('degree');
    assert.ok(Math.abs(Number(await results.getByTestId('network-rank-row').nth(0).getAttribute('data-value')) - 0.8) < 1e-12, 'degree of C: 4 of 5');
    // Removing C leaves {A, B}, {D}, {E, F}: fragmentation 1 − 4/20 = 0.8, the best single node.
    const kp = results.getByTestId('network-key-players');
    assert.equal(await kp.getAttribute('data-ids'), 'carlos', 'the single key player is C');
    assert.match((await kp.textContent()) ?? '', /fragmentation 0\.8000/);
    assert.ok(((await results.getByTestId('network-removal').getAttribute('data-sizes')) ?? '').startsWith('1,'), 'the removal curve starts at 1');
    await screenshot('analysis');

    // 5. The C–D link's provenance: both reports with their dates and gradings.
    await page.getByTestId('network-entity-select').selectOption('carlos');
    const detail = page.locator('[data-testid="network-entity"][data-entity-id="carlos"]');
    await detail.waitFor();
    assert.equal(await detail.getAttribute('data-links'), '5');
    await detail.locator('[data-testid="network-entity-link"][data-other="dora"]').first().click();
    const prov = page.locator('[data-testid="network-provenance"][data-from="carlos"][data-to="dora"]');
    await prov.getByTestId('network-provenance-row').nth(1).waitFor();
    assert.equal(await prov.getByTestId('network-provenance-row').count(), 2);
    const sources = await prov.getByTestId('network-provenance-row').evaluateAll((trs) => trs.map((tr) => `${tr.getAttribute('data-source')}:${tr.getAttribute('data-grading')}`).sort());
    assert.deepEqual(sources, ['INF-2026-014:B2', 'INF-2026-020:A1']);
    assert.match((await prov.textContent()) ?? '', /2026-03-14/);
    await screenshot('provenance');

    // 6. "Carlos R." merged into Carlos Reyes: 5 nodes; undone: 6 again.
    await page.getByTestId('network-entity-select').selectOption('carlos');
    await detail.waitFor();
    await detail.getByTestId('network-merge-duplicate').selectOption('carlos-r');
    await detail.getByTestId('network-merge-reason').fill('Same person: alias in report INF-2026-030');
    await detail.getByTestId('network-merge-submit').click();
    await waitForNodes(page, 5);
    assert.equal((await chartCounts(page)).edges, 7, 'the E–F link now ends at C');
    const merge = page.locator('[data-testid="network-merge-item"][data-active="true"]');
    await merge.waitFor();
    await merge.getByTestId('network-merge-undo').click();
    await page.locator('[data-testid="network-merge-item"][data-active="false"]').waitFor();
    await waitForNodes(page, 6);
    await screenshot('after-undo');

    // 7. The panel in Spanish.
    await page.getByTestId('language-switch').selectOption('es');
    await page.locator('html[lang="es-419"]').waitFor();
    assert.equal((await page.getByTestId('network-analysis-run').textContent())?.trim(), 'Ejecutar análisis');
    assert.equal((await page.getByTestId('network-filters').locator('legend').textContent())?.trim(), 'Filtros');
    assert.equal((await page.getByTestId('network-import').locator('legend').first().textContent())?.trim(), 'Importar');
    assert.match((await page.getByTestId('network-counts').textContent()) ?? '', /^6 entidades y 7 vínculos a la vista/);
    await screenshot('spanish');
    await page.getByTestId('language-switch').selectOption('en');

    // 8. A viewer: the chart, no import, merge or edit; the server refuses the viewer's import too.
    const made = await apiFromPage(page, 'POST', '/api/users', { username: 'vera', password: VIEWER_INITIAL, role: 'viewer' });
    assert.equal(made.status, 201, JSON.stringify(made.json));
    const vb = await launchBrowser();
    try {
      const vp = vb.page;
      await vp.goto(server.base);
      await signIn(vp, 'vera', VIEWER_INITIAL, VIEWER_PASSWORD);
      await vp.getByTestId('sign-out').waitFor();
      await vp.getByTestId('tab-network').click();
      await vp.locator('[data-testid="network-panel"][data-can-write="false"]').waitFor();
      await vp.locator('[data-testid="network-chart"][data-nodes="6"]').waitFor();
      assert.equal(await vp.getByTestId('network-import').count(), 0, 'no import for a viewer');
      assert.equal(await vp.getByTestId('network-analysis-run').count(), 0, 'no analysis for a viewer');
      await vp.getByTestId('network-entity-select').selectOption('carlos');
      await vp.locator('[data-testid="network-entity"][data-entity-id="carlos"]').waitFor();
      assert.equal(await vp.getByTestId('network-merge-form').count(), 0, 'no merge for a viewer');
      assert.equal(await vp.getByTestId('network-locate-save').count(), 0, 'no edit for a viewer');
      assert.equal(await vp.getByTestId('network-merge-undo').count(), 0, 'no undo for a viewer');
      const refused = await apiFromPage(vp, 'POST', '/api/network/imports?kind=entities&name=x.csv', ENTITIES_CSV, 'text/csv');
      assert.equal(refused.status, 403);
      await vp.screenshot({ path: 'artifacts/e2e/network-viewer.png' }).catch(() => undefined);
      assert.deepEqual(vb.pageErrors, []);
    } finally {
      await vb.browser.close();
    }
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  } catch (err) {
    await screenshot('failure').catch(() => undefined);
    if (server !== undefined) console.error(server.stderr.join(''));
    throw err;
  } finally {
    await browser?.close();
    await server?.stop();
  }
});

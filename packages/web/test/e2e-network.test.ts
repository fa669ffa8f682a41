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
 * both reports with their gradings → change over time: the windows'
 * defaults from the data (2026-03-02 … 2026-05-01 in 14-day windows), then
 * two 31-day windows from 2026-03-01 whose degrees and differences are
 * known exactly (C 0.6 → 0.4; A–B, A–C, B–C gone, C–E and E–F new; E and F
 * linked now, A and B no longer), and clicking the second window filters
 * the chart to its 3 links → "Carlos R." (F) merged into C leaves 5 nodes,
 * and undoing the merge gives 6 back → the panel in Spanish → an entity
 * created through the form (7 nodes), an assertion added from it to C
 * (8 edges, its provenance shown with report and grading), the entity
 * given a place by editing it (3 points on the map) → a second analyst,
 * in another browser context, imports an entity and it appears in the
 * first one's chart without a reload → the map's "Network entities" switch
 * hides the points → Dora tied to a lead and back → editing the C–D
 * report INF-2026-014 from B2 to A2 in the provenance (the form opens on
 * the stored values; the audit names only `grading`), deleting the other
 * C–D report (7 links, the provenance left with one) and Gil's only link
 * (6 links, the provenance closed); C's deletion refused by the server
 * (409, shown, C still there), Gil deleted (7 nodes, its panel closed, 2
 * map points) → a viewer sees the chart and a link's provenance but no
 * import, merge, edit or delete, and the server refuses the viewer's
 * import (403).
 * Screenshots: artifacts/e2e/network-*.png.
 * Nothing waits a fixed time: every step waits for a condition.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { apiFromPage, checkPrerequisites, launchBrowser, type RunningServer, screenshotter, signIn, startServer } from './e2e-harness.js';

const ADMIN_INITIAL = 'network-initial-Passw0rd';
const ADMIN_PASSWORD = 'network-changed-Passw0rd-2026';
const VIEWER_INITIAL = 'viewer-one-time-pw-1';
const VIEWER_PASSWORD = 'viewer-chosen-pw-2026';
const ANALYST_INITIAL = 'rita-one-time-pw-1';
const ANALYST_PASSWORD = 'rita-chosen-pw-2026';

/** What the second analyst imports while the first watches. */
const MORE_ENTITIES_CSV = ['id,name,tipo', 'hugo,Hugo Paz,person'].join('\n');

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
  // The chart's code loads when the tab first opens (a lazy chunk): wait for its renderer rather than racing it.
  await page.waitForFunction(`window.__narizNetwork !== undefined`);
  const r: unknown = await page.evaluate(`({ order: window.__narizNetwork.order(), size: window.__narizNetwork.size() })`);
  assert.ok(typeof r === 'object' && r !== null && 'order' in r && 'size' in r);
  return { nodes: Number(await chart.getAttribute('data-nodes')), edges: Number(await chart.getAttribute('data-edges')), drawnNodes: Number(r.order), drawnEdges: Number(r.size) };
}

async function waitForNodes(page: Page, n: number): Promise<void> {
  await page.locator(`[data-testid="network-chart"][data-nodes="${n}"]`).waitFor();
  await page.waitForFunction(`window.__narizNetwork !== undefined && window.__narizNetwork.order() === ${n}`);
}

test('e2e network: import through the mapping step, the chart, an exact betweenness, change over windows, provenance, merge and undo, Spanish, entities and links made by hand, a second analyst live, the map switch, a read-only viewer', { timeout: 300_000 }, async () => {
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
    assert.equal(await page.getByTestId('network-analysis-algorithm').inputValue(), 'leiden', 'Leiden unless Louvain is chosen');
    assert.equal(await results.getByTestId('network-communities').getAttribute('data-algorithm'), 'leiden');
    assert.match((await results.getByTestId('network-communities').textContent()) ?? '', /\(Leiden\)/);
    await screenshot('analysis');

    // 4b. Change over time. The form starts from the data's range: 2026-03-02 … 2026-05-01 (61 days) in 14-day windows.
    const windows = page.getByTestId('network-windows');
    assert.equal(await windows.getByTestId('network-windows-first').inputValue(), '2026-03-02');
    assert.equal(await windows.getByTestId('network-windows-last').inputValue(), '2026-05-01');
    assert.equal(await windows.getByTestId('network-windows-width').inputValue(), '14');
    assert.equal(await windows.getByTestId('network-windows-step').inputValue(), '14');
    assert.equal(await windows.getByTestId('network-windows-count').getAttribute('data-count'), '5');
    // Two 31-day windows: [03-01, 04-01) holds A–B, A–C, B–C, C–D; [04-01, 05-02) holds C–D, C–E, E–F.
    await windows.getByTestId('network-windows-first').fill('2026-03-01');
    await windows.getByTestId('network-windows-width').fill('31');
    await windows.getByTestId('network-windows-step').fill('31');
    await windows.getByTestId('network-windows-measure').selectOption('degree');
    assert.equal(await windows.getByTestId('network-windows-count').getAttribute('data-count'), '2');
    await windows.getByTestId('network-windows-run').click();
    await page.locator('[data-testid="network-windows-state"][data-state="done"]').waitFor();
    const wres = page.getByTestId('network-windows-results');
    await wres.waitFor();
    assert.equal(await wres.getAttribute('data-count'), '2');
    assert.equal(await wres.getAttribute('data-measure'), 'degree');
    const w0 = wres.locator('[data-testid="network-window-row"][data-index="0"]');
    const w1 = wres.locator('[data-testid="network-window-row"][data-index="1"]');
    assert.deepEqual(
      [await w0.getAttribute('data-start'), await w0.getAttribute('data-end'), await w0.getAttribute('data-nodes'), await w0.getAttribute('data-edges')],
      ['2026-03-01', '2026-04-01', '6', '4'],
    );
    assert.deepEqual(
      [await w1.getAttribute('data-start'), await w1.getAttribute('data-end'), await w1.getAttribute('data-nodes'), await w1.getAttribute('data-edges')],
      ['2026-04-01', '2026-05-02', '6', '3'],
    );
    // Degree (of 5 others): C 3/5, A and B 2/5 in the first window; C and E 2/5, then F (Carlos R.) 1/5 in the second.
    // (Exact up to the last bit of the division: the ids and their order exactly, the values within 1e-12.)
    const top = async (row: typeof w0): Promise<[string, number][]> =>
      ((await row.getAttribute('data-top')) ?? '').split(',').map((kv) => [kv.slice(0, kv.lastIndexOf('=')), Number(kv.slice(kv.lastIndexOf('=') + 1))]);
    const near = (got: [string, number][], want: [string, number][]): void => {
      assert.deepEqual(got.map(([id]) => id), want.map(([id]) => id));
      got.forEach(([id, v], i) => assert.ok(Math.abs(v - want[i]![1]) < 1e-12, `${id}: ${v} ≠ ${want[i]![1]}`));
    };
    near(await top(w0), [['carlos', 3 / 5], ['ana', 2 / 5], ['beto', 2 / 5]]);
    near(await top(w1), [['carlos', 2 / 5], ['eli', 2 / 5], ['carlos-r', 1 / 5]]);
    const sorted = async (attr: string): Promise<string[]> => ((await w1.getAttribute(attr)) ?? '').split(',').filter((x) => x !== '').sort();
    assert.deepEqual(await sorted('data-added'), ['carlos-eli', 'carlos-r-eli']);
    assert.deepEqual(await sorted('data-removed'), ['ana-beto', 'ana-carlos', 'beto-carlos']);
    assert.deepEqual(await sorted('data-activated'), ['carlos-r', 'eli']);
    assert.deepEqual(await sorted('data-deactivated'), ['ana', 'beto']);
    assert.equal(await w0.getAttribute('data-added'), '', 'the first window has no window before it');
    assert.ok(((await wres.getByTestId('network-windows-chart').getAttribute('data-series')) ?? '').startsWith('carlos,'), 'C leads the plot');
    assert.ok((await wres.locator('.uplot canvas').count()) >= 1, 'uPlot drew the lines');
    // Clicking the second window filters the chart to it: C–D, C–E and E–F.
    await w1.getByTestId('network-window-show').click();
    await page.locator('[data-testid="network-chart"][data-edges="3"]').waitFor();
    assert.equal(await w1.getAttribute('data-selected'), 'true');
    await screenshot('windows');
    await page.getByTestId('network-filter-reset').click();
    await page.locator('[data-testid="network-chart"][data-edges="7"]').waitFor();

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

    // 7b. An entity made through the form, then a link from it to C: both in the chart, the link's provenance shown.
    await page.getByTestId('network-entity-new').click();
    const ef = page.locator('[data-testid="network-entity-form"][data-mode="new"]');
    await ef.getByTestId('network-entity-form-label').fill('Gil Mora');
    await ef.getByTestId('network-entity-form-type').selectOption('person');
    await ef.getByTestId('network-entity-form-aliases').fill('El Gil, Gilberto');
    await ef.getByTestId('network-entity-form-submit').click();
    await waitForNodes(page, 7);
    const gil = page.locator('[data-testid="network-entity"]');
    await gil.filter({ hasText: 'Gil Mora' }).waitFor();
    const gilId = (await gil.getAttribute('data-entity-id')) ?? '';
    assert.ok(gilId.length > 0);
    assert.match((await gil.textContent()) ?? '', /El Gil, Gilberto/);
    await gil.getByTestId('network-assertion-add').click();
    const af = page.getByTestId('network-assertion-form');
    await af.getByTestId('network-assertion-form-to').selectOption('carlos');
    await af.getByTestId('network-assertion-form-relation').fill('meeting');
    await af.getByTestId('network-assertion-form-source').fill('INF-2026-040');
    await af.getByTestId('network-assertion-form-date').fill('2026-05-03');
    await af.getByTestId('network-assertion-form-grading').selectOption('B3');
    await af.getByTestId('network-assertion-form-submit').click();
    await page.locator('[data-testid="network-chart"][data-edges="8"]').waitFor();
    const newProv = page.locator(`[data-testid="network-provenance"][data-from="${gilId}"][data-to="carlos"]`);
    // The panel is read again after the tab's reload: wait for the row as it should be, then check there is no other.
    await newProv.locator('[data-testid="network-provenance-row"][data-source="INF-2026-040"][data-grading="B3"]', { hasText: '2026-05-03' }).waitFor();
    assert.equal(await newProv.getByTestId('network-provenance-row').count(), 1);
    // Editing it: a place on the map (a third network point).
    await page.getByTestId('network-entity-select').selectOption(gilId);
    await page.locator(`[data-testid="network-entity"][data-entity-id="${gilId}"]`).getByTestId('network-entity-edit').click();
    const edit = page.locator('[data-testid="network-entity-form"][data-mode="edit"]');
    await edit.getByTestId('network-entity-form-lat').fill('29.07');
    await edit.getByTestId('network-entity-form-lon').fill('-110.95');
    await edit.getByTestId('network-entity-form-submit').click();
    await page.waitForFunction(`(() => { const s = window.__nariz && window.__nariz.map.getSource('network-entities'); return s !== undefined && s.serialize().data.features.length === 3; })()`);
    await screenshot('created');

    // 7c. A second analyst, in another browser context, imports an entity: it appears in the first one's chart without a reload.
    const rita = await apiFromPage(page, 'POST', '/api/users', { username: 'rita', password: ANALYST_INITIAL, role: 'analyst' });
    assert.equal(rita.status, 201, JSON.stringify(rita.json));
    const second = await b.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    try {
      const rp = await second.newPage();
      rp.setDefaultTimeout(60_000);
      await rp.goto(server.base);
      await signIn(rp, 'rita', ANALYST_INITIAL, ANALYST_PASSWORD);
      await rp.getByTestId('sign-out').waitFor();
      await rp.getByTestId('tab-network').click();
      await rp.locator('[data-testid="network-chart"][data-nodes="7"]').waitFor();
      const more = await importCsv(rp, 'entities', 'mas.csv', MORE_ENTITIES_CSV, 1, { id: 'id', name: 'label', tipo: 'type' });
      assert.match(more, /1 entities/);
    } finally {
      await second.close();
    }
    await waitForNodes(page, 8);
    await page.getByTestId('network-entity-select').locator('option', { hasText: 'Hugo Paz' }).waitFor({ state: 'attached' });

    // 7d. The map's switch hides the network points and shows them again.
    const visibility = (): Promise<unknown> => page.evaluate(`[window.__nariz.map.getLayoutProperty('network-points', 'visibility'), window.__nariz.map.getLayoutProperty('network-labels', 'visibility')]`);
    assert.deepEqual(await visibility(), ['visible', 'visible']);
    await page.getByTestId('layer-network').uncheck();
    assert.deepEqual(await visibility(), ['none', 'none']);
    await screenshot('layer-hidden');
    await page.getByTestId('layer-network').check();
    assert.deepEqual(await visibility(), ['visible', 'visible']);

    // 7e. Dora Lab tied to a lead: the lead lists it, each opens the other in its own tab.
    const madeLead = await apiFromPage(page, 'POST', '/api/leads', { title: 'Laboratorio de Dora', lang: 'es', marking: { classification: 'U', controls: [], relTo: [], originator: 'task force' }, lat: 29.1, lon: -110.9 });
    assert.equal(madeLead.status, 201, JSON.stringify(madeLead.json));
    const leadIdMade = String((madeLead.json as { id: string }).id);
    await page.getByTestId('network-entity-select').selectOption('dora');
    const dora = page.locator('[data-testid="network-entity"][data-entity-id="dora"]');
    assert.equal(await dora.getByTestId('network-entity-lead').getAttribute('data-lead-id'), '', 'not tied yet');
    await dora.getByTestId('network-entity-lead-select').locator(`option[value="${leadIdMade}"]`).waitFor({ state: 'attached' });
    await dora.getByTestId('network-entity-lead-select').selectOption(leadIdMade);
    await dora.getByTestId('network-entity-lead-tie').click();
    await page.locator(`[data-testid="network-entity"][data-entity-id="dora"] [data-testid="network-entity-lead"][data-lead-id="${leadIdMade}"]`).waitFor();
    assert.match((await dora.getByTestId('network-entity-lead').textContent()) ?? '', /Laboratorio de Dora/);
    await dora.getByTestId('network-entity-lead-open').click();
    assert.equal(await page.getByTestId('tab-leads').getAttribute('aria-selected'), 'true');
    const tied = page.locator(`[data-testid="lead-detail"][data-lead-id="${leadIdMade}"] [data-testid="lead-entities"][data-count="1"]`);
    await tied.waitFor();
    assert.equal(await tied.getByTestId('lead-entity').getAttribute('data-entity-id'), 'dora');
    await tied.getByTestId('lead-entity-show').click();
    assert.equal(await page.getByTestId('tab-network').getAttribute('aria-selected'), 'true');
    await page.locator('[data-testid="network-entity"][data-entity-id="dora"]').waitFor();
    await screenshot('lead-link');

    // 7f. Editing an assertion in the provenance: INF-2026-014 (C–D) from B2 to A2; only the grading is sent.
    await page.getByTestId('network-entity-select').selectOption('carlos');
    await detail.waitFor();
    await detail.locator('[data-testid="network-entity-link"][data-other="dora"]').first().click();
    const cd = page.locator('[data-testid="network-provenance"][data-from="carlos"][data-to="dora"]');
    const row014 = cd.locator('[data-testid="network-provenance-row"][data-source="INF-2026-014"]');
    const row020 = cd.locator('[data-testid="network-provenance-row"][data-source="INF-2026-020"]');
    await row014.waitFor();
    assert.equal(await row014.getAttribute('data-grading'), 'B2');
    const id014 = (await row014.getAttribute('data-assertion-id')) ?? '';
    assert.ok(id014.length > 0);
    await row014.getByTestId('network-provenance-edit').click();
    const aedit = cd.locator(`[data-testid="network-assertion-form"][data-mode="edit"][data-assertion-id="${id014}"]`);
    await aedit.waitFor();
    assert.equal(await aedit.getByTestId('network-assertion-form-to').count(), 0, 'the ends do not change');
    assert.equal(await aedit.getByTestId('network-assertion-form-relation').inputValue(), 'meeting');
    assert.equal(await aedit.getByTestId('network-assertion-form-source').inputValue(), 'INF-2026-014');
    assert.equal(await aedit.getByTestId('network-assertion-form-date').inputValue(), '2026-03-14');
    assert.equal(await aedit.getByTestId('network-assertion-form-grading').inputValue(), 'B2');
    await aedit.getByTestId('network-assertion-form-grading').selectOption('A2');
    await aedit.getByTestId('network-assertion-form-submit').click();
    await cd.locator('[data-testid="network-provenance-row"][data-source="INF-2026-014"][data-grading="A2"]').waitFor();
    assert.equal(await aedit.count(), 0, 'the form closes once saved');
    assert.equal(await row020.getAttribute('data-grading'), 'A1', 'the other report is unchanged');
    const changes = await apiFromPage(page, 'GET', `/api/audit?action=network.assertion.change&target=${id014}&limit=10`);
    assert.equal(changes.status, 200, JSON.stringify(changes.json));
    const entries = (changes.json as { entries: { details: { fields?: unknown } }[] }).entries;
    assert.equal(entries.length, 1);
    assert.deepEqual(entries[0]!.details.fields, ['grading'], 'only the grading was sent');
    await screenshot('assertion-edited');

    // 7g. Deleting the other C–D report: 7 links; the provenance stays open on the one left.
    assert.equal((await chartCounts(page)).edges, 8);
    await row020.getByTestId('network-provenance-delete').click();
    const confirmCd = cd.getByTestId('network-provenance-confirm');
    assert.match((await confirmCd.textContent()) ?? '', /INF-2026-020.*remaining: 1/);
    await confirmCd.getByTestId('network-provenance-confirm-delete').click();
    await page.locator('[data-testid="network-chart"][data-edges="7"]').waitFor();
    await row020.waitFor({ state: 'detached' });
    // The provenance is read again after the delete: wait for its answer rather than counting mid-reload.
    await cd.locator('[data-testid="network-provenance-row"][data-source="INF-2026-014"]').waitFor();
    assert.equal(await cd.getByTestId('network-provenance-row').count(), 1);
    await page.waitForFunction(`window.__narizNetwork.size() === 7`);
    // Gil's only link: the last one behind it, so the link and its provenance go.
    await page.getByTestId('network-entity-select').selectOption(gilId);
    const gilPanel = page.locator(`[data-testid="network-entity"][data-entity-id="${gilId}"]`);
    await gilPanel.locator('[data-testid="network-entity-link"][data-other="carlos"]').click();
    const gc = page.locator(`[data-testid="network-provenance"][data-from="${gilId}"][data-to="carlos"]`);
    await gc.getByTestId('network-provenance-row').first().waitFor();
    await gc.getByTestId('network-provenance-delete').click();
    assert.match((await gc.getByTestId('network-provenance-confirm').textContent()) ?? '', /INF-2026-040.*last one/);
    await gc.getByTestId('network-provenance-confirm-delete').click();
    await page.locator('[data-testid="network-chart"][data-edges="6"]').waitFor();
    await page.getByTestId('network-provenance').waitFor({ state: 'detached' });

    // 7h. Deleting an entity: C still has links and a merge, so the server refuses (409) and says so; Gil has none and goes.
    await page.getByTestId('network-entity-select').selectOption('carlos');
    await detail.getByTestId('network-entity-delete').click();
    const confirmC = detail.getByTestId('network-entity-delete-confirm');
    assert.equal(await confirmC.getAttribute('data-links'), '4', 'A–C, B–C, C–D, C–E');
    assert.equal(await confirmC.getAttribute('data-merges'), '1', 'the undone merge of Carlos R.');
    assert.match((await confirmC.textContent()) ?? '', /never deletes its links/);
    await confirmC.getByTestId('network-entity-delete-submit').click();
    const refusal = detail.getByTestId('network-entity-error');
    await refusal.waitFor();
    assert.match((await refusal.textContent()) ?? '', /The server refused to delete it: .*referred to by assertions or merges/);
    assert.equal((await chartCounts(page)).nodes, 8, 'C is still there');
    assert.equal(await detail.count(), 1, 'its panel stays open');
    await page.getByTestId('network-entity-select').selectOption(gilId);
    await gilPanel.getByTestId('network-entity-delete').click();
    const confirmGil = gilPanel.getByTestId('network-entity-delete-confirm');
    assert.equal(await confirmGil.getAttribute('data-links'), '0');
    assert.equal(await confirmGil.getAttribute('data-merges'), '0');
    await confirmGil.getByTestId('network-entity-delete-submit').click();
    await waitForNodes(page, 7);
    await page.getByTestId('network-entity').waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('network-entity-select').locator(`option[value="${gilId}"]`).count(), 0, 'gone from the picker');
    await page.waitForFunction(`(() => { const s = window.__nariz && window.__nariz.map.getSource('network-entities'); return s !== undefined && s.serialize().data.features.length === 2; })()`);
    const gone = await apiFromPage(page, 'GET', `/api/network/entities/${gilId}`);
    assert.equal(gone.status, 404);
    await screenshot('deleted');

    // 8. A viewer: the chart and a link's provenance, no import, merge, edit or delete; the server refuses the viewer's import too.
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
      await vp.locator('[data-testid="network-chart"][data-nodes="7"]').waitFor();
      assert.equal(await vp.getByTestId('network-import').count(), 0, 'no import for a viewer');
      assert.equal(await vp.getByTestId('network-analysis-run').count(), 0, 'no analysis for a viewer');
      await vp.getByTestId('network-entity-select').selectOption('carlos');
      await vp.locator('[data-testid="network-entity"][data-entity-id="carlos"]').waitFor();
      assert.equal(await vp.getByTestId('network-merge-form').count(), 0, 'no merge for a viewer');
      assert.equal(await vp.getByTestId('network-entity-edit').count(), 0, 'no edit for a viewer');
      assert.equal(await vp.getByTestId('network-assertion-add').count(), 0, 'no new link for a viewer');
      assert.equal(await vp.getByTestId('network-entity-new').count(), 0, 'no new entity for a viewer');
      assert.equal(await vp.getByTestId('network-windows-run').count(), 0, 'no windows run for a viewer');
      assert.equal(await vp.getByTestId('network-merge-undo').count(), 0, 'no undo for a viewer');
      assert.equal(await vp.getByTestId('network-entity-delete').count(), 0, 'no entity deletion for a viewer');
      await vp.locator('[data-testid="network-entity"][data-entity-id="carlos"] [data-testid="network-entity-link"][data-other="dora"]').click();
      const vprov = vp.locator('[data-testid="network-provenance"][data-from="carlos"][data-to="dora"]');
      await vprov.locator('[data-testid="network-provenance-row"][data-source="INF-2026-014"][data-grading="A2"]').waitFor();
      assert.equal(await vprov.getByTestId('network-provenance-edit').count(), 0, 'no assertion edit for a viewer');
      assert.equal(await vprov.getByTestId('network-provenance-delete').count(), 0, 'no assertion deletion for a viewer');
      const vedit = await apiFromPage(vp, 'PATCH', `/api/network/assertions/${id014}`, { grading: 'F6' });
      assert.equal(vedit.status, 403, 'the server refuses a viewer’s edit too');
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

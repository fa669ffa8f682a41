/**
 * End to end, flight operations: the real server (a child process on a
 * fresh SQLite directory, listening for MAVLink on a loopback UDP port and
 * checking live vehicles against the national authority) serving the built
 * app, driven in Debian's Chromium through playwright-core.
 *
 * Sign in as the first admin → the Flight operations tab states that the
 * authority's boundaries are the embedded Natural Earth approximation (and
 * draws its areas) → draw a search area near the demo origin by clicking
 * the map → plan a survey: the route on the map, the estimate, a clean
 * check → export a QGroundControl .plan (a real download) → import a QGC
 * WPL 110 mission crossing into Germany → its violations, listed and drawn
 * → export refused with them → the admin overrides with a reason → download
 * → a live MAVLink vehicle in Germany drawn red, "outside permitted
 * airspace since …" → a flown track's airspace check and the sortie's wind
 * as the survey default → an official boundary file loaded and removed →
 * a plan deleted → Spanish → an analyst's export refused, with no override
 * (administrators only) → a viewer sees plans and checks but cannot plan,
 * import, export or delete. The search area is also dragged as a
 * rectangle, taken from the map view with the keyboard, and a polygon
 * cancelled with Esc. Screenshots: artifacts/e2e/flight-*.png (and one on failure).
 * Nothing waits a fixed time: every step waits for a condition.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { Browser, Download, Page } from 'playwright-core';
import { checkPrerequisites, launchBrowser, screenshotter, signIn, startServer, type RunningServer } from './e2e-harness.js';
import { clickMapAt, mapIdle, sourceFeatures } from './e2e-map.js';
import { freeUdpPort, startVehicle, type VehicleSender } from './mavlink-sender.js';
import { CROSSING_WPL } from './mission-fixtures.js';

const INITIAL_PASSWORD = 'flight-initial-Passw0rd';
const NEW_PASSWORD = 'flight-changed-Passw0rd-2026';
const ANALYST_INITIAL = 'flight-analyst-initial-pw';
const ANALYST_NEW = 'flight-analyst-changed-pw-1';
const VIEWER_INITIAL = 'flight-viewer-initial-pw';
const VIEWER_NEW = 'flight-viewer-changed-pw-1';
/** The simulator's (and the demo's) origin, in Utrecht. */
const ORIGIN = { lat: 52.0907, lon: 5.1214 };
/** Where the crew takes off: south-west of the search area. */
const TAKEOFF: readonly [number, number] = [5.1135, 52.0875];
/** A small search area near the origin, clicked corner by corner (clockwise on purpose: the app turns it). */
const CORNERS: readonly (readonly [number, number])[] = [
  [5.1165, 52.0885],
  [5.1165, 52.0925],
  [5.1245, 52.0925],
  [5.1245, 52.0885],
];

/** Waits until an element's property (an input's value, a button's disabled) is what the step expects: React renders after the event. */
async function until(page: Page, testId: string, property: 'value' | 'disabled' | 'textContent', expected: string | boolean | RegExp): Promise<void> {
  const check = expected instanceof RegExp ? `new RegExp(${JSON.stringify(expected.source)}, ${JSON.stringify(expected.flags)}).test(String(v))` : `v === ${JSON.stringify(expected)}`;
  await page.waitForFunction(`(() => { const e = document.querySelector('[data-testid=${JSON.stringify(testId)}]'); if (!e) return false; const v = e[${JSON.stringify(property)}]; return ${check}; })()`);
}

async function downloaded(d: Download): Promise<string> {
  const path = await d.path();
  return readFileSync(path, 'utf8');
}

test('e2e flight: authority, survey drawn and planned, .plan export, crossing import refused and overridden, live vehicle, track check, official boundary, Spanish, viewer', { timeout: 480_000 }, async () => {
  checkPrerequisites();
  const udpPort = await freeUdpPort();
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let vehicle: VehicleSender | undefined;
  let screenshot: (name: string) => Promise<void> = async () => undefined;

  try {
    server = await startServer({ NARIZ_INITIAL_ADMIN_PASSWORD: INITIAL_PASSWORD, NARIZ_MAVLINK_UDP_PORT: String(udpPort), NARIZ_LIVE_AUTHORITY: 'national-nl' });
    const b = await launchBrowser();
    browser = b.browser;
    const { page, pageErrors } = b;
    screenshot = screenshotter(page, 'flight');

    // 1. The first admin signs in and changes the one-time password.
    await page.goto(server.base);
    await signIn(page, 'admin', INITIAL_PASSWORD, NEW_PASSWORD);
    await page.getByTestId('sign-out').waitFor();
    await page.getByTestId('live-status').and(page.locator('[data-state="open"]')).waitFor();
    await mapIdle(page);

    // 2. The Flight operations tab: the authority and, prominently, which boundaries are in use.
    await page.getByTestId('tab-flight').click();
    assert.equal(await page.getByTestId('tab-flight').getAttribute('aria-selected'), 'true');
    const source = page.getByTestId('authority-panel').getByTestId('boundary-source');
    await source.waitFor();
    assert.equal(await source.getAttribute('data-kind'), 'embedded');
    assert.match((await source.textContent()) ?? '', /Boundaries in use:\s*embedded Natural Earth approximation/);
    assert.equal(await page.getByTestId('authority-select').inputValue(), 'national-nl');
    assert.match((await page.getByTestId('authority-ceiling').textContent()) ?? '', /120 m above ground/);
    // Its areas are on the map, permitted and forbidden, with the legend saying the same.
    const areas = await sourceFeatures(page, 'airspace', 'fs.length > 0');
    assert.ok(areas.some((f) => f.properties['role'] === 'permitted') && areas.some((f) => f.properties['role'] === 'forbidden' && String(f.properties['name']).startsWith('Germany')));
    assert.equal(await page.getByTestId('legend-boundary').getAttribute('data-kind'), 'embedded');
    await page.getByRole('button', { name: 'Show the areas on the map' }).click();
    await mapIdle(page);
    await screenshot('authority');

    // 3. The search area. Near the demo origin: a rectangle dragged on the map, then the current map view (the
    //    keyboard's way), then a polygon begun and cancelled with Esc (the area stays), then the polygon clicked
    //    corner by corner and closed on the first corner.
    await page.evaluate(`window.__nariz.map.jumpTo({ center: [${ORIGIN.lon}, ${ORIGIN.lat}], zoom: 14.5 })`);
    await mapIdle(page);
    const areaStatus = page.getByTestId('area-status');
    await page.getByTestId('draw-rectangle').click();
    await page.getByTestId('area-controls').and(page.locator('[data-drawing="rectangle"]')).waitFor();
    const box = await page.locator('[data-testid="map"]').boundingBox();
    assert.ok(box !== null);
    await page.mouse.move(box.x + box.width * 0.45, box.y + box.height * 0.45);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.55, box.y + box.height * 0.55, { steps: 8 });
    await page.mouse.up();
    await page.getByTestId('area-controls').and(page.locator('[data-drawing="none"]')).waitFor();
    assert.equal(await areaStatus.getAttribute('data-corners'), '4');
    assert.deepEqual((await sourceFeatures(page, 'draw', `fs.length === 1 && fs[0].properties.kind === 'area'`)).map((f) => f.properties['kind']), ['area']);
    const center: unknown = await page.evaluate(`window.__nariz.map.getCenter().toArray()`);
    assert.ok(Array.isArray(center) && Math.abs(Number(center[0]) - ORIGIN.lon) < 1e-6, 'dragging drew; it did not pan the map');
    const rectangleText = await areaStatus.textContent();
    await page.getByTestId('area-from-view').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(`document.querySelector('[data-testid="area-status"]').textContent !== ${JSON.stringify(rectangleText)}`);
    const viewText = (await areaStatus.textContent()) ?? '';
    assert.match(viewText, /Search area: [\d.]+ km², 4 corners/);
    await page.getByTestId('draw-polygon').click();
    await clickMapAt(page, CORNERS[0]![0], CORNERS[0]![1]);
    await clickMapAt(page, CORNERS[1]![0], CORNERS[1]![1]);
    await page.keyboard.press('Escape');
    await page.getByTestId('area-controls').and(page.locator('[data-drawing="none"]')).waitFor();
    assert.equal(await areaStatus.textContent(), viewText, 'Esc keeps the area there was');
    await page.getByTestId('draw-polygon').click();
    await page.getByTestId('area-controls').and(page.locator('[data-drawing="polygon"]')).waitFor();
    for (const [lon, lat] of CORNERS) await clickMapAt(page, lon, lat);
    await until(page, 'area-controls', 'textContent', /Corners so far: 4/);
    await screenshot('drawing');
    await clickMapAt(page, CORNERS[0]![0], CORNERS[0]![1]);
    await page.getByTestId('area-controls').and(page.locator('[data-drawing="none"]')).waitFor();
    assert.equal(await areaStatus.getAttribute('data-corners'), '4');
    assert.match((await areaStatus.textContent()) ?? '', /Search area: 0\.\d+ km², 4 corners/);
    const drawn = await sourceFeatures(page, 'draw', `fs.some((f) => f.properties.kind === 'area') && !fs.some((f) => f.properties.kind === 'vertex')`);
    assert.deepEqual(drawn.map((f) => f.properties['kind']), ['area']);

    // 4. Plan the survey: the take-off point clicked on the map south-west of the area; no sortie is selected, so
    //    the wind is entered; the plan is checked against the authority.
    assert.equal(await page.getByTestId('takeoff-status').getAttribute('data-set'), 'false');
    await page.getByTestId('takeoff-click').click();
    await clickMapAt(page, TAKEOFF[0], TAKEOFF[1]);
    await page.getByTestId('takeoff-status').and(page.locator('[data-set="true"]')).waitFor();
    assert.match((await page.getByTestId('takeoff-status').textContent()) ?? '', /At 52\.08\d{3}, 5\.11\d{3}\./);
    assert.equal(await page.getByTestId('survey-windSpeed').inputValue(), '', 'no sortie: no default wind');
    await page.getByTestId('survey-name').fill('Utrecht centre');
    await page.getByTestId('survey-windSpeed').fill('4');
    await page.getByTestId('survey-windFrom').fill('270');
    await page.getByTestId('survey-submit').click();
    const detail = page.getByTestId('plan-detail');
    await detail.waitFor();
    const surveyPlanId = await detail.getAttribute('data-plan-id');
    const estimate = page.getByTestId('survey-estimate');
    await estimate.waitFor();
    assert.ok(Number(await estimate.getAttribute('data-transects')) >= 2, 'transects');
    assert.ok(Number(await estimate.getAttribute('data-coverage')) > 0.5, 'coverage');
    assert.match((await page.getByTestId('estimate-coverage').textContent()) ?? '', /%/);
    assert.match((await page.getByTestId('estimate-fits').textContent()) ?? '', /fits in one flight|flights needed/);
    assert.match((await page.getByTestId('plan-flight-time').textContent()) ?? '', /^\d{2}:\d{2}:\d{2}$/);
    assert.equal(await page.getByTestId('plan-check').getAttribute('data-clean'), 'true');
    assert.match((await page.getByTestId('check-boundary-source').textContent()) ?? '', /embedded Natural Earth approximation/);
    // The plan on the map: the route, one numbered point per waypoint, home.
    const waypointCount = Number(await detail.getAttribute('data-waypoints'));
    assert.ok(waypointCount >= 4);
    const planFeatures = await sourceFeatures(page, 'flight-plan', `fs.filter((f) => f.properties.kind === 'waypoint').length === ${waypointCount}`);
    assert.equal(planFeatures.filter((f) => f.properties['kind'] === 'waypoint').length, waypointCount);
    const home = planFeatures.filter((f) => f.properties['kind'] === 'home');
    assert.equal(home.length, 1);
    const homeAt: unknown = home[0]!.geometry;
    assert.ok(typeof homeAt === 'object' && homeAt !== null && 'coordinates' in homeAt && Array.isArray(homeAt.coordinates));
    assert.ok(Math.abs(Number(homeAt.coordinates[0]) - TAKEOFF[0]) < 2e-4 && Math.abs(Number(homeAt.coordinates[1]) - TAKEOFF[1]) < 2e-4, `take-off at ${JSON.stringify(homeAt.coordinates)}`);
    assert.ok(planFeatures.some((f) => f.properties['kind'] === 'mission' && f.geometry.type === 'LineString'));
    assert.equal(await page.getByTestId('waypoint-row').count(), waypointCount);
    assert.match((await page.getByTestId('waypoint-arrival').first().textContent()) ?? '', /^\d{2}:\d{2}:\d{2}$/);
    await mapIdle(page);
    await page.waitForFunction(`window.__nariz.map.queryRenderedFeatures(undefined, { layers: ['plan-mission'] }).length > 0`);
    assert.ok((await page.getByTestId('plan-item').count()) >= 1);
    await screenshot('survey-plan');

    // 5. Export a QGroundControl .plan: the browser downloads the file the server wrote.
    const [planDownload] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-qgc-plan').click()]);
    assert.equal(planDownload.suggestedFilename(), 'Utrecht_centre.plan');
    const qgc: unknown = JSON.parse(await downloaded(planDownload));
    assert.ok(typeof qgc === 'object' && qgc !== null && 'fileType' in qgc && qgc.fileType === 'Plan', 'a QGroundControl plan');
    assert.ok('mission' in qgc && typeof qgc.mission === 'object' && qgc.mission !== null && 'items' in qgc.mission && Array.isArray(qgc.mission.items) && qgc.mission.items.length >= waypointCount);
    await page.getByTestId('export-status').waitFor();
    assert.match((await page.getByTestId('export-status').textContent()) ?? '', /Downloaded Utrecht_centre\.plan/);
    await screenshot('plan-exported');

    // 6. Import a mission crossing into Germany (QGC WPL 110): its check lists the violations, drawn on the map.
    await page.getByTestId('plan-import-input').setInputFiles({ name: 'crossing.waypoints', mimeType: 'text/plain', buffer: Buffer.from(CROSSING_WPL) });
    await page.getByTestId('plan-import-status').and(page.locator('[data-state="done"]')).waitFor();
    await page.locator(`[data-testid="plan-detail"]:not([data-plan-id="${surveyPlanId ?? ''}"])`).waitFor();
    const check = page.getByTestId('plan-check');
    assert.equal(await check.getAttribute('data-clean'), 'false');
    assert.match((await page.getByTestId('plan-imported').textContent()) ?? '', /QGC WPL 110/);
    const violations = page.getByTestId('plan-check').getByTestId('violation-item');
    const nViolations = await violations.count();
    assert.ok(nViolations >= 1);
    assert.equal(Number(await check.getAttribute('data-violations')), nViolations);
    const out = page.getByTestId('plan-check').locator('[data-testid="violation-item"][data-kind="outside-permitted"], [data-testid="violation-item"][data-kind="inside-forbidden"]').first();
    const outLon = Number(await out.getAttribute('data-lon'));
    const outLat = Number(await out.getAttribute('data-lat'));
    assert.ok(outLon > 6.95 && outLon < 7.1, `leaves near the border, at ${outLon}`);
    assert.match((await out.getByTestId('violation-when').textContent()) ?? '', /From \d{2}:\d{2}:\d{2} after take-off/);
    assert.match((await out.textContent()) ?? '', /52\.25000, 7\.0\d{4}/);
    const drawnViolations = await sourceFeatures(page, 'plan-violations', `fs.filter((f) => f.properties.role === 'start').length === ${nViolations}`);
    assert.equal(drawnViolations.filter((f) => f.properties['role'] === 'start').length, nViolations);
    assert.ok(drawnViolations.some((f) => f.properties['role'] === 'stretch' && f.geometry.type === 'LineString'));
    // Selecting the violation flies the map to where it begins.
    await out.getByRole('button').click();
    await page.waitForFunction(`(() => { const c = window.__nariz.map.getCenter(); return Math.abs(c.lng - ${outLon}) < 1e-3 && Math.abs(c.lat - ${outLat}) < 1e-3 && window.__nariz.map.getZoom() >= 13.9; })()`);
    await mapIdle(page);
    await page.waitForFunction(`window.__nariz.map.queryRenderedFeatures(undefined, { layers: ['violation-points'] }).length > 0`);
    await screenshot('violations');

    // 7. Export refused with the violations; the admin overrides with a reason (audited), and the file comes.
    await page.getByTestId('export-qgc-plan').click();
    const refusal = page.getByTestId('export-refusal');
    await refusal.waitFor();
    assert.match((await refusal.textContent()) ?? '', /Export refused/);
    assert.equal(await refusal.getByTestId('violation-item').count(), nViolations);
    assert.match((await refusal.textContent()) ?? '', /recorded in the audit log/);
    const overrideButton = page.getByTestId('override-submit');
    assert.equal(await overrideButton.isDisabled(), true, 'no reason yet');
    await page.getByTestId('override-reason').fill('too short');
    await until(page, 'override-reason', 'value', 'too short');
    assert.equal(await overrideButton.isDisabled(), true, 'a reason needs 10 characters');
    await page.getByTestId('override-reason').fill('Cleared with the German liaison, ref 2026-114');
    await until(page, 'override-submit', 'disabled', false);
    await screenshot('export-refused');
    const [overridden] = await Promise.all([page.waitForEvent('download'), overrideButton.click()]);
    assert.equal(overridden.suggestedFilename(), 'crossing.plan');
    const crossingPlan: unknown = JSON.parse(await downloaded(overridden));
    assert.ok(typeof crossingPlan === 'object' && crossingPlan !== null && 'fileType' in crossingPlan && crossingPlan.fileType === 'Plan');
    assert.match((await page.getByTestId('export-status').textContent()) ?? '', /override/);
    // The server recorded the override with its reason.
    const audit: unknown = await page.evaluate(`fetch('/api/audit?action=plan.export.override').then((r) => r.json())`);
    assert.match(JSON.stringify(audit), /Cleared with the German liaison, ref 2026-114/);
    await screenshot('override-exported');

    // 8. A live vehicle over MAVLink, flying in Germany: drawn red, "outside permitted airspace since …".
    vehicle = startVehicle({ port: udpPort, sysid: 7, lat: 52.25, lon: 7.1, altM: 40 });
    const item = page.locator('[data-testid="vehicle-item"][data-sysid="7"][data-state="outside"]');
    await item.waitFor();
    assert.match((await item.getByTestId('vehicle-airspace').textContent()) ?? '', /outside permitted airspace since .+ UTC/);
    await page.getByTestId('endpoint-table').waitFor();
    const vehicles = await sourceFeatures(page, 'vehicles', `fs.some((f) => f.properties.sysid === 7 && f.properties.state === 'outside')`);
    assert.deepEqual(vehicles.map((f) => [f.properties['sysid'], f.properties['state'], f.properties['hasCourse']]), [[7, 'outside', true]]);
    await item.getByRole('button').click();
    await mapIdle(page);
    await page.waitForFunction(`window.__nariz.map.queryRenderedFeatures(undefined, { layers: ['vehicle-dots'] }).length > 0`);
    await screenshot('live-vehicle');
    await vehicle.stop();
    vehicle = undefined;

    // 9. A flown track that crossed into Germany: its airspace check; its mean wind becomes the survey's default.
    const uploaded: unknown = await page.evaluate(`(async () => {
      const s = await (await fetch('/api/session')).json();
      const rows = ['time,lat,lon,alt_agl_m,wind_u_mps,wind_v_mps,hcl_ppb'];
      for (let i = 0; i <= 300; i++) rows.push((1790000000 + i) + ',52.25,' + (6.85 + 0.001 * i).toFixed(4) + ',40,3,0,2.0');
      const r = await fetch('/api/sortie-uploads?name=border%20crossing&id=border-1', { method: 'POST', headers: { 'content-type': 'text/csv', 'x-csrf-token': s.csrf_token }, body: rows.join('\\n') + '\\n' });
      return r.status;
    })()`);
    assert.equal(uploaded, 201);
    await page.locator('[data-testid="sortie-item"][data-sortie-id="border-1"]').waitFor({ state: 'attached' });
    const runCheck = page.getByTestId('track-check-run');
    await page.waitForFunction(`(() => { const b = document.querySelector('[data-testid="track-check-run"]'); return !!b && !b.disabled; })()`);
    await runCheck.click();
    const result = page.getByTestId('track-check-result');
    await result.waitFor();
    assert.ok(Number(await result.getAttribute('data-excursions')) >= 1);
    const excursion = result.locator('[data-testid="excursion-item"][data-kind="outside-permitted"], [data-testid="excursion-item"][data-kind="inside-forbidden"]').first();
    assert.match((await excursion.textContent()) ?? '', /Left at .+ UTC, 52\.25000, 7\.0\d{4}.*Never came back/s);
    assert.match((await page.getByTestId('track-boundary-source').textContent()) ?? '', /embedded Natural Earth approximation/);
    const excursions = await sourceFeatures(page, 'track-excursions', `fs.some((f) => f.properties.role === 'outside')`);
    assert.ok(excursions.some((f) => f.properties['role'] === 'outside') && excursions.some((f) => f.properties['role'] === 'exit'));
    await excursion.getByRole('button').click();
    await mapIdle(page);
    // The wind fields were typed in step 4; the sortie's mean wind (u = 3 m/s: from the west) is offered again.
    await page.getByTestId('survey-wind-source').waitFor();
    assert.match((await page.getByTestId('survey-wind-source').textContent()) ?? '', /mean wind of “border crossing”, 3 m\/s from 270°/);
    await page.getByRole('button', { name: 'Use it again' }).click();
    await until(page, 'survey-windSpeed', 'value', '3');
    await until(page, 'survey-windFrom', 'value', '270');
    await screenshot('track-check');

    // 9b. Where next: waypoints suggested from the track (and the estimate, once its job is done), drawn dashed;
    // the drone ended in Germany, so the suggested path's airspace check against the Dutch authority fails.
    await page.getByTestId('suggest-run').click();
    const suggested = page.getByTestId('suggest-result');
    await suggested.waitFor({ timeout: 60_000 });
    const nSuggested = Number(await suggested.getAttribute('data-waypoints'));
    assert.ok(nSuggested >= 1 && nSuggested <= 3, `${nSuggested} suggested waypoints`);
    assert.equal(await suggested.getAttribute('data-clean'), 'false');
    assert.ok((await page.getByTestId('suggest-excursion').count()) >= 1);
    const suggestion = await sourceFeatures(page, 'suggestion', `fs.some((f) => f.properties.role === 'path')`);
    assert.equal(suggestion.filter((f) => f.properties['role'] === 'waypoint').length, nSuggested);
    await page.getByTestId('suggest-waypoint').first().getByRole('button').click();
    await mapIdle(page);
    await page.waitForFunction(`window.__nariz.map.queryRenderedFeatures(undefined, { layers: ['suggestion-points'] }).length > 0`);
    await screenshot('suggest-waypoints');

    // 10. An official boundary file replaces the partner authority's approximation; removing it brings that back.
    await page.getByTestId('authority-select').selectOption('partner-nl-example');
    await page.getByTestId('authority-panel').getByTestId('boundary-source').and(page.locator('[data-kind="embedded"]')).waitFor();
    await page.getByText('Load an official boundary file (administrators)').click();
    const official = { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Official zone A', role: 'permitted' }, geometry: { type: 'Polygon', coordinates: [[[5.0, 52.0], [5.3, 52.0], [5.3, 52.2], [5.0, 52.2], [5.0, 52.0]]] } }] };
    await page.getByTestId('boundary-file').setInputFiles({ name: 'zones-2026.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(official)) });
    await page.getByTestId('boundary-submit').click();
    const officialSource = page.getByTestId('authority-panel').getByTestId('boundary-source').and(page.locator('[data-kind="official"]'));
    await officialSource.waitFor();
    assert.match((await officialSource.textContent()) ?? '', /official file “zones-2026\.geojson”/);
    await page.getByTestId('legend-boundary').and(page.locator('[data-kind="official"]')).waitFor();
    await sourceFeatures(page, 'airspace', `fs.length === 1 && fs[0].properties.name === 'Official zone A'`);
    await screenshot('official-boundary');
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('authority-revert').click();
    await page.getByTestId('authority-panel').getByTestId('boundary-source').and(page.locator('[data-kind="embedded"]')).waitFor();
    await page.getByTestId('authority-select').selectOption('national-nl');

    // 11. The survey plan is deleted (after a confirmation); the crossing stays open.
    page.once('dialog', (d) => void d.accept());
    await page.locator(`[data-testid="plan-item"][data-plan-id="${surveyPlanId ?? ''}"]`).getByTestId('plan-delete').click();
    await page.locator(`[data-testid="plan-item"][data-plan-id="${surveyPlanId ?? ''}"]`).waitFor({ state: 'detached' });
    assert.equal(await page.getByTestId('plan-item').count(), 1);
    const stored: unknown = await page.evaluate(`fetch('/api/plans').then((r) => r.json())`);
    assert.ok(typeof stored === 'object' && stored !== null && 'plans' in stored && Array.isArray(stored.plans) && stored.plans.length === 1, 'deleted on the server');

    // 12. Spanish: the flight panel's words change; English again.
    await page.getByTestId('language-switch').first().selectOption('es');
    await page.getByTestId('tab-flight').and(page.locator('text=Operaciones de vuelo')).waitFor();
    assert.match((await page.getByTestId('authority-panel').getByTestId('boundary-source').textContent()) ?? '', /Límites en uso:\s*aproximación integrada de Natural Earth/);
    assert.match((await page.getByTestId('authority-panel').locator('h2').textContent()) ?? '', /Autoridad del espacio aéreo/i);
    assert.match((await page.getByTestId('plan-check').textContent()) ?? '', /Infracciones: \d+/);
    assert.match((await page.getByTestId('plan-check').getByTestId('violation-when').first().textContent()) ?? '', /Desde \d{2}:\d{2}:\d{2} después del despegue/);
    assert.equal(await page.getByTestId('survey-submit').textContent(), 'Planificar el barrido');
    assert.match((await page.getByTestId('legend-boundary').textContent()) ?? '', /aproximación integrada/);
    await screenshot('spanish');
    await page.getByTestId('language-switch').first().selectOption('en');
    await page.getByTestId('tab-flight').and(page.locator('text=Flight operations')).waitFor();

    // 13. An analyst plans and exports, but an airspace refusal stands: only an administrator can override.
    for (const [username, password, role] of [['pilot', ANALYST_INITIAL, 'analyst'], ['observer', VIEWER_INITIAL, 'viewer']]) {
      const created: unknown = await page.evaluate(`(async () => {
        const s = await (await fetch('/api/session')).json();
        const r = await fetch('/api/users', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': s.csrf_token }, body: JSON.stringify({ username: ${JSON.stringify(username)}, password: ${JSON.stringify(password)}, role: ${JSON.stringify(role)} }) });
        return r.status;
      })()`);
      assert.equal(created, 201);
    }
    await page.getByTestId('sign-out').click();
    await page.getByTestId('signin-form').waitFor();
    await signIn(page, 'pilot', ANALYST_INITIAL, ANALYST_NEW);
    await page.getByTestId('sign-out').waitFor();
    await page.getByTestId('tab-flight').click();
    await page.getByTestId('survey-planner').waitFor();
    await page.getByTestId('authority-panel').getByTestId('boundary-source').waitFor();
    assert.equal(await page.getByTestId('boundary-file').count(), 0, 'boundaries are for administrators');
    await page.getByTestId('plan-item').first().getByRole('button').first().click();
    await page.getByTestId('plan-check').and(page.locator('[data-clean="false"]')).waitFor();
    await page.getByTestId('export-qgc-wpl').click();
    await page.getByTestId('export-refusal').waitFor();
    await page.getByTestId('override-admin-only').waitFor();
    assert.match((await page.getByTestId('override-admin-only').textContent()) ?? '', /Only an administrator can override/);
    assert.equal(await page.getByTestId('override-reason').count(), 0);
    await screenshot('analyst-refused');
    await page.getByTestId('sign-out').click();
    await page.getByTestId('signin-form').waitFor();

    // 14. A viewer sees the plans and their checks and vehicles, but cannot plan, import, export, delete or load boundaries.
    await signIn(page, 'observer', VIEWER_INITIAL, VIEWER_NEW);
    await page.getByTestId('sign-out').waitFor();
    await page.getByTestId('tab-flight').click();
    await page.getByTestId('plan-item').first().waitFor();
    assert.equal(await page.getByTestId('plan-item').count(), 1);
    await page.getByTestId('plan-item').first().getByRole('button').first().click();
    await page.getByTestId('plan-check').waitFor();
    await page.getByTestId('authority-panel').getByTestId('boundary-source').waitFor();
    for (const hidden of ['survey-planner', 'plan-import-input', 'plan-delete', 'export-qgc-plan', 'boundary-file', 'authority-revert', 'plan-recheck']) {
      assert.equal(await page.getByTestId(hidden).count(), 0, `${hidden} shown to a viewer`);
    }
    assert.match((await page.getByTestId('plan-detail').textContent()) ?? '', /Viewers cannot export plans/);
    await page.locator('[data-testid="vehicle-item"][data-sysid="7"]').waitFor();
    await screenshot('viewer');
    await page.getByTestId('sign-out').click();
    await page.getByTestId('signin-form').waitFor();
    assert.deepEqual(pageErrors, [], 'no uncaught errors in the page');
  } catch (err) {
    await screenshot('failure').catch(() => undefined);
    if (server !== undefined && server.stderr.length > 0) console.error(`server stderr:\n${server.stderr.join('')}`);
    throw err;
  } finally {
    await vehicle?.stop();
    await browser?.close();
    await server?.stop();
  }
});

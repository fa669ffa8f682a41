/**
 * End to end, leads and release: the real server (a child process on a
 * fresh SQLite directory; the deployment's own country is the default,
 * USA) serving the built app, driven in Debian's Chromium through
 * playwright-core.
 *
 * The first admin (clearance TS) uploads a simulated sortie and waits for
 * its sources → "Create lead" on the lab's source, marked U//REL TO USA,
 * MEX with pickers (the portion shown is the server's) → confirms it →
 * adds a note marked S//NOFORN and one marked U//REL TO USA, MEX (the
 * banner becomes SECRET//NOFORN) → a second lead made by clicking the map
 * shows a transition refused by the server (409, its reason) when the
 * lead moved meanwhile → releases the first to MEX, unit "FGR Sonora",
 * through the dialog's explicit confirmation (the API offers no preview:
 * the dialog says so) → the release list shows it; its Spanish HTML holds
 * the U note and not the NOFORN one, under a banner that is not SECRET;
 * its PDF is made, or the server's reason shown → the Accounts tab refuses
 * a partner of our own country, then makes partners of MEX and COL → the
 * MEX partner, in a fresh browser, sees only the portal (no tabs, no
 * sorties, a map holding nothing but the package) with the package in
 * Spanish, acknowledges, reports the action and the outcome (dismantled,
 * 2 arrests, a seizure) → the admin signs in again: the lead's history
 * shows the partner's updates and its state, the dashboard the unit with
 * its durations, the map the outcome → the COL partner sees no package.
 * Screenshots: artifacts/e2e/leads-*.png (and one on failure). Nothing
 * waits a fixed time: every step waits for a condition.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { apiFromPage, checkPrerequisites, launchBrowser, type RunningServer, screenshotter, signIn, startServer, STEP_TIMEOUT_MS } from './e2e-harness.js';
import { clickMapAt, mapIdle, sourceFeatures } from './e2e-map.js';
import { ARTIFACTS, CLI } from './repo-root.js';

const ADMIN_INITIAL = 'leads-initial-Passw0rd';
const ADMIN_PASSWORD = 'leads-changed-Passw0rd-2026';
const PARTNER_INITIAL = 'partner-one-time-pw-1';
const PARTNER_PASSWORD = 'partner-chosen-pw-2026';
const NOFORN_NOTE = 'Informant reports the cook returns on Fridays (NOFORN source detail).';
const REL_NOTE = 'Ventilation stack and drums of solvent seen behind the main shed.';
const LEAD_TITLE = 'Suspected laboratory at the north farm';
const BANNER_REL = 'UNCLASSIFIED//REL TO USA, MEX';

function labPosition(simulateStdout: string): { lat: number; lon: number } {
  const m = /lab-1\s+(-?\d+\.\d+),\s*(-?\d+\.\d+)/.exec(simulateStdout);
  assert.ok(m !== null, `no lab in the simulator's output: ${simulateStdout}`);
  return { lat: Number(m[1]), lon: Number(m[2]) };
}

function distanceM(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  return Math.hypot((a.lat - b.lat) * 111_195, (a.lon - b.lon) * 111_195 * Math.cos((a.lat * Math.PI) / 180));
}


/** Creates an account through the Accounts tab; the server's refusal, if any, is returned. */
async function createAccount(page: Page, username: string, nationality: string | null): Promise<string | null> {
  const form = page.getByTestId('user-create-form');
  await form.getByTestId('user-create-username').fill(username);
  await form.getByTestId('user-create-password').fill(PARTNER_INITIAL);
  await form.getByTestId('user-create-role').selectOption('partner');
  await form.getByTestId('user-create-nationality').selectOption(nationality ?? '');
  await form.getByTestId('user-create-organisation').fill(nationality === 'COL' ? 'Policía Nacional' : 'FGR');
  await form.getByTestId('user-create-submit').click();
  const done = form.getByTestId('user-create-done');
  const refused = form.getByTestId('user-create-error');
  await done.or(refused).waitFor();
  if (await refused.isVisible()) return refused.textContent();
  await page.locator(`[data-testid="user-row"][data-username="${username}"]`).waitFor();
  return null;
}

test('e2e leads: a lead from a source, notes under their markings, a release to MEX, the partner portal, the history and the dashboard', { timeout: 600_000 }, async () => {
  checkPrerequisites();
  const csvDir = mkdtempSync(join(tmpdir(), 'nariz-e2e-leads-'));
  const simulated = execFileSync(process.execPath, [CLI, 'simulate', '--seed', '3', '--out', csvDir], { encoding: 'utf8' });
  const lab = labPosition(simulated);

  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  let screenshot: (name: string) => Promise<void> = async () => undefined;
  let partnerShot: (name: string) => Promise<void> = async () => undefined;

  try {
    server = await startServer({ NARIZ_INITIAL_ADMIN_PASSWORD: ADMIN_INITIAL });
    const b = await launchBrowser();
    browser = b.browser;
    const { page, pageErrors } = b;
    screenshot = screenshotter(page, 'leads');
    const base = server.base;

    // 1. The first admin (clearance TS, the own country) signs in and uploads a simulated sortie.
    await page.goto(base);
    await signIn(page, 'admin', ADMIN_INITIAL, ADMIN_PASSWORD);
    await page.getByTestId('sign-out').waitFor();
    await page.getByTestId('live-status').and(page.locator('[data-state="open"]')).waitFor();
    await page.getByTestId('upload-simulated').check();
    await page.getByTestId('upload-input').setInputFiles(join(csvDir, 'sortie.csv'));
    await page.getByTestId('job-state').and(page.locator('[data-state="done"]')).waitFor({ timeout: 180_000 });
    const sources = page.getByTestId('source-item');
    await sources.first().waitFor();
    let labIndex = 0;
    let nearest = Infinity;
    for (let i = 0; i < (await sources.count()); i++) {
      const d = distanceM({ lat: Number(await sources.nth(i).getAttribute('data-lat')), lon: Number(await sources.nth(i).getAttribute('data-lon')) }, lab);
      if (d < nearest) [nearest, labIndex] = [d, i];
    }
    assert.ok(nearest < 150, `the nearest source is ${nearest.toFixed(0)} m from the simulated lab`);

    // 2. "Create lead" on the lab's source: the Leads tab opens with the form; the marking is picked, never typed.
    await sources.nth(labIndex).getByTestId('source-create-lead').click();
    assert.equal(await page.getByTestId('tab-leads').getAttribute('aria-selected'), 'true');
    const form = page.getByTestId('lead-create-form');
    await form.waitFor();
    assert.equal(await form.getAttribute('data-origin'), 'source');
    assert.equal(await form.getByTestId('simulated-badge').count(), 1, 'a lead from a simulated sortie says so');
    await form.getByTestId('lead-title').fill(LEAD_TITLE);
    await form.getByTestId('lead-summary').fill('Night-time solvent plume from two passes; a lab-like signature.');
    // The pickers offer only what this user may label with (their session): no level above the clearance, no access control they are not read into, never the own country.
    const me = (await page.evaluate(async () => (await fetch('/api/session')).json())) as { user: { clearance: string; accesses: string[]; organisation: string } };
    assert.equal(await form.getByTestId('lead-marking-originator').inputValue(), me.user.organisation, 'the originator defaults to the user’s organisation');
    for (const c of ['PROPIN', 'LES']) assert.equal(await form.getByTestId(`lead-marking-control-${c}`).isDisabled(), !me.user.accesses.includes(c), `${c} offered only when read into it`);
    assert.match((await form.getByTestId('lead-marking-own-country').textContent()) ?? '', /\(USA\)/);
    assert.equal(await form.locator('[data-testid="lead-marking-relto-select"] option[value="USA"]').count(), 0, 'the own country is added by the server, not offered');
    await form.getByTestId('lead-marking-relto-select').selectOption('MEX');
    await form.getByTestId('lead-marking-relto-add').click();
    await form.locator('[data-testid="lead-marking-relto-chip"][data-code="MEX"]').waitFor();
    await screenshot('create-form');
    await form.getByTestId('lead-create-submit').click();

    const detail = page.getByTestId('lead-detail');
    await detail.and(page.locator('[data-status="candidate"]')).waitFor();
    const leadId = await detail.getAttribute('data-lead-id');
    assert.ok(leadId !== null && leadId.length > 0);
    assert.equal(await detail.getByTestId('lead-portion').textContent(), '(U//REL TO USA, MEX)', 'the portion is the server’s');
    assert.equal(await detail.getByTestId('lead-banner-top').textContent(), BANNER_REL);
    assert.equal(await detail.getByTestId('lead-banner-bottom').textContent(), BANNER_REL);
    assert.ok(((await detail.getByTestId('lead-source').textContent()) ?? '').includes(`source ${labIndex + 1}`));
    assert.ok((await detail.getByTestId('simulated-badge').count()) >= 1);
    await page.locator(`[data-testid="lead-item"][data-lead-id="${leadId}"]`).waitFor();
    // On the map: a point in the colour of its state.
    const drawn = await sourceFeatures(page, 'leads', `fs.some((f) => f.properties.id === ${JSON.stringify(leadId)})`);
    assert.equal(drawn.find((f) => f.properties['id'] === leadId)?.properties['status'], 'candidate');

    // 3. Confirm it (the buttons are the server's next states).
    await detail.getByTestId('transition-note').fill('Two passes agree.');
    await detail.getByTestId('transition-confirmed').click();
    await detail.and(page.locator('[data-status="confirmed"]')).waitFor();
    assert.equal(await detail.getByTestId('release-open').count(), 1);

    // 4. Two notes, each under its own marking: S//NOFORN, and U//REL TO USA, MEX.
    await detail.getByTestId('evidence-open').click();
    let ev = detail.getByTestId('evidence-form');
    await ev.getByTestId('evidence-text').fill(NOFORN_NOTE);
    await ev.getByTestId('evidence-marking-classification').selectOption('S');
    await ev.getByTestId('evidence-marking-control-NOFORN').check();
    assert.equal(await ev.getByTestId('evidence-marking-relto-select').count(), 0, 'no REL TO under NOFORN');
    await ev.getByTestId('evidence-submit').click();
    await detail.locator('[data-testid="evidence-item"][data-portion="(S//NOFORN)"]').waitFor();
    await detail.getByTestId('evidence-open').click();
    ev = detail.getByTestId('evidence-form');
    await ev.getByTestId('evidence-text').fill(REL_NOTE);
    await ev.getByTestId('evidence-marking-relto-select').selectOption('MEX');
    await ev.getByTestId('evidence-marking-relto-add').click();
    await ev.getByTestId('evidence-submit').click();
    await detail.locator('[data-testid="evidence-item"][data-portion="(U//REL TO USA, MEX)"]').waitFor();
    // The banner over everything shown: the NOFORN note's.
    await detail.getByTestId('lead-banner-top').and(page.locator(':text-is("SECRET//NOFORN")')).waitFor();
    await screenshot('lead-with-notes');

    // 5. A second lead, by hand: click its place on the map. Another analyst confirms it meanwhile (the API);
    //    the stale "Confirm" button is refused by the server with the reason (its refresh held back to show it).
    await page.getByTestId('lead-pick-place').click();
    await page.getByTestId('lead-map-hint').waitFor();
    await mapIdle(page);
    const centre: unknown = await page.evaluate(`(() => { const c = window.__nariz.map.getCenter(); return [c.lng, c.lat]; })()`);
    assert.ok(Array.isArray(centre) && typeof centre[0] === 'number' && typeof centre[1] === 'number');
    await clickMapAt(page, centre[0] + 0.002, centre[1] - 0.001);
    const byHand = page.getByTestId('lead-create-form');
    await byHand.and(page.locator('[data-origin="place"]')).waitFor();
    await byHand.getByTestId('lead-title').fill('Second site, by hand');
    await byHand.getByTestId('lead-create-submit').click();
    await page.locator('[data-testid="lead-detail"][data-status="candidate"]:not([data-lead-id="' + leadId + '"])').waitFor();
    const secondId = await detail.getAttribute('data-lead-id');
    assert.ok(secondId !== null && secondId !== leadId);
    assert.equal(await detail.getByTestId('lead-portion').textContent(), '(U)');
    await page.route(`**/api/leads/${secondId}`, async (route) => {
      // Hold the detail's refresh so that the button the analyst sees is the stale one.
      await new Promise((r) => setTimeout(r, 4000));
      await route.continue();
    });
    assert.equal((await apiFromPage(page, 'POST', `/api/leads/${secondId}/transitions`, { to: 'confirmed' })).status, 200);
    await detail.getByTestId('transition-confirmed').click();
    const refusal = detail.getByTestId('transition-error');
    await refusal.waitFor();
    assert.match((await refusal.textContent()) ?? '', /is confirmed and cannot move to confirmed; allowed next states: candidate/);
    await screenshot('transition-refused');
    // Lets the held refreshes through first (unrouting under them would leave them handled twice).
    await page.unrouteAll({ behavior: 'wait' });
    await detail.and(page.locator('[data-status="confirmed"]')).waitFor();

    // 6. Release the first lead to MEX, unit "FGR Sonora": the review shows the package the server would make (a dry run, stored nowhere), then asks in so many words.
    await page.locator(`[data-testid="lead-item"][data-lead-id="${leadId}"] [data-testid="lead-open"]`).click();
    await page.locator(`[data-testid="lead-detail"][data-lead-id="${leadId}"]`).waitFor();
    await detail.getByTestId('release-open').click();
    const dialog = page.getByTestId('release-dialog');
    await dialog.waitFor();
    await dialog.getByTestId('release-preview-next').waitFor();
    assert.equal(await dialog.getByTestId('release-preview-note').count(), 2);
    assert.equal(await dialog.getByTestId('release-language').inputValue(), 'es', 'Spanish first for the partner');
    await dialog.getByTestId('release-country').selectOption('MEX');
    await dialog.getByTestId('release-unit').fill('FGR Sonora');
    await dialog.getByTestId('release-note').fill('For the raid team.');
    await dialog.getByTestId('release-review').click();
    const sentence = (await dialog.getByTestId('release-confirm-text').textContent()) ?? '';
    assert.equal(sentence, 'Release to FGR Sonora of Mexico (MEX): this is recorded.');
    const dry = dialog.getByTestId('release-dry-run');
    await dialog.locator('[data-testid="release-dry-run"][data-state="ready"]').waitFor();
    assert.equal(await dry.getByTestId('release-dry-run-banner').textContent(), BANNER_REL, 'the preview’s banner is the release’s');
    assert.equal(await dry.getByTestId('release-dry-run-counts').getAttribute('data-notes'), '1', 'the NOFORN note would stay behind');
    assert.equal(await dry.getByTestId('release-dry-run-simulated').count(), 1, 'from a simulated sortie: said before releasing');
    const dryFrame = dry.getByTestId('release-dry-run-frame');
    assert.equal(await dryFrame.getAttribute('sandbox'), '', 'the rendering runs with nothing allowed');
    assert.match((await dryFrame.getAttribute('srcdoc')) ?? '', /VISTA PREVIA — no entregada/);
    await dry.getByTestId('release-dry-run-language').selectOption('en');
    assert.match((await dryFrame.getAttribute('srcdoc')) ?? '', /PREVIEW — not released/);
    assert.equal((await page.evaluate(async (id) => (await (await fetch(`/api/leads/${id}/releases`)).json()) as { releases: unknown[] }, leadId)).releases.length, 0, 'nothing released by the preview');
    await screenshot('release-confirm');
    await dialog.getByTestId('release-confirm').click();
    await dialog.getByTestId('release-done').waitFor();
    assert.equal(await dialog.getByTestId('release-done-banner').textContent(), BANNER_REL);
    assert.equal(await dialog.getByTestId('release-withheld').getAttribute('data-notes'), '1', 'the NOFORN note stayed behind');
    await dialog.getByTestId('release-done-close').click();
    const item = detail.locator('[data-testid="release-item"][data-unit="FGR Sonora"][data-country="MEX"]');
    await item.waitFor();
    await detail.and(page.locator('[data-status="released"]')).waitFor();
    assert.equal(await item.getByTestId('release-banner').textContent(), BANNER_REL);
    assert.equal(await item.getByTestId('release-item-withheld').getAttribute('data-notes'), '1', 'what stayed behind is kept with the release');
    await detail.getByTestId('awaiting-partner').waitFor();

    // 7. The Spanish HTML, opened from its link: the U note, not the NOFORN one, under a banner that is not SECRET.
    const [tab] = await Promise.all([page.context().waitForEvent('page'), item.getByTestId('release-html-es').click()]);
    await tab.waitForLoadState('load');
    const html = await tab.content();
    assert.ok(html.includes(REL_NOTE), 'the releasable note is in the package');
    assert.ok(!html.includes(NOFORN_NOTE), 'the NOFORN note is not');
    assert.ok(!html.includes('SECRET'), 'nothing in it is marked SECRET');
    assert.ok(html.includes(`<div class="banner top">${BANNER_REL}</div>`) && html.includes(`<div class="banner bottom">${BANNER_REL}</div>`));
    assert.ok(html.includes('<html lang="es">') && html.includes('Entrega a una autoridad contraparte'), 'the Spanish version');
    await tab.screenshot({ path: join(ARTIFACTS, 'leads-release-html-es.png'), fullPage: false }).catch(() => undefined);
    await tab.close();

    // 8. The PDF: made by the server's Chromium, or its reason shown (503 without Chromium).
    await item.getByTestId('release-pdf-es-fetch').click();
    const pdf = item.getByTestId('release-pdf-es');
    await pdf.and(page.locator('[data-state="ready"], [data-state="failed"]')).waitFor({ timeout: 120_000 });
    if ((await pdf.getAttribute('data-state')) === 'failed') {
      const why = (await item.getByTestId('release-pdf-es-error').textContent()) ?? '';
      console.log(`release PDF refused by the server: ${why}`);
      assert.match(why, /Chromium|chromium/);
    } else {
      assert.match((await item.getByTestId('release-pdf-es-ready').textContent()) ?? '', /PDF ES/);
    }
    await screenshot('released');

    // 9. Accounts: a partner of our own country is refused (the server says why); partners of MEX and COL are made.
    await page.getByTestId('tab-admin').click();
    await page.getByTestId('users-panel').waitFor();
    const own = await createAccount(page, 'own.partner', null);
    assert.match(own ?? '', /partner account needs the partner's nationality/);
    assert.equal(await createAccount(page, 'fgr.sonora', 'MEX'), null);
    assert.equal(await createAccount(page, 'col.partner', 'COL'), null);
    const row = page.locator('[data-testid="user-row"][data-username="fgr.sonora"]');
    assert.deepEqual([await row.getAttribute('data-role'), await row.getAttribute('data-nationality'), await row.getAttribute('data-clearance')], ['partner', 'MEX', 'U']);
    await screenshot('accounts');

    // 10. The MEX partner, in a fresh browser: only the portal, the package in Spanish.
    const partnerContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'en-US' });
    const pp = await partnerContext.newPage();
    pp.setDefaultTimeout(STEP_TIMEOUT_MS);
    const partnerErrors: string[] = [];
    pp.on('pageerror', (e) => partnerErrors.push(e.message));
    partnerShot = screenshotter(pp, 'leads-partner');
    await pp.goto(base);
    await signIn(pp, 'fgr.sonora', PARTNER_INITIAL, PARTNER_PASSWORD);
    await pp.getByTestId('partner-portal').waitFor();
    await pp.locator('html[lang="es-419"]').waitFor();
    for (const absent of ['tab-sorties', 'tab-leads', 'tab-video', 'tab-flight', 'sortie-item', 'map', 'upload-input', 'live-status']) assert.equal(await pp.getByTestId(absent).count(), 0, `${absent} shown to a partner`);
    assert.equal(await pp.getByTestId('package-item').count(), 1);
    const view = pp.getByTestId('package-view');
    await view.and(pp.locator('[data-status="released"][data-language="es"]')).waitFor();
    assert.equal(await view.getByTestId('package-banner-top').textContent(), BANNER_REL);
    assert.equal(await view.getByTestId('package-banner-bottom').textContent(), BANNER_REL);
    // From a simulated sortie: the official is told, in the list and above the package, not only inside the rendering.
    assert.equal(await pp.getByTestId('package-item').getByTestId('simulated-badge').count(), 1);
    assert.match((await view.getByTestId('package-simulated').textContent()) ?? '', /SIMULADO: este paquete proviene de datos de ejercicio/);
    // The title as written, or machine-translated with the original beside it (when the server has a translation engine).
    const titleShown = view.getByTestId('package-title');
    if ((await titleShown.getAttribute('data-translation')) === 'machine-translated') assert.equal(await view.getByTestId('package-title-original').textContent(), LEAD_TITLE);
    else assert.equal(await titleShown.textContent(), LEAD_TITLE);
    const frame = view.getByTestId('package-html');
    await frame.waitFor();
    assert.equal(await frame.getAttribute('sandbox'), '', 'the rendering runs sandboxed');
    const srcdoc = (await frame.getAttribute('srcdoc')) ?? '';
    assert.ok(srcdoc.includes('Entrega a una autoridad contraparte') && srcdoc.includes(REL_NOTE) && !srcdoc.includes(NOFORN_NOTE));
    await pp.frameLocator('[data-testid="package-html"]').locator('.banner.top').waitFor();
    // Its map holds the package and nothing else: no sortie, track, detection or video source exists.
    await pp.getByTestId('package-map').and(pp.locator('[data-ready="true"]')).waitFor();
    const sourceIds: unknown = await pp.evaluate(`Object.keys(window.__nariz.map.getStyle().sources).sort()`);
    assert.deepEqual(sourceIds, ['hazards', 'ne10-borders', 'ne10-land', 'ne50-borders', 'ne50-land', 'package-circle', 'package-lab']);
    const zones = await sourceFeatures(pp, 'hazards', 'fs.length > 0');
    assert.ok(zones.every((z) => typeof z.properties['level'] === 'number'), 'hazard zones by level');
    assert.equal((await apiFromPage(pp, 'GET', '/api/sorties')).status, 403, 'the partner reads no sorties');
    await partnerShot('portal');

    // 11. Acknowledge, the action taken, the outcome.
    await view.getByTestId('portal-ack-note').fill('Recibido por la FGR Sonora.');
    await view.getByTestId('portal-acknowledge').click();
    await view.and(pp.locator('[data-status="acknowledged"]')).waitFor();
    await view.getByTestId('portal-action-note').fill('Cateo del rancho norte con apoyo de la Guardia Nacional.');
    await view.getByTestId('portal-action-submit').click();
    await view.and(pp.locator('[data-status="action-taken"]')).waitFor();
    await view.getByTestId('portal-outcome-dismantled').check();
    await view.getByTestId('portal-arrests').fill('2');
    await view.getByTestId('portal-seizure-what').first().fill('precursores químicos');
    await view.getByTestId('portal-seizure-quantity').first().fill('120,5');
    await view.getByTestId('portal-seizure-unit').first().fill('kg');
    await view.getByTestId('portal-outcome-note').fill('Laboratorio desmantelado; sin heridos.');
    await view.getByTestId('portal-outcome-submit').click();
    await view.and(pp.locator('[data-status="outcome-reported"]')).waitFor();
    const history = view.getByTestId('package-history-entry');
    await history.nth(3).waitFor();
    assert.deepEqual(await history.evaluateAll((els) => els.map((e) => [e.getAttribute('data-status'), e.getAttribute('data-by')])), [
      ['released', ''], ['acknowledged', 'fgr.sonora'], ['action-taken', 'fgr.sonora'], ['outcome-reported', 'fgr.sonora'],
    ]);
    const outcome = history.nth(3).getByTestId('event-outcome');
    assert.deepEqual([await outcome.getAttribute('data-kind'), await outcome.getAttribute('data-arrests'), await outcome.getAttribute('data-seizures')], ['dismantled', '2', '1']);
    assert.match((await outcome.textContent()) ?? '', /Laboratorio desmantelado; detenciones: 2; aseguramientos: precursores químicos 120\.5 kg/);
    await partnerShot('reported');
    await pp.getByTestId('sign-out').click();
    await pp.getByTestId('signin-form').waitFor();
    assert.deepEqual(partnerErrors, [], 'no uncaught errors in the portal');
    await partnerContext.close();

    // 12. The admin signs in again: the partner's updates in the lead's history, its state, the dashboard, the map.
    await page.getByTestId('sign-out').click();
    await page.getByTestId('signin-form').waitFor();
    await signIn(page, 'admin', ADMIN_PASSWORD);
    await page.getByTestId('tab-leads').click();
    await page.locator(`[data-testid="lead-item"][data-lead-id="${leadId}"][data-status="outcome-reported"] [data-testid="lead-open"]`).click();
    await page.locator(`[data-testid="lead-detail"][data-lead-id="${leadId}"][data-status="outcome-reported"]`).waitFor();
    const events = detail.getByTestId('lead-event');
    assert.deepEqual(await events.evaluateAll((els) => els.map((e) => [e.getAttribute('data-to'), e.getAttribute('data-actor')])), [
      ['candidate', 'admin'], ['confirmed', 'admin'], ['released', 'admin'], ['acknowledged', 'fgr.sonora'], ['action-taken', 'fgr.sonora'], ['outcome-reported', 'fgr.sonora'],
    ]);
    const eventOutcome = detail.locator('[data-testid="lead-event"][data-to="outcome-reported"] [data-testid="event-outcome"]');
    assert.deepEqual([await eventOutcome.getAttribute('data-kind'), await eventOutcome.getAttribute('data-arrests')], ['dismantled', '2']);
    assert.ok(((await detail.locator('[data-testid="lead-event"][data-to="action-taken"]').textContent()) ?? '').includes('Cateo del rancho norte'));

    const unit = page.locator('[data-testid="dashboard-unit"][data-unit="FGR Sonora"][data-country="MEX"]');
    await unit.waitFor();
    for (const id of ['dashboard-detection-to-release', 'dashboard-release-to-ack', 'dashboard-release-to-action']) {
      const cell = unit.getByTestId(id);
      assert.equal(await cell.getAttribute('data-count'), '1', id);
      const median = Number(await cell.getAttribute('data-median-h'));
      assert.ok((await cell.getAttribute('data-median-h')) !== '' && Number.isFinite(median) && median >= 0, `${id}: median ${median} h`);
    }
    assert.equal(await unit.getByTestId('dashboard-arrests').textContent(), '2');
    const outcomes = await sourceFeatures(page, 'leads', `fs.some((f) => f.properties.id === ${JSON.stringify(leadId)} && f.properties.outcome === 'dismantled')`);
    assert.equal(outcomes.find((f) => f.properties['id'] === leadId)?.properties['status'], 'outcome-reported');
    await page.getByTestId('lead-show').click();
    await mapIdle(page);
    await screenshot('history-and-dashboard');

    // 13. A partner of another country sees no packages.
    const colContext = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'es-CO' });
    const cp = await colContext.newPage();
    cp.setDefaultTimeout(STEP_TIMEOUT_MS);
    await cp.goto(base);
    await signIn(cp, 'col.partner', PARTNER_INITIAL, PARTNER_PASSWORD);
    await cp.getByTestId('partner-portal').waitFor();
    await cp.getByTestId('packages-empty').waitFor();
    assert.equal(await cp.getByTestId('package-count').getAttribute('data-total'), '0');
    await cp.screenshot({ path: join(ARTIFACTS, 'leads-partner-col.png') });
    await colContext.close();

    assert.deepEqual(pageErrors, [], 'no uncaught errors in the analyst’s page');
  } catch (err) {
    await screenshot('failure').catch(() => undefined);
    await partnerShot('failure').catch(() => undefined);
    if (server !== undefined && server.stderr.length > 0) console.error(`server stderr:\n${server.stderr.join('')}`);
    throw err;
  } finally {
    await browser?.close();
    await server?.stop();
    rmSync(csvDir, { recursive: true, force: true });
  }
});

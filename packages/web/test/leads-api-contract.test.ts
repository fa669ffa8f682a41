/**
 * The leads, release and partner-portal readers against the real server
 * (the built packages/server on a fresh SQLite directory, signed in like
 * the browser with the session cookie and CSRF token): every answer the
 * leads screens and the portal read goes through its reader here, built
 * from the app's own request bodies. A lead made by hand, marked U//REL TO
 * MEX, with a S//NOFORN note and a U//REL TO MEX note; confirmed; an
 * illegal transition refused with the reason; released to a Mexican unit;
 * a partner account made through the users API; the partner's packages,
 * acknowledgement, action and outcome; the dashboard's durations; a
 * Colombian partner who sees nothing.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readApiError } from '../src/api/schema/api-error.js';
import { readLeadDashboard } from '../src/api/schema/lead-dashboard.js';
import { readEvidenceBody, readLeadBody, readLeadDetail, readLeadPage, readReleaseList, readTransitionAnswer } from '../src/api/schema/lead.js';
import { readLiveMessage } from '../src/api/schema/live-message.js';
import { readPackageDetail, readPackageList, readPartnerUpdate } from '../src/api/schema/partner-package.js';
import { readReleaseAnswer } from '../src/api/schema/release-package.js';
import { readSession } from '../src/api/schema/session.js';
import { accountFieldsJson, readUserBody, readUserList } from '../src/api/schema/user.js';
import { leadPoints } from '../src/geo/lead-features.js';
import { packageFeatures } from '../src/geo/package-features.js';
import { analystTransitions, partnerUpdatesFrom, releasable } from '../src/leads/lead-lifecycle.js';
import { actionJson, evidenceJson, newLeadJson, outcomeJson, readOutcomeForm, releaseRequestJson } from '../src/leads/lead-request.js';
import { addRelTo, draftMarking, emptyDraft, toggleControl, withClassification } from '../src/leads/marking-draft.js';
import { startServer, type RunningServer } from './e2e-harness.js';

const INITIAL = 'leads-contract-initial-pw';
const PASSWORD = 'leads-contract-changed-pw-1';
const PARTNER_INITIAL = 'partner-initial-pw-123';
const PARTNER_PASSWORD = 'partner-changed-pw-1234';

let server: RunningServer;

interface Reply {
  readonly status: number;
  readonly json: unknown;
  readonly text: string;
}

/** A signed-in browser-like client: its cookie and CSRF token. */
interface Agent {
  cookie: string;
  csrf: string;
}

async function call(a: Agent, method: string, path: string, body?: unknown): Promise<Reply> {
  const headers: Record<string, string> = { cookie: a.cookie };
  if (method !== 'GET') headers['x-csrf-token'] = a.csrf;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(server.base + path, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, json, text };
}

async function signIn(username: string, password: string): Promise<Agent & { mustChange: boolean; role: string }> {
  const res = await fetch(`${server.base}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  assert.equal(res.status, 200, await res.clone().text());
  const m = /nariz_session=([^;]+)/.exec(res.headers.get('set-cookie') ?? '');
  assert.ok(m !== null, 'a session cookie');
  const s = readSession(await res.json());
  return { cookie: `nariz_session=${m[1]}`, csrf: s.csrfToken, mustChange: s.mustChangePassword, role: s.role };
}

/** Signs in with a one-time password, changes it, and signs in again. */
async function firstSignIn(username: string, initial: string, password: string): Promise<Agent & { role: string }> {
  const a = await signIn(username, initial);
  if (!a.mustChange) return a;
  assert.equal((await call(a, 'PUT', '/api/session/password', { current_password: initial, new_password: password })).status, 204);
  return signIn(username, password);
}

let admin: Agent;

before(async () => {
  server = await startServer({ NARIZ_INITIAL_ADMIN_PASSWORD: INITIAL });
  admin = await firstSignIn('admin', INITIAL, PASSWORD);
});

after(async () => {
  await server?.stop();
});

const relToMex = draftMarking(addRelTo(emptyDraft(), 'MEX'));

test('a lead by hand, its evidence, its lifecycle, a release, the portal and the dashboard: every answer reads', async () => {
  // The lead, from the app's own request body.
  const created = await call(admin, 'POST', '/api/leads', newLeadJson({ title: 'Suspected lab, north ranch', summary: 'Solvent plume at night.', lang: 'en', marking: relToMex, origin: { kind: 'place', lat: 29.1, lon: -110.95 } }));
  assert.equal(created.status, 201, created.text);
  const lead = readLeadBody(created.json);
  assert.equal(lead.status, 'candidate');
  assert.equal(lead.portion, '(U//REL TO USA, MEX)');
  assert.equal(lead.source, null);
  assert.deepEqual(analystTransitions(lead.nextStates), ['confirmed', 'closed']);
  assert.equal(releasable(lead.nextStates), false);

  // Evidence: a NOFORN note (the admin is an own national with TS) and a releasable one.
  const noforn = draftMarking(toggleControl(withClassification(emptyDraft(), 'S'), 'NOFORN'));
  const e1 = await call(admin, 'POST', `/api/leads/${lead.id}/evidence`, evidenceJson({ kind: 'note', ref: null, text: 'Informant says the cook is back.', lang: 'en', marking: noforn }));
  assert.equal(e1.status, 201, e1.text);
  assert.equal(readEvidenceBody(e1.json).portion, '(S//NOFORN)');
  const e2 = await call(admin, 'POST', `/api/leads/${lead.id}/evidence`, evidenceJson({ kind: 'note', ref: null, text: 'Ventilation stack seen on the roof.', lang: 'en', marking: relToMex }));
  assert.equal(readEvidenceBody(e2.json).portion, '(U//REL TO USA, MEX)');

  // An illegal transition: 409 with the reason naming the allowed states.
  const illegal = await call(admin, 'POST', `/api/leads/${lead.id}/transitions`, { to: 'acknowledged' });
  assert.equal(illegal.status, 409);
  const why = readApiError(illegal.json);
  assert.equal(why?.code, 'NARIZ_LEAD_STATE');
  assert.match(why?.message ?? '', /allowed next states: confirmed/);

  const moved = readTransitionAnswer((await call(admin, 'POST', `/api/leads/${lead.id}/transitions`, { to: 'confirmed', note: 'two sorties agree' })).json);
  assert.equal(moved.lead.status, 'confirmed');
  assert.equal(moved.event.from, 'candidate');
  assert.equal(releasable(moved.lead.nextStates), true);

  // The release, from the dialog's request body.
  const rel = await call(admin, 'POST', `/api/leads/${lead.id}/releases`, releaseRequestJson({ partnerCountry: 'MEX', partnerUnit: 'FGR Sonora', language: 'es', note: 'for the raid team' }));
  assert.equal(rel.status, 201, rel.text);
  const answer = readReleaseAnswer(rel.json);
  assert.equal(answer.release.banner, 'UNCLASSIFIED//REL TO USA, MEX');
  assert.deepEqual(answer.withheld, { notes: 1, otherEvidence: 0 });
  assert.equal(answer.package.notes.length, 1);
  // The Spanish version: the English note as written, or machine-translated with the original beside it (when the server has an engine).
  const esNote = answer.package.versions.es.notes[0]!;
  assert.equal(esNote.originalLang, 'en');
  if (esNote.translation === 'machine-translated') {
    assert.equal(esNote.original, 'Ventilation stack seen on the roof.');
    assert.ok(esNote.engine !== null && esNote.engine.id.length > 0);
  } else {
    assert.deepEqual([esNote.translation, esNote.text, esNote.original], ['not-translated', 'Ventilation stack seen on the roof.', null]);
  }
  assert.deepEqual([answer.package.versions.en.notes[0]?.translation, answer.package.versions.en.notes[0]?.text], ['original', 'Ventilation stack seen on the roof.']);
  assert.deepEqual(answer.package.lead.hazardZones, []);
  const pf = packageFeatures(answer.package);
  assert.equal(pf.lab.features.length, 1);
  assert.ok(pf.bbox[0] < -110.95 && pf.bbox[2] > -110.95);

  const detail = readLeadDetail((await call(admin, 'GET', `/api/leads/${lead.id}`)).json);
  assert.equal(detail.status, 'released');
  assert.equal(detail.releases.length, 1);
  assert.equal(detail.evidence.length, 2);
  assert.match(detail.banner, /^SECRET\/\/NOFORN$/);
  assert.deepEqual(detail.events.map((e) => e.to), ['candidate', 'confirmed', 'released']);
  assert.equal(detail.events[2]?.partnerUnit, 'FGR Sonora');
  assert.deepEqual(readReleaseList((await call(admin, 'GET', `/api/leads/${lead.id}/releases`)).json).map((r) => r.partnerUnit), ['FGR Sonora']);
  const page = readLeadPage((await call(admin, 'GET', '/api/leads?status=released&q=ranch')).json);
  assert.equal(page.total, 1);
  assert.equal(page.banner, 'UNCLASSIFIED//REL TO USA, MEX');
  assert.equal(readLeadPage((await call(admin, 'GET', '/api/leads?status=closed')).json).total, 0);

  // A partner account, from the accounts form's fields.
  const made = await call(admin, 'POST', '/api/users', { username: 'fgr.sonora', password: PARTNER_INITIAL, ...accountFieldsJson({ role: 'partner', clearance: 'U', nationality: 'MEX', organisation: 'FGR', accesses: [] }) });
  assert.equal(made.status, 201, made.text);
  const partnerUser = readUserBody(made.json);
  assert.deepEqual([partnerUser.role, partnerUser.nationality, partnerUser.clearance, partnerUser.mustChangePassword], ['partner', 'MEX', 'U', true]);
  const users = readUserList((await call(admin, 'GET', '/api/users')).json);
  assert.equal(users.find((u) => u.username === 'admin')?.clearance, 'TS');
  const ownPartner = await call(admin, 'POST', '/api/users', { username: 'bad.partner', password: PARTNER_INITIAL, ...accountFieldsJson({ role: 'partner' }) });
  assert.equal(ownPartner.status, 400, 'a partner of our own country is refused');

  const partner = await firstSignIn('fgr.sonora', PARTNER_INITIAL, PARTNER_PASSWORD);
  assert.equal(partner.role, 'partner');
  assert.equal((await call(partner, 'GET', '/api/leads')).status, 403, 'a partner reads no leads');
  const list = readPackageList((await call(partner, 'GET', '/api/partner/packages?lang=es')).json);
  assert.equal(list.total, 1);
  const pkg = list.packages[0]!;
  assert.deepEqual([pkg.status, pkg.title.translation === 'original', pkg.banner], ['released', false, 'UNCLASSIFIED//REL TO USA, MEX']);
  const full = readPackageDetail((await call(partner, 'GET', `/api/partner/packages/${pkg.id}?lang=es`)).json);
  assert.deepEqual(full.history.map((h) => [h.status, h.by]), [['released', null]]);
  assert.deepEqual(full.nextStates, ['acknowledged']);
  assert.equal(full.simulated, false);
  assert.deepEqual(partnerUpdatesFrom(full.nextStates), ['acknowledge']);

  // Out of order: an action before the acknowledgement is refused.
  assert.equal((await call(partner, 'POST', `/api/partner/packages/${pkg.id}/action`, actionJson({ note: 'raided', at: null }))).status, 409);
  const ack = readPartnerUpdate((await call(partner, 'POST', `/api/partner/packages/${pkg.id}/acknowledge`, { note: 'recibido' })).json);
  assert.equal(ack.status, 'acknowledged');
  assert.deepEqual(partnerUpdatesFrom(ack.nextStates), ['action', 'outcome'], 'the forms the server allows next');
  const act = readPartnerUpdate((await call(partner, 'POST', `/api/partner/packages/${pkg.id}/action`, actionJson({ note: 'Cateo del rancho', at: null }))).json);
  assert.equal(act.status, 'action-taken');
  const form = readOutcomeForm('dismantled', '2', [{ what: 'precursores', quantity: '120,5', unit: 'kg' }, { what: '', quantity: '', unit: '' }], 'Laboratorio desmantelado', '');
  assert.ok(form.ok);
  const out = readPartnerUpdate((await call(partner, 'POST', `/api/partner/packages/${pkg.id}/outcome`, outcomeJson(form.value))).json);
  assert.equal(out.status, 'outcome-reported');
  assert.deepEqual(out.history.map((h) => h.status), ['released', 'acknowledged', 'action-taken', 'outcome-reported']);
  assert.deepEqual(out.history[3]?.outcome, { kind: 'dismantled', arrests: 2, seizures: [{ what: 'precursores', quantity: 120.5, unit: 'kg' }] });
  assert.equal(out.history[1]?.by, 'fgr.sonora');

  // Back with the analyst: the partner's updates in the history, the dashboard's durations and outcome.
  const after = readLeadDetail((await call(admin, 'GET', `/api/leads/${lead.id}`)).json);
  assert.equal(after.status, 'outcome-reported');
  assert.deepEqual(after.events.slice(3).map((e) => [e.to, e.actor]), [['acknowledged', 'fgr.sonora'], ['action-taken', 'fgr.sonora'], ['outcome-reported', 'fgr.sonora']]);
  const dash = readLeadDashboard((await call(admin, 'GET', '/api/leads/dashboard')).json);
  const unit = dash.units.find((u) => u.partnerUnit === 'FGR Sonora');
  assert.ok(unit !== undefined);
  assert.equal(unit.released, 1);
  assert.equal(unit.releaseToAcknowledgement.count, 1);
  assert.equal(unit.releaseToAction.count, 1);
  assert.ok(unit.releaseToAction.medianH !== null && unit.releaseToAction.medianH >= 0);
  assert.equal(unit.detectionToRelease.count, 0, 'a lead by hand without detected_at has no detection time');
  assert.equal(unit.outcomes.dismantled, 1);
  assert.equal(unit.arrests, 2);
  assert.equal(dash.outcomes.features.length, 1);
  assert.equal(dash.byStatus['outcome-reported'], 1);
  const points = leadPoints(readLeadPage((await call(admin, 'GET', '/api/leads')).json).leads, dash.outcomes.features);
  assert.equal(points.features[0]?.properties.outcome, 'dismantled');

  // A partner of another country sees no packages, and another's package is a 404.
  await call(admin, 'POST', '/api/users', { username: 'col.partner', password: PARTNER_INITIAL, ...accountFieldsJson({ role: 'partner', nationality: 'COL' }) });
  const col = await firstSignIn('col.partner', PARTNER_INITIAL, PARTNER_PASSWORD);
  const none = readPackageList((await call(col, 'GET', '/api/partner/packages?lang=es')).json);
  assert.deepEqual([none.total, none.packages.length], [0, 0]);
  assert.equal((await call(col, 'GET', `/api/partner/packages/${pkg.id}`)).status, 404);

  // The accounts form's change: only what changed is sent; a partner cannot be moved to our own country.
  const changed = readUserBody((await call(admin, 'PATCH', '/api/users/col.partner', accountFieldsJson({ clearance: 'C', accesses: ['LES'], organisation: 'DIRAN' }))).json);
  assert.deepEqual([changed.clearance, changed.accesses, changed.organisation, changed.nationality], ['C', ['LES'], 'DIRAN', 'COL']);
  const home = await call(admin, 'PATCH', '/api/users/col.partner', accountFieldsJson({ nationality: null }));
  assert.equal(home.status, 400, home.text);
  assert.equal(readApiError(home.json)?.code, 'NARIZ_BAD_REQUEST');
});

test('a live `lead` message reads with its marking; an unknown type is skipped', () => {
  const m = readLiveMessage({ type: 'lead', id: 'l-1', status: 'released', updated_at: '2026-01-01T00:00:00.000Z', marking: { classification: 'U', controls: [], relTo: ['MEX', 'USA'], originator: 'task force' } });
  assert.ok(m !== null && m.type === 'lead');
  assert.deepEqual(m.marking.relTo, ['MEX', 'USA']);
  assert.throws(() => readLiveMessage({ type: 'lead', id: 'l-1', status: 'lost', updated_at: 'x', marking: {} }), /live\.status/);
  assert.equal(readLiveMessage({ type: 'weather', id: 'x' }), null);
});

/**
 * The partner portal against a real server and store: a partner token is
 * refused on every route of the OpenAPI document except the portal and its
 * own session; an official sees exactly the packages released to their
 * country that their clearance allows, in Spanish or English, as JSON, HTML
 * and PDF; a package of another country is a 404 like a missing one; their
 * acknowledgement, action and outcome move the lead, with the lifecycle's
 * rules and sane times; and they never see the analysts' own notes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import WebSocket from 'ws';
import { call, makeUser, signIn, startServer } from './harness.js';
import { cleared, errorCode, errorMessage, leadByHand, mark, release } from './lead-fixtures.js';

const CHROMIUM = process.env['NARIZ_CHROMIUM'] ?? '/usr/bin/chromium';

test('a partner token is refused on every route but the portal and the session: the OpenAPI route list walked with it', async () => {
  const s = await startServer();
  try {
    const capitan = await cleared(s.store, 'capitan', 'partner', { clearance: 'TS', nationality: 'MEX', organisation: 'SEMAR', accesses: ['LES', 'PROPIN'] });
    const docs = (await call(s.base, 'GET', '/api/docs')).json as { paths: Record<string, Record<string, unknown>> };
    const publicRoutes: string[] = [];
    const portal: string[] = [];
    let refused = 0;
    for (const [path, ops] of Object.entries(docs.paths)) {
      for (const method of Object.keys(ops).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))) {
        const url = path.replace(/\{[^}]+\}/g, 'x1');
        const body = method === 'get' || method === 'delete' ? undefined : {};
        const route = `${method.toUpperCase()} ${path}`;
        if (!path.startsWith('/api/')) continue; // /health, /ready: liveness, no data
        if ((await call(s.base, method.toUpperCase(), url, body)).status !== 401) {
          publicRoutes.push(route);
          continue;
        }
        const r = await call(s.base, method.toUpperCase(), url, body, { auth: capitan.auth });
        if (path.startsWith('/api/partner/') || path.startsWith('/api/session')) {
          portal.push(route);
          assert.ok(![401, 403].includes(r.status), `${route}: ${r.status} ${JSON.stringify(r.json)}`);
          continue;
        }
        assert.ok([403, 404].includes(r.status), `${route} answered a partner ${r.status}`);
        if (r.status === 403) assert.equal(errorCode(r), 'NARIZ_FORBIDDEN', route);
        refused += 1;
      }
    }
    assert.deepEqual(publicRoutes.sort(), ['GET /api/app-config', 'POST /api/session']);
    assert.ok(portal.includes('GET /api/partner/packages') && portal.includes('POST /api/partner/packages/{id}/outcome') && portal.includes('PUT /api/session/password'), portal.join(', '));
    assert.ok(refused > 40, `${refused} routes refused`);
    for (const route of ['GET /api/leads', 'GET /api/sorties', 'GET /api/videos', 'GET /api/plans', 'GET /api/jobs', 'GET /api/users']) {
      const [method, path] = route.split(' ') as [string, string];
      if (docs.paths[path] !== undefined) assert.equal((await call(s.base, method, path, undefined, { auth: capitan.auth })).status, 403, route);
    }
    // Not the live feed either.
    const status = await new Promise<number>((ok, fail) => {
      const ws = new WebSocket(`${s.base.replace('http', 'ws')}/api/live`, { headers: { authorization: `Bearer ${capitan.auth.token}` } });
      ws.once('unexpected-response', (_req, res) => ok(res.statusCode ?? 0));
      ws.once('open', () => fail(new Error('a partner opened the live feed')));
      ws.once('error', fail);
    });
    assert.equal(status, 403);
  } finally {
    await s.close();
  }
});

test('a partner made by an admin signs in, changes the one-time password, and reaches the portal', async () => {
  const s = await startServer({ secureCookies: false });
  try {
    const { token } = await makeUser(s.store, 'root', 'admin');
    const made = await call(s.base, 'POST', '/api/users', { username: 'teniente', password: 'one-time password 1', role: 'partner', nationality: 'COL', organisation: 'DIRAN', clearance: 'C' }, { auth: { token } });
    assert.equal(made.status, 201);
    const { cookie, csrf } = await signIn(s.base, 'teniente', 'one-time password 1');
    const auth = { cookie, csrf };
    assert.equal(errorCode(await call(s.base, 'GET', '/api/partner/packages', undefined, { auth })), 'NARIZ_PASSWORD_CHANGE');
    assert.equal((await call(s.base, 'GET', '/api/session', undefined, { auth })).status, 200);
    assert.equal((await call(s.base, 'PUT', '/api/session/password', { current_password: 'one-time password 1', new_password: 'mi propia contraseña' }, { auth })).status, 204);
    assert.deepEqual((await call(s.base, 'GET', '/api/partner/packages', undefined, { auth })).json, { packages: [], total: 0 });
    assert.equal((await call(s.base, 'DELETE', '/api/session', undefined, { auth })).status, 204);
  } finally {
    await s.close();
  }
});

interface PackageView {
  id: string;
  status: string | null;
  next_states: string[];
  banner: string;
  language: string;
  title: { text: string; lang: string; translation: string };
  history: Array<{ status: string; by: string | null; note: string | null; outcome: unknown }>;
  package: { partner: { country: string } };
}

test('officials see exactly their country’s packages that their clearance allows, in Spanish or English; another country’s is a 404 like a missing one; their updates move the lead with sane times', async () => {
  const s = await startServer({ chromiumPath: CHROMIUM });
  try {
    const ana = await cleared(s.store, 'ana', 'analyst', { clearance: 'TS' });
    const capitan = await cleared(s.store, 'capitan', 'partner', { clearance: 'S', nationality: 'MEX', organisation: 'SEMAR' });
    const teniente = await cleared(s.store, 'teniente', 'partner', { clearance: 'C', nationality: 'MEX', organisation: 'SEMAR' });
    const coronel = await cleared(s.store, 'coronel', 'partner', { clearance: 'S', nationality: 'COL', organisation: 'DIRAN' });
    const shared = await leadByHand(s.base, ana, { title: 'Laboratorio en la sierra', lang: 'es', marking: mark('C', ['COL', 'MEX']), confirm: true });
    await call(s.base, 'POST', `/api/leads/${shared.id}/transitions`, { to: 'candidate', note: 'ANALYST-ONLY: recheck the imagery' }, { auth: ana.auth });
    await call(s.base, 'POST', `/api/leads/${shared.id}/transitions`, { to: 'confirmed', note: 'ANALYST-ONLY: confirmed' }, { auth: ana.auth });
    const toMex = (await release(s.base, ana, shared.id, 'MEX', 'SEMAR UNOPES')).release.id;
    const toCol = (await release(s.base, ana, shared.id, 'COL', 'DIRAN', 'en')).release.id;
    const secret = await leadByHand(s.base, ana, { title: 'Bodega en el puerto', lang: 'es', marking: mark('S', ['MEX']), confirm: true });
    const secretPkg = (await release(s.base, ana, secret.id, 'MEX', 'SEMAR UNOPES')).release.id;
    const colOnly = await leadByHand(s.base, ana, { marking: mark('C', ['COL']), confirm: true });
    await release(s.base, ana, colOnly.id, 'COL', 'DIRAN');

    interface PackageList { packages: Array<{ id: string; title: { text: string; translation: string }; status: string | null; next_states: string[]; simulated: boolean; language: string }>; total: number }
    const list = async (who: { auth: { token: string } }, q = ''): Promise<PackageList> => (await call(s.base, 'GET', `/api/partner/packages${q}`, undefined, { auth: who.auth })).json as PackageList;
    const mx = await list(capitan);
    assert.equal(mx.total, 2);
    assert.deepEqual(mx.packages.map((p) => p.id).sort(), [toMex, secretPkg].sort());
    assert.deepEqual((await list(teniente)).packages.map((p) => p.id), [toMex], 'a C-cleared official does not see the S package, nor count it');
    assert.equal((await list(teniente)).total, 1);
    assert.equal((await list(coronel)).total, 2);
    const es = mx.packages.find((p) => p.id === toMex)!;
    assert.deepEqual([es.language, es.title.text, es.title.translation, es.status], ['es', 'Laboratorio en la sierra', 'original', 'released']);
    assert.deepEqual([es.next_states, es.simulated], [['acknowledged'], false], 'released: the official may acknowledge, nothing else yet; made by hand, not simulated');
    const en = (await list(capitan, '?lang=en')).packages.find((p) => p.id === toMex)!;
    assert.deepEqual([en.language, en.title.text, en.title.translation], ['en', 'Laboratorio en la sierra', 'not-translated']);

    const other = await call(s.base, 'GET', `/api/partner/packages/${toCol}`, undefined, { auth: capitan.auth });
    const missing = await call(s.base, 'GET', '/api/partner/packages/no-such-package', undefined, { auth: capitan.auth });
    assert.equal(other.status, 404);
    assert.deepEqual(other.json, { error: { code: 'NARIZ_NOT_FOUND', message: `no package "${toCol}"` } });
    assert.deepEqual(missing.json, { error: { code: 'NARIZ_NOT_FOUND', message: 'no package "no-such-package"' } });
    assert.equal((await call(s.base, 'GET', `/api/partner/packages/${secretPkg}`, undefined, { auth: teniente.auth })).status, 404, 'above their clearance');
    assert.equal((await call(s.base, 'POST', `/api/partner/packages/${toCol}/acknowledge`, {}, { auth: capitan.auth })).status, 404);
    assert.equal((await call(s.base, 'GET', `/api/partner/packages/${toCol}/html`, undefined, { auth: capitan.auth })).status, 404);

    const view = (await call(s.base, 'GET', `/api/partner/packages/${toMex}`, undefined, { auth: capitan.auth })).json as PackageView;
    assert.equal(view.banner, 'CONFIDENTIAL//REL TO USA, COL, MEX');
    assert.equal(view.package.partner.country, 'MEX');
    assert.deepEqual(view.history.map((h) => [h.status, h.by, h.note]), [['released', null, null]]);
    assert.ok(!JSON.stringify(view).includes('ANALYST-ONLY'), 'the analysts’ notes stay home');
    const html = await call(s.base, 'GET', `/api/partner/packages/${toMex}/html?lang=en`, undefined, { auth: capitan.auth });
    assert.match(String(html.json), /<html lang="en">[\s\S]*CONFIDENTIAL\/\/REL TO USA, COL, MEX/);
    if (existsSync(CHROMIUM)) {
      const pdf = await fetch(`${s.base}/api/partner/packages/${toMex}/pdf`, { headers: { authorization: `Bearer ${capitan.auth.token}` } });
      assert.equal(pdf.status, 200);
      const bytes = Buffer.from(await pdf.arrayBuffer());
      assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.ok(bytes.length > 1000);
    }

    // Updates: in lifecycle order, with times that make sense.
    const pk = (id: string, what: string) => `/api/partner/packages/${id}/${what}`;
    const early = await call(s.base, 'POST', pk(secretPkg, 'action'), { note: 'cateo' }, { auth: capitan.auth });
    assert.equal(early.status, 409, 'an action before the acknowledgement');
    assert.equal(errorCode(early), 'NARIZ_LEAD_STATE');
    assert.equal((await call(s.base, 'POST', pk(toMex, 'acknowledge'), { note: 'Recibido, gracias' }, { auth: capitan.auth })).status, 200);
    const late = await call(s.base, 'POST', pk(toCol, 'acknowledge'), {}, { auth: coronel.auth });
    assert.equal(late.status, 409, 'the lead was acknowledged through the other package');
    const ack = await call(s.base, 'POST', pk(secretPkg, 'acknowledge'), {}, { auth: capitan.auth });
    assert.equal(ack.status, 200);
    assert.deepEqual((ack.json as { next_states: string[] }).next_states, ['action-taken', 'outcome-reported']);
    const future = await call(s.base, 'POST', pk(secretPkg, 'action'), { note: 'cateo', at: new Date(Date.now() + 86_400_000).toISOString() }, { auth: capitan.auth });
    assert.equal(future.status, 400);
    assert.match(errorMessage(future), /in the future/);
    const before = await call(s.base, 'POST', pk(secretPkg, 'action'), { note: 'cateo', at: '2020-01-01T00:00:00Z' }, { auth: capitan.auth });
    assert.match(errorMessage(before), /before the package was released/);
    assert.equal((await call(s.base, 'POST', pk(secretPkg, 'action'), { note: 'Cateo en el puerto' }, { auth: capitan.auth })).status, 200);
    assert.equal((await call(s.base, 'POST', pk(secretPkg, 'outcome'), { kind: 'arrested', arrests: 1, seizures: [] }, { auth: capitan.auth })).status, 400, 'outcomes are dismantled, nothing-found or other');
    assert.equal((await call(s.base, 'POST', pk(secretPkg, 'outcome'), { kind: 'other', arrests: -1, seizures: [] }, { auth: capitan.auth })).status, 400);
    const out = await call(s.base, 'POST', pk(secretPkg, 'outcome'), { kind: 'dismantled', arrests: 3, seizures: [{ what: 'precursores', quantity: 200, unit: 'L' }], note: 'Desmantelado' }, { auth: capitan.auth });
    assert.equal(out.status, 200, JSON.stringify(out.json));
    const after = (await call(s.base, 'GET', `/api/partner/packages/${secretPkg}`, undefined, { auth: capitan.auth })).json as PackageView;
    assert.equal(after.status, 'outcome-reported');
    assert.deepEqual(after.next_states, ['outcome-reported'], 'an outcome may be reported again (corrected), nothing else');
    assert.deepEqual(after.history.map((h) => [h.status, h.by, h.note]), [
      ['released', null, null], ['acknowledged', 'capitan', ''], ['action-taken', 'capitan', 'Cateo en el puerto'], ['outcome-reported', 'capitan', 'Desmantelado'],
    ]);
    assert.deepEqual(after.history[3]!.outcome, { kind: 'dismantled', arrests: 3, seizures: [{ what: 'precursores', quantity: 200, unit: 'L' }] });
    const lead = (await call(s.base, 'GET', `/api/leads/${secret.id}`, undefined, { auth: ana.auth })).json as { status: string; events: Array<{ actor: string; to: string }> };
    assert.equal(lead.status, 'outcome-reported');
    assert.deepEqual(lead.events.slice(-3).map((e) => [e.to, e.actor]), [['acknowledged', 'capitan'], ['action-taken', 'capitan'], ['outcome-reported', 'capitan']]);
    const views = await s.store.audit.list({ action: 'partner.view', actor: 'capitan' });
    assert.ok(views.some((e) => e.target === toMex && e.details['format'] === 'html'));
    assert.equal((await s.store.audit.list({ action: 'partner.update', actor: 'capitan' })).length, 4);
  } finally {
    await s.close();
  }
});

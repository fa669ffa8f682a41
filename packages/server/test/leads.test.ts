/**
 * Leads against a real server and store (docs/leads.md): the whole
 * lifecycle from a located source to closed with an outcome; the lifecycle
 * rules; markings enforced at every exit (lists and counts, a denied lead
 * read like a missing one, the live feed); a release that carries only what
 * is releasable, with sources and methods redacted, its banner recomputed,
 * in English and Spanish, as HTML and PDF; the dashboard on a fixed clock;
 * and the users API setting clearances.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import WebSocket from 'ws';
import { canonicalJson, sha256Hex } from '../src/leads/canonical-json.js';
import { call, makeUser, startServer, until } from './harness.js';
import { cleared, errorCode, errorMessage, leadByHand, mark, release, type Cleared, type LeadJson, type MarkingJson } from './lead-fixtures.js';
import { labSortie } from './scenario.js';

const CHROMIUM = process.env['NARIZ_CHROMIUM'] ?? '/usr/bin/chromium';
const T0 = Date.parse('2026-11-27T10:00:00Z');

/** A clock the test moves: the server's `now`. */
function testClock(): { now: () => Date; advanceH: (h: number) => void; iso: () => string } {
  let t = T0;
  return { now: () => new Date(t), advanceH: (h) => (t += h * 3_600_000), iso: () => new Date(t).toISOString() };
}

interface Estimate {
  job_id: string;
  result: { sources: Array<{ lat: number; lon: number; position_ci95_m: number; lab_probability: number }> };
  hazards: { features: Array<{ properties: { source_index?: number; kind: string } }> };
}

interface LeadDetail extends LeadJson {
  banner: string;
  evidence: Array<{ id: string; kind: string; portion: string }>;
  events: Array<{ seq: number; from: string | null; to: string; actor: string; note: string; details: Record<string, unknown> }>;
  releases: Array<{ id: string; banner: string }>;
}

test('the whole lifecycle: a located source becomes a lead, is confirmed, released to SEMAR with sources and methods redacted, acknowledged, acted on, its outcome reported, and closed; every step is in the history and the audit log', async () => {
  const clock = testClock();
  const s = await startServer({ jobThreads: 1, now: clock.now, chromiumPath: CHROMIUM });
  try {
    const ana = await cleared(s.store, 'mruiz', 'analyst', { clearance: 'TS', accesses: ['LES'] });
    const capitan = await cleared(s.store, 'capitan-soto', 'partner', { clearance: 'S', nationality: 'MEX', organisation: 'SEMAR' });
    const { sortie, csv } = labSortie(3);
    const up = await call(s.base, 'POST', '/api/sortie-uploads?name=Halcon-7%20ridge%20survey&simulated=true&id=up-lab', csv, { type: 'text/csv', auth: ana.auth });
    assert.equal(up.status, 201);
    const est = await until(async () => {
      const r = await call(s.base, 'GET', '/api/sorties/up-lab/estimate', undefined, { auth: ana.auth });
      return r.status === 200 ? (r.json as Estimate) : undefined;
    }, 'the localisation');
    const index = est.result.sources.reduce((best, x, i) => (x.lab_probability > est.result.sources[best]!.lab_probability ? i : best), 0);
    const src = est.result.sources[index]!;
    assert.ok(est.hazards.features.some((f) => f.properties.source_index === index && f.properties.kind === 'footprint'), 'the lab has hazard zones');

    // A lead from the located source: its position, radius, probability and time of first detection come from the stored estimate.
    const made = await call(s.base, 'POST', '/api/leads', {
      title: 'Presunto laboratorio en el rancho El Nogal', summary: 'Vapores ácidos de noche.', lang: 'es', marking: mark('S', ['MEX']), source: { sortie_id: 'up-lab', source_index: index },
    }, { auth: ana.auth });
    assert.equal(made.status, 201, JSON.stringify(made.json));
    const lead = made.json as LeadJson;
    assert.deepEqual([lead.lat, lead.lon, lead.ci95_m, lead.lab_probability], [src.lat, src.lon, src.position_ci95_m, src.lab_probability]);
    assert.deepEqual(lead.source, { sortie_id: 'up-lab', job_id: est.job_id, source_index: index });
    assert.equal(lead.status, 'candidate');
    assert.equal(lead.portion, '(S//REL TO USA, MEX)');
    const detected = Date.parse(lead.detected_at!) / 1000;
    assert.ok(detected >= sortie.timeS[0]! && detected <= sortie.timeS[sortie.count - 1]!, 'first detected within the sortie');

    const addEvidence = async (body: Record<string, unknown>): Promise<void> => {
      const r = await call(s.base, 'POST', `/api/leads/${lead.id}/evidence`, body, { auth: ana.auth });
      assert.equal(r.status, 201, JSON.stringify(r.json));
    };
    await addEvidence({ kind: 'note', text: 'Drums of precursor behind the barn.', lang: 'en', marking: mark('S', ['MEX']) });
    await addEvidence({ kind: 'note', text: 'Informant GOLF-2 names the cook.', lang: 'en', marking: mark('S', [], ['NOFORN']) });
    await addEvidence({ kind: 'source-estimate', ref: `up-lab/${est.job_id}/${index}`, text: 'localisation', marking: mark('S', [], ['NOFORN']) });
    const confirmed = await call(s.base, 'POST', `/api/leads/${lead.id}/transitions`, { to: 'confirmed', note: 'video shows drums' }, { auth: ana.auth });
    assert.equal(confirmed.status, 200);
    clock.advanceH(3);

    const rel = await release(s.base, ana, lead.id, 'mex', 'SEMAR UNOPES', 'es');
    assert.equal(rel.release.banner, 'SECRET//REL TO USA, MEX');
    assert.equal(rel.release.partner_country, 'MEX');
    assert.deepEqual(rel.withheld, { notes: 1, other_evidence: 1 });
    assert.equal(rel.lead.status, 'released');
    assert.equal(rel.package.notes.length, 1);
    assert.deepEqual(rel.package.versions.es.notes.map((n) => [n.text, n.translation]), [['Drums of precursor behind the barn.', 'not-translated']]);
    assert.deepEqual(rel.package.versions.en.notes.map((n) => n.translation), ['original']);
    const hz = (rel.package['lead'] as { hazard_zone: { features: Array<{ properties: Record<string, unknown> }> } }).hazard_zone;
    assert.ok(hz.features.length > 0);
    for (const f of hz.features) assert.deepEqual(Object.keys(f.properties).sort(), ['chemical', 'kind', 'level', 'max_downwind_m', 'threshold_mg_m3', 'threshold_ppm', 'tier']);
    // The stored package is the one hashed, byte for byte.
    const stored = await call(s.base, 'GET', `/api/leads/${lead.id}/releases/${rel.release.id}`, undefined, { auth: ana.auth });
    assert.deepEqual((stored.json as { package: unknown }).package, rel.package);
    assert.equal(sha256Hex(canonicalJson(rel.package)), rel.release.sha256);

    // Sources and methods appear nowhere in the package or its renderings.
    const html = { en: '', es: '' };
    for (const l of ['en', 'es'] as const) {
      const r = await call(s.base, 'GET', `/api/leads/${lead.id}/releases/${rel.release.id}/html?lang=${l}`, undefined, { auth: ana.auth });
      assert.equal(r.status, 200);
      assert.match(r.headers.get('content-type') ?? '', /^text\/html/);
      html[l] = String(r.json);
    }
    const detections = (await call(s.base, 'GET', '/api/sorties/up-lab/detections', undefined, { auth: ana.auth })).json as { species: Array<{ key: string; background_median: number; noise_sd: number }> };
    const forbidden = [
      'up-lab', est.job_id, 'Halcon', 'mruiz', 'GOLF-2', 'Informant', 'localisation',
      ...[0, 1234, sortie.count - 1].flatMap((i) => [String(sortie.lat[i]), String(sortie.lon[i]), String(sortie.timeS[i])]),
      ...detections.species.flatMap((sp) => [`"${sp.key}"`, String(sp.background_median), String(sp.noise_sd)]),
    ];
    const words = ['sortie', 'sensor', 'posterior', 'background', 'noise', 'sample', 'track', 'vehicle', 'platform', 'stability', 'rate_gps', 'job_id', 'source_index', 'wind_u', 'wind_v', 'windspeed', 'windfrom', 'mavlink', 'video'];
    for (const [what, text] of [['package JSON', JSON.stringify(rel.package)], ['English HTML', html.en], ['Spanish HTML', html.es]] as const) {
      const around = (i: number): string => text.slice(Math.max(0, i - 80), i + 80);
      for (const f of forbidden) assert.ok(!text.includes(f), `${what} holds "${f}": …${around(text.indexOf(f))}…`);
      for (const w of words) assert.ok(!text.toLowerCase().includes(w), `${what} holds the word "${w}": …${around(text.toLowerCase().indexOf(w))}…`);
    }
    assert.equal(html.es.split('SECRET//REL TO USA, MEX').length - 1, 3, 'the banner in the title, at the top and at the bottom');
    assert.match(html.es, /Presunto laboratorio/);
    // From a simulated sortie: the package and both renderings say so, so an exercise is never acted on.
    assert.equal((rel.package as { simulated?: boolean }).simulated, true);
    assert.match(html.es, /data-simulated="true">SIMULADO — datos de ejercicio/);
    assert.match(html.en, /data-simulated="true">SIMULATED — exercise data/);
    assert.match(html.es, /Sin traducir \(original en inglés\)/);
    assert.match(html.en, /Not translated \(original in Spanish\)/, 'the Spanish title in the English version');
    assert.match(html.en, /<svg[^>]*role="img"/);

    // The partner reports back through the portal; each step moves the lead, attributed to them.
    const pk = `/api/partner/packages/${rel.release.id}`;
    assert.equal((await call(s.base, 'POST', `${pk}/acknowledge`, { note: 'Recibido' }, { auth: capitan.auth })).status, 200);
    clock.advanceH(20);
    const act = await call(s.base, 'POST', `${pk}/action`, { note: 'Cateo con apoyo de la Guardia Nacional', at: new Date(clock.now().getTime() - 2 * 3_600_000).toISOString() }, { auth: capitan.auth });
    assert.equal(act.status, 200, JSON.stringify(act.json));
    clock.advanceH(4);
    const seizures = [{ what: 'tambos de precursores', quantity: 14, unit: 'tambo' }, { what: 'metanfetamina', quantity: 3.5, unit: 'kg' }];
    const out = await call(s.base, 'POST', `${pk}/outcome`, { kind: 'dismantled', arrests: 2, seizures, note: 'Laboratorio desmantelado' }, { auth: capitan.auth });
    assert.equal(out.status, 200, JSON.stringify(out.json));
    assert.equal((out.json as { status: string }).status, 'outcome-reported');
    const closed = await call(s.base, 'POST', `/api/leads/${lead.id}/transitions`, { to: 'closed', note: 'outcome confirmed' }, { auth: ana.auth });
    assert.equal(closed.status, 200);

    const detail = (await call(s.base, 'GET', `/api/leads/${lead.id}`, undefined, { auth: ana.auth })).json as LeadDetail;
    assert.equal(detail.status, 'closed');
    assert.deepEqual(detail.next_states, []);
    assert.deepEqual(
      detail.events.map((e) => [e.from, e.to, e.actor]),
      [
        [null, 'candidate', 'mruiz'], ['candidate', 'confirmed', 'mruiz'], ['confirmed', 'released', 'mruiz'], ['released', 'acknowledged', 'capitan-soto'],
        ['acknowledged', 'action-taken', 'capitan-soto'], ['action-taken', 'outcome-reported', 'capitan-soto'], ['outcome-reported', 'closed', 'mruiz'],
      ],
    );
    assert.deepEqual(detail.events[5]!.details, { release_id: rel.release.id, partner_country: 'MEX', partner_unit: 'SEMAR UNOPES', outcome: { kind: 'dismantled', arrests: 2, seizures } });
    assert.equal(detail.banner, 'SECRET//NOFORN', 'the analyst sees the NOFORN evidence too');
    assert.deepEqual(detail.releases.map((r) => r.id), [rel.release.id]);

    const audit = await s.store.audit.list({ target: lead.id, limit: 100 });
    const actions = audit.map((e) => e.action).reverse();
    assert.deepEqual(actions, [
      'lead.create', 'lead.evidence.add', 'lead.evidence.add', 'lead.evidence.add', 'lead.transition', 'lead.release', 'partner.update', 'partner.update', 'partner.update',
      'lead.transition', 'lead.view',
    ]);
    const rel1 = audit.find((e) => e.action === 'lead.release')!;
    assert.equal(rel1.details['sha256'], rel.release.sha256);
    assert.equal(rel1.actor, 'mruiz');
    assert.deepEqual(audit.filter((e) => e.action === 'partner.update').map((e) => [e.actor, e.details['to']]).reverse(), [
      ['capitan-soto', 'acknowledged'], ['capitan-soto', 'action-taken'], ['capitan-soto', 'outcome-reported'],
    ]);
    for (const e of audit) assert.ok(!JSON.stringify(e.details).includes('GOLF-2') && !JSON.stringify(e.details).includes('Nogal'), 'no free text in the audit log');
  } finally {
    await s.close();
  }
});

test('the lifecycle is enforced: an illegal transition is 409 NARIZ_LEAD_STATE naming the allowed next states; release and partner states have their own doors; closed is final', async () => {
  const s = await startServer();
  try {
    const ana = await cleared(s.store, 'ana', 'analyst', { clearance: 'S' });
    const lead = await leadByHand(s.base, ana, { marking: mark('C', ['MEX']) });
    const move = (to: string) => call(s.base, 'POST', `/api/leads/${lead.id}/transitions`, { to }, { auth: ana.auth });
    const released = await move('released');
    assert.equal(released.status, 409);
    assert.equal(errorCode(released), 'NARIZ_LEAD_STATE');
    assert.match(errorMessage(released), /is candidate and cannot move to released; allowed next states: confirmed \(POST \/api\/leads\/:id\/transitions\), closed/);
    const early = await call(s.base, 'POST', `/api/leads/${lead.id}/releases`, { partner_country: 'MEX', partner_unit: 'SEMAR' }, { auth: ana.auth });
    assert.equal(early.status, 409, 'a candidate is not released');
    assert.equal((await move('confirmed')).status, 200);
    const ack = await move('acknowledged');
    assert.equal(ack.status, 409);
    assert.match(errorMessage(ack), /allowed next states: candidate .*, released \(POST \/api\/leads\/:id\/releases\), closed/);
    const viaDoor = await move('released');
    assert.match(errorMessage(viaDoor), /cannot move to released through POST \/api\/leads\/:id\/transitions/);
    assert.equal((await move('candidate')).status, 200, 'back for more evidence');
    assert.equal((await move('closed')).status, 200);
    for (const to of ['candidate', 'confirmed', 'closed']) {
      const r = await move(to);
      assert.equal(r.status, 409);
      assert.match(errorMessage(r), /closed is final/);
    }
    const unknown = await call(s.base, 'POST', `/api/leads/${lead.id}/transitions`, { to: 'raided' }, { auth: ana.auth });
    assert.equal(unknown.status, 400);
    // A viewer may read leads but not move them.
    const vic = await cleared(s.store, 'vic', 'viewer', { clearance: 'TS' });
    assert.equal((await call(s.base, 'GET', `/api/leads/${lead.id}`, undefined, { auth: vic.auth })).status, 200);
    assert.equal((await call(s.base, 'POST', `/api/leads/${lead.id}/transitions`, { to: 'candidate' }, { auth: vic.auth })).status, 403);
  } finally {
    await s.close();
  }
});

test('markings in the API: lists and counts hold only what the user may see, a denied lead is word for word a missing one, nobody labels above their own access, and the live feed carries only visible leads', async () => {
  const s = await startServer();
  try {
    const ana = await cleared(s.store, 'ana', 'analyst', { clearance: 'TS', accesses: ['LES'] });
    const vic = await cleared(s.store, 'vic', 'viewer', { clearance: 'C' });
    const ws = new WebSocket(`${s.base.replace('http', 'ws')}/api/live`, { headers: { authorization: `Bearer ${vic.auth.token}` } });
    const seen: Array<{ type: string; id?: string }> = [];
    await new Promise<void>((ok, fail) => {
      ws.on('message', (d: Buffer) => seen.push(JSON.parse(d.toString()) as { type: string }));
      ws.once('open', () => ok());
      ws.once('error', fail);
    });
    const warm = await leadByHand(s.base, ana, { title: 'warm-up', marking: mark('U') });
    await until(async () => (seen.some((m) => m.type === 'lead' && m.id === warm.id) ? true : undefined), 'the viewer’s subject to be read', 10_000);
    const secret = await leadByHand(s.base, ana, { title: 'Finca S', marking: mark('S', ['MEX']) });
    const les = await leadByHand(s.base, ana, { title: 'Bodega LES', marking: mark('C', ['MEX'], ['LES']) });
    const conf = await leadByHand(s.base, ana, { title: 'Bodega C', marking: mark('C', ['MEX']) });
    await until(async () => (seen.some((m) => m.type === 'lead' && m.id === conf.id) ? true : undefined), 'the C lead live', 10_000);
    assert.ok(!seen.some((m) => m.id === secret.id || m.id === les.id), 'no live message about leads the viewer may not see');
    ws.close();

    const list = (await call(s.base, 'GET', '/api/leads?limit=1', undefined, { auth: vic.auth })).json as { leads: LeadJson[]; total: number; banner: string };
    assert.equal(list.total, 2, 'the U and the C lead');
    assert.equal(list.leads.length, 1);
    assert.equal(list.banner, 'CONFIDENTIAL//REL TO USA, MEX');
    assert.equal(((await call(s.base, 'GET', '/api/leads', undefined, { auth: ana.auth })).json as { total: number }).total, 4);
    assert.equal(((await call(s.base, 'GET', '/api/leads?q=BODEGA', undefined, { auth: vic.auth })).json as { total: number }).total, 1);
    assert.equal(((await call(s.base, 'GET', '/api/leads?status=confirmed,closed', undefined, { auth: ana.auth })).json as { total: number }).total, 0);
    const denied = await call(s.base, 'GET', `/api/leads/${secret.id}`, undefined, { auth: vic.auth });
    const missing = await call(s.base, 'GET', '/api/leads/00000000-0000-4000-8000-000000000000', undefined, { auth: vic.auth });
    assert.equal(denied.status, 404);
    assert.deepEqual(denied.json, { error: { code: 'NARIZ_NOT_FOUND', message: `no lead "${secret.id}"` } });
    assert.deepEqual(missing.json, { error: { code: 'NARIZ_NOT_FOUND', message: 'no lead "00000000-0000-4000-8000-000000000000"' } });
    for (const [method, path, body] of [
      ['PATCH', `/api/leads/${secret.id}`, { title: 'x' }], ['POST', `/api/leads/${secret.id}/evidence`, { kind: 'note', text: 'x', marking: mark('U') }],
      ['GET', `/api/leads/${secret.id}/releases`, undefined],
    ] as const) {
      const vicAnalyst = await cleared(s.store, `va-${method.toLowerCase()}-${path.length}`, 'analyst', { clearance: 'C' });
      assert.equal((await call(s.base, method, path, body, { auth: vicAnalyst.auth })).status, 404, `${method} ${path}`);
    }
    const above = await call(s.base, 'POST', '/api/leads', { title: 'x', marking: mark('TS'), lat: 1, lon: 1 }, { auth: vic.auth });
    assert.equal(above.status, 403, 'a viewer does not write');
    const low = await cleared(s.store, 'lowa', 'analyst', { clearance: 'C' });
    const tooHigh = await call(s.base, 'POST', '/api/leads', { title: 'x', marking: mark('S'), lat: 1, lon: 1 }, { auth: low.auth });
    assert.equal(tooHigh.status, 400);
    assert.equal(errorCode(tooHigh), 'NARIZ_MARKING');
    const badMarking = await call(s.base, 'POST', '/api/leads', { title: 'x', marking: mark('C', ['USA']), lat: 1, lon: 1 }, { auth: low.auth });
    assert.equal(errorCode(badMarking), 'NARIZ_MARKING', 'REL TO USA alone (M5)');
    // A marking change hides the lead from the viewer at once, and is audited with both markings.
    const remark = await call(s.base, 'PATCH', `/api/leads/${conf.id}`, { marking: mark('C', [], ['NOFORN']) }, { auth: ana.auth });
    assert.equal(remark.status, 200);
    assert.equal((remark.json as LeadJson).portion, '(C//NOFORN)');
    assert.equal(((await call(s.base, 'GET', '/api/leads', undefined, { auth: vic.auth })).json as { total: number }).total, 2, 'own nationals still see NOFORN');
    const entry = (await s.store.audit.list({ action: 'lead.marking', target: conf.id }))[0]!;
    assert.deepEqual([(entry.details['from'] as { relTo: string[] }).relTo, (entry.details['to'] as { controls: string[] }).controls], [['MEX', 'USA'], ['NOFORN']]);
  } finally {
    await s.close();
  }
});

test('a release recomputes its banner from what is released: an S//NOFORN note stays behind and the banner does not say SECRET; both languages render; the PDF prints', async () => {
  const s = await startServer({ chromiumPath: CHROMIUM });
  try {
    const ana = await cleared(s.store, 'ana', 'analyst', { clearance: 'TS' });
    const lead = await leadByHand(s.base, ana, { title: 'Warehouse by the rail yard', summary: 'Solvent smell reported by two patrols.', marking: mark('C', ['COL', 'MEX']), confirm: true });
    const note = async (text: string, lang: 'en' | 'es', m: ReturnType<typeof mark>): Promise<void> => {
      assert.equal((await call(s.base, 'POST', `/api/leads/${lead.id}/evidence`, { kind: 'note', text, lang, marking: m }, { auth: ana.auth })).status, 201);
    };
    await note('Patrulla reporta olor a solvente.', 'es', mark('U', ['MEX']));
    await note('Liaison officer TANGO says the site is watched.', 'en', mark('S', [], ['NOFORN']));
    await note('Only for Colombia.', 'en', mark('C', ['COL']));
    const orcon = await call(s.base, 'POST', `/api/leads/${lead.id}/evidence`, { kind: 'note', text: 'ORCON item', marking: mark('C', ['MEX'], ['ORCON']) }, { auth: ana.auth });
    assert.equal(orcon.status, 201);
    const rel = await release(s.base, ana, lead.id, 'MEX', 'SEMAR');
    assert.equal(rel.release.banner, 'CONFIDENTIAL//REL TO USA, MEX', 'recomputed: not SECRET, and COL dropped with the COL-only note');
    assert.deepEqual(rel.withheld, { notes: 3, other_evidence: 0 });
    const listed = (await call(s.base, 'GET', `/api/leads/${lead.id}/releases`, undefined, { auth: ana.auth })).json as { releases: Array<{ id: string; withheld: unknown }> };
    assert.deepEqual(listed.releases.map((x) => [x.id, x.withheld]), [[rel.release.id, { notes: 3, other_evidence: 0 }]], 'what stayed behind is kept with the release for whoever opens the lead later');
    const text = JSON.stringify(rel.package);
    for (const f of ['TANGO', 'Only for Colombia', 'ORCON item', 'NOFORN', 'SECRET']) assert.ok(!text.includes(f), `"${f}" is not released`);
    assert.deepEqual(rel.package.versions.en.notes.map((n) => [n.text, n.translation]), [['Patrulla reporta olor a solvente.', 'not-translated']]);
    assert.deepEqual(rel.package.versions.es.notes.map((n) => n.translation), ['original']);
    assert.equal((rel.package['lead'] as { hazard_zone: unknown }).hazard_zone, null, 'a lead made by hand has no hazard zone');
    // The lead's own marking must be releasable: a NOFORN lead is refused, saying why.
    const noforn = await leadByHand(s.base, ana, { marking: mark('C', [], ['NOFORN']), confirm: true });
    const refused = await call(s.base, 'POST', `/api/leads/${noforn.id}/releases`, { partner_country: 'MEX', partner_unit: 'SEMAR' }, { auth: ana.auth });
    assert.equal(refused.status, 422);
    assert.equal(errorCode(refused), 'NARIZ_NOT_RELEASABLE');
    const home = await call(s.base, 'POST', `/api/leads/${lead.id}/releases`, { partner_country: 'USA', partner_unit: 'us' }, { auth: ana.auth });
    assert.equal(home.status, 400, 'a release goes to a foreign partner');
    // A second release to another unit before acknowledgement: the lead stays released.
    const second = await release(s.base, ana, lead.id, 'COL', 'DIRAN', 'en');
    assert.equal(second.release.banner, 'CONFIDENTIAL//REL TO USA, COL', 'the COL-only note goes to Colombia');
    assert.equal(second.lead.status, 'released');

    const html = async (l: string): Promise<string> => String((await call(s.base, 'GET', `/api/leads/${lead.id}/releases/${rel.release.id}/html?lang=${l}`, undefined, { auth: ana.auth })).json);
    const es = await html('es');
    const en = await html('en');
    assert.match(es, /<html lang="es">/);
    assert.match(es, /Entrega a una autoridad contraparte/);
    assert.match(es, /No debe utilizarse para señalar ni perseguir a personas/);
    assert.match(en, /It must not be used to target individuals/);
    assert.match(en, /Not translated \(original in Spanish\)/);
    assert.ok(en.includes('CONFIDENTIAL//REL TO USA, MEX'), 'the banner');
    assert.ok(es.includes('<span class="portion">(C//REL TO USA, COL, MEX)</span>') && es.includes('<span class="portion">(U//REL TO USA, MEX)</span>'), 'each portion keeps its own mark');
    assert.ok(!/<script|https?:\/\/(?!www\.w3\.org)/.test(en), 'self-contained: no script, no external resource');

    if (existsSync(CHROMIUM)) {
      const pdf = await fetch(`${s.base}/api/leads/${lead.id}/releases/${rel.release.id}/pdf?lang=es`, { headers: { authorization: `Bearer ${ana.auth.token}` } });
      assert.equal(pdf.status, 200, await pdf.clone().text());
      assert.equal(pdf.headers.get('content-type'), 'application/pdf');
      const bytes = Buffer.from(await pdf.arrayBuffer());
      assert.equal(bytes.subarray(0, 5).toString('latin1'), '%PDF-');
      assert.ok(bytes.length > 1000, `${bytes.length} bytes`);
    }
  } finally {
    await s.close();
  }
  // Without Chromium the PDF is 503 with the reason; the HTML is still there.
  const bare = await startServer({ chromiumPath: '/nonexistent/chromium' });
  try {
    const ana = await cleared(bare.store, 'ana', 'analyst', { clearance: 'TS' });
    const lead = await leadByHand(bare.base, ana, { marking: mark('C', ['MEX']), confirm: true });
    const rel = await release(bare.base, ana, lead.id, 'MEX', 'SEMAR');
    const pdf = await call(bare.base, 'GET', `/api/leads/${lead.id}/releases/${rel.release.id}/pdf`, undefined, { auth: ana.auth });
    assert.equal(pdf.status, 503);
    assert.equal(errorCode(pdf), 'NARIZ_UNAVAILABLE');
    assert.match(errorMessage(pdf), /setup-chromium\.sh/);
    assert.equal((await call(bare.base, 'GET', `/api/leads/${lead.id}/releases/${rel.release.id}/html`, undefined, { auth: ana.auth })).status, 200);
  } finally {
    await bare.close();
  }
});

test('the dashboard on a fixed clock: durations per partner unit (median and p90 in hours), open leads by age, outcomes as points — over what the user may see', async () => {
  const clock = testClock();
  const s = await startServer({ now: clock.now });
  try {
    const ana = await cleared(s.store, 'ana', 'analyst', { clearance: 'TS' });
    const mex = await cleared(s.store, 'capitan', 'partner', { clearance: 'S', nationality: 'MEX', organisation: 'SEMAR' });
    const low = await cleared(s.store, 'vic', 'viewer', { clearance: 'C' });
    // Three leads released to SEMAR: detected 2, 4 and 10 h before release; acknowledged 1, 3 and 5 h after; one acted on 30 h after.
    const ids: string[] = [];
    const plan = [{ detH: 2, ackH: 1 }, { detH: 4, ackH: 3 }, { detH: 10, ackH: 5 }];
    const releases: string[] = [];
    for (const [k, p] of plan.entries()) {
      const lead = await leadByHand(s.base, ana, { title: `L${k}`, marking: mark(k === 2 ? 'S' : 'C', ['MEX']), detected_at: new Date(clock.now().getTime() - p.detH * 3_600_000).toISOString(), lat: 19 + k, lon: -99, confirm: true });
      ids.push(lead.id);
      releases.push((await release(s.base, ana, lead.id, 'MEX', 'SEMAR UNOPES')).release.id);
    }
    const t0 = clock.now().getTime();
    for (const [k, p] of plan.entries()) {
      clock.advanceH(p.ackH - (k === 0 ? 0 : plan[k - 1]!.ackH));
      assert.equal((await call(s.base, 'POST', `/api/partner/packages/${releases[k]}/acknowledge`, {}, { auth: mex.auth })).status, 200);
    }
    clock.advanceH(30 - 5);
    assert.equal((await call(s.base, 'POST', `/api/partner/packages/${releases[0]}/action`, { note: 'cateo', at: new Date(t0 + 30 * 3_600_000).toISOString() }, { auth: mex.auth })).status, 200);
    const outcome = await call(s.base, 'POST', `/api/partner/packages/${releases[0]}/outcome`, { kind: 'nothing-found', arrests: 0, seizures: [] }, { auth: mex.auth });
    assert.equal(outcome.status, 200);
    // Two open leads never released, one closed.
    await leadByHand(s.base, ana, { title: 'fresh', marking: mark('U') });
    const old = await leadByHand(s.base, ana, { title: 'closed', marking: mark('U') });
    assert.equal((await call(s.base, 'POST', `/api/leads/${old.id}/transitions`, { to: 'closed' }, { auth: ana.auth })).status, 200);
    clock.advanceH(24 * 10);

    interface Dash {
      leads: number; banner: string | null;
      units: Array<{ partner_unit: string; released: number; detection_to_release: { count: number; median_h: number; p90_h: number }; release_to_acknowledgement: { median_h: number; p90_h: number }; release_to_action: { count: number; median_h: number }; outcomes: Record<string, number> }>;
      open: { total: number; by_age: Array<{ label: string; count: number }> };
      outcomes: { features: Array<{ geometry: { coordinates: [number, number] }; properties: { lead_id: string; outcome: string } }> };
    }
    const d = (await call(s.base, 'GET', '/api/leads/dashboard', undefined, { auth: ana.auth })).json as Dash;
    assert.equal(d.leads, 5);
    assert.equal(d.banner, 'SECRET');
    assert.equal(d.units.length, 1);
    const u = d.units[0]!;
    assert.equal(u.partner_unit, 'SEMAR UNOPES');
    assert.equal(u.released, 3);
    assert.deepEqual([u.detection_to_release.count, u.detection_to_release.median_h, u.detection_to_release.p90_h], [3, 4, 8.8]);
    assert.deepEqual([u.release_to_acknowledgement.median_h, u.release_to_acknowledgement.p90_h], [3, 4.6]);
    assert.deepEqual([u.release_to_action.count, u.release_to_action.median_h], [1, 30]);
    assert.deepEqual(u.outcomes, { dismantled: 0, 'nothing-found': 1, other: 0 });
    assert.equal(d.open.total, 4);
    assert.deepEqual(d.open.by_age.map((b) => b.count), [0, 0, 4, 0], 'all open leads are 10 to 11 days old');
    assert.deepEqual(d.outcomes.features.map((f) => [f.properties.lead_id, f.properties.outcome, f.geometry.coordinates]), [[ids[0], 'nothing-found', [-99, 19]]]);
    // A C-cleared viewer's dashboard counts only what they may see.
    const dl = (await call(s.base, 'GET', '/api/leads/dashboard', undefined, { auth: low.auth })).json as Dash;
    assert.equal(dl.leads, 4);
    assert.equal(dl.units[0]!.released, 2);
    assert.deepEqual([dl.units[0]!.detection_to_release.median_h, dl.units[0]!.detection_to_release.p90_h], [3, 3.8]);
    assert.equal(dl.banner, 'CONFIDENTIAL');
    assert.equal((await call(s.base, 'GET', '/api/leads/dashboard', undefined, { auth: mex.auth })).status, 403, 'partners have the portal only');
  } finally {
    await s.close();
  }
});

test('users API: admins set clearance, nationality, organisation and accesses, audited; a partner account needs a foreign nationality; a bad value is refused naming the field', async () => {
  const s = await startServer();
  try {
    const { token } = await makeUser(s.store, 'root', 'admin');
    const auth = { token };
    const noNationality = await call(s.base, 'POST', '/api/users', { username: 'capitan', password: 'a long enough password', role: 'partner' }, { auth });
    assert.equal(noNationality.status, 400);
    assert.match(errorMessage(noNationality), /partner account needs the partner's nationality/);
    const made = await call(s.base, 'POST', '/api/users', { username: 'capitan', password: 'a long enough password', role: 'partner', nationality: 'mex', organisation: 'SEMAR', clearance: 'S' }, { auth });
    assert.equal(made.status, 201, JSON.stringify(made.json));
    assert.deepEqual(made.json, { username: 'capitan', role: 'partner', created_at: (made.json as { created_at: string }).created_at, disabled: false, must_change_password: true, clearance: 'S', nationality: 'MEX', organisation: 'SEMAR', accesses: [] });
    const plain = await call(s.base, 'POST', '/api/users', { username: 'nuevo', password: 'a long enough password', role: 'analyst' }, { auth });
    assert.deepEqual([(plain.json as { clearance: string }).clearance, (plain.json as { nationality: string }).nationality], ['U', 'USA'], 'least clearance, own country');
    const up = await call(s.base, 'PATCH', '/api/users/capitan', { accesses: ['LES'], clearance: 'C' }, { auth });
    assert.equal(up.status, 200);
    assert.deepEqual([(up.json as { accesses: string[] }).accesses, (up.json as { clearance: string }).clearance], [['LES'], 'C']);
    const home = await call(s.base, 'PATCH', '/api/users/capitan', { nationality: null }, { auth });
    assert.equal(home.status, 400, 'a partner cannot become an own national');
    const badCountry = await call(s.base, 'PATCH', '/api/users/nuevo', { nationality: 'XYZ' }, { auth });
    assert.equal(badCountry.status, 400);
    assert.equal(errorCode(badCountry), 'NARIZ_MARKING');
    const reserved = await call(s.base, 'PATCH', '/api/users/nuevo', { organisation: 'MULTIPLE SOURCES' }, { auth });
    assert.equal(errorCode(reserved), 'NARIZ_MARKING');
    assert.equal((await call(s.base, 'PATCH', '/api/users/nuevo', { accesses: ['ORCON'] }, { auth })).status, 400, 'ORCON is not something one is read into');
    const entries = await s.store.audit.list({ action: 'user.change', target: 'capitan' });
    assert.deepEqual(entries.map((e) => e.details), [{ password_reset: false, clearance: 'C', accesses: ['LES'] }]);
    const created = (await s.store.audit.list({ action: 'user.create', target: 'capitan' }))[0]!;
    assert.deepEqual(created.details, { role: 'partner', clearance: 'S', nationality: 'MEX', organisation: 'SEMAR', accesses: [] });
  } finally {
    await s.close();
  }
});

test('a release preview is the package the release would make, stored nowhere: same banner, portions and withheld counts, renderings marked PREVIEW without a digest; the lead keeps its state; the look is audited; rights and state are checked as for a release', async () => {
  const s = await startServer();
  try {
    const ana = await cleared(s.store, 'ana', 'analyst', { clearance: 'TS' });
    const vic = await cleared(s.store, 'vic', 'viewer', { clearance: 'TS' });
    const lead = await leadByHand(s.base, ana, { title: 'Bodega junto a las vías', lang: 'es', summary: 'Olor a solvente reportado por dos patrullas.', marking: mark('C', ['MEX']), confirm: true });
    const note = async (text: string, m: ReturnType<typeof mark>): Promise<void> => {
      assert.equal((await call(s.base, 'POST', `/api/leads/${lead.id}/evidence`, { kind: 'note', text, lang: 'en', marking: m }, { auth: ana.auth })).status, 201);
    };
    await note('Seen from the road at night.', mark('U', ['MEX']));
    await note('Source HOTEL says the owner is armed.', mark('S', [], ['NOFORN']));
    const body = { partner_country: 'MEX', partner_unit: 'SEMAR', language: 'es' };
    const pre = await call(s.base, 'POST', `/api/leads/${lead.id}/releases/preview`, body, { auth: ana.auth });
    assert.equal(pre.status, 200, JSON.stringify(pre.json));
    const preview = pre.json as { package: Record<string, unknown> & { id: string; created_at: string }; withheld: { notes: number; other_evidence: number }; banner: string; marking: MarkingJson; html: { en: string; es: string } };
    assert.equal(preview.banner, 'CONFIDENTIAL//REL TO USA, MEX');
    assert.deepEqual(preview.withheld, { notes: 1, other_evidence: 0 });
    assert.ok(!JSON.stringify(preview.package).includes('HOTEL'), 'what stays behind is not in the preview either');
    for (const l of ['en', 'es'] as const) {
      assert.match(preview.html[l], /data-preview="true"/);
      assert.ok(!/[0-9a-f]{64}/.test(preview.html[l]), 'no digest in a preview');
    }
    assert.match(preview.html.es, /VISTA PREVIA — no entregada/);
    // Nothing stored, nothing moved.
    assert.deepEqual((await call(s.base, 'GET', `/api/leads/${lead.id}/releases`, undefined, { auth: ana.auth })).json, { releases: [] });
    assert.equal(((await call(s.base, 'GET', `/api/leads/${lead.id}`, undefined, { auth: ana.auth })).json as LeadJson).status, 'confirmed');
    const looked = (await s.store.audit.list({ target: lead.id, limit: 100 })).filter((e) => e.action === 'release.preview');
    assert.deepEqual(looked.map((e) => [e.actor, e.details['partner_country'], e.details['withheld_notes']]), [['ana', 'MEX', 1]]);
    // The release then made holds the same package but for its id and time.
    const rel = await release(s.base, ana, lead.id, 'MEX', 'SEMAR', 'es');
    const strip = (p: Record<string, unknown>): Record<string, unknown> => ({ ...p, id: '', created_at: '' });
    assert.deepEqual(strip(preview.package), strip(rel.package));
    assert.equal(rel.release.banner, preview.banner);
    assert.deepEqual(rel.withheld, preview.withheld);
    // As for a release: a viewer may not, a candidate may not be, an unknown lead is 404, a bad body is 400.
    assert.equal((await call(s.base, 'POST', `/api/leads/${lead.id}/releases/preview`, body, { auth: vic.auth })).status, 403);
    const candidate = await leadByHand(s.base, ana, { marking: mark('C', ['MEX']) });
    const early = await call(s.base, 'POST', `/api/leads/${candidate.id}/releases/preview`, body, { auth: ana.auth });
    assert.equal(early.status, 409);
    assert.equal(errorCode(early), 'NARIZ_LEAD_STATE');
    assert.equal((await call(s.base, 'POST', '/api/leads/00000000-0000-4000-8000-000000000000/releases/preview', body, { auth: ana.auth })).status, 404);
    assert.equal((await call(s.base, 'POST', `/api/leads/${lead.id}/releases/preview`, { partner_country: 'MEX' }, { auth: ana.auth })).status, 400);
  } finally {
    await s.close();
  }
});

test('the session says what the user may label with (clearance, nationality, organisation, accesses) and the app config names the own country', async () => {
  const s = await startServer({ ownCountry: 'USA' });
  try {
    const ana = await cleared(s.store, 'ana', 'analyst', { clearance: 'S', organisation: 'DEA', accesses: ['LES'] });
    const off = await cleared(s.store, 'off', 'partner', { clearance: 'C', nationality: 'MEX', organisation: 'SEMAR' });
    const sess = async (c: Cleared): Promise<Record<string, unknown>> => ((await call(s.base, 'GET', '/api/session', undefined, { auth: c.auth })).json as { user: Record<string, unknown> }).user;
    assert.deepEqual(await sess(ana), { username: 'ana', role: 'analyst', clearance: 'S', nationality: 'USA', organisation: 'DEA', accesses: ['LES'] });
    assert.deepEqual(await sess(off), { username: 'off', role: 'partner', clearance: 'C', nationality: 'MEX', organisation: 'SEMAR', accesses: [] });
    const cfg = (await call(s.base, 'GET', '/api/app-config')).json as { own_country: string };
    assert.equal(cfg.own_country, 'USA');
  } finally {
    await s.close();
  }
});

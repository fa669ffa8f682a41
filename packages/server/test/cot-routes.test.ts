/**
 * Cursor-on-Target at the platform's exits, against a real server and
 * store (docs/exchange/cot.md, "In the platform"). A real `net.Server` on
 * loopback stands in for a TAK server (plain TCP, protocol 0): a located
 * lead released to its country arrives as a laboratory point and a hazard
 * polygon, valid against the MITRE CoT schema (xmllint); a release to
 * another country, and one classified above what the TAK network may
 * hold, never arrive. The same events download as XML and as a TAK data
 * package, for the analyst and the official it went to (another country's
 * gets 404); every export is audited; the link's state is an admin's.
 * And the TAK settings: what is required, what goes together.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { unzipSync } from 'fflate';
import { CotStreamSplitter, TAK_PORT_TCP, TAK_PORT_TLS } from '@nariz/exchange';
import { loadConfig } from '../src/index.js';
import { SIMULATED_TAG } from '../src/exchange/release-to-package.js';
import { bearer, fetchRaw, locatedLead, xmllintCot } from './exchange-fixtures.js';
import { call, makeUser, startServer, until } from './harness.js';
import { cleared, leadByHand, mark, release } from './lead-fixtures.js';

const T0 = Date.parse('2026-11-27T10:00:00Z');
const DAY_MS = 86_400_000;

const usage = (re: RegExp) => (err: unknown): boolean => err instanceof Error && 'code' in err && err.code === 'NARIZ_USAGE' && re.test(err.message);

/** A TAK server's receiving end: every event each connection sent, split as TAK Server splits protocol 0. */
async function takStandIn(): Promise<{ port: number; events: string[]; close(): Promise<void> }> {
  const events: string[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    const splitter = new CotStreamSplitter();
    socket.on('data', (b) => events.push(...splitter.push(b)));
    socket.on('error', () => sockets.delete(socket));
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    events,
    close: () => new Promise<void>((ok) => {
      for (const s of sockets) s.destroy();
      server.close(() => ok());
    }),
  };
}

const attr = (xml: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(xml)?.[1];

test('TAK settings: off without a host; a host needs the TAK server’s country; TLS needs CA, certificate and key together (port 8089), plain TCP is 8087; clearance and accesses are checked', () => {
  assert.equal(loadConfig({}).tak, undefined);
  assert.deepEqual(loadConfig({ NARIZ_TAK_HOST: 'tak.local', NARIZ_TAK_RELEASABLE_TO: 'mex' }).tak, {
    host: 'tak.local', port: TAK_PORT_TCP, tls: undefined, releasableTo: 'MEX', clearance: 'U', accesses: [],
  });
  const tls = loadConfig({ NARIZ_TAK_HOST: 'tak.local', NARIZ_TAK_RELEASABLE_TO: 'MEX', NARIZ_TAK_TLS_CA: '/pki/ca.pem', NARIZ_TAK_TLS_CERT: '/pki/nariz.pem', NARIZ_TAK_TLS_KEY: '/pki/nariz.key', NARIZ_TAK_CLEARANCE: 's', NARIZ_TAK_ACCESSES: 'les' }).tak;
  assert.deepEqual(tls, { host: 'tak.local', port: TAK_PORT_TLS, tls: { ca: '/pki/ca.pem', cert: '/pki/nariz.pem', key: '/pki/nariz.key' }, releasableTo: 'MEX', clearance: 'S', accesses: ['LES'] });
  assert.equal(loadConfig({}, { takHost: 'tak.local', takReleasableTo: 'COL', takPort: '9000' }).tak?.port, 9000);
  assert.throws(() => loadConfig({ NARIZ_TAK_HOST: 'tak.local' }), usage(/NARIZ_TAK_RELEASABLE_TO .*must name the TAK server's country/));
  assert.throws(() => loadConfig({ NARIZ_TAK_RELEASABLE_TO: 'MEX' }), usage(/NARIZ_TAK_RELEASABLE_TO is set but there is no TAK server \(NARIZ_TAK_HOST/));
  assert.throws(() => loadConfig({ NARIZ_TAK_HOST: 'tak.local', NARIZ_TAK_RELEASABLE_TO: 'MEX', NARIZ_TAK_TLS_CA: '/pki/ca.pem' }), usage(/TLS to the TAK server needs all of/));
  assert.throws(() => loadConfig({ NARIZ_TAK_HOST: 'tak.local', NARIZ_TAK_RELEASABLE_TO: 'MEX', NARIZ_TAK_CLEARANCE: 'SECRET' }), usage(/NARIZ_TAK_CLEARANCE must be one of/));
  assert.throws(() => loadConfig({ NARIZ_TAK_HOST: 'tak.local', NARIZ_TAK_RELEASABLE_TO: 'MEX', NARIZ_TAK_ACCESSES: 'NOFORN' }), usage(/"NOFORN" is not a control one is read into/));
  assert.throws(() => loadConfig({ NARIZ_TAK_HOST: 'tak.local', NARIZ_TAK_RELEASABLE_TO: 'MEX', NARIZ_TAK_PORT: '0' }), usage(/NARIZ_TAK_PORT must be a port number/));
});

test('a release to the TAK server’s country streams as a laboratory point and a hazard polygon that validate against the CoT schema; releases to another country or above the TAK network’s clearance never arrive; the events download as XML and as a data package; every export audited', async () => {
  const tak = await takStandIn();
  let t = T0;
  const s = await startServer({ jobThreads: 1, now: () => new Date(t), tak: { host: '127.0.0.1', port: tak.port, tls: undefined, releasableTo: 'MEX', clearance: 'S', accesses: [] } });
  try {
    const root = await makeUser(s.store, 'root', 'admin');
    const ana = await cleared(s.store, 'mruiz', 'analyst', { clearance: 'TS', accesses: ['LES'] });
    const capitan = await cleared(s.store, 'capitan-soto', 'partner', { clearance: 'S', nationality: 'MEX', organisation: 'SEMAR' });
    const coronel = await cleared(s.store, 'coronel', 'partner', { clearance: 'TS', nationality: 'COL', organisation: 'DIRAN' });
    const status = async (): Promise<Record<string, unknown>> => (await call(s.base, 'GET', '/api/cot/status', undefined, { auth: { token: root.token } })).json as Record<string, unknown>;
    await until(async () => ((await status())['state'] === 'connected' ? true : undefined), 'the TAK link', 10_000);
    assert.equal((await call(s.base, 'GET', '/api/cot/status', undefined, { auth: ana.auth })).status, 403, 'the link is an admin’s');

    // Not for this TAK server: a release to Colombia, and a TOP SECRET one to Mexico (the TAK network holds up to SECRET).
    t += 3_600_000;
    const toColombia = await leadByHand(s.base, ana, { title: 'Bodega en Cúcuta', marking: mark('C', ['COL']), detected_at: '2026-11-20T03:00:00Z', confirm: true });
    await release(s.base, ana, toColombia.id, 'COL', 'DIRAN');
    const topSecret = await leadByHand(s.base, ana, { title: 'Hacienda reservada', marking: mark('TS', ['MEX']), detected_at: '2026-11-20T03:00:00Z', confirm: true });
    await release(s.base, ana, topSecret.id, 'MEX', 'SEMAR UNOPES');

    // For it: a located lead, with its hazard zone.
    const { lead } = await locatedLead(s, ana, { sortieId: 'up-lab', title: 'Presunto laboratorio en el rancho El Nogal', marking: mark('S', ['MEX']) });
    t += 3_600_000;
    const rel = await release(s.base, ana, lead.id, 'MEX', 'SEMAR UNOPES', 'es');
    await until(async () => (tak.events.length >= 2 ? true : undefined), 'the events at the TAK server', 15_000);
    await new Promise((ok) => setTimeout(ok, 200));
    assert.equal(tak.events.length, 2, tak.events.join('\n'));
    const [lab, zone] = tak.events as [string, string];
    assert.deepEqual([attr(lab, 'type'), attr(lab, 'how')], ['a-u-G-I', 'm-f']);
    assert.deepEqual([attr(zone, 'type'), attr(zone, 'how')], ['u-d-f', 'm-p']);
    for (const r of xmllintCot(tak.events)) assert.ok(r.valid, r.messages);
    assert.equal(Number(attr(lab, 'lat')), Number(lead.lat.toFixed(7)));
    const tag = rel.package['simulated'] === true ? `${SIMULATED_TAG.es} ` : '';
    assert.ok(lab.includes(`<remarks xml:lang="es">(S//REL TO USA, MEX) ${tag}Presunto laboratorio en el rancho El Nogal`), lab);
    assert.equal(attr(lab, 'callsign'), `${tag}Presunto laboratorio en el rancho El Nogal`);
    assert.match(lab, /<marking classification="S" banner="SECRET\/\/REL TO USA, MEX" controls="" relTo="USA MEX"/);
    assert.match(zone, /<link point="[-0-9.]+,[-0-9.]+"\/>/);
    for (const e of tak.events) assert.ok(!/Cúcuta|Hacienda reservada/.test(e));

    const st = await status();
    assert.deepEqual([st['releases_sent'], st['events_written'], st['events_dropped'], st['releasable_to'], st['clearance']], [1, 2, 0, 'MEX', 'S']);
    const streamed = await s.store.audit.list({ action: 'cot.export' });
    assert.deepEqual(streamed.map((e) => [e.actor, e.target, e.details['via'], e.details['events']]), [['system:tak', rel.release.id, 'tak', 2]]);

    // Downloads: the same events, going stale seven days after the download (not after the release).
    t += 30 * DAY_MS;
    const xml = await fetchRaw(s.base, `/api/leads/${lead.id}/releases/${rel.release.id}/cot`, bearer(ana));
    assert.equal(xml.status, 200, xml.text);
    assert.equal(xml.headers.get('content-type'), 'application/xml; charset=utf-8');
    const downloaded = xml.text.trim().split('\n');
    assert.deepEqual(downloaded.map((e) => attr(e, 'uid')), tak.events.map((e) => attr(e, 'uid')));
    for (const r of xmllintCot(downloaded)) assert.ok(r.valid, r.messages);
    assert.equal(attr(downloaded[0]!, 'stale'), new Date(t + 7 * DAY_MS).toISOString());

    const zip = await fetchRaw(s.base, `/api/partner/packages/${rel.release.id}/cot-package`, bearer(capitan));
    assert.equal(zip.status, 200, zip.text);
    assert.equal(zip.headers.get('content-type'), 'application/zip');
    const entries = unzipSync(zip.bytes);
    const names = Object.keys(entries).sort();
    assert.equal(names[0], 'MANIFEST/manifest.xml');
    const cots = names.filter((n) => n.endsWith('.cot')).map((n) => Buffer.from(entries[n]!).toString('utf8'));
    assert.equal(cots.length, 2);
    for (const r of xmllintCot(cots)) assert.ok(r.valid, r.messages);
    assert.equal((await fetchRaw(s.base, `/api/partner/packages/${rel.release.id}/cot-package`, bearer(coronel))).status, 404);
    assert.equal((await fetchRaw(s.base, `/api/leads/${lead.id}/releases/${rel.release.id}/cot-package`, bearer(ana))).status, 200);

    const exports = await s.store.audit.list({ action: 'cot.export' });
    assert.deepEqual(exports.map((e) => [e.actor, e.details['via'], e.details['format'] ?? 'stream']).sort(), [
      ['capitan-soto', 'partner', 'data-package'], ['mruiz', 'api', 'cot'], ['mruiz', 'api', 'data-package'], ['system:tak', 'tak', 'stream'],
    ]);
  } finally {
    await s.close();
    await tak.close();
  }
});

test('at start the TAK link sends the current picture: the newest streamable release of each open lead, once; closed leads and other countries’ releases are not sent; audited as a sync', async () => {
  const dir = (await import('node:fs')).mkdtempSync((await import('node:path')).join((await import('node:os')).tmpdir(), 'nariz-tak-sync-'));
  let t = T0;
  // Releases made while no TAK server was linked (or while one was unreachable and Nariz restarted).
  const first = await startServer({ dir, now: () => new Date(t) });
  let newest = '';
  let open = '';
  try {
    const ana = await cleared(first.store, 'mruiz', 'analyst', { clearance: 'TS' });
    const lead = await leadByHand(first.base, ana, { title: 'Rancho El Nogal', marking: mark('S', ['MEX']), detected_at: '2026-11-20T03:00:00Z', confirm: true });
    open = lead.id;
    await release(first.base, ana, lead.id, 'MEX', 'SEMAR UNOPES');
    t += 3_600_000;
    newest = (await release(first.base, ana, lead.id, 'MEX', 'FGR Sonora')).release.id;
    const done = await leadByHand(first.base, ana, { title: 'Bodega cerrada', marking: mark('S', ['MEX']), detected_at: '2026-11-20T03:00:00Z', confirm: true });
    await release(first.base, ana, done.id, 'MEX', 'SEMAR UNOPES');
    assert.equal((await call(first.base, 'POST', `/api/leads/${done.id}/transitions`, { to: 'closed', note: 'dismantled' }, { auth: ana.auth })).status, 200);
    const colombia = await leadByHand(first.base, ana, { title: 'Bodega en Cúcuta', marking: mark('C', ['COL']), detected_at: '2026-11-20T03:00:00Z', confirm: true });
    await release(first.base, ana, colombia.id, 'COL', 'DIRAN');
  } finally {
    await first.close();
  }
  const tak = await takStandIn();
  const second = await startServer({ dir, now: () => new Date(t), tak: { host: '127.0.0.1', port: tak.port, tls: undefined, releasableTo: 'MEX', clearance: 'S', accesses: [] } });
  try {
    await until(async () => (tak.events.length >= 1 ? true : undefined), 'the open lead at the TAK server', 15_000);
    await new Promise((ok) => setTimeout(ok, 300));
    assert.equal(tak.events.length, 1, tak.events.join('\n'));
    assert.ok(tak.events[0]!.includes('Rancho El Nogal') && attr(tak.events[0]!, 'type') === 'a-u-G-I');
    const synced = await second.store.audit.list({ action: 'cot.export' });
    assert.deepEqual(synced.map((e) => [e.actor, e.target, e.details['reason'], e.details['lead_id']]), [['system:tak', newest, 'sync', open]]);
  } finally {
    await second.close();
    await tak.close();
  }
});

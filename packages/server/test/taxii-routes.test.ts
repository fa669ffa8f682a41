/**
 * The TAXII 2.1 server over HTTP against a real server and store
 * (docs/exchange/taxii.md, "In the platform"). The first test ports the
 * checks of the OASIS reference server's suite (medallion,
 * test/test_backends.py and test_auth) to releases: discovery, API root and
 * collection shapes and media types; 401 with a Basic challenge; 406 for a
 * wrong Accept; objects ordered by date added with the date-added headers,
 * paging with `next`, `added_after`, the `match[...]` filters, the
 * manifest, one object and its versions, status, a bad `limit` and a reused
 * `next`; writes refused. The second: the markings decide every answer (a
 * partner sees their own country's collection and only what their clearance
 * allows; another country's official gets 404 on ours; an analyst sees
 * every country), every request is audited with counts, and Basic shares
 * the sign-in throttle with the web sign-in.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { STIX_MEDIA_TYPE, TAXII_MEDIA_TYPE } from '@nariz/exchange';
import { LoginThrottle } from '../src/index.js';
import { collectionId } from '../src/exchange/taxii-collections.js';
import { sharedStixValidator } from './exchange-fixtures.js';
import { call, signIn, startServer, type TestServer } from './harness.js';
import { cleared, leadByHand, mark, release, type Cleared } from './lead-fixtures.js';

const T0 = Date.parse('2026-11-27T10:00:00Z');
const HOUR = 3_600_000;
const ROOT = '/taxii2/nariz';

interface Answer {
  readonly status: number;
  readonly headers: Headers;
  readonly body: Record<string, unknown>;
}
type Obj = { id: string; type: string; created: string; modified?: string; name?: string };

const basic = (c: Cleared, password = c.password): Record<string, string> => ({ authorization: `Basic ${Buffer.from(`${c.username}:${password}`).toString('base64')}` });
const token = (c: Cleared): Record<string, string> => ({ authorization: `Bearer ${c.auth.token}` });

async function taxii(s: TestServer, path: string, headers: Record<string, string>, o: { method?: string; accept?: string | null; body?: string } = {}): Promise<Answer> {
  const h: Record<string, string> = { ...headers };
  if (o.accept !== null) h['accept'] = o.accept ?? TAXII_MEDIA_TYPE;
  if (o.body !== undefined) h['content-type'] = TAXII_MEDIA_TYPE;
  const res = await fetch(s.base + path, { method: o.method ?? 'GET', headers: h, ...(o.body !== undefined ? { body: o.body } : {}) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

const objectsOf = (a: Answer): Obj[] => (a.body['objects'] ?? []) as Obj[];
const dateHeaders = (a: Answer): [string | null, string | null] => [a.headers.get('x-taxii-date-added-first'), a.headers.get('x-taxii-date-added-last')];

interface World {
  s: TestServer;
  ana: Cleared;
  capitan: Cleared;
  teniente: Cleared;
  coronel: Cleared;
  chapin: Cleared;
  /** Release times, ISO. */
  at: string[];
}

/** Five releases an hour apart: C, S, C to Mexico, C to Colombia, and a C one to Mexico whose lead has no time of first detection (not exportable). */
async function world(throttle?: LoginThrottle): Promise<World> {
  let t = T0;
  const s = await startServer({ now: () => new Date(t), ...(throttle !== undefined ? { throttle } : {}) });
  try {
    return await populate(s, (ms) => (t = ms));
  } catch (err) {
    await s.close();
    throw err;
  }
}

async function populate(s: TestServer, setClock: (ms: number) => void): Promise<World> {
  const ana = await cleared(s.store, 'mruiz', 'analyst', { clearance: 'TS', accesses: ['LES'] });
  const capitan = await cleared(s.store, 'capitan-soto', 'partner', { clearance: 'S', nationality: 'MEX', organisation: 'SEMAR' });
  const teniente = await cleared(s.store, 'teniente', 'partner', { clearance: 'C', nationality: 'MEX', organisation: 'SEMAR' });
  const coronel = await cleared(s.store, 'coronel', 'partner', { clearance: 'TS', nationality: 'COL', organisation: 'DIRAN' });
  const chapin = await cleared(s.store, 'chapin', 'partner', { clearance: 'TS', nationality: 'GTM', organisation: 'PNC' });
  const plan: Array<[string, readonly string[], string, boolean]> = [['C', ['MEX'], 'MEX', true], ['S', ['MEX'], 'MEX', true], ['C', ['MEX'], 'MEX', true], ['C', ['COL'], 'COL', true], ['C', ['MEX'], 'MEX', false]];
  const at: string[] = [];
  for (const [i, [cls, relTo, country, dated]] of plan.entries()) {
    const t = T0 + (i + 1) * HOUR;
    setClock(t);
    const lead = await leadByHand(s.base, ana, { title: `Bodega ${i + 1}`, marking: mark(cls, relTo), ...(dated ? { detected_at: '2026-11-20T03:00:00Z' } : {}), confirm: true });
    await release(s.base, ana, lead.id, country, 'unidad');
    at.push(new Date(t).toISOString());
  }
  return { s, ana, capitan, teniente, coronel, chapin, at };
}

test('TAXII 2.1, medallion’s checks over HTTP: discovery, API root, collections, objects with paging, added_after and match filters, manifest, object, versions, status; 401, 406, 400; writes refused', async () => {
  const w = await world();
  const { s, ana } = w;
  try {
    const mex = collectionId('MEX');
    const col = `${ROOT}/collections/${mex}`;

    // Credentials first: none, a cookie (TAXII takes none), a wrong password → 401 with a Basic challenge, in TAXII's media type.
    const { cookie } = await signIn(s.base, ana.username, ana.password);
    for (const headers of [{}, { cookie }, basic(ana, 'not the password')]) {
      const r = await taxii(s, '/taxii2/', headers);
      assert.equal(r.status, 401, JSON.stringify(r.body));
      assert.match(r.headers.get('www-authenticate') ?? '', /^Basic realm="Nariz TAXII"/);
      assert.equal(r.headers.get('content-type'), TAXII_MEDIA_TYPE);
      assert.equal(r.body['http_status'], '401');
      assert.equal(r.body['error_code'], 'NARIZ_AUTH');
    }
    // Then Accept: TAXII 2.1 named, or 406.
    for (const accept of [null, 'application/json', '*/*', 'application/taxii+json;version=2.0']) {
      const r = await taxii(s, '/taxii2/', token(ana), { accept });
      assert.equal(r.status, 406, String(accept));
      assert.equal(r.body['error_code'], 'NARIZ_NOT_ACCEPTABLE');
    }
    assert.equal((await taxii(s, '/taxii2/', token(ana), { accept: 'application/taxii+json' })).status, 200, 'no version means the latest');

    const discovery = await taxii(s, '/taxii2/', basic(ana));
    assert.equal(discovery.status, 200);
    assert.equal(discovery.headers.get('content-type'), TAXII_MEDIA_TYPE);
    assert.deepEqual(discovery.body['api_roots'], [`${s.base}${ROOT}/`]);
    assert.equal(discovery.body['default'], `${s.base}${ROOT}/`);
    assert.equal(typeof discovery.body['title'], 'string');

    const apiRoot = await taxii(s, `${ROOT}/`, token(ana));
    assert.deepEqual(apiRoot.body['versions'], [TAXII_MEDIA_TYPE]);
    assert.equal(apiRoot.body['max_content_length'], 0);

    const collections = (await taxii(s, `${ROOT}/collections/`, token(ana))).body['collections'] as Array<Record<string, unknown>>;
    assert.deepEqual(collections.map((c) => c['id']), [collectionId('COL'), mex]);
    for (const c of collections) {
      assert.deepEqual([c['can_read'], c['can_write'], c['media_types']], [true, false, [STIX_MEDIA_TYPE]]);
    }
    const one = await taxii(s, `${col}/`, token(ana));
    assert.deepEqual(one.body, collections[1]);
    assert.deepEqual((await taxii(s, `${ROOT}/collections/releases-mex/`, token(ana))).body, collections[1], 'by alias too');
    assert.equal((await taxii(s, `${ROOT}/collections/${collectionId('PER')}/`, token(ana))).status, 404);

    // Objects: three exportable releases to Mexico, seven objects each, and the TLP definition they share once; ordered by date added.
    const all = await taxii(s, `${col}/objects/`, token(ana));
    assert.equal(all.status, 200);
    assert.equal(all.headers.get('content-type'), TAXII_MEDIA_TYPE);
    assert.equal(all.body['more'], false);
    const objects = objectsOf(all);
    assert.equal(objects.length, 3 * 7 + 1);
    assert.equal(new Set(objects.map((o) => o.id)).size, objects.length);
    assert.deepEqual(dateHeaders(all), [w.at[0], w.at[2]]);
    const v = sharedStixValidator();
    for (const o of objects) assert.deepEqual(v.validateStixObject(o), { valid: true }, o.id);
    assert.deepEqual(objects.filter((o) => o.type === 'infrastructure').map((o) => o.name), ['Bodega 1', 'Bodega 2', 'Bodega 3']);

    // Paging with next: the pages walk the same list, each with its own headers.
    const seen: Obj[] = [];
    let next: string | undefined;
    let pages = 0;
    do {
      const page = await taxii(s, `${col}/objects/?limit=5${next === undefined ? '' : `&next=${encodeURIComponent(next)}`}`, token(ana));
      assert.equal(page.status, 200, JSON.stringify(page.body));
      seen.push(...objectsOf(page));
      next = page.body['next'] as string | undefined;
      assert.equal(page.body['more'], next !== undefined);
      if (pages === 0) assert.deepEqual(dateHeaders(page), [w.at[0], w.at[0]]);
      pages += 1;
    } while (next !== undefined);
    assert.equal(pages, 5);
    assert.deepEqual(seen.map((o) => o.id), objects.map((o) => o.id));

    // added_after (strictly after), match[id], match[type], match[spec_version], match[version].
    const count = async (qs: string): Promise<number> => objectsOf(await taxii(s, `${col}/objects/?${qs}`, token(ana))).length;
    assert.equal(await count(`added_after=${w.at[0]}`), 2 * 7);
    assert.equal(await count(`added_after=${w.at[2]}`), 0);
    assert.deepEqual((await taxii(s, `${col}/objects/?added_after=${w.at[2]}`, token(ana))).body, {}, 'an empty envelope');
    assert.equal(await count('match[type]=infrastructure'), 3);
    assert.equal(await count('match[type]=marking-definition,identity'), 1 + 3 + 3);
    const infra = objects.find((o) => o.type === 'infrastructure')!;
    assert.deepEqual(objectsOf(await taxii(s, `${col}/objects/?match[id]=${infra.id}`, token(ana))).map((o) => o.id), [infra.id]);
    assert.equal(await count('match[spec_version]=2.1'), objects.length);
    assert.equal(await count('match[spec_version]=2.0'), 0);
    for (const version of ['first', 'last', 'all']) assert.equal(await count(`match[version]=${version}`), objects.length, version);
    assert.equal(await count(`match[version]=${w.at[1]}`), 7, 'the objects of the second release (version = its time)');

    // The manifest: one record per object, in the same order, with the STIX media type; paged 10, 10, 2.
    const manifest = await taxii(s, `${col}/manifest/`, token(ana));
    const records = manifest.body['objects'] as Array<Record<string, unknown>>;
    assert.deepEqual(records.map((r) => r['id']), objects.map((o) => o.id));
    for (const r of records) {
      assert.deepEqual(Object.keys(r).sort(), ['date_added', 'id', 'media_type', 'version']);
      assert.equal(r['media_type'], STIX_MEDIA_TYPE);
    }
    const m1 = await taxii(s, `${col}/manifest/?limit=10`, token(ana));
    const m2 = await taxii(s, `${col}/manifest/?limit=10&next=${encodeURIComponent(String(m1.body['next']))}`, token(ana));
    const m3 = await taxii(s, `${col}/manifest/?limit=10&next=${encodeURIComponent(String(m2.body['next']))}`, token(ana));
    assert.deepEqual([m1, m2, m3].map((m) => (m.body['objects'] as unknown[]).length), [10, 10, 2]);
    assert.equal(m3.body['more'], false);

    // One object, its versions; an unknown one is 404; status never exists (nothing is posted).
    const single = await taxii(s, `${col}/objects/${infra.id}/`, token(ana));
    assert.deepEqual(objectsOf(single).map((o) => o.id), [infra.id]);
    assert.deepEqual(dateHeaders(single), [w.at[0], w.at[0]]);
    const versions = await taxii(s, `${col}/objects/${infra.id}/versions/`, token(ana));
    assert.deepEqual(versions.body, { more: false, versions: [infra.modified] });
    assert.equal((await taxii(s, `${col}/objects/infrastructure--00000000-0000-4000-8000-000000000000/`, token(ana))).status, 404);
    const status = await taxii(s, `${ROOT}/status/2d086da7-4bdc-4f91-900e-d77486753710/`, token(ana));
    assert.equal(status.status, 404);
    assert.equal(status.headers.get('content-type'), TAXII_MEDIA_TYPE);

    // 400 naming the parameter: a negative limit, a bad timestamp, a next token reused with other filters.
    const badLimit = await taxii(s, `${col}/objects/?limit=-20`, token(ana));
    assert.equal(badLimit.status, 400);
    assert.deepEqual([badLimit.body['http_status'], badLimit.body['details']], ['400', { parameter: 'limit' }]);
    assert.equal((await taxii(s, `${col}/objects/?added_after=yesterday`, token(ana))).status, 400);
    const first = await taxii(s, `${col}/objects/?limit=2`, token(ana));
    assert.equal((await taxii(s, `${col}/objects/?limit=2&match[type]=report&next=${encodeURIComponent(String(first.body['next']))}`, token(ana))).status, 400);

    // Writes: the collections are read-only (403, TAXII §5.4/§5.7); other methods are 405 with Allow.
    const post = await taxii(s, `${col}/objects/`, token(ana), { method: 'POST', body: JSON.stringify({ objects: [] }) });
    assert.equal(post.status, 403);
    assert.equal(post.headers.get('content-type'), TAXII_MEDIA_TYPE);
    assert.equal((await taxii(s, `${col}/objects/${infra.id}/`, token(ana), { method: 'DELETE' })).status, 403);
    for (const [method, path] of [['PUT', `${ROOT}/collections/`], ['POST', '/taxii2/'], ['DELETE', `${col}/manifest/`]] as const) {
      const r = await taxii(s, path, token(ana), { method });
      assert.equal(r.status, 405, `${method} ${path}`);
      assert.equal(r.headers.get('allow'), 'GET, HEAD');
    }
    assert.equal((await taxii(s, `${ROOT}/collections/${collectionId('PER')}/objects/`, token(ana), { method: 'POST', body: '{}' })).status, 404, 'a collection one may not read is 404 whatever the method');
    assert.equal((await taxii(s, `${ROOT}/nothing-here/`, token(ana))).status, 404);
    assert.equal((await taxii(s, `${ROOT}/nothing-here/`, {})).status, 401, 'credentials before anything');
  } finally {
    await s.close();
  }
});

test('TAXII and the markings: a partner reads their own country’s collection, only what their clearance allows; another country’s official gets 404 on it; an analyst reads every country; each request is audited with counts; Basic sign-in shares the web sign-in’s throttle', async () => {
  const w = await world(new LoginThrottle({ perAccount: 5 }));
  const { s, ana, capitan, teniente, coronel, chapin } = w;
  try {
    const mex = collectionId('MEX');
    const namesOf = async (who: Cleared, id: string): Promise<Array<string | undefined>> => objectsOf(await taxii(s, `${ROOT}/collections/${id}/objects/?match[type]=infrastructure`, basic(who))).map((o) => o.name);
    const collectionsOf = async (who: Cleared): Promise<unknown[]> => ((await taxii(s, `${ROOT}/collections/`, token(who))).body['collections'] ?? []) as unknown[];

    assert.deepEqual((await collectionsOf(capitan)).map((c) => (c as { id: string }).id), [mex]);
    assert.deepEqual(await namesOf(capitan, mex), ['Bodega 1', 'Bodega 2', 'Bodega 3']);
    assert.deepEqual(await namesOf(teniente, mex), ['Bodega 1', 'Bodega 3'], 'the SECRET release is above a CONFIDENTIAL official');
    assert.deepEqual((await collectionsOf(coronel)).map((c) => (c as { id: string }).id), [collectionId('COL')]);
    assert.deepEqual(await namesOf(coronel, collectionId('COL')), ['Bodega 4']);
    for (const who of [coronel, chapin]) {
      const r = await taxii(s, `${ROOT}/collections/${mex}/objects/`, token(who));
      assert.equal(r.status, 404, who.username);
      assert.equal(r.body['error_code'], 'NARIZ_NOT_FOUND');
      assert.ok(!(await collectionsOf(who)).some((c) => (c as { id: string }).id === mex));
    }
    assert.deepEqual((await taxii(s, `${ROOT}/collections/${collectionId('GTM')}/objects/`, token(chapin))).body, {}, 'their own collection, empty');
    assert.deepEqual(await namesOf(ana, collectionId('COL')), ['Bodega 4']);
    assert.deepEqual(await namesOf(ana, mex), ['Bodega 1', 'Bodega 2', 'Bodega 3']);

    // Audited per request, with counts: the undated lead's release is withheld, not shown.
    const reads = await s.store.audit.list({ action: 'taxii.read', limit: 1000 });
    const mine = reads.find((e) => e.actor === 'capitan-soto' && e.details['endpoint'] === 'objects')!;
    assert.deepEqual(mine.details, { via: 'basic', endpoint: 'objects', country: 'MEX', objects: 3, more: false, releases: 3, withheld: 1 });
    assert.equal(mine.target, mex);
    assert.ok(reads.every((e) => !JSON.stringify(e.details).includes('Bodega')), 'never contents');
    assert.equal(reads.filter((e) => e.details['via'] === 'token').length > 0, true);

    // A user who must change a one-time password is refused until they have.
    await s.store.accounts.updateUser('teniente', { mustChangePassword: true });
    const pending = await taxii(s, '/taxii2/', basic(teniente));
    assert.deepEqual([pending.status, pending.body['error_code']], [403, 'NARIZ_PASSWORD_CHANGE']);

    // Five wrong passwords through TAXII, then 429 with Retry-After — at TAXII and at the web sign-in alike.
    for (let i = 0; i < 5; i++) assert.equal((await taxii(s, '/taxii2/', basic(capitan, 'guess'))).status, 401);
    const limited = await taxii(s, '/taxii2/', basic(capitan));
    assert.equal(limited.status, 429);
    assert.ok(Number(limited.headers.get('retry-after')) > 0);
    assert.equal((await call(s.base, 'POST', '/api/session', { username: capitan.username, password: capitan.password })).status, 429);
    assert.equal((await s.store.audit.list({ action: 'taxii.signin.failed' })).length, 5);
    assert.equal((await taxii(s, '/taxii2/', token(capitan))).status, 200, 'a token is not a password: not throttled');
  } finally {
    await s.close();
  }
});

/**
 * TAXII 2.1 pure parts. The first group ports the checks of the OASIS
 * reference server's test suite (medallion, test/test_backends.py) to the
 * selection functions: same data shape, same queries, same answers.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NarizError, createRng, isNarizError } from '@nariz/core';
import {
  TAXII_MEDIA_TYPE,
  assertAcceptsTaxii,
  assertTaxiiContentType,
  parseMediaRanges,
  parseObjectQuery,
  selectRecords,
  taxiiApiRoot,
  taxiiCollection,
  taxiiCollections,
  taxiiDateAddedHeaders,
  taxiiDiscovery,
  taxiiEnvelope,
  taxiiError,
  taxiiManifest,
  taxiiStatus,
  taxiiTimeNs,
  taxiiVersions,
  type TaxiiEndpoint,
  type TaxiiRecord,
} from '../src/index.js';
import { INDICATOR_6770, INDICATOR_CD98, MALWARE_C093, MARKING_3409, RELATIONSHIP_2F9A, medallionCollection } from './taxii-fixture.js';

const data = medallionCollection();

/** One request: parse the query string as the route would, select, build the body and headers. */
function get(endpoint: TaxiiEndpoint, qs = '', objectId?: string) {
  const query: Record<string, string> = Object.fromEntries(new URLSearchParams(qs));
  const q = parseObjectQuery(query, objectId === undefined ? { endpoint } : { endpoint, objectId });
  const page = selectRecords(data, q);
  const body = endpoint === 'manifest' ? taxiiManifest(page) : endpoint === 'versions' ? taxiiVersions(page) : taxiiEnvelope(page);
  return { page, body: body as Record<string, unknown> & { more?: boolean; next?: string }, headers: taxiiDateAddedHeaders(page) };
}

function objects(body: Readonly<Record<string, unknown>>): Array<Record<string, unknown>> {
  return (body['objects'] ?? []) as Array<Record<string, unknown>>;
}

// --- medallion test_backends.py -------------------------------------------------------------

test('medallion: get_objects — five latest 2.1 objects, ordered by date added, date-added headers', () => {
  const { body, headers } = get('objects');
  assert.equal(body.more, false);
  assert.deepEqual(objects(body).map((o) => o['id']), [RELATIONSHIP_2F9A, INDICATOR_CD98, MARKING_3409, MALWARE_C093, INDICATOR_6770]);
  assert.deepEqual(headers, { 'X-TAXII-Date-Added-First': '2014-05-08T09:00:00.000000Z', 'X-TAXII-Date-Added-Last': '2017-12-31T13:49:53.935000Z' });
});

test('medallion: get_object — one object by id with its date-added headers', () => {
  const { body, headers } = get('object', '', MALWARE_C093);
  assert.deepEqual(objects(body).map((o) => o['id']), [MALWARE_C093]);
  assert.deepEqual(headers, { 'X-TAXII-Date-Added-First': '2017-01-27T13:49:59.997000Z', 'X-TAXII-Date-Added-Last': '2017-01-27T13:49:59.997000Z' });
});

test('medallion: get_objects added_after / limit+next / match[id] / match[type]', () => {
  const after = get('objects', 'added_after=2016-11-03T12:30:59Z');
  assert.equal(after.body.more, false);
  assert.equal(objects(after.body).length, 3);

  const p1 = get('objects', 'limit=3');
  assert.equal(p1.body.more, true);
  assert.deepEqual(objects(p1.body).map((o) => o['id']), [RELATIONSHIP_2F9A, INDICATOR_CD98, MARKING_3409]);
  assert.deepEqual(p1.headers, { 'X-TAXII-Date-Added-First': '2014-05-08T09:00:00.000000Z', 'X-TAXII-Date-Added-Last': '2017-01-20T00:00:00.000000Z' });
  const p2 = get('objects', `limit=3&next=${p1.body.next}`);
  assert.equal(p2.body.more, false);
  assert.equal(p2.body.next, undefined);
  assert.deepEqual(objects(p2.body).map((o) => o['id']), [MALWARE_C093, INDICATOR_6770]);
  assert.deepEqual(p2.headers, { 'X-TAXII-Date-Added-First': '2017-01-27T13:49:59.997000Z', 'X-TAXII-Date-Added-Last': '2017-12-31T13:49:53.935000Z' });

  const byId = get('objects', `match[id]=${MALWARE_C093}`);
  assert.equal(byId.body.more, false);
  assert.equal(objects(byId.body).length, 1);
  const byType = get('objects', 'match[type]=indicator');
  assert.equal(objects(byType.body).length, 2);
  assert.ok(objects(byType.body).every((o) => o['type'] === 'indicator'));
});

test('medallion: objects match[version] — a timestamp, first, last, all', () => {
  const at = get('objects', 'match[version]=2016-12-25T12:30:59.444Z');
  assert.deepEqual(objects(at.body).map((o) => o['id']), [INDICATOR_6770]);
  const modifiedOf = (qs: string, id: string): unknown => objects(get('objects', qs).body).find((o) => o['id'] === id)?.['modified'];
  assert.equal(modifiedOf('match[version]=first', INDICATOR_6770), '2016-11-03T12:30:59.000Z');
  assert.equal(modifiedOf('match[version]=first', MALWARE_C093), '2017-01-27T13:49:53.997Z');
  assert.equal(modifiedOf('match[version]=last', INDICATOR_6770), '2017-01-27T13:49:53.935Z');
  // The default spec_version filter runs first, so the later 2.0 malware is not "last".
  assert.equal(modifiedOf('match[version]=last', MALWARE_C093), '2017-01-27T13:49:53.997Z');
  assert.equal(objects(get('objects', 'match[version]=all').body).length, 7);
});

test('medallion: objects match[spec_version] — 2.0, 2.0+2.1, 2.1, default', () => {
  const v20 = objects(get('objects', 'match[spec_version]=2.0').body);
  assert.equal(v20.length, 1);
  assert.ok(v20.every((o) => !('spec_version' in o)));
  assert.equal(objects(get('objects', 'match[spec_version]=2.0,2.1').body).length, 5);
  const v21 = objects(get('objects', 'match[spec_version]=2.1').body);
  assert.equal(v21.length, 5);
  assert.ok(v21.every((o) => o['spec_version'] === '2.1'));
  assert.ok(objects(get('objects').body).every((o) => o['spec_version'] === '2.1'));
});

test('medallion: object endpoint — added_after cases, limit and paging over versions', () => {
  assert.deepEqual(get('object', 'added_after=2018-01-27T13:49:59.997000Z', MALWARE_C093).body, {});
  const case2 = get('object', 'added_after=2017-01-27T13:49:59Z', MALWARE_C093).body;
  assert.equal(case2.more, false);
  assert.equal(objects(case2).length, 1);

  const l1 = get('object', 'limit=1', INDICATOR_6770);
  assert.equal(l1.body.more, false);
  assert.equal(objects(l1.body).length, 1);
  assert.deepEqual(l1.headers, { 'X-TAXII-Date-Added-First': '2017-12-31T13:49:53.935000Z', 'X-TAXII-Date-Added-Last': '2017-12-31T13:49:53.935000Z' });

  const a1 = get('object', 'match[version]=all&limit=2', INDICATOR_6770);
  assert.equal(a1.body.more, true);
  assert.deepEqual(objects(a1.body).map((o) => o['modified']), ['2016-11-03T12:30:59.000Z', '2016-12-25T12:30:59.444Z']);
  assert.deepEqual(a1.headers, { 'X-TAXII-Date-Added-First': '2016-11-03T12:30:59.001000Z', 'X-TAXII-Date-Added-Last': '2016-12-27T13:49:59.000000Z' });
  const a2 = get('object', `match[version]=all&limit=2&next=${a1.body.next}`, INDICATOR_6770);
  assert.equal(a2.body.more, false);
  assert.equal(objects(a2.body).length, 1);
  assert.deepEqual(a2.headers, { 'X-TAXII-Date-Added-First': '2017-12-31T13:49:53.935000Z', 'X-TAXII-Date-Added-Last': '2017-12-31T13:49:53.935000Z' });
});

test('medallion: object endpoint — single version selectors, all, spec versions', () => {
  for (const [qs, modified] of [
    ['match[version]=2016-12-25T12:30:59.444Z', '2016-12-25T12:30:59.444Z'],
    ['match[version]=first', '2016-11-03T12:30:59.000Z'],
    ['match[version]=last', '2017-01-27T13:49:53.935Z'],
  ] as const) {
    const b = get('object', qs, INDICATOR_6770).body;
    assert.equal(b.more, false);
    assert.deepEqual(objects(b).map((o) => [o['id'], o['modified']]), [[INDICATOR_6770, modified]]);
  }
  assert.equal(objects(get('object', 'match[version]=all', INDICATOR_6770).body).length, 3);
  const only = (qs: string): Record<string, unknown> => {
    const os = objects(get('object', qs, MALWARE_C093).body);
    assert.equal(os.length, 1, qs);
    return os[0]!;
  };
  assert.ok(!('spec_version' in only('match[spec_version]=2.0')));
  assert.equal(only('match[spec_version]=2.1')['spec_version'], '2.1');
  assert.equal(only('match[spec_version]=2.0,2.1')['modified'], '2018-02-23T18:30:00.000Z');
  assert.equal(only('')['spec_version'], '2.1');
});

test('medallion: manifest — ordering, headers, added_after, paging, id, type, versions, media types', () => {
  const all = get('manifest');
  const records = objects(all.body);
  assert.equal(records.length, 5);
  assert.deepEqual(all.headers, { 'X-TAXII-Date-Added-First': '2014-05-08T09:00:00.000000Z', 'X-TAXII-Date-Added-Last': '2017-12-31T13:49:53.935000Z' });
  for (let i = 1; i < records.length; i++) assert.ok(taxiiTimeNs(String(records[i - 1]!['date_added']))! < taxiiTimeNs(String(records[i]!['date_added']))!);
  assert.deepEqual(records.find((r) => r['id'] === MARKING_3409), {
    id: MARKING_3409,
    date_added: '2017-01-20T00:00:00.000000Z',
    version: '2017-01-20T00:00:00.000Z',
    media_type: 'application/stix+json;version=2.1',
  });

  assert.equal(objects(get('manifest', 'added_after=2017-01-20T00:00:00.000Z').body).length, 2);

  let page = get('manifest', 'limit=2');
  const sizes: number[] = [];
  for (;;) {
    const rs = objects(page.body);
    sizes.push(rs.length);
    assert.deepEqual(page.headers, { 'X-TAXII-Date-Added-First': rs[0]!['date_added'], 'X-TAXII-Date-Added-Last': rs[rs.length - 1]!['date_added'] });
    if (page.body.more !== true) break;
    page = get('manifest', `limit=2&next=${page.body.next}`);
  }
  assert.deepEqual(sizes, [2, 2, 1]);

  assert.deepEqual(objects(get('manifest', `match[id]=${MALWARE_C093}`).body).map((r) => r['id']), [MALWARE_C093]);
  const indicators = objects(get('manifest', 'match[type]=indicator').body);
  assert.equal(indicators.length, 2);
  assert.ok(indicators.every((r) => String(r['id']).startsWith('indicator--')));

  const version = (qs: string): unknown => objects(get('manifest', qs).body).find((r) => r['id'] === INDICATOR_6770)?.['version'];
  assert.deepEqual(objects(get('manifest', 'match[version]=2016-12-25T12:30:59.444Z').body).map((r) => [r['id'], r['version']]), [[INDICATOR_6770, '2016-12-25T12:30:59.444Z']]);
  assert.equal(version('match[version]=first'), '2016-11-03T12:30:59.000Z');
  assert.equal(version('match[version]=last'), '2017-01-27T13:49:53.935Z');
  assert.equal(objects(get('manifest', 'match[version]=first').body).length, 5);
  assert.equal(objects(get('manifest', 'match[version]=all').body).length, 7);

  const v20 = objects(get('manifest', 'match[spec_version]=2.0').body);
  assert.deepEqual(v20.map((r) => r['media_type']), ['application/stix+json;version=2.0']);
  const v21 = objects(get('manifest', 'match[spec_version]=2.1').body);
  assert.equal(v21.length, 5);
  assert.ok(v21.every((r) => r['media_type'] === 'application/stix+json;version=2.1'));
  const both = objects(get('manifest', 'match[spec_version]=2.0,2.1').body);
  assert.equal(both.length, 5);
  assert.equal(both.find((r) => r['id'] === MALWARE_C093)?.['version'], '2018-02-23T18:30:00.000Z');
  assert.ok(objects(get('manifest').body).every((r) => r['media_type'] === 'application/stix+json;version=2.1'));
});

test('medallion: versions — all versions by default, added_after, limit/next, spec versions', () => {
  const rel = get('versions', '', RELATIONSHIP_2F9A);
  assert.deepEqual(rel.body, { more: false, versions: ['2014-05-08T09:00:00.000Z'] });
  assert.deepEqual(rel.headers, { 'X-TAXII-Date-Added-First': '2014-05-08T09:00:00.000000Z', 'X-TAXII-Date-Added-Last': '2014-05-08T09:00:00.000000Z' });
  assert.deepEqual(get('versions', 'added_after=2014-05-08T09:00:00Z', RELATIONSHIP_2F9A).body, {});
  assert.deepEqual(get('versions', 'added_after=2014-05-08T08:00:00Z', RELATIONSHIP_2F9A).body, { more: false, versions: ['2014-05-08T09:00:00.000Z'] });

  const expected = [
    ['2016-11-03T12:30:59.000Z', '2016-11-03T12:30:59.001000Z', true],
    ['2016-12-25T12:30:59.444Z', '2016-12-27T13:49:59.000000Z', true],
    ['2017-01-27T13:49:53.935Z', '2017-12-31T13:49:53.935000Z', false],
  ] as const;
  let next: string | undefined;
  for (const [version, added, more] of expected) {
    const p = get('versions', `limit=1${next === undefined ? '' : `&next=${next}`}`, INDICATOR_6770);
    assert.deepEqual(p.body.versions, [version]);
    assert.equal(p.body.more, more);
    assert.deepEqual(p.headers, { 'X-TAXII-Date-Added-First': added, 'X-TAXII-Date-Added-Last': added });
    next = p.body.next;
  }
  assert.equal(next, undefined);

  assert.deepEqual(get('versions', 'match[spec_version]=2.0', MALWARE_C093).body.versions, ['2018-02-23T18:30:00.000Z']);
  assert.deepEqual(get('versions', 'match[spec_version]=2.1', MALWARE_C093).body.versions, ['2017-01-27T13:49:53.997Z']);
  assert.equal((get('versions', 'match[spec_version]=2.0,2.1', MALWARE_C093).body.versions as unknown[]).length, 2);
  assert.deepEqual(get('versions', '', MALWARE_C093).body.versions, ['2017-01-27T13:49:53.997Z']);
  // match[version] does not apply to the versions endpoint.
  assert.equal((get('versions', 'match[version]=first', INDICATOR_6770).body.versions as unknown[]).length, 3);
});

test('medallion: bad limit is 400; a next token reused with other filters is 400; an unknown object is an empty envelope', () => {
  for (const limit of ['-20', '0', '2.5', 'ten']) {
    assert.throws(() => get('objects', `limit=${limit}`), (e: unknown) => isNarizError(e, 'NARIZ_BAD_REQUEST') && e.status === 400 && e.location?.path === 'limit');
  }
  const p1 = get('objects', 'match[version]=all&limit=2');
  assert.equal(objects(p1.body).length, 2);
  const p2 = get('objects', `match[version]=all&limit=2&next=${p1.body.next}`);
  assert.equal(objects(p2.body).length, 2);
  assert.equal(p2.body.more, true);
  assert.throws(() => get('objects', `match[version]=first&limit=2&next=${p2.body.next}`), (e: unknown) => isNarizError(e, 'NARIZ_BAD_REQUEST') && e.location?.path === 'next');
  assert.throws(() => get('objects', 'next=bm90LWEtdG9rZW4'), (e: unknown) => isNarizError(e, 'NARIZ_BAD_REQUEST'));
  assert.deepEqual(get('object', '', 'malware--cee60c30-a68c-11e3-b0c1-a01aac20d000').body, {});
  assert.deepEqual(get('objects', 'match[type]=incident&match[version]=2016-01-01T01:01:01.000Z').body, {});
});

test('medallion: Accept must admit TAXII 2.1 (406); a posted body must be TAXII 2.1 JSON (415)', () => {
  for (const ok of [TAXII_MEDIA_TYPE, 'application/taxii+json', 'application/taxii+json; version=2.1', 'text/html, application/taxii+json;version="2.1";q=0.5', 'Application/TAXII+JSON;Version=2.1']) {
    assert.doesNotThrow(() => assertAcceptsTaxii(ok), ok);
  }
  for (const bad of [undefined, '', '*/*', 'application/json', 'application/taxii+json;version=2.0', 'application/stix+json;version=2.1', 'application/taxii+json;version=2.1;q=0']) {
    assert.throws(() => assertAcceptsTaxii(bad), (e: unknown) => isNarizError(e, 'NARIZ_NOT_ACCEPTABLE') && e.status === 406, String(bad));
  }
  assert.doesNotThrow(() => assertTaxiiContentType('application/taxii+json;version=2.1'));
  assert.doesNotThrow(() => assertTaxiiContentType('application/taxii+json; charset=utf-8'));
  for (const bad of [undefined, 'application/json', 'application/stix+json;version=2.1', 'application/taxii+json;version=2.0']) {
    assert.throws(() => assertTaxiiContentType(bad), (e: unknown) => isNarizError(e, 'NARIZ_UNSUPPORTED_MEDIA_TYPE') && e.status === 415, String(bad));
  }
  assert.deepEqual(parseMediaRanges('a/b;q=0.3;x="y", c/d'), [{ mediaType: 'a/b', params: { x: 'y' }, q: 0.3 }, { mediaType: 'c/d', params: {}, q: 1 }]);
});

// --- beyond medallion ------------------------------------------------------------------------

test('query parsing: filters an endpoint does not honour are ignored; malformed values name the parameter', () => {
  const q = parseObjectQuery({ 'match[id]': 'x--1', 'match[type]': ['indicator', 'malware'], 'match[version]': 'first,last', foo: 'bar' }, { endpoint: 'objects' });
  assert.deepEqual(q, { endpoint: 'objects', ids: ['x--1'], types: ['indicator', 'malware'], versions: [{ kind: 'first' }, { kind: 'last' }] });
  const o = parseObjectQuery({ 'match[id]': 'x--1', 'match[type]': 'indicator' }, { endpoint: 'object', objectId: 'y--2' });
  assert.deepEqual(o, { endpoint: 'object', objectId: 'y--2', versions: [{ kind: 'last' }] });
  assert.deepEqual(parseObjectQuery({ 'match[version]': 'first' }, { endpoint: 'versions', objectId: 'y--2' }).versions, [{ kind: 'all' }]);
  const fails = (query: Record<string, unknown>, path: string): void => {
    assert.throws(() => parseObjectQuery(query, { endpoint: 'objects' }), (e: unknown) => isNarizError(e, 'NARIZ_BAD_REQUEST') && e.location?.path === path, JSON.stringify(query));
  };
  fails({ added_after: 'yesterday' }, 'added_after');
  fails({ added_after: '2017-02-30T00:00:00Z' }, 'added_after');
  fails({ 'match[version]': 'newest' }, 'match[version]');
  fails({ 'match[spec_version]': '2' }, 'match[spec_version]');
  fails({ 'match[type]': ',' }, 'match[type]');
  fails({ limit: 5 }, 'limit');
});

test('timestamps compare by value: 59.444Z equals 59.444000Z; microseconds order', () => {
  assert.equal(taxiiTimeNs('2016-12-25T12:30:59.444Z'), taxiiTimeNs('2016-12-25T12:30:59.444000Z'));
  assert.ok(taxiiTimeNs('2016-11-03T12:30:59.000001Z')! > taxiiTimeNs('2016-11-03T12:30:59Z')!);
  assert.equal(taxiiTimeNs('2016-11-03T12:30:59+00:00'), undefined);
  assert.equal(objects(get('objects', 'match[version]=2016-12-25T12:30:59.444000Z').body).length, 1);
});

test('paging (seeded property): every page size walks the same selection once, in order; objects added between pages come last', () => {
  const rng = createRng(7);
  const big: TaxiiRecord[] = [];
  for (let i = 0; i < 240; i++) {
    const t = new Date(Date.UTC(2026, 0, 1) + Math.floor(rng.uniform(0, 86_400_000 * 30))).toISOString();
    const type = ['indicator', 'malware', 'note'][i % 3]!;
    big.push({ object: { type, spec_version: '2.1', id: `${type}--${String(i % 80).padStart(8, '0')}-0000-4000-8000-000000000000`, created: t, modified: t }, dateAdded: t });
  }
  for (const qs of ['', 'match[version]=all', 'match[type]=note,malware&match[version]=first,last', 'added_after=2026-01-15T00:00:00Z']) {
    const query = Object.fromEntries(new URLSearchParams(qs));
    const whole = selectRecords(big, parseObjectQuery(query, { endpoint: 'objects' }), { maxPageSize: 1000 }).records;
    for (let trial = 0; trial < 5; trial++) {
      const limit = 1 + Math.floor(rng.uniform(0, 60));
      const walked: TaxiiRecord[] = [];
      let next: string | undefined;
      do {
        const q = parseObjectQuery({ ...query, limit: String(limit), ...(next === undefined ? {} : { next }) }, { endpoint: 'objects' });
        const page = selectRecords(big, q, { maxPageSize: 1000 });
        assert.ok(page.records.length <= limit);
        walked.push(...page.records);
        next = page.next;
        assert.equal(page.more, next !== undefined);
      } while (next !== undefined);
      assert.deepEqual(walked, whole, `${qs} limit ${limit}`);
    }
  }
  // A server cap below the requested limit wins.
  assert.equal(selectRecords(big, parseObjectQuery({ 'match[version]': 'all', limit: '500' }, { endpoint: 'objects' }), { maxPageSize: 25 }).records.length, 25);
  // Keyset cursor: an object added after page 1 was served appears on a later page, nothing is served twice.
  const q1 = parseObjectQuery({ 'match[version]': 'all', limit: '50' }, { endpoint: 'objects' });
  const p1 = selectRecords(big, q1);
  const late: TaxiiRecord = { object: { type: 'note', spec_version: '2.1', id: 'note--ffffffff-0000-4000-8000-000000000000', created: '2026-03-01T00:00:00.000Z', modified: '2026-03-01T00:00:00.000Z' }, dateAdded: '2026-03-01T00:00:00.000000Z' };
  const grown = [late, ...big];
  const rest: TaxiiRecord[] = [];
  let next = p1.next;
  while (next !== undefined) {
    const p = selectRecords(grown, parseObjectQuery({ 'match[version]': 'all', limit: '50', next }, { endpoint: 'objects' }));
    rest.push(...p.records);
    next = p.next;
  }
  assert.equal(p1.records.length + rest.length, big.length + 1);
  assert.equal(rest[rest.length - 1], late);
});

test('resources: discovery, API root, collections, status and the TAXII error message', () => {
  assert.deepEqual(taxiiDiscovery({ title: 'Nariz TAXII', apiRoots: ['https://nariz.example/taxii2/partners/'], defaultApiRoot: 'https://nariz.example/taxii2/partners/' }), {
    title: 'Nariz TAXII',
    default: 'https://nariz.example/taxii2/partners/',
    api_roots: ['https://nariz.example/taxii2/partners/'],
  });
  assert.deepEqual(taxiiApiRoot({ title: 'Partners', maxContentLength: 10_485_760 }), { title: 'Partners', versions: ['application/taxii+json;version=2.1'], max_content_length: 10_485_760 });
  const c = taxiiCollection({ id: '91a7b528-80eb-42ed-a74d-c6fbd5a26116', title: 'Releases to MEX', canRead: true, canWrite: false });
  assert.deepEqual(c, { id: '91a7b528-80eb-42ed-a74d-c6fbd5a26116', title: 'Releases to MEX', can_read: true, can_write: false, media_types: ['application/stix+json;version=2.1'] });
  assert.deepEqual(taxiiCollections([]), {});
  assert.deepEqual(taxiiCollections([c]), { collections: [c] });
  const s = taxiiStatus({ id: '2d086da7-4bdc-4f91-900e-d77486753710', requestTimestamp: '2027-03-03T18:00:00.000000Z', successes: [{ id: INDICATOR_CD98, version: '2014-05-08T09:00:00.000Z' }], failures: [], pendings: [] });
  assert.deepEqual(s, {
    id: '2d086da7-4bdc-4f91-900e-d77486753710',
    status: 'complete',
    request_timestamp: '2027-03-03T18:00:00.000000Z',
    total_count: 1,
    success_count: 1,
    successes: [{ id: INDICATOR_CD98, version: '2014-05-08T09:00:00.000Z' }],
    failure_count: 0,
    pending_count: 0,
  });
  assert.equal(taxiiStatus({ id: 'x', successes: [], failures: [], pendings: [{ id: INDICATOR_CD98 }] }).status, 'pending');
  let err: NarizError | undefined;
  try {
    parseObjectQuery({ limit: '-20' }, { endpoint: 'objects' });
  } catch (e) {
    err = e as NarizError;
  }
  assert.deepEqual(taxiiError(err!), {
    title: 'An HTTP request does not match its schema.',
    description: 'at limit: limit -20 is not a positive integer',
    error_code: 'NARIZ_BAD_REQUEST',
    http_status: '400',
    details: { parameter: 'limit' },
  });
});

import assert from 'node:assert/strict';
import test from 'node:test';
import { isNarizError } from '@nariz/core';
import {
  airspaceAt,
  authorityGeoJson,
  authoritySummary,
  compileTimeWindows,
  DEFAULT_AUTHORITIES,
  defaultAuthority,
  isoWeekday,
  loadOfficialBoundary,
  parseAuthority,
  partnerAuthority,
} from '../src/index.js';

const square = (w: number, s: number, e: number, n: number): number[][][] => [[[w, s], [e, s], [e, n], [w, n], [w, s]]];

test('default authorities are plain JSON: they parse back unchanged', () => {
  assert.deepEqual(DEFAULT_AUTHORITIES.map((d) => d.id), ['national-nl', 'partner-nl-example']);
  for (const d of DEFAULT_AUTHORITIES) {
    const a = d.load();
    assert.equal(a.id, d.id);
    assert.deepEqual(parseAuthority(JSON.parse(JSON.stringify(a))), a);
    assert.equal(d.load(), a, 'cached');
  }
  assert.throws(() => defaultAuthority('nope'), (e: unknown) => isNarizError(e, 'NARIZ_NOT_FOUND'));
});

test('parseAuthority accepts FeatureCollections, arrays and bare geometries', () => {
  const a = parseAuthority({
    id: 'ops-2024',
    name: 'Ops',
    permitted: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Box' }, geometry: { type: 'Polygon', coordinates: square(5, 52, 5.2, 52.2) } }] },
    forbidden: [{ type: 'Polygon', coordinates: square(5.05, 52.05, 5.1, 52.1) }],
    altitude: { maxM: 100 },
    timeWindows: [{ days: [1, 2, 3], startUtc: '06:00', endUtc: '24:00' }],
  }, { file: 'ops.json' });
  assert.equal(a.permitted[0]!.geometry.type, 'MultiPolygon');
  assert.equal(a.permitted[0]!.properties.name, 'Box');
  assert.equal(a.forbidden[0]!.properties.name, 'forbidden area 1');
  assert.equal(a.boundarySource.kind, 'official');
  assert.equal(a.boundarySource.name, 'ops.json');
  assert.equal(airspaceAt(a, 52.15, 5.15).allowed, true);
  assert.deepEqual(airspaceAt(a, 52.07, 5.07), { allowed: false, insidePermitted: ['Box'], insideForbidden: ['forbidden area 1'] });
  const s = authoritySummary(a);
  assert.deepEqual(s.bbox, [5, 52, 5.2, 52.2]);
  assert.deepEqual(authorityGeoJson(a).features.map((f) => f.properties.role), ['permitted', 'forbidden']);
});

test('parseAuthority errors name the path of the bad field', () => {
  const good = { id: 'x', name: 'X', permitted: [{ type: 'Polygon', coordinates: square(5, 52, 5.2, 52.2) }], altitude: { maxM: 120 } };
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ ...good, id: 'has space' }, 'id'],
    [{ ...good, permitted: [{ type: 'Polygon', coordinates: [[[5, 52], [5.2, 52], [5.2, 95], [5, 52]]] }] }, 'permitted[0].coordinates[0][2][1]'],
    [{ ...good, permitted: [{ type: 'Polygon', coordinates: [[[5, 52], [5.2, 52], [5.2, 52.2], [5, 52.2]]] }] }, 'permitted[0].coordinates[0]'],
    [{ ...good, permitted: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: null, geometry: { type: 'LineString', coordinates: [] } }] } }, 'permitted.features[0].geometry.type'],
    [{ ...good, altitude: { minM: 150, maxM: 120 } }, 'altitude.minM'],
    [{ ...good, timeWindows: [{ days: [0], startUtc: '08:00', endUtc: '10:00' }] }, 'timeWindows[0].days[0]'],
    [{ ...good, timeWindows: [{ days: [1], startUtc: '25:00', endUtc: '10:00' }] }, 'timeWindows[0].startUtc'],
    [{ ...good, boundarySource: { kind: 'guess', name: 'n' } }, 'boundarySource.kind'],
  ];
  for (const [doc, path] of cases) {
    assert.throws(() => parseAuthority(doc, { file: 'a.json' }), (e: unknown) => isNarizError(e, 'NARIZ_BAD_AUTHORITY') && e.location?.path === path && e.message.startsWith(`a.json, at ${path}: `), path);
  }
});

test('an official boundary file replaces the embedded approximation, and says so', () => {
  const nl = defaultAuthority('national-nl');
  const official = loadOfficialBoundary(
    nl,
    {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { name: 'National airspace (official)' }, geometry: { type: 'Polygon', coordinates: square(3.3, 50.7, 7.3, 53.7) } },
        { type: 'Feature', properties: { role: 'forbidden', name: 'Restricted area EHR-X' }, geometry: { type: 'Polygon', coordinates: square(5.0, 52.0, 5.05, 52.05) } },
      ],
    },
    { name: 'Example official boundary 2024', file: 'official.geojson' },
  );
  assert.equal(official.id, nl.id);
  assert.equal(official.boundarySource.kind, 'official');
  assert.equal(official.boundarySource.name, 'Example official boundary 2024');
  assert.match(official.boundarySource.note, /replaces "Natural Earth/);
  assert.deepEqual(official.altitude, nl.altitude);
  // Geometry now comes from the file only.
  assert.equal(airspaceAt(official, 51.2277, 6.7735).allowed, true, 'Düsseldorf is inside the (made-up) official box');
  assert.deepEqual(airspaceAt(official, 52.02, 5.02).insideForbidden, ['Restricted area EHR-X']);
  assert.equal(airspaceAt(official, 48.85, 2.35).allowed, false);
  assert.throws(
    () => loadOfficialBoundary(nl, { type: 'Feature', properties: { role: 'maybe' }, geometry: { type: 'Polygon', coordinates: square(3, 50, 4, 51) } }, { name: 'x', file: 'b.geojson' }),
    (e: unknown) => isNarizError(e, 'NARIZ_BAD_AUTHORITY') && e.location?.path === '$.properties.role',
  );
  assert.throws(() => loadOfficialBoundary(nl, { type: 'FeatureCollection', features: [] }, { name: 'x' }), (e: unknown) => isNarizError(e, 'NARIZ_BAD_AUTHORITY'));
});

test('partner authority: zones clipped to the partner country', () => {
  const p = partnerAuthority('528', [{ type: 'Polygon', coordinates: square(6.75, 52.12, 7.15, 52.32) }], { id: 'p1' });
  assert.equal(p.id, 'p1');
  assert.equal(airspaceAt(p, 52.22, 6.85).allowed, true, 'Dutch part of the zone');
  assert.equal(airspaceAt(p, 52.22, 7.1).allowed, false, 'German part of the zone');
  assert.deepEqual(airspaceAt(p, 52.22, 7.1).insideForbidden, ['Germany (land and 12 nm territorial sea)']);
  assert.throws(() => partnerAuthority('528', [{ type: 'Polygon', coordinates: square(10, 48, 10.2, 48.2) }]), (e: unknown) => isNarizError(e, 'NARIZ_USAGE') && /no coordination zone/.test(e.message));
});

test('time windows: ISO weekdays in UTC, overnight windows belong to their opening day', () => {
  assert.equal(isoWeekday(0), 4, '1970-01-01 was a Thursday');
  assert.equal(isoWeekday(Date.UTC(2024, 5, 3, 23, 59) / 1000), 1, '2024-06-03 was a Monday');
  assert.equal(isoWeekday(Date.UTC(2024, 5, 9, 12) / 1000), 7, 'Sunday');
  const open = compileTimeWindows([{ days: [5], startUtc: '22:00', endUtc: '02:00' }]);
  const fri = Date.UTC(2024, 5, 7) / 1000;
  assert.equal(open(fri + 21.99 * 3600), false);
  assert.equal(open(fri + 22 * 3600), true);
  assert.equal(open(fri + 25.9 * 3600), true, 'Saturday 01:54');
  assert.equal(open(fri + 26 * 3600), false, 'Saturday 02:00');
  assert.equal(open(fri - 2 * 3600), false, 'Thursday 22:00 is not a Friday window');
  assert.equal(compileTimeWindows(undefined)(fri), true);
});

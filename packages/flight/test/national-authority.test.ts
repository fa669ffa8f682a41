/**
 * The default national authority (Netherlands) against brute-force
 * geodesy on the same Natural Earth coastline: the 12-mile belt must be
 * 12 nautical miles in metres in every direction, not in degrees.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import * as turf from '@turf/turf';
import {
  airspaceAt,
  authoritySummary,
  defaultAuthority,
  embeddedCountry,
  nationalAuthority,
  normaliseCountryId,
  regionalWindows,
  TERRITORIAL_SEA_M,
  NAUTICAL_MILE_M,
} from '../src/index.js';
import { destination, distanceToRingsM } from './geodesy-oracle.js';

const NL = '528';
const nl = nationalAuthority(NL);

/** Walk from a coast point along a bearing until the oracle distance to the country's coast is `targetM`. */
function offshore(countryId: string, coast: { lat: number; lon: number }, bearingDeg: number, targetM: number): { lat: number; lon: number; distanceM: number } {
  const rings = embeddedCountry(countryId).land.coordinates.flat();
  let lo = 0;
  let hi = 3 * targetM;
  for (let i = 0; i < 40; i++) {
    const mid = 0.5 * (lo + hi);
    const p = destination(coast.lat, coast.lon, bearingDeg, mid);
    if (distanceToRingsM(p.lat, p.lon, rings) < targetM) lo = mid;
    else hi = mid;
  }
  const p = destination(coast.lat, coast.lon, bearingDeg, hi);
  return { ...p, distanceM: distanceToRingsM(p.lat, p.lon, rings) };
}

test('the default national authority names its boundary source as the embedded approximation', () => {
  assert.equal(nl.boundarySource.kind, 'embedded');
  assert.match(nl.boundarySource.name, /Natural Earth 1:50m/);
  assert.match(nl.boundarySource.note, /approximat/);
  assert.match(nl.boundarySource.note, /official/);
  assert.equal(TERRITORIAL_SEA_M, 12 * NAUTICAL_MILE_M);
  assert.equal(TERRITORIAL_SEA_M, 22224);
  const s = authoritySummary(nl);
  for (const c of ['Germany', 'Belgium', 'United Kingdom']) assert.ok(s.forbiddenAreas.some((n) => n.startsWith(c)), c);
  // The Caribbean Netherlands get their own window, far from the European one.
  assert.equal(regionalWindows(embeddedCountry(NL).land, 300_000).length, 2);
  assert.equal(nl.permitted.length, 2);
  assert.equal(normaliseCountryId(528), '528');
  assert.equal(defaultAuthority('national-nl').forbidden.length, nl.forbidden.length);
});

test('inland: own country permitted, neighbours forbidden', () => {
  const cases: Array<[string, number, number, boolean]> = [
    ['Utrecht', 52.0907, 5.1214, true],
    ['Groningen', 53.2194, 6.5665, true],
    ['Maastricht', 50.8514, 5.691, true],
    ['Düsseldorf', 51.2277, 6.7735, false],
    ['Antwerp', 51.2194, 4.4025, false],
    ['Lille', 50.6292, 3.0573, false],
    ['London', 51.5074, -0.1278, false],
    ['Kralendijk, Bonaire', 12.15, -68.27, true],
    ['Willemstad, Curaçao', 12.11, -68.93, false],
  ];
  for (const [name, lat, lon, allowed] of cases) assert.equal(airspaceAt(nl, lat, lon).allowed, allowed, name);
  // Far outside every window: not permitted (the authority says nothing there).
  assert.deepEqual(airspaceAt(nl, 40.4, -3.7), { allowed: false, insidePermitted: [], insideForbidden: [] });
});

test('the 12 nm belt of another country is measured in metres: 11 nm off its coast forbidden, 13 nm permitted', () => {
  // Coast points of other countries on fairly straight coasts, with the bearing out to sea. Sylt's west
  // coast (55° N) faces west: there a degree of longitude is 64 km, so a belt buffered in degrees would be
  // 1.7 times too wide east–west; Norderney's faces north.
  const coasts: Array<[string, string, { lat: number; lon: number }, number]> = [
    ['Belgium (Ostend)', '056', { lat: 51.235, lon: 2.92 }, 315],
    ['United Kingdom (Lowestoft)', '826', { lat: 52.48, lon: 1.755 }, 90],
    ['Germany (Sylt)', '276', { lat: 54.9, lon: 8.29 }, 270],
    ['Germany (Norderney)', '276', { lat: 53.71, lon: 7.2 }, 0],
  ];
  for (const [name, id, coast, bearing] of coasts) {
    const near = offshore(id, coast, bearing, 11 * NAUTICAL_MILE_M);
    const far = offshore(id, coast, bearing, 13 * NAUTICAL_MILE_M);
    assert.ok(Math.abs(near.distanceM - 11 * NAUTICAL_MILE_M) < 5 && Math.abs(far.distanceM - 13 * NAUTICAL_MILE_M) < 5, name);
    const a = airspaceAt(nl, near.lat, near.lon);
    assert.equal(a.allowed, false, `${name}: 11 nm offshore (${near.lat.toFixed(4)}, ${near.lon.toFixed(4)}) must be forbidden`);
    assert.ok(a.insideForbidden.some((n) => n.startsWith(name.split(' ')[0]!)), `${name}: ${a.insideForbidden.join(', ')}`);
    assert.equal(airspaceAt(nl, far.lat, far.lon).allowed, true, `${name}: 13 nm offshore (${far.lat.toFixed(4)}, ${far.lon.toFixed(4)}) must be permitted`);
  }
});

test('the belt edge is within 0.05 nm (93 m) of 12 nm, west- and north-facing', () => {
  for (const [coast, bearing] of [[{ lat: 54.9, lon: 8.29 }, 270], [{ lat: 53.71, lon: 7.2 }, 0]] as const) {
    const below = offshore('276', coast, bearing, 11.95 * NAUTICAL_MILE_M);
    const above = offshore('276', coast, bearing, 12.05 * NAUTICAL_MILE_M);
    assert.equal(airspaceAt(nl, below.lat, below.lon).allowed, false, `${bearing}°: 11.95 nm`);
    assert.equal(airspaceAt(nl, above.lat, above.lon).allowed, true, `${bearing}°: 12.05 nm`);
  }
});

test('either side of the Dutch–German land border: Dutch side permitted, German side forbidden', () => {
  const nlRings = embeddedCountry(NL).land.coordinates.flat();
  const de = embeddedCountry('276').land;
  const deVertices = new Set(de.coordinates.flat(2).map((p) => `${p[0]},${p[1]}`));
  const shared = nlRings.flat().filter((p) => deVertices.has(`${p[0]},${p[1]}`));
  assert.ok(shared.length > 20, `shared border vertices: ${shared.length}`);
  const nlLand = turf.multiPolygon(embeddedCountry(NL).land.coordinates);
  let checked = 0;
  for (let k = 5; k < shared.length - 5; k += Math.floor(shared.length / 8)) {
    const a = shared[k - 1]!;
    const b = shared[k + 1]!;
    const p = shared[k]!;
    // Perpendicular to the local border direction, 500 m and 2 km each side.
    const bearing = (Math.atan2((b[0]! - a[0]!) * Math.cos((p[1]! * Math.PI) / 180), b[1]! - a[1]!) * 180) / Math.PI;
    for (const d of [500, 2000]) {
      for (const side of [90, -90]) {
        const q = destination(p[1]!, p[0]!, bearing + side, d);
        const inNl = turf.booleanPointInPolygon([q.lon, q.lat], nlLand);
        const inDe = turf.booleanPointInPolygon([q.lon, q.lat], turf.multiPolygon(de.coordinates));
        if (inNl === inDe) continue; // the border bends here; the oracle cannot tell
        assert.equal(airspaceAt(nl, q.lat, q.lon).allowed, inNl, `${d} m ${inNl ? 'inside the Netherlands' : 'inside Germany'} at ${q.lat.toFixed(5)}, ${q.lon.toFixed(5)}`);
        checked++;
      }
    }
  }
  assert.ok(checked >= 16, `points checked: ${checked}`);
});

/**
 * The one hazard polygon STIX and CoT carry (exchange/release-to-package.ts):
 * the preferred zone by kind and level, and a zone split in parts carried as
 * a hull that holds every part (never less than the danger), which still
 * makes a valid CoT polygon.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as turf from '@turf/turf';
import { zoneForExchange } from '../src/exchange/release-to-package.js';
import type { HazardZone, HazardZoneFeature } from '../src/leads/estimate-source.js';

type Ring = Array<[number, number]>;
const square = (lon: number, lat: number, d: number): Ring => [[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]];

function feature(kind: HazardZoneFeature['properties']['kind'], level: number, geometry: HazardZoneFeature['geometry']): HazardZoneFeature {
  return {
    type: 'Feature', geometry,
    properties: { kind, level, tier: `AEGL-${level}`, chemical: 'HYDROGEN CHLORIDE', threshold_ppm: level === 2 ? 22 : 1.8, threshold_mg_m3: 33, max_downwind_m: 900 },
  };
}
const zone = (...features: HazardZoneFeature[]): HazardZone => ({ type: 'FeatureCollection', features });

test('the direction-uncertainty envelope at level 2 is preferred; a Polygon goes as it is', () => {
  const a = square(-99.1, 19.4, 0.01);
  const b = square(-99.1, 19.4, 0.02);
  const z = zoneForExchange(zone(feature('footprint', 2, { type: 'Polygon', coordinates: [a] }), feature('direction-uncertainty', 1, { type: 'Polygon', coordinates: [a] }), feature('direction-uncertainty', 2, { type: 'Polygon', coordinates: [b] })));
  assert.deepEqual(z?.geometry.coordinates, [b]);
  assert.equal(z?.properties.tier, 'AEGL-2');
  assert.equal(z?.properties.concentration, 22);
  assert.equal(zoneForExchange(null), undefined);
});

test('a MultiPolygon zone goes as one closed polygon holding every vertex of every part, and no larger than the parts’ bounding box', () => {
  const parts = [[square(-99.10, 19.40, 0.01)], [square(-99.07, 19.43, 0.005)], [square(-99.12, 19.45, 0.004)]];
  const z = zoneForExchange(zone(feature('direction-uncertainty', 2, { type: 'MultiPolygon', coordinates: parts })));
  assert.ok(z !== undefined);
  const ring = z.geometry.coordinates[0]!;
  assert.equal(z.geometry.coordinates.length, 1);
  assert.ok(ring.length >= 4);
  assert.deepEqual(ring[0], ring[ring.length - 1]);
  const hull = turf.polygon(z.geometry.coordinates.map((r) => r.map(([x, y]) => [x, y])));
  for (const [p] of parts) for (const pos of p!) assert.ok(turf.booleanPointInPolygon(turf.point(pos), hull), `vertex ${pos.join(',')} is outside the carried polygon`);
  const [w, s, e, n] = turf.bbox(hull);
  assert.deepEqual([w, s, e, n].map((x) => Math.round(x * 1e6) / 1e6), [-99.12, 19.40, -99.065, 19.454]);
  // The hull covers more than the parts (the gaps between them), never less.
  const partsArea = parts.reduce((sum, rings) => sum + turf.area(turf.polygon(rings)), 0);
  assert.ok(turf.area(hull) > partsArea);
});

test('a zone with an open ring is not carried (exchange needs closed rings)', () => {
  const open = square(-99.1, 19.4, 0.01).slice(0, 4);
  assert.equal(zoneForExchange(zone(feature('direction-uncertainty', 2, { type: 'MultiPolygon', coordinates: [[open], [square(-99, 19, 0.01)]] }))), undefined);
  assert.equal(zoneForExchange(zone(feature('direction-uncertainty', 2, { type: 'Polygon', coordinates: [open] }))), undefined);
});

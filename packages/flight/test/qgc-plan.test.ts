import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import test from 'node:test';
import { isNarizError } from '@nariz/core';
import { Ajv } from 'ajv';
import { QGC_PLAN_JSON_SCHEMA, readQgcPlan, writeQgcPlan, type FlightPlan } from '../src/index.js';
import { randomPlan, samplePlan } from './plan-factory.js';

const fixtures = new URL('../../test/fixtures/formats/', import.meta.url);
const regen = process.env['REGEN'] === '1';
const validate = new Ajv({ allErrors: true, strict: true }).compile(QGC_PLAN_JSON_SCHEMA);

function assertValid(text: string, what: string): void {
  const ok = validate(JSON.parse(text));
  assert.ok(ok, `${what}: ${JSON.stringify(validate.errors, null, 1)}`);
}

/** What the .plan format keeps of a plan (qgc-plan.ts header): compare exactly. */
function kept(p: FlightPlan): unknown {
  return {
    home: { lat: p.home.lat, lon: p.home.lon, altAmslM: p.home.altAmslM ?? 0 },
    type: p.vehicle.type,
    cruiseSpeedMps: p.vehicle.cruiseSpeedMps,
    waypoints: p.waypoints,
    geofence: p.geofence === undefined || (p.geofence.polygons.length === 0 && p.geofence.circles.length === 0) ? undefined : p.geofence,
  };
}

test('the schema encodes the documented format: it accepts QGroundControl\'s own example and rejects broken files', () => {
  const example = readFileSync(new URL('qgc-example.plan', fixtures), 'utf8');
  assertValid(example, 'qgc-example.plan');
  const doc = JSON.parse(example) as { mission: { items: Array<{ params: unknown[] }>; plannedHomePosition: unknown[] }; fileType: string };
  const broken = [
    (d: typeof doc) => { d.fileType = 'Mission'; },
    (d: typeof doc) => { d.mission.items[1]!.params.pop(); },
    (d: typeof doc) => { d.mission.plannedHomePosition = [52, 5]; },
    (d: typeof doc) => { d.mission.items = []; },
  ];
  for (const breakIt of broken) {
    const d = JSON.parse(example) as typeof doc;
    breakIt(d);
    assert.equal(validate(d), false, breakIt.toString());
  }
});

test('written plans validate against the documented format, and round-trip exactly (200 seeded plans)', () => {
  for (let seed = 1; seed <= 200; seed++) {
    const p = randomPlan(seed);
    const text = writeQgcPlan(p);
    assertValid(text, `seed ${seed}`);
    const back = readQgcPlan(text, { name: p.name, vehicle: p.vehicle });
    assert.deepEqual(kept(back.plan), kept(p), `seed ${seed}`);
    // Fields the format does not carry come from the options (and are noted when defaulted).
    assert.deepEqual(back.plan.vehicle, { ...p.vehicle });
    assert.equal(back.plan.name, p.name);
  }
});

test('what is lost is noted: name from the file name, vehicle fields from defaults', () => {
  const p = samplePlan();
  const back = readQgcPlan(writeQgcPlan(p), { file: 'missions/utrecht-north.plan' });
  assert.equal(back.plan.name, 'utrecht-north');
  assert.equal(back.plan.startTime, undefined);
  assert.equal(back.plan.vehicle.type, 'multirotor');
  assert.equal(back.plan.vehicle.cruiseSpeedMps, p.vehicle.cruiseSpeedMps);
  assert.ok(back.notes.some((n) => /^vehicle\.enduranceS: 1500 \(default for multirotor\)$/.test(n)), back.notes.join('\n'));
  assert.ok(back.notes.some((n) => /^name:/.test(n)));
});

test('QGroundControl\'s example reads as the same mission as the Mission Planner file', () => {
  const r = readQgcPlan(readFileSync(new URL('qgc-example.plan', fixtures), 'utf8'), { file: 'qgc-example.plan' });
  assert.deepEqual(r.plan.home, { lat: 52.0907, lon: 5.1214, altAmslM: 3.2 });
  assert.deepEqual(r.plan.waypoints, [
    { lat: 52.088, lon: 5.115, altM: 40 },
    { lat: 52.096, lon: 5.115, altM: 45, holdS: 12, speedMps: 5 },
    { lat: 52.096, lon: 5.13, altM: 45 },
  ]);
  assert.equal(r.plan.vehicle.cruiseSpeedMps, 7.5, 'a multirotor flies hoverSpeed');
  assert.equal(r.plan.geofence?.polygons[0]?.polygon.length, 4);
  assert.deepEqual(r.plan.geofence?.circles[0], { inclusion: false, center: { lat: 52.0921, lon: 5.125 }, radiusM: 120.5 });
});

test('golden fixture: the sample plan as .plan', () => {
  const text = writeQgcPlan(samplePlan());
  const file = new URL('sample.plan', fixtures);
  if (regen) writeFileSync(file, text);
  assert.equal(text, readFileSync(file, 'utf8'));
  assertValid(text, 'sample.plan');
  const doc = JSON.parse(text) as { mission: { items: Array<{ command: number; frame: number; params: Array<number | null> }> }; geoFence: { polygons: Array<{ polygon: number[][] }> } };
  assert.deepEqual(doc.mission.items.map((i) => i.command), [22, 16, 16, 178, 16, 16, 16, 16, 20]);
  assert.deepEqual(doc.mission.items.map((i) => i.frame), [3, 3, 3, 2, 3, 3, 3, 3, 2]);
  assert.equal(doc.mission.items[1]!.params[3], null, 'yaw unset is written as null');
  // Clockwise winding, as the guide asks: the shoelace sum Σ(x2 − x1)(y2 + y1) is positive.
  const poly = doc.geoFence.polygons[0]!.polygon;
  let sum = 0;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) sum += (poly[i]![1]! - poly[j]![1]!) * (poly[i]![0]! + poly[j]![0]!);
  assert.ok(sum > 0);
});

test('errors name the line or the field', () => {
  const good = writeQgcPlan(samplePlan());
  const cases: Array<[string, (e: unknown) => boolean]> = [
    [good.replace('"fileType": "Plan",', '"fileType": "Plan"'), (e) => isNarizError(e, 'NARIZ_PLAN_FORMAT') && e.location?.line === 3 && e.location.file === 'x.plan'],
    [good.replace('"version": 2\n    },\n    "rallyPoints"', '"version": 3\n    },\n    "rallyPoints"'), (e) => isNarizError(e, 'NARIZ_PLAN_FORMAT') && e.location?.path === 'mission.version'],
    [good.replace(/"command": 16/, '"command": 183'), (e) => isNarizError(e, 'NARIZ_PLAN_FORMAT') && e.location?.path === 'mission.items[1]' && /command 183/.test(e.message)],
    [good.replace('"type": "SimpleItem"', '"type": "ComplexItem"'), (e) => isNarizError(e, 'NARIZ_PLAN_FORMAT') && e.location?.path === 'mission.items[0].type'],
    [good.replace('"vehicleType": 2', '"vehicleType": 10'), (e) => isNarizError(e, 'NARIZ_PLAN_FORMAT') && e.location?.path === 'mission.vehicleType' && /not an aircraft/.test(e.message)],
  ];
  cases.forEach(([text, ok], i) => assert.throws(() => readQgcPlan(text, { file: 'x.plan' }), ok, `case ${i}`));
  // A latitude out of range, named to the parameter.
  const doc = JSON.parse(good) as { mission: { items: Array<{ params: unknown[] }> } };
  doc.mission.items[2]!.params[4] = 95;
  assert.throws(() => readQgcPlan(JSON.stringify(doc)), (e: unknown) => isNarizError(e, 'NARIZ_PLAN_FORMAT') && e.location?.path === 'mission.items[2]' && /95/.test(e.message));
  doc.mission.items[2]!.params[4] = '52.1';
  assert.throws(() => readQgcPlan(JSON.stringify(doc)), (e: unknown) => isNarizError(e, 'NARIZ_PLAN_FORMAT') && e.location?.path === 'mission.items[2].params[4]');
});

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import test from 'node:test';
import { isNarizError } from '@nariz/core';
import { readKml, writeKml } from '../src/index.js';
import { randomPlan, samplePlan } from './plan-factory.js';

const fixtures = new URL('../../test/fixtures/formats/', import.meta.url);
const regen = process.env['REGEN'] === '1';

test('round trip: everything but the geofence, positions to 1e-8°, altitudes to 1 mm (200 seeded plans)', () => {
  for (let seed = 1; seed <= 200; seed++) {
    const p = randomPlan(seed);
    const r = readKml(writeKml(p));
    const b = r.plan;
    assert.equal(b.name, p.name);
    assert.equal(b.startTime, p.startTime);
    assert.deepEqual(b.vehicle, p.vehicle, `seed ${seed} vehicle`);
    assert.ok(Math.abs(b.home.lat - p.home.lat) <= 5e-9 && Math.abs(b.home.lon - p.home.lon) <= 5e-9, `seed ${seed} home`);
    assert.equal(b.home.altAmslM, p.home.altAmslM);
    assert.equal(b.waypoints.length, p.waypoints.length);
    p.waypoints.forEach((w, i) => {
      const x = b.waypoints[i]!;
      assert.ok(Math.abs(x.lat - w.lat) <= 5e-9 && Math.abs(x.lon - w.lon) <= 5e-9, `seed ${seed} wp ${i}`);
      assert.ok(Math.abs(x.altM - w.altM) <= 5e-4, `seed ${seed} wp ${i} alt`);
      assert.equal(x.holdS, w.holdS);
      assert.equal(x.speedMps, w.speedMps);
    });
    assert.equal(b.geofence, undefined);
    assert.deepEqual(r.notes, []);
  }
});

test('golden fixture: the route is a relativeToGround LineString, with home and waypoint placemarks', () => {
  const text = writeKml({ ...samplePlan(), name: 'Utrecht <sample> & "co"' });
  const file = new URL('sample.kml', fixtures);
  if (regen) writeFileSync(file, text);
  assert.equal(text, readFileSync(file, 'utf8'));
  assert.match(text, /<LineString><tessellate>0<\/tessellate><altitudeMode>relativeToGround<\/altitudeMode><coordinates>5\.\d+,52\.\d+,40 /);
  assert.equal((text.match(/<Placemark id="wp-\d+">/g) ?? []).length, 6);
  assert.match(text, /<name>Utrecht &lt;sample&gt; &amp; &quot;co&quot;<\/name>/);
  assert.equal(readKml(text).plan.name, 'Utrecht <sample> & "co"');
});

test('a path drawn in Google Earth imports as waypoints, the rest defaulted and noted', () => {
  const r = readKml(readFileSync(new URL('google-earth-path.kml', fixtures), 'utf8'), { file: 'google-earth-path.kml', vehicle: { type: 'fixed-wing' } });
  assert.equal(r.plan.waypoints.length, 5);
  assert.deepEqual(r.plan.waypoints[3], { lat: 52.132, lon: 5.0461, altM: 50 });
  assert.deepEqual(r.plan.home, { lat: 52.135, lon: 5.0321 });
  assert.equal(r.plan.name, 'Maarssen path.kml');
  assert.equal(r.plan.vehicle.type, 'fixed-wing');
  assert.equal(r.plan.vehicle.turnRadiusM, 50);
  assert.ok(r.notes.some((n) => /^home: the first route point/.test(n)));
  assert.ok(r.notes.some((n) => /vehicle\.turnRadiusM: 50 \(default for fixed-wing\)/.test(n)), r.notes.join('\n'));
});

test('errors give the line (and the element)', () => {
  const good = writeKml(samplePlan());
  const lineOf = (needle: string): number => good.slice(0, good.indexOf(needle)).split('\n').length;
  const routeLine = lineOf('<LineString>');
  const cases: Array<[string, number, RegExp, string?]> = [
    [good.replace('</Document>', ''), lineOf('</kml>'), /end tag <\/kml> does not match <Document> opened on line 3/],
    [good.replace('<kml xmlns="http://www.opengis.net/kml/2.2">', '<gpx>').replace('</kml>', '</gpx>'), 2, /not <kml>/],
    [good.replace(/relativeToGround<\/altitudeMode><coordinates>5\.(\d+),52/, 'relativeToGround</altitudeMode><coordinates>5.$1;52'), routeLine, /coordinate 1 .* is not lon,lat/, 'coordinates'],
    [good.replace(/relativeToGround<\/altitudeMode><coordinates>5\.(\d+),52\.(\d+)/, 'relativeToGround</altitudeMode><coordinates>5.$1,95.$2'), routeLine, /out of range/, 'coordinates'],
    [good.replace('<altitudeMode>relativeToGround</altitudeMode><coordinates>5', '<altitudeMode>absolute</altitudeMode><coordinates>5').replace(/<Data name="home.altAmslM">.*?<\/Data>/, ''), routeLine, /home altitude is unknown/, 'altitudeMode'],
    [good.replace(/<LineString>.*<\/LineString>/, ''), 2, /no LineString/],
    [good.replace('Nariz: 6 waypoints', 'Nariz & 6 waypoints'), lineOf('<description>'), /bare "&"/],
    [good.replace('<value>multirotor</value>', '<value>balloon</value>'), lineOf('vehicle.type'), /balloon/, 'vehicle.type'],
  ];
  for (const [text, line, message, column] of cases) {
    assert.throws(
      () => readKml(text, { file: 'p.kml' }),
      (e: unknown) => isNarizError(e, 'NARIZ_PLAN_FORMAT') && e.location?.file === 'p.kml' && e.location.line === line && e.location.column === column && message.test(e.message),
      `${String(message)} (line ${line})`,
    );
  }
});

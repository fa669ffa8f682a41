import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import test from 'node:test';
import { isNarizError } from '@nariz/core';
import { readQgcPlan, readQgcWpl, writeQgcWpl, WPL_FIELDS } from '../src/index.js';
import { randomPlan, samplePlan } from './plan-factory.js';

const fixtures = new URL('../../test/fixtures/formats/', import.meta.url);
const regen = process.env['REGEN'] === '1';

test('round trip within the format\'s precision: 1e-8° and 1e-6 m (200 seeded plans)', () => {
  for (let seed = 1; seed <= 200; seed++) {
    const p = randomPlan(seed);
    const back = readQgcWpl(writeQgcWpl(p), { vehicle: p.vehicle, name: p.name }).plan;
    assert.equal(back.waypoints.length, p.waypoints.length, `seed ${seed}`);
    p.waypoints.forEach((w, i) => {
      const b = back.waypoints[i]!;
      assert.ok(Math.abs(b.lat - w.lat) <= 5e-9 && Math.abs(b.lon - w.lon) <= 5e-9, `seed ${seed} wp ${i} position`);
      assert.ok(Math.abs(b.altM - w.altM) <= 1e-6, `seed ${seed} wp ${i} altitude`);
      assert.equal(b.holdS, w.holdS, `seed ${seed} wp ${i} hold`);
      assert.equal(b.speedMps, w.speedMps, `seed ${seed} wp ${i} speed`);
    });
    assert.ok(Math.abs(back.home.lat - p.home.lat) <= 5e-9 && Math.abs(back.home.lon - p.home.lon) <= 5e-9);
    assert.ok(Math.abs((back.home.altAmslM ?? NaN) - (p.home.altAmslM ?? 0)) <= 1e-6);
    assert.deepEqual(back.vehicle, p.vehicle, 'vehicle from the options');
  }
});

test('the layout: header, home as item 0 in frame 0, tab-separated 12 fields', () => {
  const text = writeQgcWpl(samplePlan());
  const file = new URL('sample.waypoints', fixtures);
  if (regen) writeFileSync(file, text);
  assert.equal(text, readFileSync(file, 'utf8'));
  const lines = text.trimEnd().split('\n');
  assert.equal(lines[0], 'QGC WPL 110');
  for (const l of lines.slice(1)) assert.equal(l.split('\t').length, WPL_FIELDS.length, l);
  const home = lines[1]!.split('\t');
  assert.deepEqual([home[0], home[1], home[2], home[3]], ['0', '1', '0', '16']);
  assert.equal(home[10], '4.5');
  assert.deepEqual(lines.slice(2).map((l) => l.split('\t')[3]), ['22', '16', '16', '178', '16', '16', '16', '16', '20']);
});

test('a Mission Planner file (CRLF, six decimals) reads as the same mission as QGroundControl\'s example', () => {
  const wpl = readQgcWpl(readFileSync(new URL('mission-planner.waypoints', fixtures), 'utf8'), { file: 'mission-planner.waypoints' });
  const plan = readQgcPlan(readFileSync(new URL('qgc-example.plan', fixtures), 'utf8'));
  assert.deepEqual(wpl.plan.waypoints, plan.plan.waypoints);
  assert.deepEqual(wpl.plan.home, plan.plan.home);
  assert.equal(wpl.plan.name, 'mission-planner');
  assert.ok(wpl.notes.some((n) => /vehicle.type: multirotor \(default\)/.test(n)), wpl.notes.join('\n'));
});

test('spaces instead of tabs, "nan" parameters and version 120 are accepted', () => {
  const text = ['QGC WPL 120', '0 1 0 16 0 0 0 0 47.376 8.548 550 1', '1 0 3 16 0.15 0 0 nan 47.377 8.549 30 1', ''].join('\n');
  const r = readQgcWpl(text);
  assert.deepEqual(r.plan.waypoints, [{ lat: 47.377, lon: 8.549, altM: 30, holdS: 0.15 }]);
  assert.equal(r.plan.home.altAmslM, 550);
});

test('errors give the line and the field', () => {
  const good = writeQgcWpl(samplePlan());
  const lines = good.split('\n');
  const withLine = (k: number, text: string): string => lines.map((l, i) => (i === k ? text : l)).join('\n');
  const cases: Array<[string, number, string | undefined, RegExp]> = [
    ['QGC WPL 100\n' + lines.slice(1).join('\n'), 1, undefined, /version 100/],
    ['Waypoints\n', 1, undefined, /QGC WPL 110/],
    [withLine(3, lines[3]!.replace(/\t[^\t]+\t1$/, '\t1')), 4, undefined, /expected 12 fields/],
    [withLine(3, lines[3]!.replace(/^(\S+\t\S+\t\S+\t\S+\t\S+\t\S+\t\S+\t\S+\t)[^\t]+/, '$152.1.2')), 4, 'PARAM5/X/LATITUDE', /not a number/],
    [withLine(4, lines[4]!.replace(/^3\t/, '7\t')), 5, 'INDEX', /out of sequence/],
    [withLine(4, lines[4]!.replace(/\t1$/, '\t2')), 5, 'AUTOCONTINUE', /0 or 1/],
    [withLine(3, lines[3]!.replace(/^(\S+\t\S+\t)3\t16/, (_m, head: string) => `${head}10\t16`)), 4, undefined, /frame 10 is not supported/],
    [withLine(1, lines[1]!.replace(/^0\t1\t0/, '0\t1\t3')), 2, 'COORD FRAME', /home position/],
  ];
  for (const [text, line, column, message] of cases) {
    assert.throws(
      () => readQgcWpl(text, { file: 'm.waypoints' }),
      (e: unknown) => isNarizError(e, 'NARIZ_PLAN_FORMAT') && e.location?.line === line && e.location.column === column && e.location.file === 'm.waypoints' && message.test(e.message),
      `${message} on line ${line}`,
    );
  }
});

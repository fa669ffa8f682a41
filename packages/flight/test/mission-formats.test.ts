import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import test from 'node:test';
import { isNarizError } from '@nariz/core';
import { detectMissionFormat, MISSION_FORMAT_IDS, MISSION_FORMATS, readMissionFile } from '../src/index.js';
import { samplePlan } from './plan-factory.js';

const fixtures = new URL('../../test/fixtures/formats/', import.meta.url);

test('every format writes what it reads back, and is recognised from its content', () => {
  const p = samplePlan();
  for (const id of MISSION_FORMAT_IDS) {
    const f = MISSION_FORMATS[id];
    const text = f.write(p);
    assert.equal(detectMissionFormat(text), id);
    const r = readMissionFile(text, { file: `x${f.extension}`, vehicle: p.vehicle });
    assert.equal(r.format, id);
    assert.equal(r.plan.waypoints.length, p.waypoints.length);
  }
  for (const [name, id] of [['qgc-example.plan', 'qgc-plan'], ['mission-planner.waypoints', 'qgc-wpl'], ['google-earth-path.kml', 'kml']] as const) {
    assert.equal(detectMissionFormat(readFileSync(new URL(name, fixtures), 'utf8'), name), id);
  }
  assert.throws(() => detectMissionFormat('hello', 'notes.doc'), (e: unknown) => isNarizError(e, 'NARIZ_PLAN_FORMAT') && e.location?.file === 'notes.doc');
});

/**
 * The closed-loop simulation: the world sampled along any path equals
 * `simulate` on the survey's path bit for bit, the incremental flyer equals
 * `flySurvey`, the stopping rule, and the adaptive loop's determinism and
 * limits.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LocalFrame, sortieColumns, type Sortie } from '@nariz/core';
import type { LocateResult, LocatedSource } from '@nariz/plume';
import {
  PathFlyer,
  SimWorld,
  checkLocalisation,
  flySurvey,
  planSurvey,
  randomScenario,
  runAdaptiveSearch,
  runFixedSurvey,
  simulate,
  type Scenario,
} from '../src/index.js';
import { labSource, quietScenario } from './fixtures.js';

function assertSameSortie(a: Sortie, b: Sortie, what: string): void {
  const ca = sortieColumns(a);
  const cb = sortieColumns(b);
  assert.deepEqual(ca.map(([n]) => n), cb.map(([n]) => n), what);
  ca.forEach(([name, x], i) => {
    const y = cb[i]![1];
    assert.equal(x.length, y.length, `${what}: ${name} length`);
    for (let k = 0; k < x.length; k++) if (!Object.is(x[k], y[k])) assert.fail(`${what}: ${name}[${k}] ${x[k]} vs ${y[k]}`);
  });
}

test('the world flown along the survey track is simulate() bit for bit (lag, noise, meander, path receptors)', () => {
  const cases: Scenario[] = [
    randomScenario(3, { labs: 2, decoys: 1, samples: 2500 }),
    randomScenario(17, { labs: 1, decoys: 2, samples: 1500 }),
    { ...randomScenario(23, { samples: 1200 }), sensor: { ...randomScenario(23, { samples: 1200 }).sensor, pathLengthM: 40 } },
    quietScenario({ sources: [labSource(), labSource({ id: 'lab-2', east: 150, north: -100 })] }),
  ];
  for (const s of cases) {
    const { sortie } = simulate(s);
    const track = flySurvey(planSurvey(s), s.survey);
    // A world longer than the survey: its streams are drawn further, the prefix is the same.
    const world = new SimWorld(s, { maxSamples: track.count + 500 });
    world.fly(track);
    assertSameSortie(world.sortie(), sortie, `seed ${s.seed}`);
  }
});

test('the incremental flyer puts every sample where flySurvey does, and batches do not matter', () => {
  for (const seed of [1, 8]) {
    const s = randomScenario(seed, { samples: 3000 });
    const plan = planSurvey(s);
    const track = flySurvey(plan, s.survey);
    const l0 = plan.legs[0]!;
    const fl = new PathFlyer({ east: l0.e0, north: l0.n0, up: l0.u0 }, s.survey.speedMps / s.survey.sampleHz, plan.crosswind[0], plan.crosswind[1]);
    const east: number[] = [];
    const north: number[] = [];
    const heading: number[] = [];
    for (const l of plan.legs) {
      const p = fl.append(l);
      for (let q = 0; q < p.count; q++) {
        east.push(p.east[q]!);
        north.push(p.north[q]!);
        heading.push(p.headingE[q]!);
      }
      if (east.length >= track.count) break;
    }
    for (let k = 0; k < track.count; k++) {
      assert.ok(Object.is(east[k], track.east[k]) && Object.is(north[k], track.north[k]) && Object.is(heading[k], track.headingE[k]), `seed ${seed} sample ${k}`);
    }
    // Two batches through the world equal one.
    const one = new SimWorld(s, { maxSamples: track.count });
    one.fly(track);
    const two = new SimWorld(s, { maxSamples: track.count });
    const half = track.count >> 1;
    const part = (a: number, z: number) => ({ count: z - a, east: track.east.subarray(a, z), north: track.north.subarray(a, z), up: track.up.subarray(a, z), headingE: track.headingE.subarray(a, z), headingN: track.headingN.subarray(a, z) });
    two.fly(part(0, half));
    two.fly(part(half, track.count));
    assertSameSortie(two.sortie(), one.sortie(), `seed ${seed} batches`);
  }
  assert.throws(() => new SimWorld(randomScenario(1), { maxSamples: 0 }), /maxSamples/);
});

function located(frame: LocalFrame, e: number, n: number, radius: number, probability = 0.9): LocatedSource {
  const g = frame.unproject(e, n);
  return {
    lat: g.lat, lon: g.lon, east: e, north: n, positionCi95M: radius, ellipse95: { semiMajorM: radius, semiMinorM: radius, azimuthDeg: 0 },
    rateGps: {}, rateCi95Gps: {}, probability, classProbabilities: {}, labProbability: 0, classified: false, posteriorSample: [],
  };
}

test('stopping rule: every source needs a reported estimate within 10 m whose 95 % radius is at most 50 m', () => {
  const s = quietScenario({ sources: [labSource({ east: 0, north: 0 }), labSource({ id: 'lab-2', east: 300, north: 0 })] });
  const frame = new LocalFrame(s.origin);
  const result = (sources: LocatedSource[]): LocateResult => ({
    sources, background: {}, stability: { source: 'sortie', posterior: { A: 0, B: 0, C: 0, D: 1, E: 0, F: 0 } }, samples: 0, origin: s.origin,
    diagnostics: { gamma: 1, reducedChi2: 1, residualLag1: 0, retainedSamples: 0, sensorLagS: 0 },
  });
  assert.equal(checkLocalisation(s.sources, result([located(frame, 3, 4, 20), located(frame, 306, 0, 40)]), frame).localised, true);
  // Too far, too wide, too unlikely, or missing.
  assert.equal(checkLocalisation(s.sources, result([located(frame, 3, 4, 20), located(frame, 311, 0, 40)]), frame).localised, false);
  assert.equal(checkLocalisation(s.sources, result([located(frame, 3, 4, 20), located(frame, 306, 0, 51)]), frame).localised, false);
  assert.equal(checkLocalisation(s.sources, result([located(frame, 3, 4, 20), located(frame, 306, 0, 40, 0.4)]), frame).localised, false);
  const one = checkLocalisation(s.sources, result([located(frame, 3, 4, 20)]), frame);
  assert.equal(one.localised, false);
  assert.ok(Math.abs(one.sources[0]!.nearestM - 5) < 1e-6 && one.sources[1]!.nearestM > 290);
  assert.equal(checkLocalisation(s.sources, undefined, frame).sources[0]!.nearestM, Infinity);
});

test('adaptive loop: deterministic, inside the flight area, within its budget, checked on the common grid', () => {
  const s = randomScenario(6, { labs: 1, decoys: 1 });
  const o = { budgetM: 4000, checkEveryM: 1000, locate: { threads: 1 } };
  const a = runAdaptiveSearch(s, o);
  const b = runAdaptiveSearch(s, o);
  assert.deepEqual(Array.from(a.trackEast), Array.from(b.trackEast));
  assert.deepEqual(a.decisions.map((d) => [d.kind, d.expectedGainBits, d.pathM]), b.decisions.map((d) => [d.kind, d.expectedGainBits, d.pathM]));
  assert.ok(a.decisions.length >= 2 && a.decisions.every((d) => d.candidatesScored > 0));
  assert.ok(a.flownM <= 4000 + 1e-6);
  assert.equal(a.samples, a.trackEast.length);
  const half = s.areaM.width / 2 + 300;
  for (let i = 0; i < a.trackEast.length; i++) assert.ok(Math.abs(a.trackEast[i]!) <= half + 1e-6 && Math.abs(a.trackNorth[i]!) <= half + 1e-6);
  // Checks on the grid only (1000, 2000, ...), until localised or the budget ends.
  a.checks.forEach((c, i) => assert.equal(c.flownM, 1000 * (i + 1)));
  assert.ok(a.endReason === 'budget' || a.endReason === 'localised');
  if (a.endReason === 'localised') assert.equal(a.localisedAtM, a.checks[a.checks.length - 1]!.flownM);
});

test('fixed survey: its track is the survey, checked on the same grid, and it stops when localised', () => {
  const s = randomScenario(7, { labs: 2, decoys: 1 });
  const r = runFixedSurvey(s, { checkEveryM: 4000, locate: { threads: 1 } });
  const track = flySurvey(planSurvey(s), s.survey);
  for (let k = 0; k < r.samples; k++) assert.ok(Math.abs(r.trackEast[k]! - track.east[k]!) < 1e-6 && Math.abs(r.trackNorth[k]! - track.north[k]!) < 1e-6);
  r.checks.slice(0, -1).forEach((c, i) => assert.equal(c.flownM, 4000 * (i + 1)));
  if (r.localisedAtM !== null) assert.equal(r.checks[r.checks.length - 1]!.localised, true);
  else assert.equal(r.endReason, 'survey-end');
});

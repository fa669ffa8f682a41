import { test } from 'node:test';
import assert from 'node:assert/strict';
import { windFromToUv } from '@nariz/core';
import { SIGMA_SET_INDEX, sigmaY } from '@nariz/plume';
import { defaultTransectSpacingM, flySurvey, planSurvey, type Leg } from '../src/index.js';
import { quietScenario } from './fixtures.js';

const DEG = 180 / Math.PI;

/** Distance from (e, n) to the horizontal segment of a leg. */
function distToLeg(l: Leg, e: number, n: number): number {
  const dx = l.e1 - l.e0;
  const dy = l.n1 - l.n0;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((e - l.e0) * dx + (n - l.n0) * dy) / len2));
  return Math.hypot(l.e0 + t * dx - e, l.n0 + t * dy - n);
}

test('transects are perpendicular to the mean wind within 1 degree, for many wind directions', () => {
  for (let fromDeg = 0; fromDeg < 360; fromDeg += 17) {
    const s = quietScenario({ wind: { speedMps: 5, fromDeg, meanderSdDeg: 0, meanderTimescaleS: 100, speedGustSd: 0 } });
    const plan = planSurvey(s);
    const [we, wn] = windFromToUv(1, fromDeg);
    const transects = plan.legs.filter((l) => l.kind === 'transect');
    assert.equal(transects.length, plan.lineCount);
    for (const l of transects) {
      const cos = ((l.e1 - l.e0) * we + (l.n1 - l.n0) * wn) / l.lengthM;
      assert.ok(Math.abs(90 - Math.acos(cos) * DEG) < 1, `from ${fromDeg}: angle ${Math.acos(cos) * DEG}`);
    }
    // Turns step downwind by one spacing.
    for (const l of plan.legs.filter((x) => x.kind === 'turn')) {
      assert.ok(Math.abs((l.e1 - l.e0) * we + (l.n1 - l.n0) * wn - plan.spacingM) < 1e-6);
    }
  }
});

test('the pattern covers the area (every point within spacing/2 of a transect) and the downwind margin', () => {
  for (const fromDeg of [0, 37, 90, 133, 200, 311]) {
    const s = quietScenario({ wind: { speedMps: 5, fromDeg, meanderSdDeg: 0, meanderTimescaleS: 100, speedGustSd: 0 } });
    const plan = planSurvey(s);
    const transects = plan.legs.filter((l) => l.kind === 'transect');
    const { width, height } = s.areaM;
    for (let i = 0; i <= 40; i++) {
      for (let j = 0; j <= 40; j++) {
        const e = (i / 40 - 0.5) * width;
        const n = (j / 40 - 0.5) * height;
        const d = Math.min(...transects.map((l) => distToLeg(l, e, n)));
        assert.ok(d <= plan.spacingM / 2 + 1e-6, `from ${fromDeg}: (${e}, ${n}) is ${d} m from the nearest transect`);
      }
    }
    // Downwind: the last line lies within one spacing of the margin past the area's downwind edge.
    const [we, wn] = windFromToUv(1, fromDeg);
    const areaDownwind = Math.max(...[-0.5, 0.5].flatMap((a) => [-0.5, 0.5].map((b) => a * width * we + b * height * wn)));
    assert.ok(plan.lineAlongM.at(-1)! > areaDownwind + 300 - plan.spacingM);
  }
});

test('default spacing is 2 sigma_y at 300 m clamped to 40-150 m', () => {
  const d = quietScenario();
  assert.equal(defaultTransectSpacingM(d), 2 * sigmaY(SIGMA_SET_INDEX['briggs-rural'], 3, 300));
  assert.equal(defaultTransectSpacingM({ sigmaSet: 'briggs-rural', stability: 'F' }), 40);
  assert.equal(defaultTransectSpacingM({ sigmaSet: 'briggs-urban', stability: 'A' }), 150);
  assert.equal(planSurvey({ ...d, survey: { ...d.survey, transectSpacingM: 77 } }).spacingM, 77);
});

test('flight: constant speed, sampleHz timing, each altitude flown in turn, maxSamples honoured', () => {
  const base = quietScenario();
  const s = { ...base, survey: { ...base.survey, altitudesM: [10, 30, 50], speedMps: 6, sampleHz: 3 } };
  const plan = planSurvey(s);
  const tr = flySurvey(plan, s.survey);
  const ds = 6 / 3;
  assert.equal(tr.count, Math.floor(plan.totalLengthM / ds + 1e-9) + 1);
  for (let k = 1; k < tr.count; k++) {
    assert.ok(Math.abs(tr.timeS[k]! - tr.timeS[k - 1]! - 1 / 3) < 1e-6);
    const step = Math.hypot(tr.east[k]! - tr.east[k - 1]!, tr.north[k]! - tr.north[k - 1]!, tr.up[k]! - tr.up[k - 1]!);
    // Straight legs: exactly ds; across a corner the chord is shorter.
    if (tr.legIndex[k] === tr.legIndex[k - 1]) assert.ok(Math.abs(step - ds) < 1e-6, `step ${step} at ${k}`);
    else assert.ok(step <= ds + 1e-6);
    assert.ok(Math.abs(Math.hypot(tr.headingE[k]!, tr.headingN[k]!) - 1) < 1e-12);
  }
  const alts = new Set(Array.from(tr.up).filter((z) => [10, 30, 50].includes(z)));
  assert.deepEqual([...alts].sort((a, b) => a - b), [10, 30, 50]);
  assert.equal(plan.legs.filter((l) => l.kind === 'climb').length, 2);
  assert.equal(tr.up[0], 10);
  assert.equal(tr.up[tr.count - 1], 50);
  // Altitudes never decrease: 10 first, then 30, then 50.
  for (let k = 1; k < tr.count; k++) assert.ok(tr.up[k]! >= tr.up[k - 1]!);
  const capped = flySurvey(plan, { ...s.survey, maxSamples: 123 });
  assert.equal(capped.count, 123);
  assert.deepEqual(capped.east, tr.east.subarray(0, 123));
});

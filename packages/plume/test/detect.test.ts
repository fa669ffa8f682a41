import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng, isNarizError, STABILITY_UNKNOWN, type Sortie, type SpeciesSeries } from '@nariz/core';
import {
  classifyEncounter,
  DEMO_SIGNATURE_LIBRARY,
  detectEvents,
  detectSortie,
  estimateBackground,
  mergeMultiSpecies,
} from '../src/index.js';

/** kg/m^3 scale of the synthetic series: a 1e-9 noise sd is about 0.4 ppb of toluene. */
const S = 1e-9;
const T0 = 1.7e9;

interface Plume {
  readonly centreS: number;
  readonly widthS: number;
  /** Peak excess in noise sd. */
  readonly amp: number;
}

/** Background 5 + amp sin(2 pi t / 1800) + slow ramp, in noise-sd units times sdKg. */
function synthetic(seed: number, n: number, plumes: readonly Plume[], driftAmp = 10, sdKg = S) {
  const rng = createRng(seed);
  const timeS = new Float64Array(n);
  const base = new Float64Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    timeS[i] = T0 + i;
    base[i] = (50 + driftAmp * Math.sin((2 * Math.PI * i) / 1800) + 0.005 * i) * sdKg;
    let p = 0;
    for (const pl of plumes) p += pl.amp * Math.exp(-((i - pl.centreS) ** 2) / (2 * pl.widthS ** 2));
    values[i] = base[i]! + (p + rng.normal()) * sdKg;
  }
  return { timeS, base, values };
}

const PLUMES: Plume[] = [
  { centreS: 600, widthS: 4, amp: 20 },
  { centreS: 1500, widthS: 4, amp: 20 },
  { centreS: 2400, widthS: 6, amp: 12 },
  { centreS: 3000, widthS: 3, amp: 30 },
];

test('background tracks a drifting baseline away from plumes; noise sd within 10 %', () => {
  // Drift of 10 sd amplitude: up to 4 sd across one 120 s window.
  const { timeS, base, values } = synthetic(42, 3600, PLUMES);
  const { background, noiseSd } = estimateBackground(timeS, values);
  assert.ok(Math.abs(noiseSd / S - 1) < 0.1, `noise sd ${noiseSd / S} sd units`);
  let max = 0;
  let ss = 0;
  let m = 0;
  for (let i = 120; i < 3600 - 120; i++) {
    if (PLUMES.some((p) => Math.abs(i - p.centreS) < 60)) continue;
    const e = (background[i]! - base[i]!) / S;
    max = Math.max(max, Math.abs(e));
    ss += e * e;
    m++;
  }
  // Measured (seed 42): max 0.39 sd, rms ~0.16 sd. A running median would sit inside the plumes.
  assert.ok(max < 0.6, `max background error ${max} sd`);
  assert.ok(Math.sqrt(ss / m) < 0.25, `rms background error ${Math.sqrt(ss / m)} sd`);
  // Inside the plumes the estimator is not pulled up either.
  for (const p of PLUMES) {
    const i = p.centreS;
    assert.ok(Math.abs(background[i]! - base[i]!) / S < 0.8, `background at plume ${i}`);
  }
});

test('events are found at the known positions with start/end within 3 samples', () => {
  const { timeS, values } = synthetic(42, 3600, PLUMES);
  const { background, noiseSd } = estimateBackground(timeS, values);
  const events = detectEvents(timeS, values, background, noiseSd);
  assert.equal(events.length, PLUMES.length, JSON.stringify(events.map((e) => [e.startIndex, e.endIndex])));
  PLUMES.forEach((p, k) => {
    const e = events[k]!;
    // Hysteresis edge: where the noise-free bump falls to the low threshold (2 sd).
    const half = p.widthS * Math.sqrt(2 * Math.log(p.amp / 2));
    assert.ok(Math.abs(e.startIndex - (p.centreS - half)) <= 3, `start ${e.startIndex} vs ${p.centreS - half}`);
    assert.ok(Math.abs(e.endIndex - (p.centreS + half)) <= 3, `end ${e.endIndex} vs ${p.centreS + half}`);
    assert.ok(Math.abs(e.peakIndex - p.centreS) <= 2);
    assert.equal(e.peakTimeS, T0 + e.peakIndex);
    assert.equal(e.startTimeS, T0 + e.startIndex);
    // Integral of a Gaussian bump, amp sd sqrt(2 pi): the tails beyond the 2-sd edges are lost (< 10 %).
    const expected = p.amp * p.widthS * Math.sqrt(2 * Math.PI) * S;
    assert.ok(Math.abs(e.integratedExcess / expected - 1) < 0.12, `integral ${e.integratedExcess / expected}`);
    assert.ok(e.significance.peakZ > 8 && e.significance.combinedZ > e.significance.peakZ);
    assert.ok(e.integratedExcessSd > 0 && e.integratedExcessSd < 0.1 * e.integratedExcess);
  });
});

test('false alarms: 100,000 samples of drifting Gaussian noise give at most 2 events at the default threshold', () => {
  const rng = createRng(3);
  const n = 100_000;
  const timeS = new Float64Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    timeS[i] = i;
    values[i] = 3 + Math.sin(i / 900) + 1e-5 * i + 0.2 * rng.normal();
  }
  const { background, noiseSd } = estimateBackground(timeS, values);
  assert.ok(Math.abs(noiseSd / 0.2 - 1) < 0.05);
  // Expected ~0.15 with an exact background; measured 1 for this seed (0-2 over seeds 1-8,
  // 4 in 800,000 samples).
  const events = detectEvents(timeS, values, background, noiseSd);
  assert.ok(events.length <= 2, `${events.length} false events`);
  // The test can fail: a lax detector on the same data fires hundreds of times.
  const lax = detectEvents(timeS, values, background, noiseSd, { threshold: 3, minSamples: 1 });
  assert.ok(lax.length > 50, `lax detector fired ${lax.length} times`);
});

/** A noise-free series in z units with background 0 and sd 1, 1 Hz. */
function zSeries(z: number[]) {
  return {
    timeS: Float64Array.from(z, (_, i) => i),
    values: Float64Array.from(z),
    background: new Float64Array(z.length),
  };
}

test('hysteresis: a run starts above the high threshold and extends while above the low one', () => {
  const s = zSeries([0, 1, 2.5, 3, 5, 3, 2.1, 1.9, 0, 3, 3.5, 3, 0]);
  const ev = detectEvents(s.timeS, s.values, s.background, 1, { threshold: 4, lowThreshold: 2 });
  assert.equal(ev.length, 1); // the 3-3.5-3 run never reaches 4
  const e = ev[0]!;
  assert.deepEqual([e.startIndex, e.endIndex, e.peakIndex], [2, 6, 4]);
  // Trapezoid weights are 1 s for interior samples.
  assert.ok(Math.abs(e.integratedExcess - (2.5 + 3 + 5 + 3 + 2.1)) < 1e-12);
  assert.ok(Math.abs(e.integratedExcessSd - Math.sqrt(5)) < 1e-12);
  assert.ok(Math.abs(e.significance.combinedZ - 15.6 / Math.sqrt(5)) < 1e-12);
  assert.equal(e.significance.peakZ, 5);
});

test('events closer than mergeGapS merge; minSamples drops short events', () => {
  // Runs [2,4] and [7,9]: gap between samples 4 and 7 is 3 s.
  const s = zSeries([0, 0, 5, 6, 5, 0, 0, 5, 6, 5, 0, 0, 0, 0, 0, 9, 0, 0]);
  const apart = detectEvents(s.timeS, s.values, s.background, 1, { mergeGapS: 3 });
  assert.deepEqual(apart.map((e) => [e.startIndex, e.endIndex]), [[2, 4], [7, 9]]);
  const merged = detectEvents(s.timeS, s.values, s.background, 1, { mergeGapS: 3.5 });
  assert.deepEqual(merged.map((e) => [e.startIndex, e.endIndex]), [[2, 9]]);
  assert.equal(merged[0]!.peakIndex, 3);
  assert.ok(Math.abs(merged[0]!.integratedExcess - 32) < 1e-12);
  // The single-sample spike at 15 only counts with minSamples 1.
  assert.equal(detectEvents(s.timeS, s.values, s.background, 1, { minSamples: 1, mergeGapS: 0 }).length, 3);
  assert.equal(detectEvents(s.timeS, s.values, s.background, 1, { minSamples: 4, mergeGapS: 3.5 }).length, 1);
});

test('irregular sampling integrates with trapezoid weights', () => {
  const timeS = Float64Array.of(0, 1, 2, 2.5, 3, 5, 6, 7);
  const values = Float64Array.of(0, 0, 10, 10, 10, 10, 0, 0);
  const ev = detectEvents(timeS, values, new Float64Array(8), 1, { mergeGapS: 0 });
  assert.equal(ev.length, 1);
  // Trapezoid weights of samples 2..5: (1 + 0.5)/2, (0.5 + 0.5)/2, (0.5 + 2)/2, (2 + 1)/2.
  assert.ok(Math.abs(ev[0]!.integratedExcess - 10 * (0.75 + 0.5 + 1.25 + 1.5)) < 1e-12);
});

test('flat and quantised series give a finite noise scale and no spurious events', () => {
  const n = 1000;
  const timeS = Float64Array.from({ length: n }, (_, i) => i);
  const flat = new Float64Array(n).fill(2e-9);
  const a = estimateBackground(timeS, flat);
  assert.ok(a.noiseSd > 0 && Number.isFinite(a.noiseSd));
  assert.equal(detectEvents(timeS, flat, a.background, a.noiseSd).length, 0);
  // A sensor that reads exactly 0 except one plume: MAD is 0, the fallback still finds it.
  const q = new Float64Array(n);
  for (let i = 500; i < 510; i++) q[i] = 1e-8;
  const b = estimateBackground(timeS, q);
  assert.ok(b.noiseSd > 0);
  const ev = detectEvents(timeS, q, b.background, b.noiseSd);
  assert.deepEqual(ev.map((e) => [e.startIndex, e.endIndex]), [[500, 509]]);
});

test('detection rejects inconsistent input with NarizError', () => {
  const t = Float64Array.of(0, 1, 2);
  const v = Float64Array.of(1, 2, 3);
  const code = (f: () => unknown, c: 'NARIZ_USAGE' | 'NARIZ_NUMERIC') =>
    assert.throws(f, (e: unknown) => isNarizError(e, c), `expected ${c}`);
  code(() => estimateBackground(Float64Array.of(0, 1), v), 'NARIZ_USAGE');
  code(() => estimateBackground(new Float64Array(0), new Float64Array(0)), 'NARIZ_USAGE');
  code(() => estimateBackground(Float64Array.of(0, 2, 1), v), 'NARIZ_USAGE');
  code(() => estimateBackground(t, Float64Array.of(1, NaN, 3)), 'NARIZ_NUMERIC');
  code(() => estimateBackground(t, v, { quantile: 1 }), 'NARIZ_USAGE');
  code(() => estimateBackground(t, v, { windowS: 0 }), 'NARIZ_USAGE');
  code(() => detectEvents(t, v, new Float64Array(3), 0), 'NARIZ_USAGE');
  code(() => detectEvents(t, v, new Float64Array(2), 1), 'NARIZ_USAGE');
  code(() => detectEvents(t, v, new Float64Array(3), Float64Array.of(1, -1, 1)), 'NARIZ_USAGE');
  code(() => detectEvents(t, v, new Float64Array(3), 1, { threshold: 2, lowThreshold: 3 }), 'NARIZ_USAGE');
  code(() => detectEvents(t, v, new Float64Array(3), 1, { minSamples: 0 }), 'NARIZ_USAGE');
});

/** A minimal sortie: 1 Hz, fixed position, the given species columns. */
function sortieOf(timeS: Float64Array, columns: Record<string, Float64Array>): Sortie {
  const n = timeS.length;
  const z = () => new Float64Array(n);
  const species: SpeciesSeries[] = Object.entries(columns).map(([key, kgM3]) => ({
    key,
    chemical: key.toUpperCase(),
    molarMassGmol: 50,
    unit: 'ugm3',
    kgM3,
  }));
  return {
    count: n,
    timeS,
    lat: z(),
    lon: z(),
    altAglM: z(),
    windU: z(),
    windV: z(),
    stability: new Uint8Array(n).fill(STABILITY_UNKNOWN),
    tempC: z(),
    pressureHpa: z(),
    species,
  };
}

test('sortie detection merges co-located species into encounters that classify lab vs paint shop', () => {
  const n = 3000;
  const rng = createRng(7);
  const timeS = Float64Array.from({ length: n }, (_, i) => T0 + i);
  const mk = () => new Float64Array(n);
  const cols = { acetone: mk(), toluene: mk(), hcl: mk() };
  const noise = { acetone: 1e-9, toluene: 1e-9, hcl: 2e-9 };
  // A lab plume at 800 s (0.45/0.35/0.20 by mass), a paint-shop plume at 2000 s (0.15/0.85/0).
  const sources = [
    { c: 800, w: 5, q: 60e-9, f: { acetone: 0.45, toluene: 0.35, hcl: 0.2 } },
    { c: 2000, w: 5, q: 60e-9, f: { acetone: 0.15, toluene: 0.85, hcl: 0 } },
  ];
  for (const key of ['acetone', 'toluene', 'hcl'] as const) {
    const col = cols[key];
    for (let i = 0; i < n; i++) {
      let p = 0;
      for (const s of sources) p += s.q * s.f[key] * Math.exp(-((i - s.c) ** 2) / (2 * s.w * s.w));
      col[i] = 20e-9 + 3e-9 * Math.sin(i / 400) + p + noise[key] * rng.normal();
    }
  }
  const det = detectSortie(sortieOf(timeS, cols));
  assert.deepEqual(det.map((d) => d.key), ['acetone', 'toluene', 'hcl']);
  for (const d of det) assert.ok(Math.abs(d.noiseSd / noise[d.key as keyof typeof noise] - 1) < 0.1, `${d.key} sd`);
  assert.equal(det.find((d) => d.key === 'hcl')!.events.length, 1);

  const enc = mergeMultiSpecies(timeS, det);
  assert.equal(enc.length, 2);
  const [lab, paint] = enc as [(typeof enc)[0], (typeof enc)[0]];
  assert.deepEqual(lab.detectedSpecies, ['acetone', 'toluene', 'hcl']);
  assert.deepEqual(paint.detectedSpecies, ['acetone', 'toluene']);
  assert.ok(lab.startTimeS < T0 + 800 && lab.endTimeS > T0 + 800);
  // Excess ratios reproduce mass ratios (15 %).
  const ex = lab.excessBySpecies;
  const ratio = ex['acetone']!.integratedExcess / ex['toluene']!.integratedExcess;
  assert.ok(Math.abs(ratio / (0.45 / 0.35) - 1) < 0.15, `acetone/toluene ${ratio}`);
  // Undetected HCl in the paint plume is reported, consistent with zero.
  const h = paint.excessBySpecies['hcl']!;
  assert.equal(h.detected, false);
  assert.ok(Math.abs(h.integratedExcess) < 3 * h.integratedExcessSd);

  assert.ok(classifyEncounter(lab.excessBySpecies, DEMO_SIGNATURE_LIBRARY).labProbability > 0.9);
  assert.ok(classifyEncounter(paint.excessBySpecies, DEMO_SIGNATURE_LIBRARY).labProbability < 0.1);

  // A subset of species, and a helpful error for an absent one.
  assert.equal(detectSortie(sortieOf(timeS, cols), { species: ['hcl'] }).length, 1);
  assert.throws(() => detectSortie(sortieOf(timeS, cols), { species: ['benzene'] }), (e: unknown) => isNarizError(e, 'NARIZ_USAGE'));
});

test('mergeMultiSpecies joins overlapping and nearly touching events only', () => {
  const n = 40;
  const timeS = Float64Array.from({ length: n }, (_, i) => i);
  const zeros = new Float64Array(n);
  const ev = (s: number, e: number) => ({
    startIndex: s,
    endIndex: e,
    startTimeS: s,
    endTimeS: e,
    peakIndex: s,
    peakTimeS: s,
    peakValue: 0,
    peakExcess: 0,
    integratedExcess: 0,
    integratedExcessSd: 0,
    significance: { peakZ: 0, combinedZ: 0 },
  });
  const a = { key: 'a', values: zeros, background: zeros, noiseSd: 1, events: [ev(2, 6), ev(20, 22)] };
  const b = { key: 'b', values: zeros, background: zeros, noiseSd: 1, events: [ev(5, 9), ev(24, 25), ev(33, 35)] };
  const enc = mergeMultiSpecies(timeS, [a, b], { gapS: 3 });
  assert.deepEqual(enc.map((e) => [e.startIndex, e.endIndex, e.detectedSpecies.join('+')]), [
    [2, 9, 'a+b'],
    [20, 25, 'a+b'],
    [33, 35, 'b'],
  ]);
  assert.equal(enc[2]!.excessBySpecies['a']!.detected, false);
  const padded = mergeMultiSpecies(timeS, [a, b], { gapS: 1, padS: 2 });
  assert.deepEqual(padded.map((e) => [e.startIndex, e.endIndex]), [[0, 11], [18, 24], [22, 27], [31, 37]]);
  assert.throws(() => mergeMultiSpecies(timeS, [a, a]), (e: unknown) => isNarizError(e, 'NARIZ_USAGE'));
});

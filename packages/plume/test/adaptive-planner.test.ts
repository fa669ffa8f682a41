/**
 * The adaptive planner on seeded beliefs: what a path can and cannot
 * learn, where it goes with a concentrated posterior, determinism, the
 * flight area and turn limits, negative evidence, and the geographic
 * wrapper the server calls.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LocalFrame, NarizError, STABILITY_UNKNOWN, createRng, type Sortie } from '@nariz/core';
import {
  GainWorkspace,
  beliefFromLocate,
  binPath,
  candidatePaths,
  centredBounds,
  clusterExistence,
  expandBounds,
  pathInformation,
  planNextPath,
  planningWind,
  prepareClusters,
  proposeWaypoints,
  undiscoveredCluster,
  DEFAULT_CANDIDATE_OPTIONS,
  type DetectionModel,
  type FlownBins,
  locateJson,
  planningEstimateFromJson,
  type LocateResult,
  type SearchBelief,
  type SourceCluster,
} from '../src/index.js';

const MODEL: DetectionModel = { sigmaSet: 0, thresholdSd: 4, relativeError: 0.5 };
/** Wind from the west (blowing toward east), 4 m/s, 5 degrees of direction uncertainty. */
const WIND = planningWind(4, 270, 5);
const AREA = centredBounds(1400, 1400);
const BOUNDS = expandBounds(AREA, 300);
/** Acetone at 1 g/s over a 3-ppb PID's noise (7.1e-9 kg/m^3). */
const DETECTABILITY = 1e-3 / 7.1e-9;

/** A source believed to be at (e0, n0) give or take sdM: n particles, class D, vents 3 and 6 m. */
function concentrated(e0: number, n0: number, sdM: number, n = 64, seed = 5): SourceCluster {
  const rng = createRng(seed);
  const east = new Float64Array(n);
  const north = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    east[i] = e0 + sdM * rng.normal();
    north[i] = n0 + sdM * rng.normal();
  }
  const variants = [3, 6].map((h) => ({ stability: 3, sourceHeightM: h, detectabilityM3s: DETECTABILITY }));
  return { label: 'source 1', count: n, east, north, variants, weight: new Float64Array(n * 2).fill(1 / (2 * n)) };
}

const NO_TRACK = { count: 0, east: new Float64Array(0), north: new Float64Array(0), lengthM: new Float64Array(0) };

function belief(clusters: SourceCluster[]): SearchBelief {
  return { origin: { lat: 52.09, lon: 5.12 }, area: AREA, wind: WIND, clusters, flown: NO_TRACK };
}

function gainOf(b: SearchBelief, east: number[], north: number[]): number {
  const bins = binPath(east, north, east.length, 25, WIND);
  const ws = new GainWorkspace(Math.max(1, bins.count), 8, 256);
  return pathInformation(bins, prepareClusters(b, WIND), { wind: WIND, model: MODEL, altitudeM: 15 }, ws);
}

test('a pass far upwind of the particle cloud learns nothing; one across its plume does', () => {
  const b = belief([concentrated(0, 0, 15)]);
  const upwind = gainOf(b, [-300, -300], [-200, 200]);
  const across = gainOf(b, [150, 150], [-150, 150]);
  assert.ok(upwind < 1e-9, `upwind pass: ${upwind} bits`);
  assert.ok(across > 0.05, `crosswind pass downwind: ${across} bits`);
  // Beside the plume, well clear of it crosswind, nothing either.
  assert.ok(gainOf(b, [150, 150], [400, 600]) < 1e-9);
});

test('with the posterior concentrated at one point the planner crosses downwind of it', () => {
  const b = belief([concentrated(100, -50, 20)]);
  const plan = planNextPath(b, { east: -400, north: -400, headingDeg: 0, altitudeM: 15 }, {
    model: MODEL,
    binLengthM: 25,
    limits: { bounds: BOUNDS, maxTurnDeg: 180, turnCostM: 30 },
  });
  const best = plan.best;
  assert.ok(best !== undefined && best.expectedGainBits > 0);
  // Some leg of the path crosses the plume's axis (north = -50) downwind of the source (east > 100).
  const pts = [{ east: -400, north: -400 }, ...best.waypoints];
  let crosses = false;
  for (let i = 0; i + 1 < pts.length; i++) {
    const p = pts[i]!;
    const q = pts[i + 1]!;
    if ((p.north + 50) * (q.north + 50) > 0) continue;
    const t = (-50 - p.north) / (q.north - p.north);
    const e = p.east + t * (q.east - p.east);
    if (e > 100 && e < 700) crosses = true;
  }
  assert.ok(crosses, `the path ${JSON.stringify(pts)} does not cross the plume downwind`);
});

test('determinism: the same belief and state give the same path', () => {
  const b = belief([concentrated(-100, 200, 30), concentrated(300, -100, 10, 48, 9)]);
  const run = () =>
    planNextPath(b, { east: 0, north: 0, headingDeg: 45, altitudeM: 15 }, { model: MODEL, binLengthM: 25, limits: { bounds: BOUNDS, maxTurnDeg: 180, turnCostM: 30 } });
  const a = run();
  const c = run();
  assert.deepEqual(a.best, c.best);
  assert.equal(a.candidatesScored, c.candidatesScored);
});

test('every candidate stays in the flight area and within the turn limit', () => {
  const rng = createRng(11);
  const foci = [{ along: 0, cross: 0, crossSdM: 20, stability: 3, sigmaSet: 0 }];
  const turnDeg = (e0: number, n0: number, e1: number, n1: number): number =>
    (Math.acos(Math.max(-1, Math.min(1, (e0 * e1 + n0 * n1) / (Math.hypot(e0, n0) * Math.hypot(e1, n1))))) * 180) / Math.PI;
  let checked = 0;
  for (let t = 0; t < 40; t++) {
    const s = { east: rng.uniform(-900, 900), north: rng.uniform(-900, 900), headingDeg: rng.uniform(0, 360), altitudeM: 15 };
    const w = planningWind(4, rng.uniform(0, 360), 5);
    const maxTurnDeg = t % 2 === 0 ? 45 : 120;
    for (const p of candidatePaths(s, foci, w, { bounds: BOUNDS, maxTurnDeg, turnCostM: 30 }, { ...DEFAULT_CANDIDATE_OPTIONS, fanHeadings: 16 })) {
      let he = Math.sin((s.headingDeg * Math.PI) / 180);
      let hn = Math.cos((s.headingDeg * Math.PI) / 180);
      assert.equal(p.east[0], s.east);
      for (let i = 1; i < p.east.length; i++) {
        const e = p.east[i]!;
        const n = p.north[i]!;
        assert.ok(e >= BOUNDS.minE - 1e-6 && e <= BOUNDS.maxE + 1e-6 && n >= BOUNDS.minN - 1e-6 && n <= BOUNDS.maxN + 1e-6, `waypoint ${e}, ${n} outside`);
        const de = e - p.east[i - 1]!;
        const dn = n - p.north[i - 1]!;
        assert.ok(turnDeg(he, hn, de, dn) <= maxTurnDeg + 1e-6, `turn of ${turnDeg(he, hn, de, dn)} degrees > ${maxTurnDeg}`);
        he = de;
        hn = dn;
        checked++;
      }
    }
  }
  assert.ok(checked > 1000);
});

/** One straight crosswind line at east = 300, north -600..600, flown in 25-m bins, wind toward east. */
function crosswindLine(detected: 0 | 1): FlownBins {
  const n = 48;
  const f = (g: (k: number) => number) => Float64Array.from({ length: n }, (_, k) => g(k));
  return {
    count: n,
    e0: f(() => 300), e1: f(() => 300), n0: f((k) => -600 + 25 * k), n1: f((k) => -575 + 25 * k),
    upM: f(() => 15), windU: f(() => 4), windV: f(() => 0), detected: new Uint8Array(n).fill(detected),
  };
}

test('negative evidence: a line that saw nothing empties the cells upwind of it, and only if it saw nothing', () => {
  const variants = [2, 8].map((h) => ({ stability: 3, sourceHeightM: h, detectabilityM3s: DETECTABILITY }));
  const o = { area: AREA, cellM: 70, prior: 0.5, variants, variantWeights: Float64Array.of(0.5, 0.5), exclude: [], model: MODEL, directionSdRad: WIND.directionSdRad };
  const quiet = undiscoveredCluster(crosswindLine(0), o);
  const mean = (c: SourceCluster, pick: (e: number, n: number) => boolean): number => {
    let s = 0;
    let m = 0;
    for (let i = 0; i < c.count; i++) {
      if (!pick(c.east[i]!, c.north[i]!)) continue;
      s += c.weight[2 * i]! + c.weight[2 * i + 1]!;
      m++;
    }
    return s / m;
  };
  const upwind = mean(quiet, (e, n) => e > -100 && e < 250 && Math.abs(n) < 400);
  const downwind = mean(quiet, (e) => e > 350);
  assert.ok(upwind < 0.2 * downwind, `upwind cells keep ${upwind} against ${downwind} downwind`);
  assert.ok(clusterExistence(quiet) < 0.5);
  const seen = undiscoveredCluster(crosswindLine(1), o);
  assert.ok(Math.abs(clusterExistence(seen) - 0.5) < 1e-12);
  assert.ok(Math.abs(mean(seen, (e) => e < 0) - mean(seen, (e) => e > 350)) < 1e-15);
});

/** A straight sortie west to east along north = -200 at 10 m/s, 1 Hz, wind toward east: quiet air. */
function quietSortie(frame: LocalFrame, n = 120): Sortie {
  const lat = new Float64Array(n);
  const lon = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const g = frame.unproject(-600 + 10 * i, -200);
    lat[i] = g.lat;
    lon[i] = g.lon;
  }
  const f = (x: number) => new Float64Array(n).fill(x);
  return {
    count: n, timeS: Float64Array.from({ length: n }, (_, i) => 1.7e9 + i), lat, lon, altAglM: f(15), windU: f(4), windV: f(0),
    stability: new Uint8Array(n).fill(STABILITY_UNKNOWN), tempC: f(25), pressureHpa: f(1013.25),
    species: [{ key: 'acetone', chemical: 'ACETONE', molarMassGmol: 58.08, unit: 'ppb', kgM3: f(0) }],
  };
}

test('proposeWaypoints: a belief from a located source, waypoints in lat/lon, timing only with a clock', () => {
  const origin = { lat: 52.0907, lon: 5.1214 };
  const frame = new LocalFrame(origin);
  const rng = createRng(4);
  const draws: Array<[number, number]> = [];
  for (let i = 0; i < 256; i++) {
    const g = frame.unproject(-150 + 12 * rng.normal(), 100 + 12 * rng.normal());
    draws.push([g.lon, g.lat]);
  }
  const at = frame.unproject(-150, 100);
  const result: LocateResult = {
    sources: [{
      lat: at.lat, lon: at.lon, east: -150, north: 100, positionCi95M: 30, ellipse95: { semiMajorM: 30, semiMinorM: 25, azimuthDeg: 0 },
      rateGps: { acetone: 2 }, rateCi95Gps: { acetone: [1.5, 2.6] }, probability: 0.97, classProbabilities: {}, labProbability: 0, classified: false,
      posteriorSample: draws,
    }],
    background: {},
    stability: { source: 'sortie', posterior: { A: 0, B: 0, C: 0, D: 1, E: 0, F: 0 } },
    samples: 120,
    origin,
    diagnostics: { gamma: 1, reducedChi2: 1, residualLag1: 0, retainedSamples: 120, sensorLagS: 2 },
  };
  const built = beliefFromLocate(result, quietSortie(frame), { area: { center: origin, widthM: 1400, heightM: 1400 }, noiseKgM3: { acetone: 7.1e-9 } });
  assert.deepEqual(built.belief.clusters.map((c) => c.label), ['source 1', 'undiscovered']);
  assert.ok(Math.abs(clusterExistence(built.belief.clusters[0]!) - 0.97) < 1e-12);
  assert.equal(built.belief.clusters[0]!.count, 128);
  // The quiet line at north = -200 removed mass: below the 0.5 prior.
  assert.ok(clusterExistence(built.belief.clusters[1]!) < 0.5);
  assert.ok(Math.abs(built.binLengthM - 25) < 1e-9, `bin ${built.binLengthM}`);
  const state = { ...frame.unproject(-500, -400), altM: 15, headingDeg: 90 };
  const noClock = proposeWaypoints(built, state);
  assert.equal(noClock.ms, null);
  assert.ok(noClock.waypoints.length >= 1 && noClock.waypoints.length <= 3);
  assert.ok(noClock.expectedGainBits > 0 && noClock.candidatesScored > 50);
  noClock.waypoints.forEach((w, i) => {
    const [e, n] = frame.project(w.lat, w.lon);
    assert.ok(Math.hypot(e - noClock.localWaypoints[i]!.east, n - noClock.localWaypoints[i]!.north) < 1e-6);
    assert.ok(Math.abs(e) <= 1000 + 1e-6 && Math.abs(n) <= 1000 + 1e-6);
    assert.equal(w.altM, 15);
  });
  let t = 0;
  const timed = proposeWaypoints(built, state, { clock: () => (t += 5) });
  assert.equal(timed.ms, 5);
  assert.deepEqual(timed.waypoints, noClock.waypoints);

  // What the server stores (locate --json) plans the same path: the draws
  // are rounded to 1e-6 degrees there, so the waypoints agree to a metre.
  const stored = JSON.parse(JSON.stringify(locateJson(result, 1))) as unknown;
  const fromJson = proposeWaypoints(beliefFromLocate(planningEstimateFromJson(stored), quietSortie(frame), { area: { center: origin, widthM: 1400, heightM: 1400 }, noiseKgM3: { acetone: 7.1e-9 } }), state);
  assert.equal(fromJson.kind, noClock.kind);
  assert.equal(fromJson.waypoints.length, noClock.waypoints.length);
  fromJson.localWaypoints.forEach((w, i) => assert.ok(Math.hypot(w.east - noClock.localWaypoints[i]!.east, w.north - noClock.localWaypoints[i]!.north) < 1, `waypoint ${i}`));
  assert.ok(Math.abs(fromJson.expectedGainBits - noClock.expectedGainBits) < 0.01 * noClock.expectedGainBits);
});

test('planningEstimateFromJson names the field that is wrong', () => {
  const good = { sources: [{ lat: 1, lon: 2, position_ci95_m: 10, rate_gps: { acetone: 1 }, probability: 0.9, posterior_sample: [[2, 1]] }], stability: { posterior: { D: 1 } }, diagnostics: { sensor_lag_s: 0 } };
  assert.equal(planningEstimateFromJson(good).sources[0]!.posteriorSample[0]![1], 1);
  const bad = (mutate: (o: typeof good & Record<string, unknown>) => void, path: RegExp) => {
    const o = structuredClone(good) as typeof good & Record<string, unknown>;
    mutate(o);
    assert.throws(() => planningEstimateFromJson(o), (e: unknown) => e instanceof NarizError && e.code === 'NARIZ_USAGE' && path.test(e.message));
  };
  bad((o) => { o.sources[0]!.posterior_sample = [[2, 'x' as unknown as number]]; }, /sources\[0\]\.posterior_sample\[0\]/);
  bad((o) => { o.sources[0]!.rate_gps = { acetone: Number.NaN }; }, /sources\[0\]\.rate_gps\.acetone/);
  bad((o) => { delete (o as Record<string, unknown>)['diagnostics']; }, /diagnostics should be an object/);
  assert.throws(() => planningEstimateFromJson(null), /the estimate should be an object/);
});

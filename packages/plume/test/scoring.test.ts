import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  binomialAcceptance,
  binomialCdf,
  hungarian,
  insideEllipse,
  matchGated,
  median,
  percentile,
  scoreScenario,
  summarise,
  timingStats,
  verdicts,
  type EstimatePoint,
  type Summary,
  type TruthPoint,
} from '../bench/scoring.js';

const near = (a: number, b: number, tol = 1e-9, what = ''): void => assert.ok(Math.abs(a - b) <= tol, `${what} ${a} vs ${b}`);

function est(over: Partial<EstimatePoint> & { east: number; north: number }): EstimatePoint {
  return {
    positionCi95M: 10,
    ellipse95: { semiMajorM: 10, semiMinorM: 10, azimuthDeg: 0 },
    rateGps: {},
    rateCi95Gps: {},
    probability: 1,
    labProbability: 0,
    ...over,
  };
}

const lab = (id: string, east: number, north: number, rateGps: Record<string, number> = { acetone: 2, toluene: 1, hcl: 0.5 }): TruthPoint => ({ id, kind: 'target', profile: 'lab', east, north, rateGps });
const decoy = (id: string, east: number, north: number, rateGps: Record<string, number> = { toluene: 3, acetone: 0.5 }): TruthPoint => ({ id, kind: 'decoy', profile: 'paint_shop', east, north, rateGps });

test('percentile interpolates between order statistics (type 7)', () => {
  const xs = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  assert.equal(median(xs), 5.5);
  near(percentile(xs, 0.9), 9.1);
  assert.equal(percentile(xs, 0), 1);
  assert.equal(percentile(xs, 1), 10);
  assert.equal(median([3, 1, 2]), 2); // unsorted input, odd length
  assert.equal(percentile([7], 0.9), 7);
  assert.ok(Number.isNaN(median([])));
  assert.throws(() => percentile(xs, 1.5), RangeError);
});

test('timingStats: min, median, mean and sample sd', () => {
  const t = timingStats([2, 4, 4, 4, 5, 5, 7, 9]);
  assert.equal(t.min, 2);
  assert.equal(t.median, 4.5);
  assert.equal(t.mean, 5);
  near(t.sd, Math.sqrt(32 / 7));
  assert.equal(timingStats([3]).sd, 0);
});

test('insideEllipse honours the azimuth (clockwise from north)', () => {
  const e = { semiMajorM: 10, semiMinorM: 2, azimuthDeg: 90 }; // major axis east–west
  assert.ok(insideEllipse(9.9, 0, e));
  assert.ok(insideEllipse(-10, 0, e)); // boundary
  assert.ok(!insideEllipse(0, 3, e));
  assert.ok(insideEllipse(0, 1.9, e));
  assert.ok(!insideEllipse(8, 1.5, e)); // (0.8)^2 + (0.75)^2 = 1.2025
  assert.ok(insideEllipse(6, 1.5, e)); // 0.36 + 0.5625 = 0.9225
  // Major axis toward the north-east: (7, 7) is 9.90 m along it.
  const ne = { semiMajorM: 10, semiMinorM: 1, azimuthDeg: 45 };
  assert.ok(insideEllipse(7, 7, ne));
  assert.ok(!insideEllipse(7, -7, ne));
  assert.ok(!insideEllipse(7.2, 7.2, ne)); // 10.18 m along
  // Same ellipse with azimuth 225 is the same set.
  assert.ok(insideEllipse(-7, -7, { ...ne, azimuthDeg: 225 }));
  // Degenerate: a segment north–south.
  const seg = { semiMajorM: 5, semiMinorM: 0, azimuthDeg: 0 };
  assert.ok(insideEllipse(0, 4, seg));
  assert.ok(!insideEllipse(0.1, 0, seg));
});

test('hungarian finds the minimum-cost assignment', () => {
  // Classic 3x3: optimum 5 (0->1, 1->0, 2->2).
  assert.deepEqual(hungarian([[4, 1, 3], [2, 0, 5], [3, 2, 2]]), [1, 0, 2]);
  // Rectangular, rows < columns.
  assert.deepEqual(hungarian([[10, 1, 10], [1, 10, 10]]), [1, 0]);
  assert.deepEqual(hungarian([]), []);
  assert.throws(() => hungarian([[1], [2]]), RangeError);
});

test('matchGated: optimal beats greedy, gate is respected, count is maximised', () => {
  // Greedy nearest would pair a0-b0 (1 m) and leave a1 (40 m from b0, 60 m from b1) unmatched.
  const a = [{ east: 0, north: 0 }, { east: 40, north: 0 }];
  const b = [{ east: 1, north: 0 }, { east: -45, north: 0 }];
  assert.deepEqual(matchGated(a, b, 50), [1, 0]); // 45 + 39 m, both within 50 m
  // Outside the gate nothing matches.
  assert.deepEqual(matchGated([{ east: 0, north: 0 }], [{ east: 50.1, north: 0 }], 50), [-1]);
  assert.deepEqual(matchGated([{ east: 0, north: 0 }], [{ east: 50, north: 0 }], 50), [0]);
  // With equal counts, the smaller total distance wins.
  assert.deepEqual(matchGated([{ east: 0, north: 0 }, { east: 10, north: 0 }], [{ east: 11, north: 0 }, { east: 1, north: 0 }], 50), [1, 0]);
  // More truths than estimates, and no estimates at all.
  assert.deepEqual(matchGated([{ east: 0, north: 0 }, { east: 200, north: 0 }, { east: 5, north: 0 }], [{ east: 4, north: 0 }], 50), [-1, -1, 0]);
  assert.deepEqual(matchGated([{ east: 0, north: 0 }], [], 50), [-1]);
  assert.deepEqual(matchGated([], [{ east: 0, north: 0 }], 50), []);
});

test('scoreScenario: found labs, decoys classed as lab, false sources, errors and coverage', () => {
  const truth = [lab('lab-1', 0, 0), lab('lab-2', 300, 0), decoy('paint-1', 0, 300), decoy('paint-2', 300, 300)];
  const estimates = [
    // lab-1: 5 m off (3 east, 4 north), rates acetone 2.2 + toluene 1.3 vs 3 → 16.7 %.
    est({ east: -3, north: -4, positionCi95M: 6, ellipse95: { semiMajorM: 8, semiMinorM: 2, azimuthDeg: 90 },
      rateGps: { acetone: 2.2, toluene: 1.3, hcl: 0.1 }, rateCi95Gps: { acetone: [1.5, 3], toluene: [1.1, 1.5], hcl: [0, 0.4] }, labProbability: 0.9 }),
    // lab-2: matched (20 m) but probability 0.3: not found.
    est({ east: 320, north: 0, probability: 0.3, positionCi95M: 30, labProbability: 0.8 }),
    // paint-1: matched, classed as lab.
    est({ east: 0, north: 310, labProbability: 0.7 }),
    // paint-2 unmatched; a far, reported estimate is a false source, a weak one is not.
    est({ east: 900, north: 900 }),
    est({ east: -900, north: 900, probability: 0.2 }),
  ];
  const s = scoreScenario(truth, estimates, 50);
  assert.equal(s.labs, 2);
  assert.equal(s.labsFound, 1);
  assert.equal(s.decoys, 2);
  assert.equal(s.decoysAsLab, 1);
  assert.equal(s.falseSources, 1);
  assert.equal(s.estimates, 5);
  assert.equal(s.reported, 3);

  const [l1, l2, p1, p2] = s.truths;
  assert.equal(l1!.estimate, 0);
  near(l1!.distanceM!, 5);
  near(l1!.rateRelErr!, 0.5 / 3);
  assert.equal(l1!.inRadius95, true);
  assert.equal(l1!.inEllipse95, false); // 4 m north of the centre, ellipse only 2 m wide north–south
  assert.deepEqual(l1!.species.map((x) => [x.key, x.inside]), [['acetone', true], ['toluene', false], ['hcl', false]]);
  assert.equal(l1!.found, true);

  assert.equal(l2!.estimate, 1);
  near(l2!.distanceM!, 20);
  assert.equal(l2!.found, false);
  assert.equal(l2!.inRadius95, true);
  assert.equal(l2!.rateRelErr, 1); // estimate has no rates: 0 vs 3 g/s

  assert.equal(p1!.classedAsLab, true);
  assert.equal(p1!.found, false);
  assert.equal(p2!.estimate, -1);
  assert.equal(p2!.distanceM, null);
  near(p2!.nearestM!, Math.hypot(300, 10)); // the estimate matched to paint-1
});

test('rate error uses acetone + toluene only where emitted', () => {
  const t: TruthPoint = { id: 'solvent-1', kind: 'decoy', profile: 'solvent_use', east: 0, north: 0, rateGps: { acetone: 2 } };
  const s = scoreScenario([t], [est({ east: 0, north: 0, rateGps: { acetone: 1.5, toluene: 5, hcl: 3 } })]);
  near(s.truths[0]!.rateRelErr!, 0.25);
  const h: TruthPoint = { id: 'x', kind: 'decoy', profile: 'hcl_only', east: 0, north: 0, rateGps: { hcl: 1 } };
  assert.equal(scoreScenario([h], [est({ east: 0, north: 0 })]).truths[0]!.rateRelErr, null);
});

test('binomial CDF and the coverage acceptance region', () => {
  near(binomialCdf(1, 2, 0.5), 0.75);
  near(binomialCdf(0, 3, 0.95), 0.05 ** 3);
  assert.equal(binomialCdf(5, 5, 0.95), 1);
  assert.equal(binomialCdf(-1, 5, 0.95), 0);
  // Large n must not underflow.
  near(binomialCdf(5000, 10000, 0.5), 0.50398932, 1e-6);
  // n = 20 at 95 %: P(X <= 16) = 0.0159, P(X <= 17) = 0.0755 → 17..20.
  assert.deepEqual(binomialAcceptance(20, 0.95, 0.05), { lo: 17, hi: 20 });
  // n = 200: P(X <= 183) = 0.0238, P(X <= 184) = 0.0444; P(X >= 197) = 0.0090, P(X >= 196) = 0.0264 → 184..196.
  assert.deepEqual(binomialAcceptance(200, 0.95, 0.05), { lo: 184, hi: 196 });
  assert.deepEqual(binomialAcceptance(30, 0.95, 0.05), { lo: 26, hi: 30 });
  assert.deepEqual(binomialAcceptance(0), { lo: 0, hi: 0 });
});

const goodSummary: Summary = {
  scenarios: 4, truthSources: 20, matched: 20, medianLocErrM: 8, p90LocErrM: 20, medianLabLocErrM: 7, medianRateRelErr: 0.15,
  medianRateRelErrBySpecies: { acetone: 0.1 }, labs: 10, labsFound: 10, decoys: 10, decoysAsLab: 0, falseSources: 3,
  radiusCoverage: { k: 19, n: 20, fraction: 0.95 }, ellipseCoverage: { k: 20, n: 20, fraction: 1 }, rateCoverage: { k: 17, n: 20, fraction: 0.85 },
};

test('verdicts: pass and fail at the targets', () => {
  const ok = verdicts(goodSummary);
  assert.deepEqual(ok.map((v) => v.pass), [true, true, true, true, true, true, true]);
  const names = ok.map((v) => v.name);
  const fail = (over: Partial<Summary>): string[] => verdicts({ ...goodSummary, ...over }).filter((v) => !v.pass).map((v) => v.name);
  assert.deepEqual(fail({ medianLocErrM: 10 }), []);
  assert.deepEqual(fail({ medianLocErrM: 10.01 }), [names[0]]);
  assert.deepEqual(fail({ medianLocErrM: NaN }), [names[0]]);
  assert.deepEqual(fail({ medianRateRelErr: 0.2 }), []);
  assert.deepEqual(fail({ medianRateRelErr: 0.21 }), [names[1]]);
  assert.deepEqual(fail({ labsFound: 9 }), [names[2]]);
  assert.deepEqual(fail({ labs: 0, labsFound: 0 }), [names[2]]);
  assert.deepEqual(fail({ decoysAsLab: 1 }), [names[3]]);
  assert.deepEqual(fail({ radiusCoverage: { k: 16, n: 20, fraction: 0.8 } }), [names[4]]);
  assert.deepEqual(fail({ ellipseCoverage: { k: 0, n: 0, fraction: NaN } }), [names[5]]);
  // False sources carry no target.
  assert.deepEqual(fail({ falseSources: 50 }), []);
});

test('summarise pools the scenarios', () => {
  const a = scoreScenario([lab('l1', 0, 0), decoy('d1', 200, 0)], [est({ east: 3, north: 4, rateGps: { acetone: 2, toluene: 1 }, rateCi95Gps: { acetone: [1, 3], toluene: [0.5, 2], hcl: [0, 1] } }), est({ east: 200, north: 30, positionCi95M: 20 })]);
  const b = scoreScenario([lab('l2', 0, 0)], [est({ east: 0, north: 10, rateGps: { acetone: 3, toluene: 3 } }), est({ east: 500, north: 0 })]);
  const s = summarise([a, b]);
  assert.equal(s.scenarios, 2);
  assert.equal(s.truthSources, 3);
  assert.equal(s.matched, 3);
  assert.equal(s.medianLocErrM, 10); // distances 5, 30, 10
  near(s.p90LocErrM, 26);
  assert.equal(s.medianLabLocErrM, 7.5);
  // Rate errors: l1 0, d1 (0 vs 3.5) 1, l2 (6 vs 3) 1 → median 1.
  assert.equal(s.medianRateRelErr, 1);
  assert.equal(s.labsFound, 2);
  assert.equal(s.falseSources, 1);
  assert.deepEqual(s.radiusCoverage, { k: 2, n: 3, fraction: 2 / 3 }); // 5 ≤ 10, 30 > 20, 10 ≤ 10
  assert.deepEqual(s.ellipseCoverage, { k: 2, n: 3, fraction: 2 / 3 }); // circles of 10 m
  // Rate coverage: l1 acetone in, toluene in, hcl (0.5 in [0,1]) in; d1 none (no CIs) 0/2; l2 none 0/3.
  assert.deepEqual(s.rateCoverage, { k: 3, n: 8, fraction: 3 / 8 });
});

test('hungarian agrees with brute force on small random matrices', () => {
  let state = 12345;
  const rand = (): number => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  const permutations = (xs: number[], k: number): number[][] =>
    k === 0 ? [[]] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)], k - 1).map((p) => [x, ...p]));
  for (let trial = 0; trial < 50; trial++) {
    const n = 1 + Math.floor(rand() * 4);
    const m = n + Math.floor(rand() * 3);
    const cost = Array.from({ length: n }, () => Array.from({ length: m }, () => Math.round(rand() * 100)));
    const total = (a: number[]): number => a.reduce((s, j, i) => s + cost[i]![j]!, 0);
    const best = Math.min(...permutations([...Array(m).keys()], n).map(total));
    const got = hungarian(cost);
    assert.equal(new Set(got).size, n);
    assert.equal(total(got), best, `trial ${trial}`);
  }
});

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng, isNarizError, type Rng } from '@nariz/core';
import {
  classifyEncounter,
  classifySource,
  DEMO_SIGNATURE_LIBRARY as DEMO,
  parseSignatureLibrary,
  type EmissionProfile,
  type RateEstimate,
} from '../src/index.js';

const SPECIES = ['acetone', 'toluene', 'hcl'] as const;

/** Rates T * fractions with sd = rel * mean, and sd = absSd where a fraction is 0. */
function vector(f: Record<string, number>, rel: number, absSd: number, rng?: Rng): Record<string, RateEstimate> {
  const out: Record<string, RateEstimate> = {};
  for (const s of SPECIES) {
    const m = f[s] ?? 0;
    const sd = m > 0 ? rel * m : absSd;
    out[s] = { mean: m + (rng === undefined ? 0 : sd * rng.normal()), sd };
  }
  return out;
}

const profile = (id: string): EmissionProfile => DEMO.profiles.find((p) => p.id === id)!;

test('demo library: four profiles, normalised fractions, labelled illustrative', () => {
  assert.deepEqual(DEMO.profiles.map((p) => p.id), ['lab', 'paint_shop', 'solvent_use', 'traffic']);
  assert.match(DEMO.version, /illustrative/);
  for (const p of DEMO.profiles) {
    const sum = Object.values(p.massFractions).reduce((a, b) => a + b, 0);
    assert.ok(Math.abs(sum - 1) < 1e-12, p.id);
    assert.ok(p.label.en.length > 0 && p.label.es.length > 0);
  }
  assert.deepEqual(DEMO.profiles.filter((p) => p.kind === 'target').map((p) => p.id), ['lab']);
});

test('a lab vector with 20 % noise is classed lab with p > 0.9', () => {
  const rng = createRng(11);
  for (let k = 0; k < 20; k++) {
    const c = classifySource(vector(profile('lab').massFractions, 0.2, 0.02, rng), DEMO);
    assert.ok(c.probabilities['lab']! > 0.9 && c.labProbability > 0.9, JSON.stringify(c.probabilities));
  }
});

test('paint-shop and acetone-only vectors are not labs', () => {
  const rng = createRng(12);
  for (let k = 0; k < 20; k++) {
    const paint = classifySource(vector(profile('paint_shop').massFractions, 0.2, 0.02, rng), DEMO);
    assert.ok(paint.labProbability < 0.1, `paint p_lab ${paint.labProbability}`);
    const solvent = classifySource(vector({ acetone: 1 }, 0.2, 0.02, rng), DEMO);
    assert.ok(solvent.labProbability < 0.1, `solvent p_lab ${solvent.labProbability}`);
    assert.ok(solvent.probabilities['solvent_use']! > 0.9);
  }
});

test('HCl near zero: strong evidence against a lab when precise, weak when within noise', () => {
  const base = { acetone: { mean: 0.45, sd: 0.02 }, toluene: { mean: 0.35, sd: 0.02 } };
  const tight = classifySource({ ...base, hcl: { mean: 0, sd: 0.01 } }, DEMO);
  const loose = classifySource({ ...base, hcl: { mean: 0, sd: 0.3 } }, DEMO);
  const absent = classifySource(base, DEMO);
  assert.ok(tight.labProbability < 0.05, `tight ${tight.labProbability}`);
  assert.ok(loose.labProbability > 0.8, `loose ${loose.labProbability}`);
  // Not measured at all is marginalised: the acetone/toluene ratio alone favours the lab.
  assert.ok(absent.labProbability > 0.8, `absent ${absent.labProbability}`);
  // Clearly present HCl rules out every decoy.
  const present = classifySource({ ...base, hcl: { mean: 0.2, sd: 0.02 } }, DEMO);
  assert.ok(present.labProbability > 0.999);
});

test('uninformative measurements return the prior', () => {
  // One species carries no ratio information; an unknown species is floor for every profile.
  const cases: Array<Record<string, RateEstimate>> = [{ acetone: { mean: 1, sd: 0.1 } }, { methane: { mean: 1, sd: 0.1 } }];
  for (const rates of cases) {
    const c = classifySource(rates, DEMO);
    for (const id of ['lab', 'paint_shop', 'solvent_use', 'traffic']) assert.ok(Math.abs(c.probabilities[id]! - 0.25) < 1e-6, id);
    const p = classifySource(rates, DEMO, { prior: { lab: 1, paint_shop: 3 } });
    assert.ok(Math.abs(p.probabilities['lab']! - 0.25) < 1e-6 && Math.abs(p.probabilities['paint_shop']! - 0.75) < 1e-6);
    assert.equal(p.probabilities['traffic'], 0);
  }
});

test('classification is scale-free (kg/s or kg/m^3 s integrals) and classifyEncounter matches classifySource', () => {
  const r = vector(profile('lab').massFractions, 0.3, 0.05, createRng(5));
  const scaled: Record<string, RateEstimate> = {};
  const excess: Record<string, { integratedExcess: number; integratedExcessSd: number }> = {};
  for (const [k, v] of Object.entries(r)) {
    scaled[k] = { mean: v.mean * 1e-9, sd: v.sd * 1e-9 };
    excess[k] = { integratedExcess: v.mean * 1e-9, integratedExcessSd: v.sd * 1e-9 };
  }
  const a = classifySource(r, DEMO);
  const b = classifySource(scaled, DEMO);
  const c = classifyEncounter(excess, DEMO);
  for (const id of Object.keys(a.probabilities)) {
    assert.ok(Math.abs(a.probabilities[id]! - b.probabilities[id]!) < 1e-6, id);
    assert.equal(b.probabilities[id], c.probabilities[id]);
  }
});

test('property: probabilities are in [0,1], sum to 1 and labProbability is the target mass (seeded)', () => {
  const rng = createRng(99);
  const keys = ['acetone', 'toluene', 'hcl', 'benzene', 'methane'];
  for (let k = 0; k < 300; k++) {
    const rates: Record<string, RateEstimate> = {};
    for (const s of keys) {
      if (rng.next() < 0.4) continue;
      const scale = Math.exp(rng.uniform(-25, 5));
      rates[s] = { mean: scale * rng.uniform(-0.5, 3), sd: scale * Math.exp(rng.uniform(-6, 1)) * (rng.next() < 0.1 ? 0 : 1) };
    }
    if (Object.keys(rates).length === 0) rates['acetone'] = { mean: 1, sd: 0.1 };
    let c;
    try {
      c = classifySource(rates, DEMO);
    } catch (e) {
      // The only acceptable failure: data incompatible with every profile, reported as such.
      assert.ok(isNarizError(e, 'NARIZ_NUMERIC'), String(e));
      continue;
    }
    let sum = 0;
    for (const p of Object.values(c.probabilities)) {
      assert.ok(p >= 0 && p <= 1, `p=${p} for ${JSON.stringify(rates)}`);
      sum += p;
    }
    assert.ok(Math.abs(sum - 1) < 1e-9, `sum ${sum}`);
    assert.ok(Math.abs(c.labProbability - c.probabilities['lab']!) < 1e-12);
  }
});

/**
 * Brute-force oracle for one log evidence: dense quadrature over log T
 * (step 0.02) and, per species, over eta (2001 nodes on +/- 16 tau: a
 * floor-fraction species can need eta near 14 tau). Converged to 1e-3 nats.
 */
function bruteLogEvidence(rates: Record<string, RateEstimate>, p: EmissionProfile, floor = 1e-3): number {
  const tau = p.ratioLogSd ?? 0.5;
  let scale = 0;
  for (const r of Object.values(rates)) scale += Math.max(r.mean, 0) + r.sd;
  const lo = Math.log(scale) - 6;
  const hi = Math.log(scale) + Math.log(1 / floor) + 3;
  const terms: number[] = [];
  for (let t = lo; t <= hi; t += 0.02) {
    let logL = 0;
    for (const [k, r] of Object.entries(rates)) {
      const f = Math.max(p.massFractions[k] ?? 0, floor);
      let s = 0;
      const m = 2001;
      const de = (32 * tau) / (m - 1);
      for (let j = 0; j < m; j++) {
        const eta = -16 * tau + j * de;
        const rate = Math.exp(t + eta) * f;
        const z = (r.mean - rate) / r.sd;
        s += Math.exp(-0.5 * z * z - 0.5 * (eta / tau) ** 2) * de;
      }
      logL += Math.log(s / (2 * Math.PI * r.sd * tau));
    }
    terms.push(logL);
  }
  const max = Math.max(...terms);
  return max + Math.log(terms.reduce((a, x) => a + Math.exp(x - max), 0) * 0.02);
}

test('log Bayes factors match a brute-force quadrature oracle (0.02 nats or 0.2 %)', () => {
  const cases: Array<Record<string, RateEstimate>> = [
    { acetone: { mean: 0.4, sd: 0.04 }, toluene: { mean: 0.5, sd: 0.05 } },
    { acetone: { mean: 0.3, sd: 0.1 }, toluene: { mean: 0.6, sd: 0.1 }, hcl: { mean: 0.05, sd: 0.03 } },
  ];
  for (const rates of cases) {
    const fast = classifySource(rates, DEMO).logEvidence;
    const labB = bruteLogEvidence(rates, profile('lab'));
    for (const id of ['paint_shop', 'traffic', 'solvent_use']) {
      const bf = fast['lab']! - fast[id]!;
      const oracle = labB - bruteLogEvidence(rates, profile(id));
      // Measured: |error| <= 0.011 nats, and 0.025 on the 47-nat lab/solvent_use factor.
      assert.ok(Math.abs(bf - oracle) < Math.max(0.02, 0.002 * Math.abs(oracle)), `${id}: ${bf} vs oracle ${oracle}`);
    }
  }
});

test('calibration: 500 seeded draws per profile from its own log-normal spread', () => {
  // Generative model = the classifier's: T log-uniform over 6 decades, each fraction
  // (floored at 1e-3) times exp(N(0, tau^2)), measurement noise sd 3 % of T on every species.
  const rng = createRng(2024);
  const n = 500;
  let correct = 0;
  let labCorrect = 0;
  let total = 0;
  let sumPTrue = 0;
  let sumP2 = 0;
  const bins = Array.from({ length: 10 }, () => ({ p: 0, hit: 0 }));
  for (const prof of DEMO.profiles) {
    for (let d = 0; d < n; d++) {
      const T = Math.exp(rng.uniform(Math.log(1e-3), Math.log(1e3)));
      const rates: Record<string, RateEstimate> = {};
      for (const s of SPECIES) {
        const f = Math.max(prof.massFractions[s] ?? 0, 1e-3);
        const sd = 0.03 * T;
        rates[s] = { mean: T * f * Math.exp((prof.ratioLogSd ?? 0.5) * rng.normal()) + sd * rng.normal(), sd };
      }
      const c = classifySource(rates, DEMO);
      let best = '';
      let bestP = -1;
      for (const [id, p] of Object.entries(c.probabilities)) {
        if (p > bestP) [best, bestP] = [id, p];
        sumP2 += p * p;
        const b = bins[Math.min(9, Math.floor(p * 10))]!;
        b.p += p;
        if (id === prof.id) b.hit += 1;
      }
      if (best === prof.id) correct++;
      if (c.labProbability > 0.5 === (prof.kind === 'target')) labCorrect++;
      sumPTrue += c.probabilities[prof.id]!;
      total++;
    }
  }
  // Measured with seed 2024: argmax accuracy 0.9015 (paint shop and traffic are confused
  // ~20 % of the time; lab and solvent use ~99 %), lab/not-lab accuracy 0.9925.
  assert.ok(correct / total > 0.87, `accuracy ${correct / total}`);
  assert.ok(labCorrect / total > 0.98, `lab accuracy ${labCorrect / total}`);
  // For a calibrated classifier E[p(true class)] = E[sum_k p_k^2]; measured 0.844 vs 0.835.
  assert.ok(Math.abs(sumPTrue / total - sumP2 / total) < 0.03, `E[p_true] ${sumPTrue / total} vs E[sum p^2] ${sumP2 / total}`);
  // Reliability: predicted probability vs observed frequency in deciles; measured ECE 0.011.
  let ece = 0;
  for (const b of bins) ece += Math.abs(b.p - b.hit);
  ece /= total * DEMO.profiles.length;
  assert.ok(ece < 0.03, `expected calibration error ${ece}`);
});

test('parseSignatureLibrary normalises fractions and names the bad field', () => {
  const good = {
    version: 'v1',
    profiles: [{ id: 'x', label: { en: 'X', es: 'X' }, kind: 'decoy', massFractions: { acetone: 2, toluene: 2 } }],
  };
  const lib = parseSignatureLibrary(good);
  assert.deepEqual(lib.profiles[0]!.massFractions, { acetone: 0.5, toluene: 0.5 });
  assert.equal(lib.profiles[0]!.ratioLogSd, undefined);

  const profileWith = (patch: Record<string, unknown>) => ({ ...good, profiles: [good.profiles[0], { ...good.profiles[0], id: 'y', ...patch }] });
  const cases: Array<[unknown, string]> = [
    [null, '$'],
    [[], '$'],
    [{ profiles: [] }, '$.version'],
    [{ version: 'v', profiles: {} }, '$.profiles'],
    [{ version: 'v', profiles: [] }, '$.profiles'],
    [profileWith({ kind: 'lab' }), '$.profiles[1].kind'],
    [profileWith({ id: 'x' }), '$.profiles[1].id'],
    [profileWith({ id: 'Bad Id' }), '$.profiles[1].id'],
    [profileWith({ label: { en: 'Y' } }), '$.profiles[1].label.es'],
    [profileWith({ label: 'Y' }), '$.profiles[1].label'],
    [profileWith({ massFractions: { hcl: -0.1, acetone: 1 } }), '$.profiles[1].massFractions.hcl'],
    [profileWith({ massFractions: { hcl: '0.2' } }), '$.profiles[1].massFractions.hcl'],
    [profileWith({ massFractions: { HCl: 0.2 } }), '$.profiles[1].massFractions.HCl'],
    [profileWith({ massFractions: { hcl: 0 } }), '$.profiles[1].massFractions'],
    [profileWith({ massFractions: {} }), '$.profiles[1].massFractions'],
    [profileWith({ ratioLogSd: 0 }), '$.profiles[1].ratioLogSd'],
    [profileWith({ ratioLogSd: 'wide' }), '$.profiles[1].ratioLogSd'],
  ];
  for (const [json, path] of cases) {
    assert.throws(
      () => parseSignatureLibrary(json),
      (e: unknown) => isNarizError(e, 'NARIZ_BAD_LIBRARY') && e.message.startsWith(`${path}:`),
      `expected NARIZ_BAD_LIBRARY at ${path}`,
    );
  }
});

test('classifySource rejects unusable input', () => {
  const usage = (f: () => unknown) => assert.throws(f, (e: unknown) => isNarizError(e, 'NARIZ_USAGE'));
  usage(() => classifySource({}, DEMO));
  usage(() => classifySource({ acetone: { mean: NaN, sd: 1 } }, DEMO));
  usage(() => classifySource({ acetone: { mean: 1, sd: -1 } }, DEMO));
  usage(() => classifySource({ acetone: { mean: 0, sd: 0 } }, DEMO));
  usage(() => classifySource({ acetone: { mean: 1, sd: 1 } }, DEMO, { prior: { meth_lab: 1 } }));
  usage(() => classifySource({ acetone: { mean: 1, sd: 1 } }, DEMO, { prior: { lab: 0 } }));
  usage(() => classifySource({ acetone: { mean: 1, sd: 1 } }, DEMO, { floorFraction: 0 }));
  // sd 0 is floored, not a division by zero.
  const c = classifySource({ acetone: { mean: 0.45, sd: 0 }, toluene: { mean: 0.35, sd: 0 }, hcl: { mean: 0.2, sd: 0 } }, DEMO);
  assert.ok(c.labProbability > 0.99);
});

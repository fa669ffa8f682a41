/**
 * The adaptive planner's information kernels against brute-force oracles:
 * the span information (first and last detecting bin) by direct
 * enumeration of every detection vector, the cluster entropy, the bin-mean
 * plume against gaussian.ts integrated along the bin, the detection model's
 * limits and the revisit discount's identity.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng, type Rng } from '@nariz/core';
import {
  SIGMA_SET_INDEX,
  SpanInformation,
  binMeanPlume,
  clusterEntropyBits,
  detectionProbability,
  plumeUnit,
  revisitFactor,
  fastNormalMass,
  normalCdf,
  normalSf,
  type SourceCluster,
} from '../src/index.js';

interface Case {
  readonly J: number;
  readonly V: number;
  /** Groups of particles; each particle has V weights and V×J probabilities. */
  readonly groups: ReadonlyArray<ReadonlyArray<{ w: number[]; p: number[][] }>>;
  readonly absent: number;
}

function randomCase(rng: Rng): Case {
  const J = rng.int(1, 7);
  const V = rng.int(1, 3);
  const G = rng.int(1, 3);
  let total = 0;
  const groups = Array.from({ length: G }, () =>
    Array.from({ length: rng.int(1, 3) }, () => {
      const w = Array.from({ length: V }, () => (rng.next() < 0.15 ? 0 : rng.next()));
      total += w.reduce((a, b) => a + b, 0);
      // Mostly zero probabilities outside a random window, as the kernel sees them.
      const p = Array.from({ length: V }, () => {
        const lo = rng.int(0, J - 1);
        const hi = rng.int(lo, J - 1);
        return Array.from({ length: J }, (_, j) => (j < lo || j > hi || rng.next() < 0.2 ? 0 : rng.next() < 0.1 ? 1 : rng.next()));
      });
      return { w, p };
    }),
  );
  // Normalise with an "absent" share.
  const absentShare = rng.next() < 0.3 ? 0 : rng.next() * 0.6;
  const scale = (1 - absentShare) / (total > 0 ? total : 1);
  for (const g of groups) for (const q of g) for (let v = 0; v < V; v++) q.w[v] = q.w[v]! * scale;
  return { J, V, groups, absent: total > 0 ? absentShare : 1 };
}

/** Direct enumeration: every detection vector of every (particle, variant), mapped to its span. */
function bruteForceBits(c: Case): number {
  const { J } = c;
  const outcome = (bits: number): string => {
    let first = -1;
    let last = -1;
    for (let j = 0; j < J; j++) {
      if ((bits >> j) & 1) {
        if (first < 0) first = j;
        last = j;
      }
    }
    return first < 0 ? 'none' : `${first},${last}`;
  };
  const marginal = new Map<string, number>();
  const add = (m: Map<string, number>, k: string, x: number): void => void m.set(k, (m.get(k) ?? 0) + x);
  add(marginal, 'none', c.absent);
  let cond = 0;
  let total = c.absent;
  for (const g of c.groups) {
    const py = new Map<string, number>();
    let W = 0;
    for (const q of g) {
      for (let v = 0; v < c.V; v++) {
        const w = q.w[v]!;
        if (w === 0) continue;
        W += w;
        for (let bits = 0; bits < 1 << J; bits++) {
          let pr = 1;
          for (let j = 0; j < J; j++) pr *= (bits >> j) & 1 ? q.p[v]![j]! : 1 - q.p[v]![j]!;
          if (pr > 0) add(py, outcome(bits), w * pr);
        }
      }
    }
    if (W === 0) continue;
    total += W;
    let h = 0;
    for (const [k, x] of py) {
      add(marginal, k, x);
      const q = x / W;
      if (q > 0) h -= q * Math.log2(q);
    }
    cond += W * h;
  }
  let hy = 0;
  for (const x of marginal.values()) {
    const q = x / total;
    if (q > 0) hy -= q * Math.log2(q);
  }
  return Math.max(0, hy - cond / total);
}

function kernelBits(c: Case, spans: SpanInformation): number {
  const { J, V } = c;
  spans.begin(J);
  spans.addAbsent(c.absent);
  const stride = J + 3; // a stride wider than the path, as the workspace uses
  for (const g of c.groups) {
    spans.beginGroup();
    for (const q of g) {
      const p = new Float64Array(V * stride);
      let lo = J;
      let hi = -1;
      for (let v = 0; v < V; v++) {
        for (let j = 0; j < J; j++) {
          p[v * stride + j] = q.p[v]![j]!;
          if (q.p[v]![j]! > 0) {
            lo = Math.min(lo, j);
            hi = Math.max(hi, j);
          }
        }
      }
      spans.add(Float64Array.from(q.w), 0, V, p, stride, hi < 0 ? 0 : lo, hi < 0 ? 0 : hi - lo + 1);
    }
    spans.endGroup();
  }
  return spans.informationBits();
}

test('span information equals direct enumeration of every detection vector (1e-9 bits, 400 seeded cases)', () => {
  const rng = createRng(20261127);
  const spans = new SpanInformation(8);
  let positive = 0;
  for (let t = 0; t < 400; t++) {
    const c = randomCase(rng);
    const fast = kernelBits(c, spans);
    const slow = bruteForceBits(c);
    assert.ok(Math.abs(fast - slow) <= 1e-9, `case ${t}: kernel ${fast} vs enumeration ${slow} bits (J ${c.J}, V ${c.V})`);
    if (slow > 1e-3) positive++;
  }
  // The cases are not all trivial.
  assert.ok(positive > 200, `only ${positive} cases carried information`);
});

test('span information is bounded by the entropy of the state and is 0 when no bin can see', () => {
  const rng = createRng(7);
  const spans = new SpanInformation(8);
  for (let t = 0; t < 100; t++) {
    const c = randomCase(rng);
    const ws = c.groups.map((g) => g.reduce((a, q) => a + q.w.reduce((x, y) => x + y, 0), 0)).concat([c.absent]);
    const T = ws.reduce((a, b) => a + b, 0);
    const hx = -ws.filter((w) => w > 0).reduce((a, w) => a + (w / T) * Math.log2(w / T), 0);
    assert.ok(kernelBits(c, spans) <= hx + 1e-12, `case ${t}: I exceeds H(X)`);
    const blind: Case = { ...c, groups: c.groups.map((g) => g.map((q) => ({ w: q.w, p: q.p.map((row) => row.map(() => 0)) }))) };
    assert.ok(kernelBits(blind, spans) < 1e-12);
  }
});

test('a perfectly separating path yields the full entropy of the state', () => {
  // Two equally likely cells, each certain to light a different single bin, and 20 % "absent".
  const spans = new SpanInformation(4);
  spans.begin(3);
  spans.addAbsent(0.2);
  for (const j of [0, 2]) {
    spans.beginGroup();
    const p = new Float64Array(3);
    p[j] = 1;
    spans.add(Float64Array.of(0.4), 0, 1, p, 3, j, 1);
    spans.endGroup();
  }
  const h = -(0.2 * Math.log2(0.2) + 2 * 0.4 * Math.log2(0.4));
  assert.ok(Math.abs(spans.informationBits() - h) < 1e-12);
});

test('cluster entropy: particles and absent, variants summed', () => {
  const c: SourceCluster = {
    label: 't',
    count: 2,
    east: Float64Array.of(0, 10),
    north: Float64Array.of(0, 0),
    variants: [
      { stability: 3, sourceHeightM: 2, detectabilityM3s: 1 },
      { stability: 3, sourceHeightM: 8, detectabilityM3s: 1 },
    ],
    weight: Float64Array.of(0.1, 0.2, 0.25, 0.25),
  };
  const h = -(0.3 * Math.log2(0.3) + 0.5 * Math.log2(0.5) + 0.2 * Math.log2(0.2));
  assert.ok(Math.abs(clusterEntropyBits(c) - h) < 1e-12);
});

test('bin-mean plume equals gaussian.ts averaged along a crosswind bin (Simpson, 4001 nodes)', () => {
  const set = SIGMA_SET_INDEX['briggs-rural'];
  for (const [k, x, y0, y1, h, z] of [
    [3, 150, -40, 5, 5, 15],
    [1, 60, -3, 2, 2, 10],
    [5, 400, 10, 35, 8, 15],
    [3, 800, -200, 200, 3, 20],
  ] as const) {
    const n = 4001;
    let s = 0;
    for (let i = 0; i < n; i++) {
      const w = i === 0 || i === n - 1 ? 1 : i % 2 === 1 ? 4 : 2;
      s += w * plumeUnit({ sigmaSet: set, stability: k, sourceHeightM: h }, x, y0 + ((y1 - y0) * i) / (n - 1), z, 4);
    }
    const exact = s / (3 * (n - 1));
    const got = binMeanPlume(set, k, h, 4, 0, x, y0, x, y1, z);
    assert.ok(Math.abs(got - exact) <= 1e-5 * exact, `class ${k} x ${x}: ${got} vs ${exact}`);
  }
  // A bin wholly upwind of the source sees nothing.
  assert.equal(binMeanPlume(set, 3, 5, 4, 0.1, -50, 0, -10, 0, 15), 0);
});

test('fast normal mass agrees with numeric/normal.ts tail-accurate CDFs to 3e-7', () => {
  const rng = createRng(3);
  // Differences of tail-accurate CDFs on the side that avoids cancellation.
  const exact = (a: number, b: number): number => (a >= 0 ? normalSf(a) - normalSf(b) : b <= 0 ? normalCdf(b) - normalCdf(a) : 1 - normalCdf(a) - normalSf(b));
  for (let t = 0; t < 2000; t++) {
    const a = rng.uniform(-8, 8);
    const b = a + (t % 2 === 0 ? rng.uniform(0, 6) : rng.uniform(0, 0.05));
    assert.ok(Math.abs(fastNormalMass(a, b) - exact(a, b)) <= 3e-7, `${a}..${b}: ${fastNormalMass(a, b)} vs ${exact(a, b)}`);
  }
});

test('detection probability: 0 without signal, increasing, saturating at the model error', () => {
  const m = { sigmaSet: 0, thresholdSd: 4, relativeError: 0.5 };
  assert.equal(detectionProbability(0, m), 0);
  let prev = 0;
  for (let snr = 0.1; snr < 1e4; snr *= 1.2) {
    const p = detectionProbability(snr, m);
    assert.ok(p >= prev - 1e-15 && p <= 1, `p(${snr}) = ${p}`);
    prev = p;
  }
  // With a relative error alpha the reading exceeds any threshold with probability Phi(1/alpha) at most.
  const cap = 1 - normalSf(2);
  assert.ok(Math.abs(detectionProbability(1e9, m) - cap) < 1e-5);
});

test('revisit factor: the k-th pass adds the equicorrelated information increment', () => {
  assert.equal(revisitFactor(0, 0.5), 1);
  assert.ok(Math.abs(revisitFactor(1, 0.5) - 1 / 3) < 1e-15);
  for (const rho of [0, 0.25, 0.5, 0.9]) {
    let sum = 0;
    for (let k = 0; k < 12; k++) sum += revisitFactor(k, rho);
    assert.ok(Math.abs(sum - 12 / (1 + 11 * rho)) < 1e-12, `rho ${rho}`);
  }
});

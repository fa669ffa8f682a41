import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sigmaThetaClassIndex, stabilityPriorFromSigmaTheta } from '../src/index.js';

test('sigma-theta maps to Pasquill–Gifford classes by the EPA thresholds (class centres exact, monotone between)', () => {
  // Class centres used: A 27.5, B 20, C 15, D 10, E 5.625, F 2 degrees.
  assert.equal(sigmaThetaClassIndex(30), 0);
  assert.equal(sigmaThetaClassIndex(20), 1);
  assert.equal(sigmaThetaClassIndex(15), 2);
  assert.equal(sigmaThetaClassIndex(10), 3);
  assert.equal(sigmaThetaClassIndex(5.625), 4);
  assert.equal(sigmaThetaClassIndex(1), 5);
  assert.equal(sigmaThetaClassIndex(17.5), 1.5);
  let prev = -1;
  for (let s = 40; s >= 0; s -= 0.25) {
    const k = sigmaThetaClassIndex(s);
    assert.ok(k >= prev - 1e-12, `monotone at ${s}`);
    prev = k;
  }
});

test('the stability prior is a distribution peaked at the sigma-theta class', () => {
  for (const s of [2, 6, 10, 15, 20, 30]) {
    const p = stabilityPriorFromSigmaTheta(s);
    assert.ok(Math.abs(p.reduce((a, b) => a + b, 0) - 1) < 1e-12);
    const mode = p.indexOf(Math.max(...p));
    assert.equal(mode, Math.round(sigmaThetaClassIndex(s)), `sigma-theta ${s}`);
  }
  // Neutral (10 deg): D most likely, A least.
  const d = stabilityPriorFromSigmaTheta(10);
  assert.ok(d[3]! > 0.35 && d[0]! < 0.02);
});

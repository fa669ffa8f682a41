/**
 * Golden-fixture comparison for tests (`@nariz/core/testing`): deep
 * equality where every number may differ from the fixture by at most
 * `abs` or `rel` × |expected|, whichever is larger. Object keys must match
 * exactly; anything that is not a number, array or object must be equal.
 * A failure names the path of the first difference (`zones[2].coordinates[0][1]`).
 */
import assert from 'node:assert/strict';

export interface NearTolerance {
  readonly abs: number;
  readonly rel: number;
}

export function assertNear(actual: unknown, expected: unknown, path: string, tol: NearTolerance): void {
  if (typeof expected === 'number') {
    assert.equal(typeof actual, 'number', `${path}: type`);
    const a = actual as number;
    assert.ok(Math.abs(a - expected) <= Math.max(tol.abs, tol.rel * Math.abs(expected)), `${path}: ${a} vs ${expected}`);
  } else if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${path}: array`);
    assert.equal(actual.length, expected.length, `${path}: length`);
    expected.forEach((e, i) => assertNear((actual as unknown[])[i], e, `${path}[${i}]`, tol));
  } else if (expected !== null && typeof expected === 'object') {
    assert.ok(actual !== null && typeof actual === 'object' && !Array.isArray(actual), `${path}: object`);
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    assert.deepEqual(Object.keys(a).sort(), Object.keys(e).sort(), `${path}: keys`);
    for (const k of Object.keys(e)) assertNear(a[k], e[k], `${path}.${k}`, tol);
  } else {
    assert.equal(actual, expected, path);
  }
}

/**
 * Golden-fixture comparison: deep equality with numbers compared to 1e-9
 * relative or 1e-9 absolute (fixtures hold the full double, so only
 * floating-point noise across platforms is tolerated).
 */
import assert from 'node:assert/strict';

export function assertNear(actual: unknown, expected: unknown, path: string): void {
  if (typeof expected === 'number') {
    assert.equal(typeof actual, 'number', `${path}: type`);
    const a = actual as number;
    assert.ok(Math.abs(a - expected) <= Math.max(1e-9, 1e-9 * Math.abs(expected)), `${path}: ${a} vs ${expected}`);
  } else if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${path}: array`);
    assert.equal(actual.length, expected.length, `${path}: length`);
    expected.forEach((e, i) => assertNear((actual as unknown[])[i], e, `${path}[${i}]`));
  } else if (expected !== null && typeof expected === 'object') {
    assert.ok(actual !== null && typeof actual === 'object' && !Array.isArray(actual), `${path}: object`);
    const a = actual as Record<string, unknown>;
    const e = expected as Record<string, unknown>;
    assert.deepEqual(Object.keys(a).sort(), Object.keys(e).sort(), `${path}: keys`);
    for (const k of Object.keys(e)) assertNear(a[k], e[k], `${path}.${k}`);
  } else {
    assert.equal(actual, expected, path);
  }
}

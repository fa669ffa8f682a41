/**
 * Golden-fixture comparison for the flight tests: numbers to 1e-9 relative
 * or 1e-9 absolute (fixtures hold the full double, so only floating-point
 * noise across platforms is tolerated).
 */
import { assertNear as near } from '@nariz/core/testing';

export function assertNear(actual: unknown, expected: unknown, path: string): void {
  near(actual, expected, path, { abs: 1e-9, rel: 1e-9 });
}

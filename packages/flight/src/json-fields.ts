/**
 * Reading typed fields out of parsed-but-unknown JSON, with errors that name
 * the path of the bad field (`mission.items[3].params[4]`). Used at the edge
 * by every JSON reader in this package (flight plans, QGroundControl .plan
 * files, airspace authorities); nothing inside re-validates.
 */
import { NarizError, type ErrorCode } from '@nariz/core';

export interface NumberRule {
  readonly min?: number;
  readonly max?: number;
  /** Exclusive lower bound. */
  readonly above?: number;
  readonly integer?: boolean;
}

export class JsonFields {
  constructor(
    private readonly code: ErrorCode,
    private readonly file?: string,
  ) {}

  fail(path: string, message: string): never {
    throw new NarizError(this.code, message, this.file === undefined ? { path } : { file: this.file, path });
  }

  object(u: unknown, path: string): Record<string, unknown> {
    if (u === null || typeof u !== 'object' || Array.isArray(u)) this.fail(path, `expected an object, found ${describe(u)}`);
    return u as Record<string, unknown>;
  }

  array(u: unknown, path: string, minLength = 0): unknown[] {
    if (!Array.isArray(u)) this.fail(path, `expected an array, found ${describe(u)}`);
    if (u.length < minLength) this.fail(path, `expected at least ${minLength} entries, found ${u.length}`);
    return u;
  }

  string(u: unknown, path: string, pattern?: RegExp): string {
    if (typeof u !== 'string') this.fail(path, `expected a string, found ${describe(u)}`);
    if (pattern !== undefined && !pattern.test(u)) this.fail(path, `"${u}" does not match ${String(pattern)}`);
    return u;
  }

  boolean(u: unknown, path: string): boolean {
    if (typeof u !== 'boolean') this.fail(path, `expected true or false, found ${describe(u)}`);
    return u;
  }

  number(u: unknown, path: string, rule: NumberRule = {}): number {
    if (typeof u !== 'number' || !Number.isFinite(u)) this.fail(path, `expected a finite number, found ${describe(u)}`);
    if (rule.integer === true && !Number.isInteger(u)) this.fail(path, `expected an integer, found ${u}`);
    if (rule.min !== undefined && u < rule.min) this.fail(path, `${u} is below the minimum ${rule.min}`);
    if (rule.max !== undefined && u > rule.max) this.fail(path, `${u} is above the maximum ${rule.max}`);
    if (rule.above !== undefined && !(u > rule.above)) this.fail(path, `${u} must be greater than ${rule.above}`);
    return u;
  }

  optionalNumber(u: unknown, path: string, rule: NumberRule = {}): number | undefined {
    return u === undefined ? undefined : this.number(u, path, rule);
  }

  optionalString(u: unknown, path: string, pattern?: RegExp): string | undefined {
    return u === undefined ? undefined : this.string(u, path, pattern);
  }

  oneOf<T extends string>(u: unknown, path: string, values: readonly T[]): T {
    const s = this.string(u, path);
    if (!(values as readonly string[]).includes(s)) this.fail(path, `"${s}" is not one of ${values.join(', ')}`);
    return s as T;
  }

  latitude(u: unknown, path: string): number {
    return this.number(u, path, { min: -90, max: 90 });
  }

  longitude(u: unknown, path: string): number {
    return this.number(u, path, { min: -180, max: 180 });
  }

  /** An ISO 8601 date-time with a zone (`2024-06-01T10:00:00Z`, `...+02:00`). */
  isoTime(u: unknown, path: string): string {
    const s = this.string(u, path);
    if (!ISO_TIME.test(s) || Number.isNaN(Date.parse(s))) this.fail(path, `"${s}" is not an ISO 8601 date-time with a zone (e.g. 2024-06-01T10:00:00Z)`);
    return s;
  }
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function describe(u: unknown): string {
  if (u === null) return 'null';
  if (Array.isArray(u)) return 'an array';
  if (typeof u === 'number') return Number.isFinite(u) ? `the number ${u}` : String(u);
  if (typeof u === 'string') return `the string "${u.length > 40 ? `${u.slice(0, 40)}…` : u}"`;
  return typeof u === 'object' ? 'an object' : typeof u;
}

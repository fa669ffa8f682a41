/**
 * Canonical JSON: object keys sorted at every level, no whitespace,
 * undefined members dropped (as JSON.stringify does), numbers as
 * JSON.stringify writes them. One byte string per value, so a release's
 * SHA-256 can be recomputed by anyone from the stored package text
 * (the audit log encodes its entries the same way, store/src/audit.ts).
 */
import { createHash } from 'node:crypto';

export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : canonicalJson(x))).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const keys = Object.keys(o).filter((k) => o[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
  }
  if (typeof v === 'number' && !Number.isFinite(v)) throw new RangeError(`canonical JSON has no ${v}`);
  return JSON.stringify(v) ?? 'null';
}

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

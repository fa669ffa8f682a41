/**
 * Shared by the KLV tests: the reference data in ../shared/data/klv (read
 * by path from the repository root, the test runner's working directory),
 * hex helpers and the resolution of each item's mapping.
 */
import { readFileSync } from 'node:fs';
import type { TagEntry } from '../src/index.js';
export { concat } from './bytes.js';

export const KLV_DATA = '../shared/data/klv';

export function klvData(name: string): Uint8Array {
  return new Uint8Array(readFileSync(`${KLV_DATA}/${name}`));
}

export function klvJson<T>(name: string): T {
  return JSON.parse(readFileSync(`${KLV_DATA}/${name}`, 'utf8')) as T;
}

/** "06 0E 2B" or "060e2b" → bytes. */
export function fromHex(s: string): Uint8Array {
  const t = s.replace(/^0x/, '').replace(/\s+/g, '');
  return Uint8Array.from(t.match(/../g) ?? [], (h) => parseInt(h, 16));
}

export function toHex(b: Uint8Array): string {
  return Buffer.from(b).toString('hex').toUpperCase();
}

/** "2008-10-24 00:13:29.913000+00:00" → µs since the epoch, exactly. */
export function utcMicros(s: string): number {
  const m = /^(\d{4})-(\d\d)-(\d\d)[ T](\d\d):(\d\d):(\d\d)(?:\.(\d{1,6}))?(?:\+00:00|Z)$/.exec(s);
  if (m === null) throw new Error(`not a UTC time: ${s}`);
  const [, y, mo, d, h, mi, se, frac] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se));
  return ms * 1000 + Number((frac ?? '').padEnd(6, '0'));
}

/** Half the step between adjacent encoded values of an item written in `n` bytes (0 for integers and text). */
export function halfStep(e: TagEntry, n: number): number {
  const c = e.codec;
  switch (c.kind) {
    case 'umap': return (c.max - c.min) / (2 ** (8 * n) - 1) / 2;
    case 'smap': return c.range / (2 ** (8 * n - 1) - 1) / 2;
    case 'imapb': return c.maps[n - 1]!.sR;
    default: return 0;
  }
}

/** A concatenation of byte arrays. */

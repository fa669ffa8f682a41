/**
 * Random values for every item of the KLV tables, within each item's
 * range (seeded), and the comparison of a decoded value with the one
 * encoded, within the item's resolution. Driven by the tables, so a tag
 * added to a table is covered without a new generator.
 */
import assert from 'node:assert/strict';
import type { Rng } from '@nariz/core';
import type { KlvItem, KlvSeriesEntry, PackValues, SetTable, TagEntry } from '../src/index.js';

type PackName = keyof PackValues;

const ASCII = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789 -_/.:';
const WIDE = ['é', 'ñ', 'ü', '→', '°', 'Ω', '中'];

export function randomText(rng: Rng, maxBytes: number, asciiOnly = false): string {
  const n = rng.int(0, Math.min(maxBytes, 40));
  let s = '';
  while (s.length < n) s += !asciiOnly && rng.next() < 0.05 ? rng.pick(WIDE) : ASCII[rng.int(0, ASCII.length - 1)];
  while (new TextEncoder().encode(s).length > maxBytes) s = s.slice(0, -1);
  return s;
}

export function randomBytes(rng: Rng, n: number): Uint8Array {
  return Uint8Array.from({ length: n }, () => rng.int(0, 255));
}

const hexDigits = (rng: Rng, n: number): string => Array.from({ length: n }, () => '0123456789ABCDEF'[rng.int(0, 15)]).join('');
const geo = (rng: Rng, withHae: boolean, haeLo = -900, haeHi = 9000) => ({
  latDeg: rng.uniform(-90, 90), lonDeg: rng.uniform(-180, 180), ...(withHae ? { haeM: rng.uniform(haeLo, haeHi) } : {}),
});

function randomPack(rng: Rng, p: PackName): unknown {
  switch (p) {
    case 'horizon': {
      const base = { x0Pct: rng.int(0, 100), y0Pct: rng.int(0, 100), x1Pct: rng.int(0, 100), y1Pct: rng.int(0, 100) };
      if (rng.next() < 0.5) return base;
      const ll = (r: number): number | null => (rng.next() < 0.1 ? null : rng.uniform(-r, r));
      return { ...base, lat0Deg: ll(90), lon0Deg: ll(180), lat1Deg: ll(90), lon1Deg: ll(180) };
    }
    case 'miis': {
      const usage = rng.pick([0x70, 0x68, 0x28, 0x74, 0x02]);
      const id = (): string => hexDigits(rng, 32).match(/.{4}/g)!.join('-');
      const parts: string[] = [];
      const o: Record<string, unknown> = { version: 1, usage };
      for (const [k, present] of [['sensorId', ((usage >> 5) & 3) !== 0], ['platformId', ((usage >> 3) & 3) !== 0], ['windowId', (usage & 4) !== 0], ['minorId', (usage & 2) !== 0]] as const) {
        if (!present) continue;
        o[k] = id();
        parts.push(o[k] as string);
      }
      o.text = `01${usage.toString(16).toUpperCase().padStart(2, '0')}:${parts.join('/')}`;
      return o;
    }
    case 'controlCommand': {
      const c = { id: rng.int(0, 5000), command: randomText(rng, 127) };
      return rng.next() < 0.5 ? c : { ...c, timeUs: rng.int(946684800, 4102444800) * 1e6 };
    }
    case 'idList': return Array.from({ length: rng.int(0, 6) }, () => rng.int(0, 20000));
    case 'activePayloads': {
      const ids = new Set<number>();
      for (let k = rng.int(0, 6); k > 0; k--) ids.add(rng.int(0, 40));
      return [...ids].sort((a, b) => a - b);
    }
    case 'countryCodes': {
      const c = { codingMethod: rng.int(1, 16), overflight: randomText(rng, 3, true) };
      const k = rng.int(0, 2);
      if (k === 0) return c;
      if (k === 1) return { ...c, operator: randomText(rng, 3, true) };
      return { ...c, operator: randomText(rng, 3, true), manufacture: randomText(rng, 3, true) };
    }
    case 'frameRate': return rng.next() < 0.5 ? { numerator: rng.int(1, 240), denominator: 1 } : { numerator: rng.pick([30000, 60000, 24000]), denominator: 1001 };
    case 'wavelengths': return Array.from({ length: rng.int(0, 3) }, () => {
      const a = rng.uniform(0, 1e5);
      return { id: rng.int(21, 200), minNm: a, maxNm: a + rng.uniform(0, 1e5), name: randomText(rng, 20) };
    });
    case 'airbases': {
      const takeoff = rng.next() < 0.15 ? null : geo(rng, rng.next() < 0.7);
      const k = rng.int(0, 2);
      return { takeoff, recovery: k === 0 ? takeoff : k === 1 ? null : geo(rng, rng.next() < 0.7) };
    }
    case 'payloads': {
      const n = rng.int(0, 3);
      return { count: n + rng.int(0, 3), payloads: Array.from({ length: n }, (_, i) => ({ id: i, type: rng.int(0, 5), name: randomText(rng, 30) })) };
    }
    case 'weapons': return Array.from({ length: rng.int(0, 3) }, () => ({
      station: rng.int(0, 300), hardpoint: rng.int(0, 10), carriage: rng.int(0, 10), store: rng.int(0, 10), generalStatus: rng.int(0, 0x7f),
      fuzeEnabled: rng.next() < 0.5, laserEnabled: rng.next() < 0.5, targetEnabled: rng.next() < 0.5, armed: rng.next() < 0.5, type: randomText(rng, 20),
    }));
    case 'waypoints': return Array.from({ length: rng.int(0, 3) }, () => {
      const w = { id: rng.int(0, 1000), prosecutionOrder: rng.int(-32768, 32767) };
      const k = rng.int(0, 2);
      return k === 0 ? w : k === 1 ? { ...w, info: rng.int(0, 3) } : { ...w, info: rng.int(0, 3), location: geo(rng, true) };
    });
    case 'viewDomain': {
      const d = (lo: number, hi: number) => (rng.next() < 0.15 ? null : { startDeg: rng.uniform(lo, hi), rangeDeg: rng.uniform(0, 360) });
      const n = rng.int(1, 3);
      return { azimuth: d(0, 360), ...(n > 1 ? { elevation: d(-180, 180) } : {}), ...(n > 2 ? { roll: d(0, 360) } : {}) };
    }
    case 'msid': return rng.next() < 0.5 ? { localId: rng.int(1, 5000) } : { localId: 0, uuid: hexDigits(rng, 32) };
    case 'location': return randomLocation(rng);
    case 'locations': return Array.from({ length: rng.int(0, 4) }, () => randomLocation(rng));
    case 'fpaIndex': return { row: rng.int(0, 200), column: rng.int(0, 200) };
  }
}

function randomLocation(rng: Rng): unknown {
  const l = { latDeg: rng.uniform(-90, 90), lonDeg: rng.uniform(-180, 180), haeM: rng.uniform(-900, 19000) };
  const k = rng.int(0, 2);
  if (k === 0) return l;
  const s = { ...l, sigmaEastM: rng.uniform(0, 650), sigmaNorthM: rng.uniform(0, 650), sigmaUpM: rng.uniform(0, 650) };
  return k === 1 ? s : { ...s, rhoEastNorth: rng.uniform(-1, 1), rhoEastUp: rng.uniform(-1, 1), rhoNorthUp: rng.uniform(-1, 1) };
}

/** A random value for the item, in its range; `depth` limits nested sets. */
export function randomValue(rng: Rng, e: TagEntry, depth = 0): unknown {
  const c = e.codec;
  switch (c.kind) {
    case 'umap': return rng.next() < 0.05 ? rng.pick([c.min, c.max]) : rng.uniform(c.min, c.max);
    case 'smap': return rng.next() < 0.05 ? null : rng.next() < 0.05 ? rng.pick([-c.range, c.range]) : rng.uniform(-c.range, c.range);
    case 'uint': {
      if (c.labels !== undefined) {
        const ok = c.labels.flatMap((l, i) => (l === undefined ? [] : [i]));
        return rng.pick(ok);
      }
      const hi = Math.min(c.max, 2 ** Math.min(48, 8 * c.maxLength) - 1);
      return rng.next() < 0.3 ? rng.int(c.min, Math.min(hi, c.min + 300)) : rng.int(c.min, hi);
    }
    case 'int': {
      const half = 2 ** Math.min(47, 8 * c.maxLength - 1);
      return rng.int(-(half - 1), half - 1);
    }
    case 'time': return rng.int(946684800, 4102444800) * 1e6 + rng.int(0, 999999);
    case 'string':
      if (c.fixedLength > 0) return Array.from({ length: c.fixedLength }, () => String(rng.int(0, 9))).join('');
      return randomText(rng, c.maxLength, c.utf16);
    case 'imapb': {
      const r = rng.next();
      if (r < 0.02) return Infinity;
      if (r < 0.04) return -Infinity;
      if (r < 0.06) return NaN;
      return r < 0.1 ? rng.pick([c.min, c.max]) : rng.uniform(c.min, c.max);
    }
    case 'checksum': return rng.int(0, 0xffff);
    case 'bytes': return randomBytes(rng, c.length > 0 ? c.length : rng.int(0, 24));
    case 'set': return randomSet(rng, c.table(), depth + 1);
    case 'series': return Array.from({ length: rng.int(0, 3) }, () => {
      const rec = randomSet(rng, c.table(), depth + 1);
      return c.id ? { id: rng.int(0, 100000), ...rec } : rec;
    });
    case 'pack': return randomPack(rng, c.pack);
  }
}

/** A random record of some of a set's fields (items of bytes for an opaque set). */
export function randomSet(rng: Rng, table: SetTable, depth = 0, share = 0.5): Record<string, unknown> {
  if (table.opaque) return { items: Array.from({ length: rng.int(0, 3) }, () => ({ tag: rng.int(1, 200), value: randomBytes(rng, rng.int(0, 10)) })) };
  const rec: Record<string, unknown> = {};
  for (const e of table.entries) {
    if (e.codec.kind === 'checksum' || rng.next() >= share) continue;
    if ((e.codec.kind === 'set' || e.codec.kind === 'series') && depth >= 3) continue;
    rec[e.key] = e.multiple ? Array.from({ length: rng.int(1, 2) }, () => randomValue(rng, e, depth)) : randomValue(rng, e, depth);
  }
  return rec;
}

/** Tolerance of a number inside a pack, by field name: the coarsest IMAPB step the encoder writes for it. */
function packTolerance(key: string): number {
  if (/^(lat|lon)[01]Deg$/.test(key)) return 1e-7;
  if (key === 'latDeg' || key === 'lonDeg') return 2 ** -22;
  if (key === 'startDeg' || key === 'rangeDeg') return 2 ** -13;
  if (key === 'haeM') return 1;
  if (key.endsWith('Nm')) return 1;
  if (key.startsWith('sigma')) return 2 ** -5;
  if (key.startsWith('rho')) return 2 ** -13;
  return 0;
}

function approx(want: unknown, got: unknown, where: string, key = ''): void {
  if (typeof want === 'number') {
    assert.equal(typeof got, 'number', where);
    assert.ok(Math.abs((got as number) - want) <= packTolerance(key), `${where}: ${String(got)} vs ${want}`);
  } else if (Array.isArray(want)) {
    assert.ok(Array.isArray(got) && got.length === want.length, `${where}: length`);
    want.forEach((w, i) => approx(w, (got as unknown[])[i], `${where}[${i}]`, key));
  } else if (want !== null && typeof want === 'object' && !(want instanceof Uint8Array)) {
    assert.ok(got !== null && typeof got === 'object', where);
    const g = got as Record<string, unknown>;
    const w = want as Record<string, unknown>;
    assert.deepEqual(Object.keys(g).filter((k) => g[k] !== undefined).sort(), Object.keys(w).filter((k) => w[k] !== undefined).sort(), `${where}: keys`);
    for (const k of Object.keys(w)) approx(w[k], g[k], `${where}.${k}`, k);
  } else assert.deepEqual(got, want, where);
}

/** The flags decoding should put on an item holding `value`. */
export function expectedFlags(e: TagEntry, value: unknown): string[] {
  const f: string[] = [];
  if (e.codec.kind === 'smap' && value === null) f.push('reserved');
  if (e.codec.kind === 'imapb' && typeof value === 'number' && !Number.isFinite(value)) f.push('special');
  if (e.deprecated) f.push('deprecated');
  return f;
}

/** Asserts that the decoded item holds `want` (as encoded from) within the item's resolution. */
export function checkValue(e: TagEntry, want: unknown, it: KlvItem, where: string): void {
  const c = e.codec;
  const got = it.value;
  assert.deepEqual([...it.flags], expectedFlags(e, want), `${where}: flags`);
  switch (c.kind) {
    case 'umap':
    case 'smap':
    case 'imapb': {
      if (want === null || (typeof want === 'number' && Number.isNaN(want))) {
        assert.ok(want === null ? got === null : Number.isNaN(got), `${where}: ${String(got)}`);
        return;
      }
      const w = want as number;
      if (!Number.isFinite(w)) return assert.equal(got, w, where);
      const n = it.length;
      const step = c.kind === 'umap' ? (c.max - c.min) / (2 ** (8 * n) - 1) / 2 : c.kind === 'smap' ? c.range / (2 ** (8 * n - 1) - 1) / 2 : c.maps[n - 1]!.sR;
      assert.ok(typeof got === 'number' && Math.abs(got - w) <= step * (1 + 1e-9) + 1e-12 * Math.abs(w), `${where}: ${String(got)} vs ${w} (± ${step})`);
      return;
    }
    case 'set': {
      const table = c.table();
      const items = (got as { items: KlvItem[] }).items;
      assert.ok(Array.isArray(items), `${where}: a set`);
      checkSet(table, want as Record<string, unknown>, items, where);
      return;
    }
    case 'series': {
      const entries = got as KlvSeriesEntry[];
      const w = want as Record<string, unknown>[];
      assert.equal(entries.length, w.length, `${where}: entries`);
      w.forEach((x, i) => {
        if (c.id) assert.equal(entries[i]!.id, x.id, `${where}[${i}].id`);
        const { id: _id, ...rest } = x;
        checkSet(c.table(), c.id ? rest : x, entries[i]!.items, `${where}[${i}]`);
      });
      return;
    }
    case 'pack': return approx(want, got, where);
    default: assert.deepEqual(got, want, where);
  }
}

/** Every field of `want` is in the decoded items with its value. */
export function checkSet(table: SetTable, want: Record<string, unknown>, items: readonly KlvItem[], where: string): void {
  if (table.opaque) {
    const w = want.items as { tag: number; value: Uint8Array }[];
    assert.deepEqual(items.map((it) => [it.tag, it.value]), w.map((x) => [x.tag, x.value]), `${where}: opaque items`);
    return;
  }
  for (const [key, v] of Object.entries(want)) {
    const e = table.byKey.get(key)!;
    const found = items.filter((it) => it.tag === e.tag);
    const values = e.multiple ? (v as unknown[]) : [v];
    assert.equal(found.length, values.length, `${where}.${key}: occurrences`);
    values.forEach((x, i) => checkValue(e, x, found[i]!, `${where}.${key}${e.multiple ? `[${i}]` : ''}`));
  }
}

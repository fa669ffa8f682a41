/**
 * Local sets (SMPTE ST 336 "local set", MISB ST 0107): items of a BER-OID
 * tag, a BER length and a value, over a byte range. decodeItems reads one
 * set with its table; the value of each item is decoded by its codec
 * (scalars here, packs in packs.ts, nested sets and series recursively).
 *
 * Errors and flags: a tag or length that cannot be read, or an item that
 * claims more bytes than its set has left, makes the set unreadable past
 * that point: NARIZ_KLV with the byte offset. Inside a nested set (ST 0601
 * Item 48, 74, a VTarget Pack …) the outer decoder catches it and flags
 * the outer item `malformed`, keeping its bytes. Everything about a single
 * value (its length, its range, a reserved value) is a flag on the item.
 *
 * Speed: no allocation besides the items and their values; flags are a
 * bit mask turned into shared arrays; duplicate tags are found with a
 * per-depth generation stamp.
 */
import { NarizError } from '@nariz/core';
import { berProblem, readBerLength, readBerOid, type BerValue } from './ber.js';
import { ByteWriter } from './byte-writer.js';
import type { Codec, ImapbCodec, PackName } from './codecs.js';
import {
  F_DEPRECATED, F_DUPLICATE, F_MALFORMED, F_OUT_OF_RANGE, F_RESERVED, F_SPECIAL, F_UNKNOWN_TAG, F_WRONG_LENGTH, flagList,
} from './flags.js';
import { imapbKind } from './imapb.js';
import { POW256, intSize, readInt, readUint, uintSize } from './integers.js';
import type { KlvItem, KlvItemInput, KlvSeriesEntry, KlvValue } from './items.js';
import { klvError, klvUsage } from './klv-error.js';
import { MALFORMED, decodePack, encodePack } from './packs.js';
import type { SetTable, TagEntry } from './set-table.js';
import { decodeUtf16, decodeUtf8, encodeUtf16be, encodeUtf8, looksUtf16 } from './text.js';

/** Nested sets deeper than this are not decoded (ST 0601 → ST 0903 → VTarget → its sets is 4). */
export const MAX_DEPTH = 6;

export interface DecodeContext {
  readonly ber: BerValue;
  /** Flags of the item being decoded. */
  flags: number;
  /** Added to an index in the input to give the reported byte offset. */
  delta: number;
  depth: number;
  /** ST 0903 before version 4 wrote locations as plain scaled integers. */
  legacyVmti: boolean;
}

export function newContext(delta: number): DecodeContext {
  return { ber: { value: 0 }, flags: 0, delta, depth: 0, legacyVmti: false };
}

// Duplicate detection: seen[depth][tag] === generation of the set being read at that depth.
const seen: Uint32Array[] = Array.from({ length: MAX_DEPTH + 1 }, () => new Uint32Array(256));
let generation = 0;

const unknownKeys: string[] = [];
const unknownNames: string[] = [];

function unknownEntryKey(tag: number): string {
  if (tag < 256) return (unknownKeys[tag] ??= `tag${tag}`);
  return `tag${tag}`;
}

function unknownEntryName(tag: number, table: SetTable): string {
  if (table.opaque) return `${table.name} item ${tag}`;
  if (tag < 256) return (unknownNames[tag] ??= `Unknown tag ${tag}`);
  return `Unknown tag ${tag}`;
}

/** The items of the set in b[start, end). Throws NARIZ_KLV when its framing breaks. */
export function decodeItems(b: Uint8Array, start: number, end: number, table: SetTable, ctx: DecodeContext): KlvItem[] {
  const items: KlvItem[] = [];
  const depth = ctx.depth;
  const marks = seen[depth]!;
  const gen = (generation = (generation + 1) >>> 0 || 1);
  const ber = ctx.ber;
  if (table.legacy !== undefined) ctx.legacyVmti = versionBelow(b, start, end, table.legacy.versionTag, table.legacy.below, ber);
  let p = start;
  while (p < end) {
    const at = p;
    let tag = b[p]!;
    if (tag < 0x80) p++;
    else {
      p = readBerOid(b, p, end, ber);
      if (p < 0) throw klvError(`${table.name}: the tag at byte ${at + ctx.delta} is ${berProblem(p)}`, at + ctx.delta);
      tag = ber.value;
    }
    if (p >= end) throw klvError(`${table.name}: tag ${tag} at byte ${at + ctx.delta} has no length (the set ends)`, at + ctx.delta);
    let len = b[p]!;
    if (len < 0x80) p++;
    else {
      const q = readBerLength(b, p, end, ber);
      if (q < 0) throw klvError(`${table.name}: the length of tag ${tag} at byte ${at + ctx.delta} is ${berProblem(q)}`, p + ctx.delta);
      p = q;
      len = ber.value;
    }
    if (len > end - p) {
      throw klvError(`${table.name}: tag ${tag} at byte ${at + ctx.delta} claims ${len} bytes; ${end - p} are left in the set`, at + ctx.delta);
    }
    const e = tag < 256 ? table.byTag[tag] : undefined;
    let extra = 0;
    if (tag < 256) {
      if (marks[tag] === gen && (e === undefined || !e.multiple)) extra |= F_DUPLICATE;
      marks[tag] = gen;
    }
    let value: KlvValue;
    if (e === undefined) {
      value = b.slice(p, p + len);
      if (!table.opaque) extra |= F_UNKNOWN_TAG;
      items.push(item(tag, unknownEntryKey(tag), unknownEntryName(tag, table), '', value, at + ctx.delta, p + ctx.delta, len, extra));
    } else {
      ctx.flags = 0;
      value = decodeValue(e.codec, b, p, len, ctx);
      if (e.deprecated) extra |= F_DEPRECATED;
      items.push(item(tag, e.key, e.name, e.units, value, at + ctx.delta, p + ctx.delta, len, ctx.flags | extra));
    }
    p += len;
  }
  return items;
}

/** Whether the set's version item (a plain unsigned integer) is present and below `below`; a quick scan of the set's tags. */
function versionBelow(b: Uint8Array, start: number, end: number, versionTag: number, below: number, ber: BerValue): boolean {
  for (let p = start; p < end;) {
    const q = readBerOid(b, p, end, ber);
    if (q < 0) return false;
    const tag = ber.value;
    const r = readBerLength(b, q, end, ber);
    if (r < 0 || r + ber.value > end) return false;
    if (tag === versionTag) return ber.value >= 1 && ber.value <= 2 && readUint(b, r, ber.value) < below;
    p = r + ber.value;
  }
  return false;
}

function item(tag: number, key: string, name: string, units: string, value: KlvValue, offset: number, valueOffset: number, length: number, mask: number): KlvItem {
  return { tag, key, name, units, value, offset, valueOffset, length, flags: flagList(mask) };
}

function pow256(n: number): number {
  return POW256[n] ?? 2 ** (8 * n);
}

/** The value of `len` bytes at `at`, decoded by `codec`; problems go to ctx.flags. */
export function decodeValue(codec: Codec, b: Uint8Array, at: number, len: number, ctx: DecodeContext): KlvValue {
  switch (codec.kind) {
    case 'umap': {
      if (len !== codec.length) {
        ctx.flags |= F_WRONG_LENGTH;
        if (len === 0 || len > 8) return null;
      }
      return codec.min + (readUint(b, at, len) * (codec.max - codec.min)) / (pow256(len) - 1);
    }
    case 'smap': {
      if (len !== codec.length) {
        ctx.flags |= F_WRONG_LENGTH;
        if (len === 0 || len > 8) return null;
      }
      const raw = readInt(b, at, len);
      const half = pow256(len) / 2;
      if (raw === -half) {
        ctx.flags |= F_RESERVED;
        return null;
      }
      return (raw * codec.range) / (half - 1);
    }
    case 'uint': {
      if (len === 0 || len > codec.maxLength || (codec.length === codec.maxLength && len !== codec.length)) {
        ctx.flags |= F_WRONG_LENGTH;
        if (len === 0 || len > 8) return null;
      }
      const v = readUint(b, at, len);
      if (v < codec.min || v > codec.max || (codec.labels !== undefined && codec.labels[v] === undefined)) ctx.flags |= F_OUT_OF_RANGE;
      return v;
    }
    case 'int': {
      if (len === 0 || len > codec.maxLength || (codec.length === codec.maxLength && len !== codec.length)) {
        ctx.flags |= F_WRONG_LENGTH;
        if (len === 0 || len > 8) return null;
      }
      return readInt(b, at, len);
    }
    case 'time':
    case 'checksum': {
      const want = codec.kind === 'time' ? 8 : 2;
      if (len !== want) {
        ctx.flags |= F_WRONG_LENGTH;
        if (len === 0 || len > 8) return null;
      }
      return readUint(b, at, len);
    }
    case 'string': {
      if (len > codec.maxLength || (codec.fixedLength > 0 && len !== codec.fixedLength)) ctx.flags |= F_WRONG_LENGTH;
      return codec.utf16 && looksUtf16(b, at, at + len) ? decodeUtf16(b, at, at + len) : decodeUtf8(b, at, at + len);
    }
    case 'imapb': return decodeImapb(codec, b, at, len, ctx);
    case 'bytes': {
      if (codec.length > 0 && len !== codec.length) ctx.flags |= F_WRONG_LENGTH;
      return b.slice(at, at + len);
    }
    case 'set': {
      if (ctx.depth >= MAX_DEPTH) {
        ctx.flags |= F_MALFORMED;
        return b.slice(at, at + len);
      }
      const mine = ctx.flags;
      ctx.depth++;
      try {
        const items = decodeItems(b, at, at + len, codec.table(), ctx);
        ctx.flags = mine;
        return { items };
      } catch (e) {
        if (!(e instanceof NarizError)) throw e;
        ctx.flags = mine | F_MALFORMED;
        return b.slice(at, at + len);
      } finally {
        ctx.depth--;
      }
    }
    case 'series': return decodeSeries(codec.table(), codec.id, b, at, at + len, ctx);
    case 'pack': {
      try {
        return decodePack(codec.pack, b, at, at + len, ctx, ctx.legacyVmti);
      } catch (e) {
        if (e !== MALFORMED) throw e;
        ctx.flags |= F_MALFORMED;
        return b.slice(at, at + len);
      }
    }
  }
}

function decodeImapb(codec: ImapbCodec, b: Uint8Array, at: number, len: number, ctx: DecodeContext): number | null {
  if (len === 0 || len > 8) {
    ctx.flags |= F_WRONG_LENGTH;
    return null;
  }
  if (len > codec.maxLength) ctx.flags |= F_WRONG_LENGTH;
  if (b[at]! >= 0x80) {
    const kind = imapbKind(b, at, len);
    if (kind === 'reserved' || kind === 'misb-defined') {
      ctx.flags |= F_RESERVED;
      return null;
    }
    if (kind !== 'normal') {
      ctx.flags |= F_SPECIAL;
      return codec.maps[len - 1]!.decode(b, at);
    }
  }
  const m = codec.maps[len - 1]!;
  const v = m.decode(b, at);
  // The zero offset moves the ends by less than a step: a < a − sR·zOffset is the encoding of a itself.
  if (v < codec.min - m.sR || v > codec.max + m.sR) ctx.flags |= F_OUT_OF_RANGE;
  return v;
}

/** A series of BER-length-prefixed sets (with a leading BER-OID id each when `withId`). A break keeps what was read and flags `malformed`. */
function decodeSeries(table: SetTable, withId: boolean, b: Uint8Array, start: number, end: number, ctx: DecodeContext): KlvSeriesEntry[] {
  const out: KlvSeriesEntry[] = [];
  const mine = ctx.flags;
  let bad = ctx.depth >= MAX_DEPTH;
  ctx.depth++;
  try {
    for (let p = start; p < end && !bad;) {
      const q = readBerLength(b, p, end, ctx.ber);
      if (q < 0 || q + ctx.ber.value > end) {
        bad = true;
        break;
      }
      const entryEnd = q + ctx.ber.value;
      let r = q;
      let id: number | undefined;
      if (withId) {
        r = readBerOid(b, q, entryEnd, ctx.ber);
        if (r < 0) {
          bad = true;
          break;
        }
        id = ctx.ber.value;
      }
      try {
        const items = decodeItems(b, r, entryEnd, table, ctx);
        out.push(id === undefined ? { items } : { id, items });
      } catch (e) {
        if (!(e instanceof NarizError)) throw e;
        bad = true;
      }
      p = entryEnd;
    }
  } finally {
    ctx.depth--;
  }
  ctx.flags = mine | (bad ? F_MALFORMED : 0);
  return out;
}

// ---- encoding ----

/** Writes the items of a set (tag, length, value each), in order. */
export function encodeItems(items: readonly KlvItemInput[], table: SetTable, w: ByteWriter): void {
  for (const it of items) {
    const e = it.tag < 256 ? table.byTag[it.tag] : undefined;
    if (!(Number.isInteger(it.tag) && it.tag >= 1)) klvUsage(`${table.name}: tag ${String(it.tag)} is not a positive whole number`);
    w.berOid(it.tag);
    if (e === undefined) {
      if (!(it.value instanceof Uint8Array)) klvUsage(`${table.name}: tag ${it.tag} is not defined; its value must be given as bytes (Uint8Array)`);
      w.lengthPrefixed(it.value);
      continue;
    }
    w.lengthPrefixed(encodeValue(e, it.value, it.length, table));
  }
}

/** Items from a record of field keys (`{ sensorLatDeg: 1 }`), in the record's order; arrays for tags allowed more than once. */
export function itemsFromRecord(record: Readonly<Record<string, unknown>>, table: SetTable, skip: readonly string[] = []): KlvItemInput[] {
  const out: KlvItemInput[] = [];
  for (const [key, v] of Object.entries(record)) {
    if (v === undefined || skip.includes(key)) continue;
    const e = table.byKey.get(key);
    if (e === undefined) klvUsage(`${table.name} has no field "${key}"; fields: ${[...table.byKey.keys()].join(', ')}`);
    if (e!.multiple && Array.isArray(v)) for (const x of v) out.push({ tag: e!.tag, value: x as KlvValue });
    else out.push({ tag: e!.tag, value: v as KlvValue });
  }
  return out;
}

function asItems(v: unknown, table: SetTable, what: string, skip: readonly string[] = []): readonly KlvItemInput[] {
  if (typeof v !== 'object' || v === null || Array.isArray(v) || v instanceof Uint8Array) klvUsage(`${what} must be { items } or a record of ${table.name} fields`);
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.items)) return o.items as KlvItemInput[];
  return itemsFromRecord(o, table, skip);
}

function lengthOr(hint: number | undefined, dflt: number, max = 8): number {
  return hint !== undefined && Number.isInteger(hint) && hint >= 1 && hint <= max ? hint : dflt;
}

/** The value bytes of one item. `hint` is the width to write variable-width numbers in (a decoded item's length). */
export function encodeValue(e: TagEntry, value: unknown, hint: number | undefined, table: SetTable): Uint8Array {
  const c = e.codec;
  const fail = (msg: string): never => klvUsage(`${table.name} ${e.name} (tag ${e.tag}, ${e.key}): ${msg}`);
  const w = new ByteWriter(16);
  const number = (lo: number, hi: number): number => {
    if (typeof value !== 'number' || !(value >= lo && value <= hi)) fail(`expected a number in [${lo}, ${hi}], got ${String(value)}`);
    return value as number;
  };
  switch (c.kind) {
    case 'umap': {
      const n = lengthOr(hint, c.length);
      const x = number(c.min, c.max);
      w.uint(Math.min(pow256(n) - 1, Math.round(((x - c.min) * (pow256(n) - 1)) / (c.max - c.min))), n);
      break;
    }
    case 'smap': {
      const n = lengthOr(hint, c.length);
      const half = pow256(n) / 2;
      if (value === null) w.int(-half, n);
      else w.int(Math.max(-(half - 1), Math.min(half - 1, Math.round((number(-c.range, c.range) * (half - 1)) / c.range))), n);
      break;
    }
    case 'uint':
    case 'checksum':
    case 'time': {
      const max = c.kind === 'uint' ? c.maxLength : c.kind === 'time' ? 8 : 2;
      if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value >= pow256(max)) fail(`expected a whole number 0..2^${8 * max}−1, got ${String(value)}`);
      const v = value as number;
      const fixed = c.kind === 'uint' ? c.length : max;
      const n = Math.max(uintSize(v), c.kind === 'uint' ? lengthOr(hint, fixed === 0 ? 1 : fixed, c.maxLength) : fixed);
      w.uint(v, n);
      break;
    }
    case 'int': {
      if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) >= pow256(c.maxLength) / 2) fail(`expected a whole number that fits ${c.maxLength} bytes, got ${String(value)}`);
      const v = value as number;
      w.int(v, Math.max(intSize(v), lengthOr(hint, c.length === 0 ? 1 : c.length, c.maxLength)));
      break;
    }
    case 'string': {
      if (typeof value !== 'string') fail(`expected a string, got ${typeof value}`);
      const bytes = c.utf16 ? encodeUtf16be(value as string) : encodeUtf8(value as string);
      if (bytes.length > c.maxLength || (c.fixedLength > 0 && bytes.length !== c.fixedLength)) {
        fail(c.fixedLength > 0 ? `must be ${c.fixedLength} bytes, got ${bytes.length}` : `is ${bytes.length} bytes, at most ${c.maxLength}`);
      }
      return bytes;
    }
    case 'imapb': {
      const n = lengthOr(hint, c.length);
      const m = c.maps[n - 1]!;
      // A decoded end of the range may lie a step outside it (the zero offset): taken as the end.
      if (typeof value !== 'number' || (Number.isFinite(value) && !(value >= c.min - m.sR && value <= c.max + m.sR))) {
        fail(`expected a number in [${c.min}, ${c.max}] (or ±Infinity, NaN), got ${String(value)}`);
      }
      return m.bytesOf(Number.isFinite(value) ? Math.min(c.max, Math.max(c.min, value as number)) : (value as number));
    }
    case 'bytes': {
      if (!(value instanceof Uint8Array)) fail('expected bytes (Uint8Array)');
      if (c.length > 0 && (value as Uint8Array).length !== c.length) fail(`must be ${c.length} bytes`);
      return value as Uint8Array;
    }
    case 'set': {
      if (value instanceof Uint8Array) return value;
      encodeItems(asItems(value, c.table(), e.name), c.table(), w);
      break;
    }
    case 'series': {
      if (value instanceof Uint8Array) return value;
      if (!Array.isArray(value)) fail('expected an array of sets');
      for (const [i, x] of (value as unknown[]).entries()) {
        const inner = new ByteWriter(64);
        if (c.id) {
          const id = (x as { id?: unknown }).id;
          if (typeof id !== 'number' || !Number.isInteger(id) || id < 0) fail(`entry ${i}: id must be a whole number`);
          inner.berOid(id as number);
        }
        encodeItems(asItems(x, c.table(), `${e.name} entry ${i}`, c.id ? ['id'] : []), c.table(), inner);
        w.lengthPrefixed(inner.view());
      }
      break;
    }
    case 'pack': {
      if (value instanceof Uint8Array) return value;
      encodePack(c.pack as PackName, value, w, fail);
      break;
    }
  }
  return w.finish();
}

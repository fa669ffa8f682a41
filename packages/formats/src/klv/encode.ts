/**
 * Encoders: ST 0601 packets (every item the decoder reads), the ST 0102
 * and ST 0903 sets, nested or standalone. They take the items decoding
 * gives (so a decoded packet re-encodes to the same bytes, the checksum
 * recomputed) or records of field names:
 *
 *   encodeSt0601Fields({ precisionTimeStampUs, sensorLatDeg: 60.1, sensorLonDeg: 24.9, platformHeadingDeg: 12,
 *                        securityLocalSet: { classification: 1, classifyingCountryCodingMethod: 13, classifyingCountry: '//USA', … } })
 *
 * The Precision Time Stamp is written first and the checksum last, as ST
 * 0601 requires. A value the item cannot hold (out of its range, the wrong
 * type) is NARIZ_USAGE naming the item.
 */
import { ByteWriter } from './byte-writer.js';
import { klvChecksum } from './checksum.js';
import type { KlvItemInput, KlvSetInput } from './items.js';
import { klvUsage } from './klv-error.js';
import { encodeItems, itemsFromRecord } from './local-set.js';
import type { SetTable } from './set-table.js';
import { ST0102 } from './st0102-tags.js';
import { ST0601, ST0601_VERSION, type St0601FieldInputs } from './st0601-tags.js';
import { ST0903 } from './st0903-tags.js';
import { ST0102_KEY, ST0601_KEY, ST0903_KEY, UL_LENGTH } from './universal-key.js';

export interface EncodeSt0601Options {
  /** Another 16-byte key (default the ST 0601 key). */
  readonly key?: Uint8Array;
}

export interface EncodeFieldsOptions extends EncodeSt0601Options {
  /** Item 65 written when the fields lack it (default 19, the version the tables follow); false to leave it out. */
  readonly version?: number | false;
}

function packet(key: Uint8Array, value: Uint8Array, withChecksum: boolean): Uint8Array {
  if (key.length !== UL_LENGTH) klvUsage(`a KLV key is ${UL_LENGTH} bytes, got ${key.length}`);
  const w = new ByteWriter(value.length + 24);
  w.bytes(key);
  w.berLength(value.length + (withChecksum ? 4 : 0));
  w.bytes(value);
  if (withChecksum) {
    w.u8(1);
    w.u8(2);
    const sum = klvChecksum(w.view(), 0, w.length);
    w.u8(sum >>> 8);
    w.u8(sum & 0xff);
  }
  return w.finish();
}

function setValue(items: readonly KlvItemInput[], table: SetTable): Uint8Array {
  const w = new ByteWriter(256);
  encodeItems(items, table, w);
  return w.finish();
}

/** An ST 0601 packet from items (a decoded packet's, or built): Item 2 moved first, any Item 1 dropped and the checksum appended. */
export function encodeSt0601(items: readonly KlvItemInput[], opts: EncodeSt0601Options = {}): Uint8Array {
  const body = items.filter((it) => it.tag !== 1);
  const ts = body.findIndex((it) => it.tag === 2);
  if (ts > 0) body.unshift(...body.splice(ts, 1));
  return packet(opts.key ?? ST0601_KEY, setValue(body, ST0601), true);
}

/** An ST 0601 packet from a record of field names; Item 65 added unless `version: false`. */
export function encodeSt0601Fields(fields: St0601FieldInputs, opts: EncodeFieldsOptions = {}): Uint8Array {
  const items = itemsFromRecord(fields as Record<string, unknown>, ST0601, ['checksum']);
  const version = opts.version ?? ST0601_VERSION;
  if (version !== false && !items.some((it) => it.tag === 65)) items.push({ tag: 65, value: version });
  return encodeSt0601(items, opts);
}

function itemsOf(set: KlvSetInput | readonly KlvItemInput[], table: SetTable): readonly KlvItemInput[] {
  if (Array.isArray(set)) return set as readonly KlvItemInput[];
  const o = set as Record<string, unknown>;
  return Array.isArray(o.items) ? (o.items as KlvItemInput[]) : itemsFromRecord(o, table, ['checksum']);
}

/**
 * An ST 0102 Security Local Set: the value to nest as ST 0601 Item 48
 * (default), or a standalone packet with the ST 0102 key.
 */
export function encodeSt0102(set: KlvSetInput | readonly KlvItemInput[], opts: { standalone?: boolean } = {}): Uint8Array {
  const value = setValue(itemsOf(set, ST0102), ST0102);
  return opts.standalone === true ? packet(ST0102_KEY, value, false) : value;
}

/**
 * An ST 0903 VMTI Local Set: the value to nest as ST 0601 Item 74
 * (default), or a standalone packet with the ST 0903 key and a checksum.
 */
export function encodeSt0903(set: KlvSetInput | readonly KlvItemInput[], opts: { standalone?: boolean } = {}): Uint8Array {
  const items = itemsOf(set, ST0903).filter((it) => !(opts.standalone === true && it.tag === 1));
  const value = setValue(items, ST0903);
  return opts.standalone === true ? packet(ST0903_KEY, value, true) : value;
}

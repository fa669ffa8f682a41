/**
 * Decoding an ST 0601 UAS Datalink packet: key, BER length, items, the
 * checksum verified (a mismatch is reported, the packet still decoded), the
 * Precision Time Stamp picked out. Problems with single items are flags
 * (flags.ts); problems with the packet as a whole are NARIZ_KLV errors with
 * the byte offset (docs/formats/klv.md#errors-and-flags).
 */
import { klvChecksum } from './checksum.js';
import { F_UNKNOWN_TAG, flagList, type KlvFlag } from './flags.js';
import { fieldsOf } from './fields.js';
import type { KlvItem, KlvValue } from './items.js';
import { klvError } from './klv-error.js';
import { decodeItems, decodeValue, newContext } from './local-set.js';
import { frameKlv } from './packet.js';
import { ST0601, type St0601Fields } from './st0601-tags.js';
import { keyHex } from './universal-key.js';

/** Packet-level findings that do not stop decoding. */
export type St0601PacketFlag =
  /** The checksum item's value is not the sum of the packet's bytes: the packet was damaged, or its encoder computes it wrong. */
  | 'checksum-mismatch'
  /** No checksum item (ST 0601 requires one, last). */
  | 'checksum-missing'
  /** The checksum item is not the last item. */
  | 'checksum-not-last'
  /** No Precision Time Stamp (Item 2), which ST 0601 requires. */
  | 'timestamp-missing'
  /** The Precision Time Stamp is not the first item, where ST 0601 puts it. */
  | 'timestamp-not-first'
  /** The key is not the ST 0601 key (decoded as ST 0601 because the caller asked). */
  | 'other-key';

export interface ChecksumResult {
  /** The checksum item's value, null when there is none. */
  readonly stored: number | null;
  /** The sum of the bytes up to the checksum item's value (to the end of the packet when there is none). */
  readonly computed: number;
  readonly ok: boolean;
}

export interface St0601Packet {
  /** The 16-byte key in hex. */
  readonly key: string;
  /** Byte offset of the key in the input (or stream). */
  readonly offset: number;
  /** Bytes of the value (the items). */
  readonly length: number;
  /** Bytes of the whole packet: key, length, value. */
  readonly packetLength: number;
  readonly items: readonly KlvItem[];
  readonly checksum: ChecksumResult;
  /** Item 2, µs since 1970-01-01T00:00:00Z; null when absent. */
  readonly timestampUs: number | null;
  /** Item 65, the ST 0601 version the encoder followed; null when absent. */
  readonly version: number | null;
  readonly flags: readonly St0601PacketFlag[];
}

export interface DecodeOptions {
  /** Index of the key's first byte in `bytes` (default 0). Bytes after the packet are ignored. */
  readonly offset?: number;
  /** Index after the last byte that may belong to the packet (default bytes.length). */
  readonly end?: number;
  /** Added to indices in `bytes` for every reported byte offset (a stream position); default 0. */
  readonly base?: number;
  /** Decode the value as ST 0601 even when the key is another (flagged `other-key`). */
  readonly anyKey?: boolean;
}

const NO_PACKET_FLAGS: readonly St0601PacketFlag[] = Object.freeze([]);

/** Decodes the ST 0601 packet at `opts.offset` (default 0) of `bytes`. */
export function decodeSt0601(bytes: Uint8Array, opts: DecodeOptions = {}): St0601Packet {
  const at = opts.offset ?? 0;
  const base = opts.base ?? 0;
  const f = frameKlv(bytes, at, opts.end ?? bytes.length, base);
  const flags: St0601PacketFlag[] = [];
  if (f.kind !== 'st0601') {
    if (opts.anyKey !== true) throw klvError(`not an ST 0601 packet: key ${keyHex(bytes, at)}`, at + base);
    flags.push('other-key');
  }
  const ctx = newContext(base);
  const items = decodeItems(bytes, f.valueStart, f.end, ST0601, ctx);

  let timestampUs: number | null = null;
  let version: number | null = null;
  let checksumAt = -1;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.tag === 2 && timestampUs === null && typeof it.value === 'number') {
      timestampUs = it.value;
      if (i !== 0) flags.push('timestamp-not-first');
    } else if (it.tag === 65 && typeof it.value === 'number') version = it.value;
    else if (it.tag === 1) checksumAt = i;
  }
  if (timestampUs === null) flags.push('timestamp-missing');

  let checksum: ChecksumResult;
  if (checksumAt < 0) {
    flags.push('checksum-missing');
    checksum = { stored: null, computed: klvChecksum(bytes, at, f.end), ok: false };
  } else {
    const ck = items[checksumAt]!;
    if (checksumAt !== items.length - 1) flags.push('checksum-not-last');
    const computed = klvChecksum(bytes, at, ck.valueOffset - base);
    const stored = typeof ck.value === 'number' ? ck.value : null;
    checksum = { stored, computed, ok: stored === computed };
    if (!checksum.ok) flags.push('checksum-mismatch');
  }
  return {
    key: keyHex(bytes, at), offset: at + base, length: f.valueLength, packetLength: f.end - at, items, checksum, timestampUs, version,
    flags: flags.length === 0 ? NO_PACKET_FLAGS : flags,
  };
}

/** One item's value from its value bytes (for a single tag out of context, e.g. the standard's examples). */
export function decodeSt0601Value(tag: number, value: Uint8Array): { value: KlvValue; flags: readonly KlvFlag[] } {
  const e = ST0601.byTag[tag];
  if (e === undefined) return { value: value.slice(), flags: flagList(F_UNKNOWN_TAG) };
  const ctx = newContext(0);
  const v = decodeValue(e.codec, value, 0, value.length, ctx);
  return { value: v, flags: flagList(ctx.flags) };
}

/** The packet's items by field name (`{ sensorLatDeg, … }`): the last value of each tag, arrays for tags allowed several times. */
export function st0601Fields(packet: St0601Packet | readonly KlvItem[]): St0601Fields {
  return fieldsOf('items' in packet ? packet.items : packet, ST0601) as St0601Fields;
}

/**
 * Packets from field values: for tests, simulators and the server's UDP test
 * sender. Layouts and CRC_EXTRA come from the dialect (node-mavlink's
 * definitions); fields are named as in the MAVLink XML (`time_boot_ms`,
 * `relative_alt`). MAVLink 2 packets have their payload's trailing zeros
 * trimmed (keeping the first byte, as the specification asks); MAVLink 1
 * packets carry no extension fields.
 */
import { NarizError } from '@nariz/core';
import { packetCrc } from './crc.js';
import { defaultDialect, type MavlinkDialect } from './dialect.js';
import { CHECKSUM_LENGTH, HEADER_V1, HEADER_V2, STX_V1, STX_V2 } from './frame.js';

export type FieldValue = number | bigint | string | ArrayLike<number>;

export interface EncodeOptions {
  /** 2 (default) or 1. */
  version?: 1 | 2;
  sysid?: number;
  compid?: number;
  /** Sequence number 0..255 (default 0). */
  seq?: number;
  dialect?: MavlinkDialect;
}

/** HEARTBEAT.mavlink_version is filled by the library, as MAVLink's C library does. */
const MAVLINK_VERSION = 3;

const INT_RANGES: Readonly<Record<string, readonly [number, number]>> = {
  uint8_t: [0, 0xff], int8_t: [-0x80, 0x7f], uint16_t: [0, 0xffff], int16_t: [-0x8000, 0x7fff],
  uint32_t: [0, 0xffffffff], int32_t: [-0x80000000, 0x7fffffff],
};

function usage(msg: string): never {
  throw new NarizError('NARIZ_USAGE', msg);
}

function writeScalar(v: DataView, at: number, type: string, x: number | bigint, where: string): void {
  if (type === 'uint64_t' || type === 'int64_t') {
    const big = typeof x === 'bigint' ? x : Number.isInteger(x) ? BigInt(x) : usage(`${where}: ${x} is not a whole number`);
    if (type === 'uint64_t') v.setBigUint64(at, BigInt.asUintN(64, big), true);
    else v.setBigInt64(at, BigInt.asIntN(64, big), true);
    return;
  }
  const n = typeof x === 'bigint' ? Number(x) : x;
  if (type === 'float') return v.setFloat32(at, n, true);
  if (type === 'double') return v.setFloat64(at, n, true);
  const range = INT_RANGES[type] ?? usage(`${where}: unsupported field type ${type}`);
  if (!Number.isInteger(n) || n < range[0] || n > range[1]) usage(`${where}: ${n} is not a ${type}`);
  switch (type) {
    case 'uint8_t': return v.setUint8(at, n);
    case 'int8_t': return v.setInt8(at, n);
    case 'uint16_t': return v.setUint16(at, n, true);
    case 'int16_t': return v.setInt16(at, n, true);
    case 'uint32_t': return v.setUint32(at, n, true);
    default: return v.setInt32(at, n, true);
  }
}

/** One packet of message `msgid` with the given field values (absent fields are zero). */
export function encodeFrame(msgid: number, fields: Readonly<Record<string, FieldValue>>, opts: EncodeOptions = {}): Uint8Array {
  const dialect = opts.dialect ?? defaultDialect();
  const info = dialect.message(msgid) ?? usage(`message id ${msgid} is not in the dialect`);
  const version = opts.version ?? 2;
  if (version === 1 && msgid > 255) usage(`${info.name} (id ${msgid}) cannot be sent as MAVLink 1 (ids 0..255 only)`);
  const known = new Set(info.fields.map((f) => f.source));
  for (const name of Object.keys(fields)) if (!known.has(name)) usage(`${info.name} has no field "${name}"; fields: ${[...known].join(', ')}`);

  const payload = new Uint8Array(info.payloadLength);
  const v = new DataView(payload.buffer);
  for (const f of info.fields) {
    const where = `${info.name}.${f.source}`;
    const type = f.type.replace(/_mavlink_version$/, '');
    const x = fields[f.source] ?? (f.type.endsWith('_mavlink_version') ? MAVLINK_VERSION : undefined);
    if (x === undefined) continue;
    if (type === 'char[]') {
      if (typeof x !== 'string') usage(`${where}: expected a string`);
      if (x.length > f.length) usage(`${where}: "${x}" is longer than ${f.length} characters`);
      for (let i = 0; i < x.length; i++) {
        const code = x.charCodeAt(i);
        if (code > 0x7f) usage(`${where}: "${x}" is not ASCII`);
        payload[f.offset + i] = code;
      }
    } else if (type.endsWith('[]')) {
      if (typeof x !== 'object') usage(`${where}: expected an array of ${f.length} numbers`);
      if (x.length > f.length) usage(`${where}: ${x.length} elements, at most ${f.length}`);
      for (let i = 0; i < x.length; i++) writeScalar(v, f.offset + i * f.size, type.slice(0, -2), x[i]!, `${where}[${i}]`);
    } else {
      if (typeof x !== 'number' && typeof x !== 'bigint') usage(`${where}: expected a number`);
      writeScalar(v, f.offset, type, x, where);
    }
  }

  let length = version === 1 ? info.baseLength : info.payloadLength;
  if (version === 2) while (length > 1 && payload[length - 1] === 0) length--;
  const header = version === 1 ? HEADER_V1 : HEADER_V2;
  const out = new Uint8Array(header + length + CHECKSUM_LENGTH);
  const byte = (x: number, what: string): number => (Number.isInteger(x) && x >= 0 && x <= 255 ? x : usage(`${what} ${x} is not 0..255`));
  const seq = byte(opts.seq ?? 0, 'seq');
  const sysid = byte(opts.sysid ?? 1, 'sysid');
  const compid = byte(opts.compid ?? 1, 'compid');
  if (version === 1) {
    out.set([STX_V1, length, seq, sysid, compid, msgid]);
  } else {
    out.set([STX_V2, length, 0, 0, seq, sysid, compid, msgid & 0xff, (msgid >>> 8) & 0xff, (msgid >>> 16) & 0xff]);
  }
  out.set(payload.subarray(0, length), header);
  const crc = packetCrc(out, 1, header + length, info.crcExtra);
  out[header + length] = crc & 0xff;
  out[header + length + 1] = crc >>> 8;
  return out;
}

/** A tlog record: the 8-byte big-endian time in µs since the Unix epoch, then the packet. */
export function tlogRecord(timeUs: number, packet: Uint8Array): Uint8Array {
  if (!Number.isSafeInteger(timeUs) || timeUs < 0) usage(`tlog record time ${timeUs} µs is not a whole, non-negative number`);
  const out = new Uint8Array(8 + packet.length);
  new DataView(out.buffer).setBigUint64(0, BigInt(timeUs), false);
  out.set(packet, 8);
  return out;
}

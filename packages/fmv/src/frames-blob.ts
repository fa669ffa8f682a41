/**
 * VideoFrames as one binary blob, to store with a video (a database BLOB).
 * Little-endian throughout:
 *
 *   header   16 bytes: magic "NZFV", u16 version (1), u16 column count,
 *            u32 frame count, u32 zero
 *   columns  each: u16 column id, u8 element kind (1 float64, 2 uint8),
 *            u8 values per frame, u32 byte length, the values, zero padding
 *            to a multiple of 8 (so float64 data stay 8-byte aligned)
 *   trailer  u32 CRC-32 (MPEG-2 polynomial, crc32Mpeg2) of all bytes before it
 *
 * Column ids are the index in ALL_COLUMNS: part of the format, append only.
 * Version 1 readers require every column exactly once. The decoder checks
 * everything before trusting a byte (magic, version, CRC, each block's
 * bounds and length, frame times sorted, byte columns in range) and throws
 * NARIZ_FMV with the byte offset; a newer version is refused by name.
 */
import { NarizError } from '@nariz/core';
import { crc32Mpeg2 } from '@nariz/formats';
import { FOOTPRINT_SENSOR_MODEL } from './footprint-source.js';
import { BYTE_COLUMNS, CORNER_COLUMNS, SCALAR_COLUMNS, allocateFrames, type VideoFrames } from './video-frames.js';

export const FRAMES_BLOB_VERSION = 1;
const MAGIC = [0x4e, 0x5a, 0x46, 0x56] as const; // "NZFV"
const HEADER_BYTES = 16;
const BLOCK_HEADER_BYTES = 8;
const TRAILER_BYTES = 4;
const KIND_F64 = 1;
const KIND_U8 = 2;

interface ColumnSpec {
  readonly name: (typeof SCALAR_COLUMNS)[number] | (typeof CORNER_COLUMNS)[number] | (typeof BYTE_COLUMNS)[number];
  readonly kind: typeof KIND_F64 | typeof KIND_U8;
  readonly perFrame: 1 | 4;
}

const ALL_COLUMNS: readonly ColumnSpec[] = [
  ...SCALAR_COLUMNS.map((name) => ({ name, kind: KIND_F64, perFrame: 1 }) as const),
  ...CORNER_COLUMNS.map((name) => ({ name, kind: KIND_F64, perFrame: 4 }) as const),
  ...BYTE_COLUMNS.map((name) => ({ name, kind: KIND_U8, perFrame: 1 }) as const),
];

const pad8 = (n: number): number => (n + 7) & ~7;
const dataBytes = (c: ColumnSpec, count: number): number => count * c.perFrame * (c.kind === KIND_F64 ? 8 : 1);

export function encodeVideoFrames(f: VideoFrames): Uint8Array {
  const n = f.count;
  let total = HEADER_BYTES + TRAILER_BYTES;
  for (const c of ALL_COLUMNS) total += BLOCK_HEADER_BYTES + pad8(dataBytes(c, n));
  const out = new Uint8Array(total);
  const dv = new DataView(out.buffer);
  out.set(MAGIC, 0);
  dv.setUint16(4, FRAMES_BLOB_VERSION, true);
  dv.setUint16(6, ALL_COLUMNS.length, true);
  dv.setUint32(8, n, true);
  let o = HEADER_BYTES;
  ALL_COLUMNS.forEach((c, id) => {
    const len = dataBytes(c, n);
    dv.setUint16(o, id, true);
    dv.setUint8(o + 2, c.kind);
    dv.setUint8(o + 3, c.perFrame);
    dv.setUint32(o + 4, len, true);
    o += BLOCK_HEADER_BYTES;
    const col = f[c.name];
    if (col.length !== n * c.perFrame) throw new NarizError('NARIZ_USAGE', `VideoFrames column ${c.name} has ${col.length} values, expected ${n * c.perFrame}`);
    if (c.kind === KIND_U8) out.set(col as Uint8Array, o);
    else for (let k = 0; k < col.length; k++) dv.setFloat64(o + 8 * k, col[k]!, true);
    o += pad8(len);
  });
  dv.setUint32(o, crc32Mpeg2(out, 0, o), true);
  return out;
}

function corrupt(message: string, byteOffset: number): never {
  throw new NarizError('NARIZ_FMV', `video frames blob: ${message}`, { byteOffset });
}

export function decodeVideoFrames(b: Uint8Array): VideoFrames {
  if (b.length < HEADER_BYTES + TRAILER_BYTES) corrupt(`${b.length} bytes, shorter than the ${HEADER_BYTES + TRAILER_BYTES}-byte header and trailer`, 0);
  for (let k = 0; k < 4; k++) if (b[k] !== MAGIC[k]) corrupt('not a video frames blob (no "NZFV" magic)', k);
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const version = dv.getUint16(4, true);
  if (version !== FRAMES_BLOB_VERSION) corrupt(`version ${version}; this Nariz reads version ${FRAMES_BLOB_VERSION} (was it written by a newer one?)`, 4);
  const end = b.length - TRAILER_BYTES;
  const stored = dv.getUint32(end, true);
  const computed = crc32Mpeg2(b, 0, end);
  if (stored !== computed) corrupt(`CRC mismatch (stored ${hex(stored)}, computed ${hex(computed)}): the blob is damaged or truncated`, end);
  const columns = dv.getUint16(6, true);
  const n = dv.getUint32(8, true);
  if (columns !== ALL_COLUMNS.length) corrupt(`${columns} columns; version ${FRAMES_BLOB_VERSION} has ${ALL_COLUMNS.length}`, 6);
  // Every column holds at least n bytes, so a count the blob cannot hold is refused before allocating.
  if (n > end) corrupt(`frame count ${n} cannot fit in ${b.length} bytes`, 8);
  const f = allocateFrames(n);
  const seen = new Uint8Array(ALL_COLUMNS.length);
  let o = HEADER_BYTES;
  for (let k = 0; k < columns; k++) {
    if (o + BLOCK_HEADER_BYTES > end) corrupt('column block header past the end', o);
    const id = dv.getUint16(o, true);
    const c = ALL_COLUMNS[id];
    if (c === undefined) corrupt(`unknown column id ${id}`, o);
    if (seen[id] !== 0) corrupt(`column ${c.name} appears twice`, o);
    seen[id] = 1;
    const len = dv.getUint32(o + 4, true);
    if (dv.getUint8(o + 2) !== c.kind || dv.getUint8(o + 3) !== c.perFrame || len !== dataBytes(c, n)) {
      corrupt(`column ${c.name}: kind ${dv.getUint8(o + 2)} × ${dv.getUint8(o + 3)}, ${len} bytes; expected kind ${c.kind} × ${c.perFrame}, ${dataBytes(c, n)} bytes`, o);
    }
    o += BLOCK_HEADER_BYTES;
    if (o + pad8(len) > end) corrupt(`column ${c.name} runs past the end`, o);
    const col = f[c.name];
    if (c.kind === KIND_U8) col.set(b.subarray(o, o + len));
    else for (let j = 0; j < col.length; j++) col[j] = dv.getFloat64(o + 8 * j, true);
    o += pad8(len);
  }
  if (o !== end) corrupt(`${end - o} bytes after the last column`, o);
  const t = f.tS;
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(t[i]!) || (i > 0 && t[i]! < t[i - 1]!)) corrupt(`frame ${i}: time ${t[i]} is not finite or goes backwards`, 0);
    if (f.footprintSource[i]! > FOOTPRINT_SENSOR_MODEL || f.checksumErrors[i]! > 1) corrupt(`frame ${i}: footprint source ${f.footprintSource[i]} or checksum flag ${f.checksumErrors[i]} out of range`, 0);
  }
  return f;
}

const hex = (x: number): string => `0x${x.toString(16).padStart(8, '0')}`;

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isNarizError } from '@nariz/core';
import {
  MSG, MavlinkDecoder, decodeDebugFloatArray, decodeGlobalPositionInt, decodeNamedValueFloat, decodeScaledPressure, decodeSystemTime, decodeWindCov,
  encodeFrame, type FieldValue,
} from '../src/index.js';
import { classes, oracle, oracleData } from './mavlink-oracle.js';

const decodeOne = (bytes: Uint8Array) => {
  const d = new MavlinkDecoder();
  const frames = [...d.push(bytes), ...d.end()];
  assert.equal(frames.length, 1);
  assert.equal(d.stats.droppedBytes, 0);
  return frames[0]!;
};

const GPI: Record<string, FieldValue> = { time_boot_ms: 123_456, lat: 194_326_000, lon: -991_332_000, alt: 2_270_000, relative_alt: 30_000, vx: -120, vy: 250, vz: 3, hdg: 12_345 };

test('encodeFrame → our decoder and node-mavlink\'s parser agree on every field, MAVLink 1 and 2', async () => {
  for (const version of [1, 2] as const) {
    const bytes = encodeFrame(MSG.GLOBAL_POSITION_INT, GPI, { version, sysid: 9, compid: 1, seq: 200 });
    const f = decodeOne(bytes);
    assert.deepEqual([f.version, f.sysid, f.compid, f.seq, f.msgid], [version, 9, 1, 200, 33]);
    const g = decodeGlobalPositionInt(f.payload);
    assert.deepEqual([g.timeBootMs, g.latDeg, g.lonDeg, g.altMslM, g.altAboveHomeM, g.vNorthMps, g.vEastMps, g.vDownMps, g.headingDeg],
      [123_456, 19.4326, -99.1332, 2270, 30, -1.2, 2.5, 0.03, 123.45]);
    const o = await oracle(bytes, false);
    assert.equal(o.valid, 1);
    const ref = oracleData(o.packets[0]!, classes.GlobalPositionInt);
    assert.deepEqual([ref.timeBootMs, ref.lat, ref.lon, ref.alt, ref.relativeAlt, ref.vx, ref.vy, ref.vz, ref.hdg],
      [123_456, 194_326_000, -991_332_000, 2_270_000, 30_000, -120, 250, 3, 12_345]);
  }
});

test('MAVLink 2 trims trailing zeros (keeping one byte) and the decoder restores the full payload', async () => {
  const bytes = encodeFrame(MSG.DEBUG_FLOAT_ARRAY, { time_usec: 5_000_000n, array_id: 7, name: 'GAS', data: [1.5, -2, 0.25] });
  // header 10 + (8 + 2 + 10 + 3 × 4) payload bytes + checksum 2
  assert.equal(bytes.length, 10 + 32 + 2);
  const f = decodeOne(bytes);
  assert.equal(f.payload.length, 252);
  const d = decodeDebugFloatArray(f.payload);
  assert.deepEqual([d.timeUs, d.arrayId, d.name, ...d.data.subarray(0, 4)], [5_000_000, 7, 'GAS', 1.5, -2, 0.25, 0]);
  const ref = oracleData((await oracle(bytes, false)).packets[0]!, classes.DebugFloatArray);
  assert.deepEqual([ref.arrayId, ref.name, ref.data.slice(0, 4)], [7, 'GAS', [1.5, -2, 0.25, 0]]);
  const zeros = encodeFrame(MSG.SYSTEM_TIME, {});
  assert.equal(zeros[1], 1, 'an all-zero payload keeps its first byte');
  assert.deepEqual(decodeSystemTime(decodeOne(zeros).payload), { timeUnixUs: 0, timeBootMs: 0 });
});

test('the other messages the assembler reads round-trip through both parsers', async () => {
  const cases: Array<[number, Record<string, FieldValue>, (p: Uint8Array) => unknown, unknown]> = [
    [MSG.NAMED_VALUE_FLOAT, { time_boot_ms: 42, name: 'acet_ppb', value: 12.5 }, decodeNamedValueFloat, { timeBootMs: 42, name: 'acet_ppb', value: 12.5 }],
    [MSG.NAMED_VALUE_FLOAT, { time_boot_ms: 1, name: 'c4h10_ugm3', value: 1 }, decodeNamedValueFloat, { timeBootMs: 1, name: 'c4h10_ugm3', value: 1 }],
    [MSG.SYSTEM_TIME, { time_unix_usec: 1_772_366_400_123_456n, time_boot_ms: 99 }, decodeSystemTime, { timeUnixUs: 1_772_366_400_123_456, timeBootMs: 99 }],
    [MSG.WIND_COV, { time_usec: 7n, wind_x: 1.5, wind_y: -2.25, wind_z: 0.5 }, decodeWindCov, { timeUs: 7, northMps: 1.5, eastMps: -2.25, downMps: 0.5 }],
    [MSG.SCALED_PRESSURE, { time_boot_ms: 3, press_abs: 781.5, temperature: -1250 }, decodeScaledPressure, { timeBootMs: 3, pressureHpa: 781.5, chipTempC: -12.5 }],
  ];
  for (const [msgid, fields, decode, want] of cases) {
    const bytes = encodeFrame(msgid, fields);
    assert.deepEqual(decode(decodeOne(bytes).payload), want);
    const o = await oracle(bytes, false);
    assert.equal(o.valid, 1, `node-mavlink verifies ${msgid}`);
  }
  const nv = oracleData((await oracle(encodeFrame(MSG.NAMED_VALUE_FLOAT, { name: 'hcl_ppb', value: 0.5 }), false)).packets[0]!, classes.NamedValueFloat);
  assert.deepEqual([nv.name, nv.value], ['hcl_ppb', 0.5]);
});

test('encodeFrame refuses what it cannot encode: unknown fields and ids, names too long, out-of-range integers, v1 ids above 255', () => {
  const usage = (f: () => unknown, re: RegExp): void => assert.throws(f, (e: unknown) => isNarizError(e, 'NARIZ_USAGE') && re.test(e.message));
  usage(() => encodeFrame(MSG.GLOBAL_POSITION_INT, { latitude: 1 }), /no field "latitude"/);
  usage(() => encodeFrame(60_999, {}), /not in the dialect/);
  usage(() => encodeFrame(MSG.NAMED_VALUE_FLOAT, { name: 'methane_ppm' }), /longer than 10/);
  usage(() => encodeFrame(MSG.GLOBAL_POSITION_INT, { hdg: 70_000 }), /not a uint16_t/);
  usage(() => encodeFrame(MSG.DEBUG_FLOAT_ARRAY, {}, { version: 1 }), /cannot be sent as MAVLink 1/);
  usage(() => encodeFrame(MSG.HEARTBEAT, {}, { sysid: 256 }), /sysid 256/);
});

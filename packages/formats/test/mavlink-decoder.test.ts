import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { MSG_ID_MAGIC_NUMBER, x25crc } from 'node-mavlink';
import { createRng } from '@nariz/core';
import {
  MSG, MavlinkDecoder, crcAccumulate, decodeAttitude, decodeGlobalPositionInt, decodeSystemTime, decodeWind, defaultDialect, readTelemetryFile, readTlog,
  type MavlinkFrame,
} from '../src/index.js';
import { V2_STREAM, VTOL_TLOG, classes, oracle, oracleData } from './mavlink-oracle.js';

const vtol = readFileSync(VTOL_TLOG);
const v2 = readFileSync(V2_STREAM);

test('checksum: CRC-16/MCRF4XX check value, and node-mavlink\'s x25crc on random bytes', () => {
  assert.equal(crcAccumulate(new TextEncoder().encode('123456789'), 0, 9), 0x6f91);
  const rng = createRng(4);
  for (let r = 0; r < 200; r++) {
    const bytes = Buffer.from(Array.from({ length: rng.int(0, 300) }, () => rng.int(0, 255)));
    assert.equal(crcAccumulate(bytes, 0, bytes.length), x25crc(bytes));
  }
});

test('dialect: the ids Nariz reads, and every CRC_EXTRA equal to node-mavlink\'s table', () => {
  assert.deepEqual({ ...MSG }, {
    HEARTBEAT: 0, SYSTEM_TIME: 2, SCALED_PRESSURE: 29, ATTITUDE: 30, GLOBAL_POSITION_INT: 33, WIND: 168, WIND_COV: 231, NAMED_VALUE_FLOAT: 251, DEBUG_FLOAT_ARRAY: 350,
  });
  const d = defaultDialect();
  const ids = Object.keys(MSG_ID_MAGIC_NUMBER);
  assert.equal(d.size, ids.length);
  for (const id of ids) assert.equal(d.crcExtra(Number(id)), MSG_ID_MAGIC_NUMBER[id], `id ${id}`);
  assert.equal(d.crcExtra(411), -1);
  assert.equal(d.payloadLength(MSG.DEBUG_FLOAT_ARRAY), 252);
  assert.equal(d.message(MSG.DEBUG_FLOAT_ARRAY)!.baseLength, 20);
});

test('vtol.tlog: 23,894 packets, zero checksum errors, zero dropped bytes; the same packets as node-mavlink\'s parser', async () => {
  const r = readTlog(vtol);
  const s = r.stats;
  assert.equal(r.frames.length, 23_894);
  assert.deepEqual(
    { packets: s.packets, v1: s.v1, v2: s.v2, crcErrors: s.crcErrors, unknownIds: s.unknownIds, droppedBytes: s.droppedBytes, resyncs: s.resyncs, bytes: s.bytes },
    { packets: 23_894, v1: 23_894, v2: 0, crcErrors: 0, unknownIds: 0, droppedBytes: 0, resyncs: 0, bytes: vtol.length },
  );
  assert.deepEqual(r.warnings, []);
  assert.equal(s.byMsgid.get(MSG.GLOBAL_POSITION_INT), 807);
  assert.equal(s.byMsgid.get(MSG.WIND), 810);

  const o = await oracle(vtol, true);
  assert.equal(o.valid, 23_894);
  assert.equal(o.invalid, 0);
  assert.equal(o.packets.length, r.frames.length);
  const oracleCounts = new Map<number, number>();
  for (const p of o.packets) oracleCounts.set(p.header.msgid, (oracleCounts.get(p.header.msgid) ?? 0) + 1);
  assert.deepEqual([...s.byMsgid].sort((a, b) => a[0] - b[0]), [...oracleCounts].sort((a, b) => a[0] - b[0]));
  for (let i = 0; i < o.packets.length; i++) {
    const p = o.packets[i]!;
    const f = r.frames[i]!;
    assert.equal(f.msgid, p.header.msgid);
    assert.equal(f.seq, p.header.seq);
    assert.equal(f.sysid, p.header.sysid);
    // node-mavlink keeps the tlog time in ms.
    assert.equal(BigInt(Math.floor(f.timestampUs! / 1000)), p.header.timestamp);
    assert.deepEqual(Buffer.from(f.payload), p.payload.subarray(0, f.payload.length));
  }

  // Decoded values: positions, attitude and wind agree with node-mavlink's deserializer.
  const gpi = o.packets.map((p, i) => [p, r.frames[i]!] as const).filter(([p]) => p.header.msgid === MSG.GLOBAL_POSITION_INT);
  for (const [p, f] of [gpi[0]!, gpi[400]!, gpi[gpi.length - 1]!]) {
    const ref = oracleData(p, classes.GlobalPositionInt);
    const mine = decodeGlobalPositionInt(f.payload);
    assert.equal(mine.latDeg, ref.lat / 1e7);
    assert.equal(mine.lonDeg, ref.lon / 1e7);
    assert.equal(mine.altAboveHomeM, ref.relativeAlt / 1000);
    assert.equal(mine.timeBootMs, ref.timeBootMs);
  }
  const first = decodeGlobalPositionInt(gpi[0]![1].payload);
  assert.deepEqual([first.timeBootMs, first.latDeg, first.lonDeg, first.altAboveHomeM], [608_582, -35.3629904, 149.1649392, 6.75]);
  const wind = o.packets.findIndex((p) => p.header.msgid === MSG.WIND);
  const refWind = oracleData(o.packets[wind]!, classes.Wind);
  const myWind = decodeWind(r.frames[wind]!.payload);
  assert.deepEqual([myWind.fromDeg, myWind.speedMps, myWind.speedZMps], [refWind.direction, refWind.speed, refWind.speedZ]);
  assert.deepEqual([myWind.fromDeg, myWind.speedMps], [-180, 0]);
  const att = o.packets.findIndex((p) => p.header.msgid === MSG.ATTITUDE);
  assert.equal(decodeAttitude(r.frames[att]!.payload).yawRad, oracleData(o.packets[att]!, classes.Attitude).yaw);
  const st = o.packets.findIndex((p) => p.header.msgid === MSG.SYSTEM_TIME);
  assert.equal(BigInt(decodeSystemTime(r.frames[st]!.payload).timeUnixUs), oracleData(o.packets[st]!, classes.SystemTime).timeUnixUsec);
});

test('mavlink-v2-3412-packets.bin: 3,398 verified + 14 with ids node-mavlink does not define = 3,412, as node-mavlink counts them', async () => {
  const d = new MavlinkDecoder();
  const frames = [...d.push(v2), ...d.end()];
  const s = d.stats;
  assert.equal(s.packets + s.unknownIds, 3412);
  assert.deepEqual({ packets: s.packets, v2: s.v2, unknownIds: s.unknownIds, crcErrors: s.crcErrors, droppedBytes: s.droppedBytes, signed: s.signed },
    { packets: 3398, v2: 3398, unknownIds: 14, crcErrors: 0, droppedBytes: 0, signed: 0 });
  assert.deepEqual([...s.unknownByMsgid].sort((a, b) => a[0] - b[0]), [[8, 10], [411, 4]]);
  // 4 × id 411 with 3 payload bytes, 10 × id 8 with 26: header 10 + checksum 2 each.
  assert.equal(s.unknownBytes, 4 * (12 + 3) + 10 * (12 + 26));
  const o = await oracle(v2, false);
  assert.deepEqual([o.valid, o.unknown, o.invalid], [3398, 14, 0]);
  assert.equal(o.packets.length, frames.length);
  o.packets.forEach((p, i) => {
    const f = frames[i]!;
    assert.deepEqual([f.msgid, f.seq, f.version], [p.header.msgid, p.header.seq, 2]);
    // The payload is restored to full length (v2 trims trailing zeros on the wire).
    assert.equal(f.payload.length, defaultDialect().payloadLength(f.msgid));
    assert.deepEqual(Buffer.from(f.payload), p.payload.subarray(0, f.payload.length));
  });
  const att = frames.findIndex((f) => f.msgid === MSG.ATTITUDE);
  const ref = oracleData(o.packets[att]!, classes.Attitude);
  const mine = decodeAttitude(frames[att]!.payload);
  assert.deepEqual([mine.timeBootMs, mine.rollRad, mine.pitchRad, mine.yawRad], [ref.timeBootMs, ref.roll, ref.pitch, ref.yaw]);
});

test('a tlog read as a raw stream: the 8-byte times are noise, dropped exactly, and every packet is still found', () => {
  const d = new MavlinkDecoder();
  const frames = [...d.push(vtol), ...d.end()];
  assert.equal(frames.length, 23_894);
  assert.equal(d.stats.droppedBytes, 8 * 23_894);
  assert.equal(d.stats.resyncs, 23_894);
  // Start bytes inside the times look like headers: counted as checksum errors, never as packets.
  assert.ok(d.stats.crcErrors > 0);
});

test('the file reader streams the same frames as the in-memory reader; a missing file is NARIZ_IO', async () => {
  const whole = readTlog(vtol).frames;
  const streamed: MavlinkFrame[] = [];
  const r = await readTelemetryFile(VTOL_TLOG, {}, (f) => streamed.push(...f));
  assert.equal(r.stats.packets, 23_894);
  assert.deepEqual(streamed, whole);
  const raw: MavlinkFrame[] = [];
  const rr = await readTelemetryFile(V2_STREAM, { format: 'raw' }, (f) => raw.push(...f));
  assert.equal(rr.stats.packets + rr.stats.unknownIds, 3412);
  await assert.rejects(readTelemetryFile('/nonexistent/x.tlog', {}, () => undefined), (e: unknown) => (e as { code?: string }).code === 'NARIZ_IO');
});

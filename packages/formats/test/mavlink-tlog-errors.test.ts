import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { isNarizError } from '@nariz/core';
import { MAVLINK_WARNING_CODES, TlogDecoder, encodeFrame, MSG, readTlog, tlogRecord } from '../src/index.js';
import { VTOL_TLOG } from './mavlink-oracle.js';
import { concat } from './bytes.js';

const vtol = new Uint8Array(readFileSync(VTOL_TLOG));
/** Byte offset of the last record of vtol.tlog. */
const lastRecordStart = (() => {
  const frames = readTlog(vtol).frames;
  return frames[frames.length - 1]!.offset - 8;
})();

test('a tlog cut inside its last record: NARIZ_MAVLINK naming the record\'s byte offset; lenient drops it with a warning', () => {
  for (const cut of [1, 5, 9, 20]) {
    const bytes = vtol.subarray(0, lastRecordStart + cut);
    assert.throws(() => readTlog(bytes, { fileName: 'cut.tlog' }), (e: unknown) => {
      assert.ok(isNarizError(e, 'NARIZ_MAVLINK'), String(e));
      assert.equal(e.location?.byteOffset, lastRecordStart);
      assert.equal(e.location?.file, 'cut.tlog');
      assert.match(e.message, new RegExp(`^cut\\.tlog, byte ${lastRecordStart}: the file ends inside a record: ${cut} of its`));
      return true;
    });
    const r = readTlog(bytes, { lenient: true });
    assert.equal(r.frames.length, 23_893);
    assert.equal(r.stats.droppedBytes, cut);
    const w = r.warnings.find((x) => x.code === MAVLINK_WARNING_CODES.tlogTruncated)!;
    assert.deepEqual([w.count, w.exampleOffsets], [1, [lastRecordStart]]);
  }
  // A cut at a record boundary is a complete, shorter log.
  assert.equal(readTlog(vtol.subarray(0, lastRecordStart)).frames.length, 23_893);
});

test('the streaming decoder throws the same error only at end(), when the cut is known', () => {
  const d = new TlogDecoder();
  const frames = d.push(vtol.subarray(0, lastRecordStart + 20));
  assert.equal(frames.length, 23_893);
  assert.throws(() => d.end(), (e: unknown) => isNarizError(e, 'NARIZ_MAVLINK') && e.location?.byteOffset === lastRecordStart);
});

test('record times: going back, or outside 2000–2100, is NARIZ_MAVLINK at the record; lenient keeps the frame and warns', () => {
  const packet = (seq: number): Uint8Array => encodeFrame(MSG.HEARTBEAT, { type: 1, autopilot: 3 }, { version: 1, seq });
  const t = 1_772_366_400_000_000;
  const records = [tlogRecord(t, packet(0)), tlogRecord(t + 1000, packet(1)), tlogRecord(t + 500, packet(2)), tlogRecord(t + 2000, packet(3))];
  const back = concat(...records);
  const third = records[0]!.length + records[1]!.length;
  assert.throws(() => readTlog(back), (e: unknown) => isNarizError(e, 'NARIZ_MAVLINK') && e.location?.byteOffset === third && /goes back 0\.000500 s/.test(e.message));
  const lenient = readTlog(back, { lenient: true });
  assert.equal(lenient.frames.length, 4);
  assert.equal(lenient.frames[2]!.timestampUs, t + 500);
  assert.equal(lenient.warnings.find((w) => w.code === MAVLINK_WARNING_CODES.tlogTimeBackwards)?.count, 1);

  const absurd = concat(records[0]!, tlogRecord(12345, packet(1)), records[3]!);
  assert.throws(() => readTlog(absurd), (e: unknown) => isNarizError(e, 'NARIZ_MAVLINK') && e.location?.byteOffset === records[0]!.length && /not between 2000 and 2100/.test(e.message));
  const kept = readTlog(absurd, { lenient: true });
  assert.equal(kept.frames.length, 3);
  assert.equal(kept.frames[1]!.timestampUs, undefined);
  assert.equal(kept.warnings.find((w) => w.code === MAVLINK_WARNING_CODES.tlogBadTime)?.count, 1);
});

test('not a tlog: a raw MAVLink stream read as one gives no frames and drops every byte', () => {
  const raw = concat(...[0, 1, 2].map((seq) => encodeFrame(MSG.HEARTBEAT, { type: 1 }, { seq })));
  const r = readTlog(raw);
  assert.equal(r.frames.length, 0);
  assert.equal(r.stats.droppedBytes, raw.length);
});


/**
 * Muxer → demuxer round trips on clean streams: programs, every KLV unit
 * byte for byte with its PTS (asynchronous and synchronous), video timing
 * and keyframes, the 33-bit wrap, 192- and 204-byte records, any chunking,
 * large KLV units, the fast path; what the demuxer refuses and what the
 * muxer refuses.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng, isNarizError } from '@nariz/core';
import {
  TIMESTAMP_WRAP, TsDemuxer, TsMuxer, demuxTs, extractMetadata, muxVideoWithKlv, type DemuxEvent, type KlvEvent, type VideoEvent,
} from '../src/index.js';
import { chunks, klvPacket, makeStream, reframe } from './mpegts-factory.js';

const klvOf = (events: DemuxEvent[]): KlvEvent[] => events.filter((e): e is KlvEvent => e.kind === 'klv');
const videoOf = (events: DemuxEvent[]): VideoEvent[] => events.filter((e): e is VideoEvent => e.kind === 'video');

/** Events with their bytes as plain arrays, for deepEqual. */
function plain(events: DemuxEvent[]): unknown[] {
  return events.map((e) => (e.kind === 'klv' ? { ...e, bytes: [...e.bytes] } : e));
}

for (const carriage of ['async', 'sync'] as const) {
  test(`${carriage} KLV: the program, every unit byte for byte with its PTS, every frame's timing`, () => {
    const s = makeStream({ seed: 10, frames: 120, carriage });
    const r = demuxTs(s.bytes);
    const programs = r.events.filter((e) => e.kind === 'program');
    assert.equal(programs.length, 1, 'the repeated PMT is reported once');
    const p = programs[0]!;
    assert.equal(p.kind === 'program' && p.pcrPid, s.videoPid);
    assert.deepEqual(r.programs[0]!.streams.map((x) => [x.pid, x.kind, x.streamType]), [[s.videoPid, 'video', 0x1b], [s.klvPid, 'klv', carriage === 'sync' ? 0x15 : 0x06]]);
    if (carriage === 'sync') assert.equal(r.programs[0]!.metadataPointer?.formatId, 'KLVA');

    const klv = klvOf(r.events);
    assert.equal(klv.length, s.klv.length);
    klv.forEach((k, i) => {
      assert.deepEqual([...k.bytes], [...s.klv[i]!.bytes], `unit ${i}`);
      assert.equal(k.pts, s.klv[i]!.pts);
      // Each unit goes just before its frame: the clock is the previous frame's PCR (its DTS less the 0.7 s lead).
      assert.equal(k.pcr, i === 0 ? undefined : s.frames[i - 1]!.pts - 63000);
      assert.equal(k.sync, carriage === 'sync');
      assert.equal(k.complete, true);
      assert.equal(k.pid, s.klvPid);
      if (carriage === 'sync') assert.deepEqual(k.cell, { serviceId: 0, sequenceNumber: i & 0xff, decoderConfig: false, randomAccess: true });
    });
    const video = videoOf(r.events);
    assert.deepEqual(video.map((v) => [v.pts, v.dts, v.keyframe, v.size, v.complete]), s.frames.map((f) => [f.pts, f.pts, f.keyframe, f.bytes.length, true]));
    const st = r.stats;
    assert.deepEqual(
      [st.packets, st.bytes, st.packetSize, st.continuityErrors, st.incompletePes, st.lostSyncBytes, st.psiCrcErrors, st.klvUnits, st.videoPes, st.orphanPackets],
      [s.bytes.length / 188, s.bytes.length, 188, 0, 0, 0, 0, 120, 120, 0],
    );
    assert.equal(st.pids.get(s.klvPid)!.pes, 120);
  });
}

test('any chunking gives the same events and stats (1-byte pieces included)', () => {
  const s = makeStream({ seed: 11, frames: 40, carriage: 'sync' });
  const whole = demuxTs(s.bytes);
  const rng = createRng(12);
  for (const max of [1, 7, 188, 1000, 70000]) {
    const d = new TsDemuxer();
    const events: DemuxEvent[] = [];
    for (const c of chunks(s.bytes, rng, max)) events.push(...d.push(c));
    events.push(...d.end());
    assert.deepEqual(plain(events), plain(whole.events), `chunks up to ${max}`);
    assert.deepEqual(d.stats, whole.stats);
  }
});

test('the demuxer does not keep the pushed buffer: reusing it changes nothing', () => {
  const s = makeStream({ seed: 13, frames: 30 });
  const d = new TsDemuxer();
  const buf = new Uint8Array(1000);
  const events: DemuxEvent[] = [];
  for (let p = 0; p < s.bytes.length; p += 1000) {
    const n = Math.min(1000, s.bytes.length - p);
    buf.set(s.bytes.subarray(p, p + n));
    events.push(...d.push(buf.subarray(0, n)));
    buf.fill(0x47);
  }
  events.push(...d.end());
  assert.deepEqual(plain(events), plain(demuxTs(s.bytes).events));
});

test('192-byte (M2TS) and 204-byte records are detected and give the same events', () => {
  const s = makeStream({ seed: 14, frames: 30 });
  const clean = demuxTs(s.bytes);
  for (const stride of [192, 204] as const) {
    const r = demuxTs(reframe(s.bytes, stride, createRng(stride)));
    assert.equal(r.stats.packetSize, stride);
    assert.equal(r.stats.leadingBytes, stride === 192 ? 4 : 0);
    assert.equal(r.stats.lostSyncBytes, 0);
    assert.equal(r.stats.truncatedBytes, stride === 204 ? 0 : 0);
    const strip = (e: DemuxEvent): unknown => ({ ...(plain([e])[0] as object), offset: 0 });
    assert.deepEqual(r.events.map(strip), clean.events.map(strip));
  }
});

test('PTS across the 33-bit wrap comes out unwrapped and increasing', () => {
  const start = TIMESTAMP_WRAP - 50 * 3600;
  const s = makeStream({ seed: 15, frames: 100, startPts: start });
  const r = demuxTs(s.bytes);
  assert.deepEqual(klvOf(r.events).map((k) => k.pts), s.klv.map((k) => k.pts));
  assert.deepEqual(videoOf(r.events).map((v) => v.pts), s.frames.map((f) => f.pts));
  assert.ok(s.frames[99]!.pts > TIMESTAMP_WRAP);
});

test('asynchronous KLV without PTS; KLV units spanning hundreds of packets; an empty unit', () => {
  const rng = createRng(16);
  const mux = new TsMuxer({ klv: [{ carriage: 'async' }, { carriage: 'sync', pid: 0x300 }] });
  const big = klvPacket(rng, 65000);
  const biggest = klvPacket(rng, 65522 - 19);
  const parts = [mux.writeKlv(big), mux.writeKlv(klvPacket(rng, 10), 90000), mux.writeKlv(new Uint8Array(0), 90000), mux.writeKlv(biggest, 5, 0x300)];
  const bytes = Uint8Array.from(parts.flatMap((p) => [...p]));
  const r = demuxTs(bytes);
  const klv = klvOf(r.events);
  assert.deepEqual(klv.map((k) => [k.pid, k.pts, k.bytes.length, k.complete, k.sync]), [[0x101, undefined, big.length, true, false], [0x101, 90000, 27, true, false], [0x101, 90000, 0, true, false], [0x300, 5, 65522, true, true]]);
  assert.deepEqual([...klv[0]!.bytes], [...big]);
  assert.equal(r.programs[0]!.pcrPid, 0x101, 'no video: the PCR rides on the first KLV PID');
});

test('muxVideoWithKlv: access units split, frames timed from the frame rate, KLV before the frame of its time', () => {
  const s = makeStream({ seed: 17, frames: 10 });
  const es = Uint8Array.from(s.frames.flatMap((f) => [...f.bytes]));
  const klv = s.klv.map((k, i) => ({ bytes: k.bytes, pts: 63000 + i * 3600 + 1000 }));
  const r = muxVideoWithKlv({ video: { codec: 'h264', bytes: es, frameRate: 25 }, klv: [...klv].reverse(), carriage: 'async' });
  assert.equal(r.frames, 10);
  // Stream order is the order units start (a video PES is handed over when the next one starts).
  const ev = demuxTs(r.bytes).events.filter((e) => e.kind !== 'program').sort((a, b) => a.offset - b.offset);
  const order = ev.map((e) => (e.kind === 'klv' ? `k${e.pts}` : e.kind === 'video' ? `v${e.pts}` : e.kind));
  // KLV at frame i + 1000 ticks goes before frame i + 1; the last one after the last frame.
  const expected: string[] = ['v63000'];
  for (let i = 0; i < 10; i++) expected.push(`k${63000 + i * 3600 + 1000}`, ...(i < 9 ? [`v${63000 + (i + 1) * 3600}`] : []));
  assert.deepEqual(order, expected);
  assert.deepEqual(videoOf(ev).map((v) => v.keyframe), s.frames.map((f) => f.keyframe));
});

test('extractMetadata: the same KLV as the full demuxer, from a file and from a stream; video untouched', async () => {
  const s = makeStream({ seed: 18, frames: 60, carriage: 'sync' });
  const dir = mkdtempSync(join(tmpdir(), 'nariz-mpegts-'));
  try {
    const path = join(dir, 'f.ts');
    writeFileSync(path, s.bytes);
    const fromFile: KlvEvent[] = [];
    const r = await extractMetadata(path, (e) => fromFile.push(e));
    const fromStream: KlvEvent[] = [];
    await extractMetadata(chunks(s.bytes, createRng(19), 5000), (e) => fromStream.push(e));
    const full = klvOf(demuxTs(s.bytes).events);
    assert.deepEqual(plain(fromFile), plain(full));
    assert.deepEqual(plain(fromStream), plain(full));
    assert.equal(r.stats.videoPes, 0);
    assert.equal(r.stats.pids.get(s.videoPid)!.packets > 0, true);
    assert.equal(r.programs[0]!.streams.length, 2);
    await assert.rejects(extractMetadata(join(dir, 'missing.ts'), () => {}), (e: unknown) => isNarizError(e, 'NARIZ_IO'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('not a transport stream: NARIZ_MPEGTS (within the search limit, or at the end); shorter than three packets: reported, not refused', () => {
  const rng = createRng(20);
  const noise = Uint8Array.from({ length: 5000 }, () => rng.int(0, 255));
  assert.throws(() => demuxTs(noise), (e: unknown) => isNarizError(e, 'NARIZ_MPEGTS') && /not an MPEG transport stream/.test((e as Error).message));
  const d = new TsDemuxer({ syncSearchBytes: 2000, fileName: 'x.ts' });
  assert.throws(() => d.push(noise), (e: unknown) => isNarizError(e, 'NARIZ_MPEGTS') && (e as Error).message.startsWith('x.ts, byte 0'));
  const short = demuxTs(noise.subarray(0, 300));
  assert.equal(short.events.length, 0);
  assert.deepEqual(demuxTs(new Uint8Array(0)).events, []);
});

test('muxer refusals: KLV too long for one PES, synchronous KLV without PTS (NARIZ_MPEGTS); bad PIDs, missing streams (NARIZ_USAGE)', () => {
  const m = new TsMuxer({ video: { codec: 'h264' }, klv: [{ carriage: 'sync' }] });
  assert.throws(() => m.writeKlv(new Uint8Array(70000), 0), (e: unknown) => isNarizError(e, 'NARIZ_MPEGTS') && /does not fit one PES/.test((e as Error).message));
  m.writeKlv(new Uint8Array(65522), 0);
  assert.throws(() => m.writeKlv(new Uint8Array(65523), 0), (e: unknown) => isNarizError(e, 'NARIZ_MPEGTS'));
  const a = new TsMuxer({ klv: [{ carriage: 'async' }] });
  a.writeKlv(new Uint8Array(65532));
  a.writeKlv(new Uint8Array(65527), 0);
  assert.throws(() => a.writeKlv(new Uint8Array(65528), 0), (e: unknown) => isNarizError(e, 'NARIZ_MPEGTS'));
  assert.throws(() => m.writeKlv(new Uint8Array(10)), (e: unknown) => isNarizError(e, 'NARIZ_MPEGTS') && /needs a PTS/.test((e as Error).message));
  assert.throws(() => m.writeVideo({ bytes: new Uint8Array(10), pts: Number.NaN }), (e: unknown) => isNarizError(e, 'NARIZ_MPEGTS'));
  assert.throws(() => m.writeKlv(new Uint8Array(10), 0, 0x999), (e: unknown) => isNarizError(e, 'NARIZ_USAGE'));
  assert.throws(() => new TsMuxer({ video: { codec: 'h264', pid: 0x1fff } }), (e: unknown) => isNarizError(e, 'NARIZ_USAGE'));
  assert.throws(() => new TsMuxer({ video: { codec: 'h264', pid: 0x101 }, klv: [{ carriage: 'async' }] }), (e: unknown) => isNarizError(e, 'NARIZ_USAGE'));
  assert.throws(() => new TsMuxer({}), (e: unknown) => isNarizError(e, 'NARIZ_USAGE'));
  assert.throws(() => new TsMuxer({ klv: [{ carriage: 'async' }] }).writeVideo({ bytes: new Uint8Array(1), pts: 0 }), (e: unknown) => isNarizError(e, 'NARIZ_USAGE'));
  const d = new TsDemuxer();
  d.end();
  assert.throws(() => d.push(new Uint8Array(1)), /after end/);
});

test('muxer output: 188-byte packets, PAT/PMT at least every 100 ms, a PCR on every video PES, never backwards', () => {
  const s = makeStream({ seed: 21, frames: 50 });
  const b = s.bytes;
  assert.equal(b.length % 188, 0);
  let lastPcr = -1;
  let lastPat = -1;
  let pcrs = 0;
  for (let p = 0, i = 0; p < b.length; p += 188, i++) {
    assert.equal(b[p], 0x47);
    const pid = ((b[p + 1]! & 0x1f) << 8) | b[p + 2]!;
    if (pid === 0) lastPat = i;
    if ((b[p + 3]! & 0x20) !== 0 && b[p + 4]! >= 7 && (b[p + 5]! & 0x10) !== 0) {
      const base = b[p + 6]! * 2 ** 25 + ((b[p + 7]! << 17) | (b[p + 8]! << 9) | (b[p + 9]! << 1) | (b[p + 10]! >> 7));
      assert.ok(base >= lastPcr);
      lastPcr = base;
      pcrs++;
    }
    if (pid === s.videoPid && (b[p + 1]! & 0x40) !== 0) assert.ok(lastPat >= 0);
  }
  assert.equal(pcrs, 50);
  // Frame times of the PATs: never more than 100 ms (9,000 ticks) apart.
  const patFrames: number[] = [];
  let frame = 0;
  for (const l of s.labels) {
    if (l.kind === 'video' && l.first) frame = l.unit;
    if (l.pid === 0) patFrames.push(frame);
  }
  for (let i = 1; i < patFrames.length; i++) assert.ok((patFrames[i]! - patFrames[i - 1]!) * 3600 <= 9000, `PATs at frames ${patFrames[i - 1]} and ${patFrames[i]}`);
  assert.ok(patFrames.length >= 20);
});

test('a PMT that changes and a PAT that replaces the program: program events, streams added and removed', () => {
  const rng = createRng(22);
  const k1 = klvPacket(rng, 50);
  const k2 = klvPacket(rng, 60);
  const a = new TsMuxer({ video: { codec: 'h264' }, klv: [{ carriage: 'async' }] });
  const b = new TsMuxer({ video: { codec: 'h264' }, klv: [{ carriage: 'sync', pid: 0x102 }] });
  const c = new TsMuxer({ programNumber: 2, pmtPid: 0x1100, klv: [{ carriage: 'async', pid: 0x103 }] });
  // b's first tables repeat a's continuity counters (both start at 0): duplicates by the rule, dropped; its second ones count on.
  const parts = [a.writeKlv(k1, 100), b.writeTables(), b.writeTables(), b.writeKlv(k2, 200), c.writeKlv(k1, 400)];
  const r = demuxTs(Uint8Array.from(parts.flatMap((p) => [...p])));
  const programs = r.events.filter((e) => e.kind === 'program');
  assert.deepEqual(programs.map((p) => p.kind === 'program' && [p.programNumber, p.pmtPid, p.streams.map((x) => `${x.pid}:${x.klv ?? x.kind}`).join(' ')]), [
    [1, 0x1000, '256:video 257:async'], [1, 0x1000, '256:video 258:sync'], [2, 0x1100, '259:async'],
  ]);
  assert.deepEqual(klvOf(r.events).map((k) => [k.pid, k.pts, k.sync]), [[0x101, 100, false], [0x102, 200, true], [0x103, 400, false]]);
  assert.deepEqual(r.programs.map((p) => p.programNumber), [2]);
  assert.equal(r.stats.duplicatePackets, 2);
});

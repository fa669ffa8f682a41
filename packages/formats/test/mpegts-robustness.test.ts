/**
 * Damaged streams, with exact expectations from the packet labels: lost
 * packets (continuity errors per PID, incomplete units never glued,
 * orphan packets), duplicates, noise between packets (resynchronisation),
 * a stream cut anywhere; then seeded fuzzing of random and mutated streams
 * (nothing thrown but NARIZ_MPEGTS, memory held bounded), and lengths
 * claimed far beyond the caps.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng, isNarizError, type Rng } from '@nariz/core';
import { TsDemuxer, TsMuxer, demuxTs, type DemuxEvent, type KlvEvent, type VideoEvent } from '../src/index.js';
import { concat } from './bytes.js';
import { chunks, makeStream, reframe, selectPackets, type LabeledStream } from './mpegts-factory.js';

const klvOf = (events: DemuxEvent[]): KlvEvent[] => events.filter((e): e is KlvEvent => e.kind === 'klv');
const videoOf = (events: DemuxEvent[]): VideoEvent[] => events.filter((e): e is VideoEvent => e.kind === 'video');
const noOffset = (events: DemuxEvent[]): unknown[] => events.map((e) => ({ ...e, offset: 0, ...(e.kind === 'klv' ? { bytes: [...e.bytes] } : {}) }));

interface Expected {
  klv: Array<{ unit: number; complete: boolean }>;
  video: Array<{ unit: number; complete: boolean }>;
  continuityErrors: number;
  lostPackets: number;
  orphanPackets: number;
}

/** What the demuxer must report when the packets in `dropped` are lost (never tables; fewer than 16 in a row per PID). */
function expectAfterDrops(s: LabeledStream, dropped: ReadonlySet<number>): Expected {
  const e: Expected = { klv: [], video: [], continuityErrors: 0, lostPackets: 0, orphanPackets: 0 };
  for (const kind of ['klv', 'video'] as const) {
    const idx = s.labels.map((l, i) => (l.kind === kind ? i : -1)).filter((i) => i >= 0);
    // Continuity: a run of lost packets is seen at the next surviving packet of the PID (not before the first one: the count starts there).
    let run = 0;
    let seen = false;
    for (const i of idx) {
      if (dropped.has(i)) run++;
      else {
        if (run > 0 && seen) {
          e.continuityErrors++;
          e.lostPackets += run;
        }
        run = 0;
        seen = true;
      }
    }
    const units = new Map<number, number[]>();
    for (const i of idx) units.set(s.labels[i]!.unit, [...(units.get(s.labels[i]!.unit) ?? []), i]);
    for (const [unit, packets] of units) {
      if (dropped.has(packets[0]!)) {
        e.orphanPackets += packets.filter((i) => !dropped.has(i)).length;
        continue;
      }
      const firstLoss = packets.findIndex((i) => dropped.has(i));
      if (firstLoss >= 0) e.orphanPackets += packets.slice(firstLoss).filter((i) => !dropped.has(i)).length;
      let complete = firstLoss < 0;
      if (kind === 'video') {
        // An unbounded PES ends only at the next start that arrives: a loss before it (its own packets, or the
        // lost start of the next frame) makes it incomplete, once a later packet shows the gap. A loss with
        // nothing after it on the PID cannot be seen: the PES looks complete at the end.
        const nextStart = idx.find((i) => i > packets[0]! && s.labels[i]!.first && !dropped.has(i)) ?? Infinity;
        const loss = idx.find((i) => i > packets[0]! && i < nextStart && dropped.has(i));
        complete = loss === undefined || !idx.some((i) => i > loss && !dropped.has(i));
      }
      (kind === 'klv' ? e.klv : e.video).push({ unit, complete });
    }
  }
  return e;
}

function dropSet(s: LabeledStream, rng: Rng, p: number): Set<number> {
  for (;;) {
    const d = new Set<number>();
    s.labels.forEach((l, i) => {
      if (l.kind !== 'psi' && i > 2 && rng.next() < p) d.add(i);
    });
    // Sixteen lost in a row on one PID look like none to a 4-bit counter: not generated.
    let ok = true;
    for (const pid of [s.klvPid, s.videoPid]) {
      let run = 0;
      s.labels.forEach((l, i) => {
        if (l.pid !== pid) return;
        run = d.has(i) ? run + 1 : 0;
        if (run >= 16) ok = false;
      });
    }
    if (ok) return d;
  }
}

for (const carriage of ['async', 'sync'] as const) {
  test(`lost packets (${carriage}): continuity errors and losses per PID, incomplete units are prefixes, never glued; the rest byte for byte`, () => {
    for (let seed = 1; seed <= 12; seed++) {
      const s = makeStream({ seed: 100 + seed, frames: 60, carriage });
      const rng = createRng(seed);
      const dropped = dropSet(s, rng, seed <= 6 ? 0.02 : 0.1);
      const r = demuxTs(selectPackets(s.bytes, (i) => !dropped.has(i)));
      const want = expectAfterDrops(s, dropped);
      const klv = klvOf(r.events);
      assert.deepEqual(klv.map((k) => k.complete), want.klv.map((k) => k.complete), `seed ${seed}: KLV units`);
      klv.forEach((k, n) => {
        const orig = s.klv[want.klv[n]!.unit]!;
        assert.equal(k.pts, orig.pts);
        if (k.complete) assert.deepEqual([...k.bytes], [...orig.bytes]);
        else {
          assert.ok(k.bytes.length < orig.bytes.length);
          assert.deepEqual([...k.bytes], [...orig.bytes.subarray(0, k.bytes.length)], 'an incomplete unit is a prefix: nothing after the loss is glued on');
        }
      });
      const video = videoOf(r.events);
      assert.deepEqual(video.map((v) => [v.pts, v.complete]), want.video.map((v) => [s.frames[v.unit]!.pts, v.complete]), `seed ${seed}: frames`);
      const st = r.stats;
      assert.deepEqual(
        { continuityErrors: st.continuityErrors, lostPackets: st.lostPackets, orphanPackets: st.orphanPackets, incompletePes: st.incompletePes },
        {
          continuityErrors: want.continuityErrors, lostPackets: want.lostPackets, orphanPackets: want.orphanPackets,
          incompletePes: want.klv.filter((k) => !k.complete).length + want.video.filter((v) => !v.complete).length,
        },
        `seed ${seed}`,
      );
      assert.equal(st.pids.get(s.klvPid)!.continuityErrors + st.pids.get(s.videoPid)!.continuityErrors, want.continuityErrors);
      assert.equal(r.events.filter((e) => e.kind === 'gap').length, want.continuityErrors);
    }
  });
}

test('duplicate packets: dropped and counted, the output as if they were not there', () => {
  const s = makeStream({ seed: 200, frames: 50, carriage: 'sync' });
  const clean = demuxTs(s.bytes);
  const rng = createRng(201);
  const n = s.bytes.length / 188;
  const parts: number[] = [];
  let dups = 0;
  for (let i = 0; i < n; i++) {
    parts.push(i);
    if (rng.next() < 0.1) {
      parts.push(i);
      dups++;
    }
  }
  const bytes = new Uint8Array(parts.length * 188);
  parts.forEach((i, k) => bytes.set(s.bytes.subarray(i * 188, i * 188 + 188), k * 188));
  const r = demuxTs(bytes);
  assert.deepEqual(noOffset(r.events), noOffset(clean.events));
  assert.deepEqual([r.stats.duplicatePackets, r.stats.continuityErrors], [dups, 0]);
});

test('noise between packets: sync lost and found again, every noise byte counted, nothing else lost', () => {
  const s = makeStream({ seed: 300, frames: 60 });
  const clean = demuxTs(s.bytes);
  const rng = createRng(301);
  const n = s.bytes.length / 188;
  const out: number[] = [];
  let noise = 0;
  let runs = 0;
  let lastNoise = -10;
  for (let i = 0; i < n; i++) {
    out.push(...s.bytes.subarray(i * 188, i * 188 + 188));
    // Three clean packets after each burst, so the three-sync-byte check can find the next one.
    if (i - lastNoise >= 3 && i < n - 3 && rng.next() < 0.05) {
      const k = rng.int(1, 400);
      for (let j = 0; j < k; j++) out.push(rng.pick([0x00, 0xff, rng.int(0, 0x46), rng.int(0x48, 0xff)]));
      noise += k;
      runs++;
      lastNoise = i;
    }
  }
  const r = demuxTs(Uint8Array.from(out));
  assert.ok(runs > 5);
  assert.deepEqual([r.stats.lostSyncBytes, r.stats.resyncs, r.stats.packets, r.stats.continuityErrors], [noise, runs, n, 0]);
  assert.deepEqual(noOffset(r.events), noOffset(clean.events));
  // Chunking does not change a resynchronisation.
  const d = new TsDemuxer();
  const ev: DemuxEvent[] = [];
  for (const c of chunks(Uint8Array.from(out), rng, 300)) ev.push(...d.push(c));
  ev.push(...d.end());
  assert.deepEqual(noOffset(ev), noOffset(r.events));
  assert.deepEqual(d.stats, r.stats);
});

test('a stream cut anywhere: no exception; the whole units before the cut, at most one incomplete after them', () => {
  const s = makeStream({ seed: 400, frames: 40, carriage: 'sync' });
  const rng = createRng(401);
  const cuts = [...Array.from({ length: 700 }, (_, i) => i), ...Array.from({ length: 200 }, () => rng.int(0, s.bytes.length))];
  for (const cut of cuts) {
    const r = demuxTs(s.bytes.subarray(0, cut));
    const klv = klvOf(r.events);
    klv.forEach((k, i) => {
      if (k.complete) assert.deepEqual([...k.bytes], [...s.klv[i]!.bytes], `cut ${cut}`);
      else assert.equal(i, klv.length - 1, `cut ${cut}: only the last unit can be incomplete`);
    });
    if (cut >= 188) assert.deepEqual([r.stats.packets, r.stats.truncatedBytes], [Math.floor(cut / 188), cut % 188], `cut ${cut}`);
  }
});

/** Memory a demuxer may hold with `klvPids` KLV PIDs and `psiPids` table PIDs (docs/formats/mpegts.md#limits). */
function bound(maxMetadata: number, klvPids: number, psiPids: number): number {
  return 3 * 204 + 188 + psiPids * 4096 + klvPids * (65536 + 264 + 2 * maxMetadata);
}

/** Demuxes in random pieces; true when the input was refused (NARIZ_MPEGTS), false when it was read; anything else thrown fails the test. */
function fuzzRun(bytes: Uint8Array, rng: Rng, maxMetadata: number): boolean {
  const d = new TsDemuxer({ maxMetadataBytes: maxMetadata });
  try {
    for (const c of chunks(bytes, rng, 4000)) {
      d.push(c);
      assert.ok(d.bufferedBytes <= bound(maxMetadata, 4, 8), `${d.bufferedBytes} bytes held`);
    }
    d.end();
    return false;
  } catch (e) {
    if (!isNarizError(e, 'NARIZ_MPEGTS')) throw e;
    return true;
  }
}


test('fuzz: seeded random bytes and mutated streams never throw anything but NARIZ_MPEGTS, and hold bounded memory', () => {
  const rng = createRng(500);
  for (let r = 0; r < 100; r++) {
    const random = Uint8Array.from({ length: rng.int(0, 20000) }, () => (rng.next() < 0.05 ? 0x47 : rng.int(0, 255)));
    // Dense in sync bytes: some runs lock on a chance alignment and read noise as packets; either way, nothing else may be thrown.
    fuzzRun(random, rng, 1 << 16);
  }
  const bases = [
    makeStream({ seed: 501, frames: 40, carriage: 'async' }).bytes,
    makeStream({ seed: 502, frames: 40, carriage: 'sync', klvValue: [2000, 9000] }).bytes,
    reframe(makeStream({ seed: 503, frames: 40, carriage: 'sync' }).bytes, 192, rng),
  ];
  let read = 0;
  for (let r = 0; r < 1200; r++) {
    let m: Uint8Array = bases[r % bases.length]!.slice();
    const kinds = rng.int(1, 4);
    for (let k = 0; k < kinds; k++) {
      const what = rng.int(0, 5);
      const at = rng.int(0, m.length - 1);
      if (what === 0) for (let j = 0; j < rng.int(1, 50); j++) m[rng.int(0, m.length - 1)] = rng.int(0, 255);
      else if (what === 1) for (let j = 0; j < rng.int(1, 50); j++) m[rng.int(0, m.length - 1)]! ^= 1 << rng.int(0, 7);
      else if (what === 2) m = concat(m.subarray(0, at), m.subarray(Math.min(m.length, at + rng.int(1, 2000))));
      else if (what === 3) m = concat(m.subarray(0, at), Uint8Array.from({ length: rng.int(1, 500) }, () => rng.int(0, 255)), m.subarray(at));
      else if (what === 4) {
        // Header bytes of random packets: PIDs, flags, counters, adaptation lengths.
        for (let j = 0; j < rng.int(1, 30); j++) m[rng.int(0, Math.floor(m.length / 188) - 1) * 188 + rng.int(1, 5)] = rng.int(0, 255);
      } else {
        const p = Math.floor(at / 188) * 188;
        m = concat(m.subarray(0, p), m.subarray(p, p + 188 * rng.int(1, 20)), m.subarray(p));
      }
    }
    if (!fuzzRun(m, rng, rng.pick([1024, 1 << 16]))) read++;
  }
  assert.ok(read > 1000, `${read} of 1,200 mutated streams read`);
});

/** Transport packets carrying `payload` on `pid` from a PES start, continuity counters from `cc`. */
function rawPes(pid: number, payload: Uint8Array, cc: number): Uint8Array {
  const n = Math.ceil(payload.length / 184);
  const out = new Uint8Array(n * 188).fill(0xff);
  for (let i = 0; i < n; i++) {
    const o = i * 188;
    out.set([0x47, (i === 0 ? 0x40 : 0) | (pid >> 8), pid & 0xff, 0x10 | ((cc + i) & 15)], o);
    out.set(payload.subarray(i * 184, i * 184 + 184), o + 4);
  }
  return out;
}

test('claimed lengths beyond the caps: an endless metadata PES, a 20 MB video PES, an endless chain of AU fragments', () => {
  const cap = 100_000;
  // An asynchronous KLV PES with PES_packet_length 0, 5 MB long.
  const async = new TsMuxer({ video: { codec: 'h264' }, klv: [{ carriage: 'async' }] });
  const tables = async.writeTables();
  const payload = new Uint8Array(5_000_000).fill(0x11);
  payload.set([0, 0, 1, 0xbd, 0, 0, 0x80, 0, 0]);
  const d = new TsDemuxer({ maxMetadataBytes: cap });
  const events: DemuxEvent[] = [...d.push(tables)];
  const big = rawPes(0x101, payload, 0);
  for (let p = 0; p < big.length; p += 188 * 1000) {
    events.push(...d.push(big.subarray(p, p + 188 * 1000)));
    assert.ok(d.bufferedBytes <= cap + 1000, `${d.bufferedBytes} held`);
  }
  // A 20 MB unbounded video PES: counted, never held.
  const video = new Uint8Array(20_000_000).fill(0x22);
  video.set([0, 0, 1, 0xe0, 0, 0, 0x80, 0, 0]);
  const v = rawPes(0x100, video, 0);
  for (let p = 0; p < v.length; p += 188 * 5000) {
    events.push(...d.push(v.subarray(p, p + 188 * 5000)));
    assert.ok(d.bufferedBytes < 2000, `${d.bufferedBytes} held`);
  }
  events.push(...d.end());
  const klv = klvOf(events);
  assert.deepEqual(klv.map((k) => [k.bytes.length, k.complete]), [[cap, false]]);
  assert.equal(d.stats.oversizeMetadata, 1);
  // Payload as sent: whole packets (the last one padded with 0xFF by rawPes), less the 9-byte PES header.
  assert.deepEqual(videoOf(events).map((e) => [e.size, e.complete]), [[(v.length / 188) * 184 - 9, true]]);

  // Synchronous: first fragment then middle fragments forever.
  const sync = new TsMuxer({ klv: [{ carriage: 'sync' }] });
  const ds = new TsDemuxer({ maxMetadataBytes: cap });
  const ev: DemuxEvent[] = [...ds.push(sync.writeTables())];
  let cc = 0;
  for (let i = 0; i < 100; i++) {
    const data = new Uint8Array(10_000).fill(i);
    const pes = new Uint8Array(14 + 5 + data.length);
    pes.set([0, 0, 1, 0xfc, ((pes.length - 6) >> 8) & 0xff, (pes.length - 6) & 0xff, 0x84, 0x80, 5, 0x21, 0, 1, 0, 1]);
    pes.set([0, i, i === 0 ? 0x9f : 0x1f, data.length >> 8, data.length & 0xff], 14);
    pes.set(data, 19);
    const pk = rawPes(0x101, pes, cc);
    cc += pk.length / 188;
    ev.push(...ds.push(pk));
    assert.ok(ds.bufferedBytes <= 2 * cap + 66_000, `${ds.bufferedBytes} held`);
  }
  ev.push(...ds.end());
  const units = klvOf(ev);
  assert.equal(units.length, 1);
  assert.equal(units[0]!.complete, false);
  assert.ok(units[0]!.bytes.length <= cap);
  assert.equal(ds.stats.auCellErrors, 1);
});

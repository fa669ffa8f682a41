/**
 * Bad bytes: seeded property tests. Noise is inserted between packets (or
 * records) and bytes are flipped inside chosen packets; the decoder must
 * find every intact packet, drop exactly the noise plus the damaged
 * packets, count the runs, and give the same frames under any chunking.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRng, type Rng } from '@nariz/core';
import { MavlinkDecoder, TlogDecoder, decodeGlobalPositionInt, defaultDialect, type DecoderStats, type MavlinkFrame } from '../src/index.js';
import { V2_STREAM, VTOL_TLOG } from './mavlink-oracle.js';

// Plain Uint8Arrays: a Buffer's slice() is a view, and the corruption below must not write into the originals.
const v2 = new Uint8Array(readFileSync(V2_STREAM));
const vtol = new Uint8Array(readFileSync(VTOL_TLOG));

interface Span {
  readonly start: number;
  readonly length: number;
  /** Where the packet starts inside the span (8 in a tlog record). */
  readonly packetAt: number;
  readonly known: boolean;
}

/** Packet (or record) boundaries of a clean file, from the length bytes alone. */
function spans(bytes: Uint8Array, tlog: boolean): Span[] {
  const out: Span[] = [];
  const pre = tlog ? 8 : 0;
  for (let p = 0; p < bytes.length;) {
    const stx = bytes[p + pre]!;
    const len = bytes[p + pre + 1]!;
    const v2packet = stx === 0xfd;
    const total = v2packet ? 12 + len + ((bytes[p + pre + 2]! & 1) !== 0 ? 13 : 0) : 8 + len;
    const msgid = v2packet ? bytes[p + pre + 7]! | (bytes[p + pre + 8]! << 8) | (bytes[p + pre + 9]! << 16) : bytes[p + pre + 5]!;
    out.push({ start: p, length: pre + total, packetAt: pre, known: defaultDialect().crcExtra(msgid) >= 0 });
    p += pre + total;
  }
  return out;
}

/**
 * Noise that ends in a well-framed packet of an unknown id is, byte for byte,
 * such a packet (followed by the real packet after it): no decoder can call
 * it noise, so the generator does not make it.
 */
function endsInUnknownPacket(b: Uint8Array, tlog: boolean): boolean {
  const pre = tlog ? 8 : 0;
  for (let q = pre; q < b.length; q++) {
    let total: number;
    let msgid: number;
    if (b[q] === 0xfe && q + 6 <= b.length) {
      total = 8 + b[q + 1]!;
      msgid = b[q + 5]!;
    } else if (b[q] === 0xfd && q + 10 <= b.length && (b[q + 2]! & ~1) === 0) {
      total = 12 + b[q + 1]! + ((b[q + 2]! & 1) !== 0 ? 13 : 0);
      msgid = b[q + 7]! | (b[q + 8]! << 8) | (b[q + 9]! << 16);
    } else continue;
    if (q + total === b.length && defaultDialect().crcExtra(msgid) < 0) return true;
  }
  return false;
}

function noise(rng: Rng, bytes: Uint8Array, all: readonly Span[], tlog: boolean): Uint8Array {
  for (;;) {
    let b: Uint8Array;
    if (rng.next() < 0.25) {
      // A packet cut short: the commonest real corruption.
      const s = rng.pick(all);
      b = bytes.slice(s.start, s.start + rng.int(1, s.length - 1));
    } else {
      // Far denser in start bytes than real noise (2 in 256), to exercise resynchronisation.
      b = Uint8Array.from({ length: rng.int(1, 40) }, () => (rng.next() < 0.25 ? rng.pick([0xfd, 0xfe]) : rng.int(0, 255)));
    }
    if (!endsInUnknownPacket(b, tlog)) return b;
  }
}

interface Corrupted {
  readonly bytes: Uint8Array;
  /** The spans left intact, in order. */
  readonly intact: Span[];
  readonly droppedBytes: number;
  readonly runs: number;
  readonly flipped: number;
  readonly unknownIds: number;
}

type Piece = { readonly bytes: Uint8Array; readonly kind: 'noise' | 'flipped' | 'known' | 'unknown'; readonly span?: Span };

function corrupt(bytes: Uint8Array, tlog: boolean, seed: number): Corrupted {
  const rng = createRng(seed);
  const all = spans(bytes, tlog);
  const flip = new Set<number>();
  while (flip.size < 12) {
    const i = rng.int(0, all.length - 1);
    if (all[i]!.known) flip.add(i);
  }
  const noiseBefore = new Map<number, Uint8Array>();
  for (let g = 0; g < 40; g++) noiseBefore.set(rng.int(0, all.length), noise(rng, bytes, all, tlog));
  const pieces: Piece[] = [];
  all.forEach((s, i) => {
    const n = noiseBefore.get(i);
    if (n !== undefined) pieces.push({ bytes: n, kind: 'noise' });
    const copy = bytes.slice(s.start, s.start + s.length);
    if (flip.has(i)) {
      // Payload or checksum only: a flipped header could turn a packet into an unknown-id one, which no decoder can tell from a real one.
      const header = copy[s.packetAt] === 0xfd ? 10 : 6;
      copy[rng.int(s.packetAt + header, s.length - 1)]! ^= rng.int(1, 255);
      pieces.push({ bytes: copy, kind: 'flipped' });
    } else pieces.push({ bytes: copy, kind: s.known ? 'known' : 'unknown', span: s });
  });
  const tail = noiseBefore.get(all.length);
  if (tail !== undefined) pieces.push({ bytes: tail, kind: 'noise' });

  // An unknown-id packet counts as one only when a verified packet (perhaps after more unknown-id ones) or the end follows it; else its bytes are dropped.
  const corroborated = (i: number): boolean => {
    for (let j = i + 1; j < pieces.length; j++) {
      const k = pieces[j]!.kind;
      if (k === 'known') return true;
      if (k !== 'unknown') return false;
    }
    return true;
  };
  const dropped: boolean[] = [];
  const intact: Span[] = [];
  let unknownIds = 0;
  pieces.forEach((pc, i) => {
    const isDropped = pc.kind === 'noise' || pc.kind === 'flipped' || (pc.kind === 'unknown' && !corroborated(i));
    if (pc.kind === 'known') intact.push(pc.span!);
    if (pc.kind === 'unknown' && !isDropped) unknownIds++;
    for (let b = 0; b < pc.bytes.length; b++) dropped.push(isDropped);
  });
  let runs = 0;
  dropped.forEach((d, i) => {
    if (d && (i === 0 || !dropped[i - 1])) runs++;
  });
  const out = new Uint8Array(dropped.length);
  let at = 0;
  for (const pc of pieces) {
    out.set(pc.bytes, at);
    at += pc.bytes.length;
  }
  return { bytes: out, intact, droppedBytes: dropped.filter(Boolean).length, runs, flipped: flip.size, unknownIds };
}

interface Decoder {
  push(chunk: Uint8Array): MavlinkFrame[];
  end(): MavlinkFrame[];
  readonly stats: DecoderStats;
}

function decodeChunked(make: () => Decoder, bytes: Uint8Array, rng: Rng | undefined): { frames: MavlinkFrame[]; stats: DecoderStats } {
  const d = make();
  const frames: MavlinkFrame[] = [];
  let p = 0;
  while (p < bytes.length) {
    const n = rng === undefined ? bytes.length : rng.next() < 0.3 ? rng.int(1, 3) : rng.int(1, 700);
    // A fresh copy each time: the decoder must not keep the caller's buffer.
    frames.push(...d.push(bytes.slice(p, p + n)));
    p += n;
  }
  frames.push(...d.end());
  return { frames, stats: d.stats };
}

const content = (f: MavlinkFrame): string => `${f.version}/${f.sysid}/${f.compid}/${f.msgid}/${f.seq}/${f.timestampUs}/${Buffer.from(f.payload).toString('hex')}`;

for (const [label, tlog, bytes, make, seeds] of [
  ['raw v2 stream', false, v2, () => new MavlinkDecoder(), 25],
  ['tlog', true, vtol, () => new TlogDecoder(), 10],
] as const) {
  test(`${label}: any chunking gives the same frames and counts (byte by byte, and 20 seeded random splits)`, () => {
    const whole = decodeChunked(make, bytes, undefined);
    const d = make();
    const bytewise: MavlinkFrame[] = [];
    for (let i = 0; i < bytes.length; i++) bytewise.push(...d.push(bytes.subarray(i, i + 1)));
    bytewise.push(...d.end());
    assert.deepEqual(bytewise, whole.frames);
    assert.deepEqual(d.stats, whole.stats);
    for (let seed = 1; seed <= 20; seed++) {
      const split = decodeChunked(make, bytes, createRng(seed));
      assert.deepEqual(split.frames, whole.frames, `seed ${seed}`);
      assert.deepEqual(split.stats, whole.stats, `seed ${seed}`);
    }
  });

  test(`${label}: noise and flipped bytes: every intact packet found, dropped bytes and runs exact, chunking irrelevant (${seeds} seeds)`, () => {
    const clean = decodeChunked(make, bytes, undefined);
    const cleanByStart = new Map<number, MavlinkFrame>();
    const all = spans(bytes, tlog);
    let fi = 0;
    for (const s of all) if (s.known) cleanByStart.set(s.start, clean.frames[fi++]!);
    const unknownSpans = all.filter((s) => !s.known).length;
    for (let seed = 100; seed < 100 + seeds; seed++) {
      const c = corrupt(bytes, tlog, seed);
      const got = decodeChunked(make, c.bytes, undefined);
      const want = c.intact.map((s) => content(cleanByStart.get(s.start)!));
      assert.deepEqual(got.frames.map(content), want, `seed ${seed}: the intact packets, in order`);
      assert.equal(got.stats.droppedBytes, c.droppedBytes, `seed ${seed}: dropped bytes`);
      assert.equal(got.stats.resyncs, c.runs, `seed ${seed}: runs of dropped bytes`);
      assert.equal(got.stats.unknownIds, c.unknownIds, `seed ${seed}: unknown-id packets`);
      assert.ok(c.unknownIds <= unknownSpans);
      assert.ok(got.stats.crcErrors >= c.flipped, `seed ${seed}: each flipped packet fails its checksum`);
      assert.equal(got.stats.bytes, c.bytes.length);
      // Every byte is accounted for: in a frame (with its record time), in a skipped unknown-id packet, or dropped.
      const framed = got.frames.reduce((n, f) => n + f.wireLength + (tlog ? 8 : 0), 0);
      assert.equal(framed + got.stats.unknownBytes + got.stats.droppedBytes, c.bytes.length, `seed ${seed}: bytes accounted for`);
      const split = decodeChunked(make, c.bytes, createRng(seed));
      assert.deepEqual(split.frames, got.frames, `seed ${seed}: chunked`);
      assert.deepEqual(split.stats, got.stats, `seed ${seed}: chunked stats`);
    }
  });
}

test('random bytes: no exception, and every byte accounted for (framed, unknown or dropped), raw and lenient tlog', () => {
  const rng = createRng(77);
  for (let r = 0; r < 300; r++) {
    const bytes = Uint8Array.from({ length: rng.int(0, 3000) }, () => (rng.next() < 0.1 ? rng.pick([0xfd, 0xfe]) : rng.int(0, 255)));
    for (const [tlog, make] of [[false, () => new MavlinkDecoder()], [true, () => new TlogDecoder({ lenient: true })]] as const) {
      const got = decodeChunked(make, bytes, createRng(r));
      const framed = got.frames.reduce((n, f) => n + f.wireLength + (tlog ? 8 : 0), 0);
      assert.equal(framed + got.stats.unknownBytes + got.stats.droppedBytes, bytes.length, `run ${r}, ${tlog ? 'tlog' : 'raw'}`);
    }
  }
});

test('a signed MAVLink 2 packet (13-byte signature) is framed whole and counted as signed', async () => {
  const { MavLinkProtocolV2, common } = await import('node-mavlink');
  const msg = new common.GlobalPositionInt();
  msg.timeBootMs = 1234;
  msg.lat = 193_326_000;
  const proto = new MavLinkProtocolV2(7, 1, MavLinkProtocolV2.IFLAG_SIGNED);
  const signed = proto.sign(proto.serialize(msg, 5), 3, Buffer.alloc(32, 1), Date.UTC(2026, 0, 1));
  const d = new MavlinkDecoder();
  const frames = [...d.push(Buffer.concat([signed, signed])), ...d.end()];
  assert.equal(frames.length, 2);
  assert.deepEqual([frames[0]!.signed, frames[0]!.sysid, frames[0]!.seq, frames[1]!.offset], [true, 7, 5, signed.length]);
  assert.equal(decodeGlobalPositionInt(frames[1]!.payload).latDeg, 19.3326);
  assert.deepEqual([d.stats.signed, d.stats.droppedBytes], [2, 0]);
});

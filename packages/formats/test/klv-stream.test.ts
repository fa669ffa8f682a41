/**
 * KlvStreamParser: concatenated KLV packets as a demuxer hands them over,
 * with garbage between them. Every good packet is found, exactly the
 * garbage is dropped and counted, and any chunking of the same bytes gives
 * the same packets and counts.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng, type Rng } from '@nariz/core';
import { KlvStreamParser, ST0601_KEY, type KlvStreamPacket, type KlvStreamStats } from '../src/index.js';
import { concat, fromHex, klvData } from './klv-fixtures.js';

const S114 = klvData('st0601-sample-114.bin');
const S228 = klvData('st0601-sample-228.bin');
const VMTI = klvData('st0903-vmti-650.bin');
const OTHER = concat(fromHex('06 0E 2B 34 04 01 01 01 0E 01 03 03 0C 00 00 00'), Uint8Array.of(3, 1, 2, 3));

function run(bytes: Uint8Array, chunks: (n: number) => number, opts = {}): { packets: KlvStreamPacket[]; stats: KlvStreamStats } {
  const parser = new KlvStreamParser(opts);
  const packets: KlvStreamPacket[] = [];
  for (let p = 0; p < bytes.length;) {
    const n = Math.max(1, Math.min(bytes.length - p, chunks(p)));
    packets.push(...parser.push(bytes.subarray(p, p + n)));
    p += n;
  }
  packets.push(...parser.end());
  return { packets, stats: parser.stats };
}

const summary = (ps: KlvStreamPacket[]): string[] => ps.map((x) => `${x.kind}@${x.offset}${x.kind === 'st0601' ? `:${x.packet.checksum.ok}` : ''}`);
const size = (x: KlvStreamPacket): number => (x.kind === 'other' ? x.packetLength : x.packet.packetLength);

/** Noise without the 4-byte key prefix in it (a key in noise is a packet start, byte for byte), dense in key bytes to exercise the scan. */
function noise(rng: Rng, n: number): Uint8Array {
  for (;;) {
    const b = Uint8Array.from({ length: n }, () => (rng.next() < 0.3 ? rng.pick([0x06, 0x0e, 0x2b, 0x34]) : rng.int(0, 255)));
    let ok = true;
    for (let i = 0; i + 4 <= b.length; i++) if (b[i] === 0x06 && b[i + 1] === 0x0e && b[i + 2] === 0x2b && b[i + 3] === 0x34) ok = false;
    if (ok) return b;
  }
}

test('clean stream: every packet, its kind and stream offset; item offsets are stream offsets', () => {
  const bytes = concat(S114, S228, VMTI, OTHER, S114);
  const { packets, stats } = run(bytes, () => bytes.length);
  assert.deepEqual(summary(packets), ['st0601@0:true', 'st0601@114:false', 'st0903@342', 'st0903@472', 'st0903@602', 'st0903@732', 'st0903@862', 'other@992', 'st0601@1012:true']);
  assert.equal(stats.droppedBytes, 0);
  assert.equal(stats.checksumErrors, 1, 'the 228-byte sample');
  assert.equal(stats.packets, 9);
  const last = packets[8]!;
  assert.ok(last.kind === 'st0601' && last.packet.items[0]!.offset === 1012 + 17);
  const other = packets[7]!;
  assert.ok(other.kind === 'other' && other.key === '060E2B34040101010E0103030C000000' && other.value.length === 3);
});

test('garbage between packets: exactly the garbage dropped, every packet found, under any chunking (seeded)', () => {
  for (let k = 0; k < 60; k++) {
    const rng = createRng(0xc0ffee + k);
    const parts: Uint8Array[] = [];
    const want: string[] = [];
    let garbage = 0;
    let runs = 0;
    let at = 0;
    for (let i = 0; i < 12; i++) {
      if (rng.next() < 0.5) {
        const g = noise(rng, rng.int(1, 60));
        parts.push(g);
        garbage += g.length;
        at += g.length;
        runs++;
      }
      const pkt = rng.pick([S114, S228, OTHER]);
      want.push(`${pkt === OTHER ? 'other' : 'st0601'}@${at}${pkt === OTHER ? '' : `:${pkt === S114}`}`);
      parts.push(pkt);
      at += pkt.length;
    }
    const bytes = concat(...parts);
    const whole = run(bytes, () => bytes.length);
    assert.deepEqual(summary(whole.packets), want, `case ${k}`);
    assert.equal(whole.stats.droppedBytes, garbage, `case ${k}: dropped`);
    assert.equal(whole.stats.resyncs, runs, `case ${k}: runs`);
    assert.equal(whole.stats.droppedBytes + whole.packets.reduce((s, x) => s + size(x), 0), bytes.length);
    const bytewise = run(bytes, () => 1);
    const random = run(bytes, () => rng.int(1, 300));
    for (const other of [bytewise, random]) {
      assert.deepEqual(summary(other.packets), want, `case ${k}: chunked`);
      assert.deepEqual(other.stats, whole.stats, `case ${k}: chunked stats`);
    }
  }
});

test('a packet cut short by a loss, followed by the next packet: the next one is found, the stump dropped', () => {
  for (const cut of [17, 18, 40, 60, 96, 110]) {
    const bytes = concat(S114.subarray(0, cut), S228, S114);
    const { packets, stats } = run(bytes, () => 7);
    assert.deepEqual(summary(packets), [`st0601@${cut}:false`, `st0601@${cut + 228}:true`], `cut at ${cut}`);
    assert.equal(stats.droppedBytes, cut, `cut at ${cut}`);
  }
});

test('lengths that cannot be: over the limit, indefinite, a stream that ends inside a packet', () => {
  const huge = concat(ST0601_KEY, fromHex('84 7F FF FF FF'), S114);
  const a = run(huge, () => 5);
  assert.deepEqual(summary(a.packets), ['st0601@21:true']);
  assert.equal(a.stats.droppedBytes, 21);
  const indefinite = concat(ST0601_KEY, Uint8Array.of(0x80), S114);
  assert.deepEqual(summary(run(indefinite, () => 3).packets), ['st0601@17:true']);
  const ends = concat(S114, S114.subarray(0, 90));
  const c = run(ends, () => 11);
  assert.deepEqual(summary(c.packets), ['st0601@0:true']);
  assert.equal(c.stats.droppedBytes, 90);
  // A smaller limit turns the 210-byte-value sample into garbage.
  const d = run(concat(S228, S114), () => 64, { maxPacketLength: 200 });
  assert.deepEqual(summary(d.packets), ['st0601@228:true']);
  assert.equal(d.stats.droppedBytes, 228);
});

test('a complete packet that does not decode loses its first byte; the error is kept', () => {
  const bad = Uint8Array.from(S114);
  bad[17 + 10 + 1] = 0x7f; // an item claims more than the packet has
  const { packets, stats } = run(concat(bad, S114), () => 1000);
  assert.deepEqual(summary(packets), ['st0601@114:true']);
  assert.equal(stats.malformed, 1);
  assert.equal(stats.droppedBytes, 114);
  assert.match(stats.errors[0]!.message, /claims 127 bytes/);
  const ended = new KlvStreamParser();
  ended.end();
  assert.throws(() => ended.push(Uint8Array.of(1)), /after end\(\)/, 'pushing after end() is a bug, not bad input');
});

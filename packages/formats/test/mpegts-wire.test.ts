/**
 * The wire pieces of MPEG-TS against known answers and round trips:
 * CRC-32/MPEG-2, 33-bit timestamps and their unwrapping, the PCR,
 * continuity counters, PES headers, metadata AU cells, PAT/PMT with the
 * KLV descriptors, access-unit splitting.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '@nariz/core';
import { crc32Mpeg2, splitAccessUnits, TIMESTAMP_WRAP, TimestampUnwrapper } from '../src/index.js';
import { readTimestamp, writeTimestamp } from '../src/mpegts/timestamp.js';
import { readPcr, writePcr } from '../src/mpegts/packet.js';
import { CC_DUPLICATE, CC_GAP, CC_IN_ORDER, ContinuityTracker } from '../src/mpegts/continuity.js';
import { PES_INVALID, PES_NEED_MORE, PesHeader, writePesHeader } from '../src/mpegts/pes.js';
import { MetadataAuAssembler, writeAuCellHeader, CFI_FIRST, CFI_LAST, CFI_MIDDLE, type MetadataAuCell } from '../src/mpegts/metadata-au.js';
import { parsePat, parsePmt } from '../src/mpegts/psi.js';
import { writePat, writePmt } from '../src/mpegts/psi-write.js';
import { klvMetadataDescriptor, klvMetadataPointerDescriptor, metadataStdDescriptor, readDescriptors, registrationDescriptor } from '../src/mpegts/descriptors.js';
import { SectionAssembler } from '../src/mpegts/section.js';
import { fakeAccessUnit } from './mpegts-factory.js';

test('CRC-32/MPEG-2: check value 0x0376E6E7, and a section with its CRC gives 0', () => {
  assert.equal(crc32Mpeg2(new TextEncoder().encode('123456789')), 0x0376e6e7);
  const pat = writePat(1, 0, [{ programNumber: 1, pmtPid: 0x1000 }]);
  assert.equal(crc32Mpeg2(pat), 0);
  // The PAT every ffmpeg transport stream starts with (tsid 1, program 1 → PMT 0x1000): CRC 0x2AB104B2.
  assert.deepEqual([...pat], [0x00, 0xb0, 0x0d, 0x00, 0x01, 0xc1, 0x00, 0x00, 0x00, 0x01, 0xf0, 0x00, 0x2a, 0xb1, 0x04, 0xb2]);
});

test('timestamps: 33-bit round trip with marker bits, random values and the edges', () => {
  const rng = createRng(1);
  const out = new Uint8Array(5);
  for (const t of [0, 1, 2 ** 32 - 1, 2 ** 32, TIMESTAMP_WRAP - 1, ...Array.from({ length: 500 }, () => Math.floor(rng.next() * TIMESTAMP_WRAP))]) {
    writeTimestamp(out, 0, 2, t);
    assert.equal(out[0]! >> 4, 2);
    assert.equal(out[0]! & 1, 1);
    assert.equal(out[2]! & 1, 1);
    assert.equal(out[4]! & 1, 1);
    assert.equal(readTimestamp(out, 0), t);
  }
  writeTimestamp(out, 0, 2, TIMESTAMP_WRAP + 5);
  assert.equal(readTimestamp(out, 0), 5);
});

test('unwrapping: follows the 2^33 wrap forwards, keeps small steps back small', () => {
  const u = new TimestampUnwrapper();
  const start = TIMESTAMP_WRAP - 7200;
  const seen: number[] = [];
  for (let i = 0; i < 10; i++) seen.push(u.unwrap((start + i * 3600) % TIMESTAMP_WRAP));
  assert.deepEqual(seen, Array.from({ length: 10 }, (_, i) => start + i * 3600));
  // A B-frame 3 frames back across the wrap.
  assert.equal(u.unwrap((start + 6 * 3600) % TIMESTAMP_WRAP), start + 6 * 3600);
  const v = new TimestampUnwrapper();
  assert.equal(v.unwrap(100), 100);
  assert.equal(v.unwrap(TIMESTAMP_WRAP - 50), -50);
});

test('PCR: 27 MHz round trip (base × 300 + extension)', () => {
  const rng = createRng(2);
  const pkt = new Uint8Array(188);
  pkt.set([0x47, 0x01, 0x00, 0x30, 7, 0x10]);
  for (let r = 0; r < 300; r++) {
    const pcr = Math.floor(rng.next() * TIMESTAMP_WRAP) * 300 + rng.int(0, 299);
    writePcr(pkt, 6, pcr);
    assert.equal(readPcr(pkt, 0), pcr);
  }
  pkt[5] = 0;
  assert.equal(readPcr(pkt, 0), -1);
});

test('continuity counters: in order, one duplicate allowed, gaps with their size, no check without payload, discontinuity restarts', () => {
  const c = new ContinuityTracker();
  assert.equal(c.check(5, 3, true, false), CC_IN_ORDER);
  assert.equal(c.check(5, 4, true, false), CC_IN_ORDER);
  assert.equal(c.check(5, 4, true, false), CC_DUPLICATE);
  assert.equal(c.check(5, 4, true, false), CC_GAP, 'a second repetition is an error');
  assert.equal(c.lost, 15);
  assert.equal(c.check(5, 5, true, false), CC_IN_ORDER);
  assert.equal(c.check(5, 9, false, false), CC_IN_ORDER, 'no payload: not checked');
  assert.equal(c.check(5, 8, true, false), CC_GAP);
  assert.equal(c.lost, 2);
  assert.equal(c.check(5, 0, true, true), CC_IN_ORDER, 'discontinuity_indicator');
  assert.equal(c.check(5, 15, true, false), CC_GAP);
  assert.equal(c.check(6, 15, true, false), CC_IN_ORDER, 'PIDs count on their own');
  assert.equal(c.check(6, 0, true, false), CC_IN_ORDER, 'wraps 15 → 0');
});

test('PES header: PTS, PTS+DTS, none; length; a header split anywhere waits; bad start codes are invalid', () => {
  const h = new PesHeader();
  const a = writePesHeader({ streamId: 0xbd, payloadLength: 100, pts: 123456789, dataAlignment: true });
  assert.equal(h.read(a, 0, a.length), 14);
  assert.deepEqual([h.streamId, h.packetLength, h.pts, h.dts, h.dataAlignment], [0xbd, 108, 123456789, -1, true]);
  const b = writePesHeader({ streamId: 0xe0, payloadLength: 1e6, pts: 9000, dts: 5400, unbounded: true });
  assert.equal(h.read(b, 0, b.length), 19);
  assert.deepEqual([h.packetLength, h.pts, h.dts], [0, 9000, 5400]);
  const c = writePesHeader({ streamId: 0xbd, payloadLength: 10 });
  assert.equal(h.read(c, 0, c.length), 9);
  assert.equal(h.pts, -1);
  for (let k = 0; k < b.length; k++) assert.equal(h.read(b, 0, k), PES_NEED_MORE, `${k} bytes`);
  assert.equal(h.read(Uint8Array.of(0, 0, 2, 0xe0, 0, 0, 0x80, 0, 0), 0, 9), PES_INVALID);
  // A header longer than the PES it announces.
  assert.equal(h.read(Uint8Array.of(0, 0, 1, 0xbd, 0, 3, 0x80, 0x80, 5, 0, 0, 0, 0, 0), 0, 14), PES_INVALID);
  assert.throws(() => writePesHeader({ streamId: 0xbd, payloadLength: 65530, pts: 0 }), RangeError);
});

test('metadata AU cells: header layout; fragments joined; orphans, overruns and the size cap reported', () => {
  const hdr = new Uint8Array(5);
  writeAuCellHeader(hdr, 0, 0x1234, { serviceId: 7, sequenceNumber: 200 });
  // service 7, sequence 200, '11' complete, decoder_config 0, random_access 1, reserved '1111', length 0x1234.
  assert.deepEqual([...hdr], [7, 200, 0xdf, 0x12, 0x34]);

  const cell = (cfi: number, seq: number, data: number[]): number[] => {
    const h = new Uint8Array(5);
    writeAuCellHeader(h, 0, data.length, { serviceId: 0, sequenceNumber: seq, fragment: cfi });
    return [...h, ...data];
  };
  const got: Array<[number[], boolean, MetadataAuCell, number]> = [];
  const counters = { auCellErrors: 0 };
  const a = new MetadataAuAssembler(counters, 10, (bytes, complete, c, pts) => got.push([[...bytes], complete, c, pts]));
  // Two complete cells in one PES, then an AU in three fragments over two PES packets.
  a.read(Uint8Array.from([...cell(3, 0, [1, 2]), ...cell(3, 1, [3])]), true, 90);
  a.read(Uint8Array.from(cell(CFI_FIRST, 2, [4, 5])), true, 180);
  a.read(Uint8Array.from([...cell(CFI_MIDDLE, 3, [6]), ...cell(CFI_LAST, 4, [7])]), true, 270);
  assert.deepEqual(got.map((g) => [g[0], g[1], g[2].sequenceNumber, g[3]]), [[[1, 2], true, 0, 90], [[3], true, 1, 90], [[4, 5, 6, 7], true, 2, 180]]);
  assert.equal(counters.auCellErrors, 0);
  got.length = 0;
  // An orphan last fragment; a cell whose length overruns its PES; a chain over the 10-byte cap.
  a.read(Uint8Array.from(cell(CFI_LAST, 5, [8])), true, 1);
  a.read(Uint8Array.from([...cell(3, 6, [9, 9, 9]).slice(0, 6)]), true, 2);
  a.read(Uint8Array.from([...cell(CFI_FIRST, 7, [1, 1, 1, 1, 1, 1]), ...cell(CFI_MIDDLE, 8, [2, 2, 2, 2, 2, 2]), ...cell(CFI_LAST, 9, [3])]), true, 3);
  a.read(Uint8Array.from(cell(3, 10, [4])), true, 4);
  assert.deepEqual(got.map((g) => [g[0], g[1]]), [[[8], false], [[9], false], [[1, 1, 1, 1, 1, 1], false], [[4], true]]);
  assert.equal(counters.auCellErrors, 3);
  assert.equal(a.buffered, 0);
});

test('PAT and PMT: written sections parse back, KLV streams recognised by their descriptors', () => {
  const pat = parsePat(writePat(7, 3, [{ programNumber: 1, pmtPid: 0x1000 }, { programNumber: 2, pmtPid: 0x1001 }]))!;
  assert.deepEqual(pat, { transportStreamId: 7, version: 3, current: true, sectionNumber: 0, lastSectionNumber: 0, programs: [{ programNumber: 1, pmtPid: 0x1000 }, { programNumber: 2, pmtPid: 0x1001 }] });
  const pmt = parsePmt(writePmt(1, 2, 0x100, klvMetadataPointerDescriptor(0, 1), [
    { streamType: 0x1b, pid: 0x100, descriptors: [] },
    { streamType: 0x06, pid: 0x101, descriptors: registrationDescriptor('KLVA') },
    { streamType: 0x15, pid: 0x102, descriptors: [...klvMetadataDescriptor(0), ...metadataStdDescriptor({ inputLeakRate: 2500, bufferSize: 64, outputLeakRate: 2500 })] },
    { streamType: 0x06, pid: 0x103, descriptors: [] },
    { streamType: 0x15, pid: 0x104, descriptors: [] },
  ]))!;
  assert.equal(pmt.pcrPid, 0x100);
  assert.deepEqual(pmt.programDescriptorTags, [0x25]);
  assert.equal(pmt.metadataPointer?.formatId, 'KLVA');
  assert.deepEqual(pmt.streams.map((s) => [s.pid, s.kind, s.codec ?? s.klv ?? '-']), [
    [0x100, 'video', 'h264'], [0x101, 'klv', 'async'], [0x102, 'klv', 'sync'], [0x103, 'private', '-'], [0x104, 'metadata', '-'],
  ]);
  // The exact bytes docs/formats/mpegts.md gives.
  assert.deepEqual(klvMetadataDescriptor(0), [0x26, 0x09, 0x01, 0x00, 0xff, 0x4b, 0x4c, 0x56, 0x41, 0x00, 0x0f]);
  assert.deepEqual(klvMetadataPointerDescriptor(0, 1), [0x25, 0x0b, 0x01, 0x00, 0xff, 0x4b, 0x4c, 0x56, 0x41, 0x00, 0x1f, 0x00, 0x01]);
  assert.deepEqual(registrationDescriptor('KLVA'), [0x05, 0x04, 0x4b, 0x4c, 0x56, 0x41]);
  const sync = pmt.streams[2]!;
  assert.deepEqual(sync.metadata, { applicationFormat: 0x0100, format: 0xff, formatId: 'KLVA', serviceId: 0, decoderConfigFlags: 0 });
  assert.deepEqual(readDescriptors(Uint8Array.from(metadataStdDescriptor({ inputLeakRate: 2500, bufferSize: 64, outputLeakRate: 7 })), 0, 11).metadataStd, { inputLeakRate: 2500, bufferSize: 64, outputLeakRate: 7 });
  // A descriptor whose length overruns its loop ends the reading there.
  assert.deepEqual(readDescriptors(Uint8Array.of(0x05, 4, 75, 76, 86, 65, 0x26, 40, 1), 0, 9).tags, [0x05]);
});

test('sections: spanning packets, several per packet, pointer_field, a CRC error, a section cut by a loss', () => {
  const got: number[][] = [];
  const counters = { psiCrcErrors: 0, psiErrors: 0, psiSectionsDropped: 0 };
  const a = new SectionAssembler(counters, (s) => got.push([...s]));
  const s1 = writePat(1, 0, [{ programNumber: 1, pmtPid: 0x1000 }]);
  const big = writePmt(1, 0, 0x100, [], Array.from({ length: 60 }, (_, i) => ({ streamType: 0x06, pid: 0x200 + i, descriptors: [0x05, 4, 1, 2, 3, 4] })));
  assert.ok(big.length > 184);
  // Payload 1: pointer 0, s1, then big's start; payload 2: big's middle; payload 3: pointer to big's end, then s1 again, stuffing.
  const p1 = Uint8Array.from([0, ...s1, ...big.subarray(0, 100)]);
  const p2 = big.subarray(100, big.length - 50);
  const rest = big.subarray(big.length - 50);
  const p3 = Uint8Array.from([rest.length, ...rest, ...s1, 0xff, 0xff]);
  a.push(p1, 0, p1.length, true);
  a.push(p2, 0, p2.length, false);
  a.push(p3, 0, p3.length, true);
  assert.deepEqual(got, [[...s1], [...big], [...s1]]);
  const bad = Uint8Array.from([0, ...s1]);
  bad[10]! ^= 1;
  a.push(bad, 0, bad.length, true);
  a.push(p1, 0, p1.length, true);
  a.drop();
  assert.deepEqual(counters, { psiCrcErrors: 1, psiErrors: 0, psiSectionsDropped: 1 });
  a.push(Uint8Array.of(200, 1, 2), 0, 3, true);
  assert.equal(counters.psiErrors, 1);
});

test('access units: synthetic H.264 split at AUDs and at first slices; keyframes at IDR', () => {
  const rng = createRng(3);
  const aus = Array.from({ length: 30 }, (_, i) => fakeAccessUnit(rng, rng.int(20, 400), i % 10 === 0));
  const es = new Uint8Array(aus.reduce((n, a) => n + a.length, 0));
  let o = 0;
  for (const a of aus) {
    es.set(a, o);
    o += a.length;
  }
  const units = splitAccessUnits(es, 'h264');
  assert.deepEqual(units.map((u) => [...u.bytes]), aus.map((a) => [...a]));
  assert.deepEqual(units.map((u) => u.keyframe), aus.map((_, i) => i % 10 === 0));
  // Without AUDs: a new picture starts at SPS/PPS after slices, or at a slice with first_mb_in_slice 0.
  const noAud = Uint8Array.of(0, 0, 0, 1, 0x67, 1, 0, 0, 1, 0x68, 2, 0, 0, 1, 0x65, 0x88, 3, 0, 0, 1, 0x65, 0x08, 4, 0, 0, 1, 0x41, 0x9a, 5, 0, 0, 1, 0x41, 0x9a, 6);
  assert.deepEqual(splitAccessUnits(noAud, 'h264').map((u) => [u.bytes.length, u.keyframe]), [[23, true], [6, false], [6, false]]);
  // MPEG-2: sequence header + I picture, then a P picture.
  const m2 = Uint8Array.of(0, 0, 1, 0xb3, 9, 9, 0, 0, 1, 0x00, 0, 0x08, 0, 0, 1, 0x01, 7, 0, 0, 1, 0x00, 0, 0x10, 0, 0, 1, 0x01, 8);
  assert.deepEqual(splitAccessUnits(m2, 'mpeg2').map((u) => [u.bytes.length, u.keyframe]), [[17, true], [11, false]]);
});

/**
 * Seeded fuzzing of the KLV decoders: random bytes, and real and random
 * valid packets mutated (bits flipped, bytes set to BER-significant values,
 * inserted, deleted, lengths made huge, packets cut and spliced). Decoding
 * either returns or throws NARIZ_KLV, nothing else; a returned packet's
 * items stay inside it; re-encoding what was decoded returns bytes or
 * throws NARIZ_USAGE; the stream parser never throws and accounts for every
 * byte. Claimed lengths are never allocated: 20,000 packets claiming up
 * to 2^53 bytes cost no memory. A failure names the iteration; rerun its
 * seed (KLV_FUZZ_ITERATIONS=40000 runs more).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NarizError, createRng, isNarizError, type Rng } from '@nariz/core';
import {
  KlvStreamParser, ST0601, ST0601_KEY, ST0903, decodeSt0102, frameKlv, decodeSt0601, decodeSt0903, encodeSt0601, encodeSt0601Fields, encodeSt0903, uasView, vmtiView,
  type St0601FieldInputs,
} from '../src/index.js';
import { concat, fromHex, klvData } from './klv-fixtures.js';
import { randomBytes, randomSet } from './klv-random.js';

const ITERATIONS = Number(process.env.KLV_FUZZ_ITERATIONS ?? 3000);
const SEED = 0xf00d;
const SEEDS = [klvData('st0601-sample-114.bin'), klvData('st0601-sample-228.bin'), klvData('st0903-vmti-650.bin').subarray(0, 130)];
const INTERESTING = [0x00, 0x01, 0x02, 0x06, 0x7f, 0x80, 0x81, 0x82, 0x84, 0x88, 0x89, 0xff, 0x30, 0x4a, 0x65];

function validPacket(rng: Rng): Uint8Array {
  if (rng.next() < 0.3) return encodeSt0903(randomSet(rng, ST0903, 0, 0.5), { standalone: true });
  return encodeSt0601Fields(randomSet(rng, ST0601, 0, 0.25) as St0601FieldInputs);
}

function mutate(rng: Rng, src: Uint8Array, inPlace = false): Uint8Array {
  let b = Array.from(src);
  for (let r = rng.int(1, 5); r > 0; r--) {
    const at = rng.int(0, Math.max(0, b.length - 1));
    switch (inPlace ? rng.int(0, 1) : rng.int(0, 7)) {
      case 0: b[at] = (b[at] ?? 0) ^ (1 << rng.int(0, 7)); break;
      case 1: b[at] = rng.pick(INTERESTING); break;
      case 2: b.splice(at, 0, rng.pick(INTERESTING)); break;
      case 3: b.splice(at, rng.int(1, 4)); break;
      case 4: b = b.slice(0, rng.int(0, b.length)); break;
      case 5: b.splice(at, 0, ...rng.pick([[0x84, 0x7f, 0xff, 0xff, 0xff], [0x88, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff], [0x83, 0x10, 0x00, 0x00]])); break;
      case 6: b.splice(16, 1, ...rng.pick([[0x84, 0x40, 0x00, 0x00, 0x00], [0x81, 0xff], [0x80], [rng.int(0, 127)]])); break;
      default: b = b.concat(Array.from(validPacket(rng)).slice(0, rng.int(0, 60)));
    }
  }
  return Uint8Array.from(b);
}

/** A packet whose value is mutated and whose length is then made right again: the framing holds, the items take the damage. */
function mutateValue(rng: Rng, packet: Uint8Array): Uint8Array {
  const f = frameKlv(packet);
  const value = mutate(rng, packet.subarray(f.valueStart, f.end), rng.next() < 0.7);
  const n = value.length;
  const length = n < 128 ? Uint8Array.of(n) : n < 256 ? Uint8Array.of(0x81, n) : Uint8Array.of(0x82, n >> 8, n & 0xff);
  return concat(packet.subarray(0, 16), length, value);
}

function input(rng: Rng): Uint8Array {
  const r = rng.next();
  if (r < 0.1) return randomBytes(rng, rng.int(0, 300));
  if (r < 0.15) return concat(ST0601_KEY, randomBytes(rng, rng.int(0, 200)));
  const seed = rng.next() < 0.4 ? rng.pick(SEEDS) : validPacket(rng);
  return r < 0.55 ? mutateValue(rng, seed) : mutate(rng, seed);
}

/** Runs `fn`; anything thrown must be a NarizError with `code`. */
function only<T>(code: 'NARIZ_KLV' | 'NARIZ_USAGE', where: string, fn: () => T): T | undefined {
  try {
    return fn();
  } catch (e) {
    if (!isNarizError(e, code)) throw new Error(`${where}: threw ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`, { cause: e });
    return undefined;
  }
}

test(`fuzz: ${ITERATIONS} seeded inputs, only NARIZ_KLV from the decoders, items inside their packet, every byte accounted for`, { timeout: 120_000 }, () => {
  let decoded = 0;
  const flagsSeen = new Set<string>();
  for (let i = 0; i < ITERATIONS; i++) {
    const rng = createRng(SEED + i);
    const b = input(rng);
    const where = `iteration ${i} (seed ${SEED + i}, ${b.length} bytes)`;
    const p = only('NARIZ_KLV', where, () => decodeSt0601(b, { anyKey: true }));
    if (p !== undefined) {
      decoded++;
      assert.ok(p.packetLength <= b.length && p.checksum.computed >= 0 && p.checksum.computed <= 0xffff, where);
      let last = -1;
      for (const it of p.items) {
        assert.ok(it.offset > last && it.valueOffset + it.length <= p.packetLength, `${where}: item ${it.tag} outside its packet`);
        last = it.offset;
        for (const f of it.flags) flagsSeen.add(f);
      }
      uasView(p);
      only('NARIZ_USAGE', `${where}: re-encode`, () => encodeSt0601(p.items));
    }
    const v = only('NARIZ_KLV', where, () => decodeSt0903(b));
    if (v !== undefined) {
      vmtiView(v);
      only('NARIZ_USAGE', `${where}: VMTI re-encode`, () => encodeSt0903(v.items, { standalone: true }));
    }
    only('NARIZ_KLV', where, () => decodeSt0102(b));
    // The stream parser never throws on input, and every byte is in a packet or dropped.
    const parser = new KlvStreamParser();
    let inPackets = 0;
    for (let at = 0; at < b.length;) {
      const n = rng.int(1, 64);
      for (const x of parser.push(b.subarray(at, at + n))) inPackets += x.kind === 'other' ? x.packetLength : x.packet.packetLength;
      at += n;
    }
    for (const x of parser.end()) inPackets += x.kind === 'other' ? x.packetLength : x.packet.packetLength;
    assert.equal(parser.stats.droppedBytes + inPackets, b.length, `${where}: stream accounting`);
  }
  // Most mutations break the framing (NARIZ_KLV); enough must survive it to reach the items, and hit every kind of flag.
  assert.ok(decoded > ITERATIONS / 5, `only ${decoded} inputs decoded: the mutations are too harsh to exercise item decoding`);
  for (const f of ['wrong-length', 'out-of-range', 'unknown-tag', 'reserved', 'special', 'malformed', 'duplicate']) assert.ok(flagsSeen.has(f), `no item flagged ${f}`);
});

test('huge claimed lengths are compared, never allocated: 20,000 packets claiming up to 2^53 bytes', { timeout: 60_000 }, () => {
  const before = process.memoryUsage().arrayBuffers;
  const lengths = ['84 FF FF FF FF', '87 1F FF FF FF FF FF FF', '83 FF FF FF', '82 FF FF'];
  for (let i = 0; i < 20_000; i++) {
    const b = concat(ST0601_KEY, fromHex(lengths[i % lengths.length]!), fromHex('02 08 00 04 60 50 58 4E 01 80'));
    assert.throws(() => decodeSt0601(b), (e: unknown) => e instanceof NarizError && e.code === 'NARIZ_KLV');
  }
  // One stream parser fed the same: each claim over the limit is dropped byte by byte, nothing buffered.
  const parser = new KlvStreamParser();
  for (let i = 0; i < 20_000; i++) parser.push(concat(ST0601_KEY, fromHex(lengths[i % lengths.length]!)));
  parser.end();
  assert.equal(parser.stats.packets, 0);
  const grown = process.memoryUsage().arrayBuffers - before;
  assert.ok(grown < 64 * 2 ** 20, `array buffers grew by ${(grown / 2 ** 20).toFixed(0)} MiB`);
});

test('nesting is bounded by the tables, and long flat sets decode in one pass', { timeout: 60_000 }, () => {
  // ST 0601 → VMTI (74) → VTarget Series (101) → VTarget → VChip Series (106) → VChip (bytes): the deepest the tables go.
  const chip = { items: [{ tag: 1, value: Uint8Array.of(1, 2, 3) }] };
  const deep = encodeSt0601Fields({ vmtiLocalSet: { targets: Array.from({ length: 200 }, (_, id) => ({ id, vchipSeries: [chip, chip] })) } });
  const p = decodeSt0601(deep);
  const vm = uasView(p).vmti!;
  assert.equal(vm.targets.length, 200);
  assert.equal(p.checksum.ok, true);
  // 40,000 one-byte items in one packet (BER long-form length).
  const many = encodeSt0601(Array.from({ length: 40_000 }, () => ({ tag: 65, value: 19 })));
  const q = decodeSt0601(many);
  assert.equal(q.items.length, 40_001);
  assert.deepEqual([...q.items[1]!.flags], ['duplicate']);
});

/**
 * Item-level problems are flags and the packet is still decoded; packet-
 * level problems are NARIZ_KLV errors with the byte offset
 * (docs/formats/klv.md#errors-and-flags).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isNarizError } from '@nariz/core';
import { ST0601_KEY, decodeSt0601, decodeSt0601Value, encodeSt0601, uasView, type KlvItem } from '../src/index.js';
import { concat, fromHex, klvData } from './klv-fixtures.js';

/** A packet of raw items (tag, length, value already written), with a correct checksum. */
function packetOf(...tlvs: string[]): Uint8Array {
  const body = concat(...tlvs.map(fromHex));
  const value = concat(body, Uint8Array.of(0x01, 0x02, 0, 0));
  const bytes = concat(ST0601_KEY, value.length < 128 ? Uint8Array.of(value.length) : Uint8Array.of(0x81, value.length), value);
  let sum = 0;
  for (let i = 0; i < bytes.length - 2; i++) sum += bytes[i]! << (8 * ((i + 1) % 2));
  bytes[bytes.length - 2] = (sum >> 8) & 0xff;
  bytes[bytes.length - 1] = sum & 0xff;
  return bytes;
}

const TS = '02 08 00 04 60 50 58 4E 01 80';

function item(p: { items: readonly KlvItem[] }, tag: number): KlvItem {
  const it = p.items.find((x) => x.tag === tag);
  assert.ok(it !== undefined, `tag ${tag}`);
  return it;
}

test('tag 22 sent with 4 bytes (as real encoders do): wrong-length, and decoded on the 4-byte scale', () => {
  const p = decodeSt0601(packetOf(TS, '16 04 12 81 00 00'));
  const it = item(p, 22);
  assert.deepEqual([...it.flags], ['wrong-length']);
  assert.ok(Math.abs((it.value as number) - (0x12810000 * 10000) / 0xffffffff) < 1e-9);
  assert.ok(Math.abs(uasView(p).targetWidthM! - 722.8) < 0.1);
  assert.equal(p.checksum.ok, true);
  // Re-encoded at the width it came in.
  assert.deepEqual(Buffer.from(encodeSt0601(p.items)), Buffer.from(packetOf(TS, '16 04 12 81 00 00')));
});

test('other wrong lengths: a latitude in 8 bytes, a 9-byte integer, an empty value', () => {
  assert.deepEqual(decodeSt0601Value(13, fromHex('55 95 B6 6D 00 00 00 00')).flags, ['wrong-length']);
  assert.ok(Math.abs((decodeSt0601Value(13, fromHex('55 95 B6 6D 00 00 00 00')).value as number) - 60.1768) < 1e-3);
  assert.deepEqual(decodeSt0601Value(5, fromHex('00 00 00 00 00 00 00 00 01')), { value: null, flags: ['wrong-length'] });
  assert.deepEqual(decodeSt0601Value(15, new Uint8Array(0)), { value: null, flags: ['wrong-length'] });
  assert.deepEqual(decodeSt0601Value(2, fromHex('00 04 60 50')).flags, ['wrong-length']);
  assert.deepEqual(decodeSt0601Value(65, fromHex('00 13')).flags, ['wrong-length']);
  assert.deepEqual(decodeSt0601Value(96, fromHex('00 D9 2A 00 00 00 00 00 00')), { value: null, flags: ['wrong-length'] });
  assert.deepEqual(decodeSt0601Value(120, fromHex('00 00 00 00')).flags, ['wrong-length'], 'Item 120 is at most 3 bytes');
});

test('reserved and special values: 0x8000 pitch is null, IMAPB infinity and NaN are flagged', () => {
  assert.deepEqual(decodeSt0601Value(6, fromHex('80 00')), { value: null, flags: ['reserved'] });
  assert.deepEqual(decodeSt0601Value(13, fromHex('80 00 00 00')), { value: null, flags: ['reserved'] });
  assert.deepEqual(decodeSt0601Value(96, fromHex('C8 00 00')), { value: Infinity, flags: ['special'] });
  const nan = decodeSt0601Value(103, fromHex('D8 00 00'));
  assert.ok(Number.isNaN(nan.value));
  assert.deepEqual(nan.flags, ['special']);
  assert.deepEqual(decodeSt0601Value(103, fromHex('88 00 00')), { value: null, flags: ['reserved'] });
});

test('out of range: enumerations, positioning source 0, a horizon beyond 100 %', () => {
  assert.deepEqual(decodeSt0601Value(34, fromHex('03')), { value: 3, flags: ['out-of-range'] });
  assert.deepEqual(decodeSt0601Value(125, fromHex('0D')), { value: 13, flags: ['out-of-range'] });
  assert.deepEqual(decodeSt0601Value(124, fromHex('00')), { value: 0, flags: ['out-of-range'] });
  assert.deepEqual(decodeSt0601Value(81, fromHex('00 32 65 32')).flags, ['out-of-range']);
});

test('unknown, repeated, deprecated tags and malformed packs are flagged; the packet is still decoded', () => {
  const p = decodeSt0601(packetOf(TS, '05 02 71 C2', '05 02 71 C3', '42 01 00', '81 7F 02 AB CD', '81 02 01 02', '73 03 00 FF FF'));
  assert.deepEqual([...item(p, 5).flags], []);
  assert.deepEqual([...p.items.filter((x) => x.tag === 5)[1]!.flags], ['duplicate']);
  assert.deepEqual([...item(p, 66).flags], ['deprecated']);
  const unknown = item(p, 255);
  assert.deepEqual([...unknown.flags], ['unknown-tag']);
  assert.equal(unknown.key, 'tag255');
  assert.deepEqual(unknown.value, Uint8Array.of(0xab, 0xcd));
  assert.deepEqual([...item(p, 130).flags], ['malformed'], 'airbase location of 1 byte');
  assert.deepEqual(item(p, 130).value, Uint8Array.of(0x02));
  assert.deepEqual([...item(p, 115).flags], ['malformed'], 'control command string runs past the pack');
  assert.equal(p.checksum.ok, true);
});

test('a nested set that does not parse is one malformed item; the rest of the packet decodes', () => {
  // Tag 48 (ST 0102) whose first item claims 9 bytes of 3.
  const p = decodeSt0601(packetOf(TS, '30 05 01 09 01 02 03', '41 01 13'));
  const sec = item(p, 48);
  assert.deepEqual([...sec.flags], ['malformed']);
  assert.deepEqual(sec.value, fromHex('01 09 01 02 03'));
  assert.equal(item(p, 65).value, 19);
  assert.equal(uasView(p).security, undefined);
});

test('packet-level findings: checksum missing or not last, time stamp missing or not first', () => {
  const noChecksum = concat(ST0601_KEY, Uint8Array.of(13), fromHex(TS), fromHex('41 01 13'));
  const p = decodeSt0601(noChecksum);
  assert.deepEqual([...p.flags], ['checksum-missing']);
  assert.equal(p.checksum.stored, null);
  const late = decodeSt0601(packetOf('41 01 13', TS));
  assert.deepEqual([...late.flags], ['timestamp-not-first']);
  const none = decodeSt0601(packetOf('41 01 13'));
  assert.deepEqual([...none.flags], ['timestamp-missing']);
  const early = packetOf(TS);
  // Move the checksum item before the time stamp: the sum then covers fewer bytes and still verifies.
  const moved = concat(early.subarray(0, 17), early.subarray(17 + 10, 17 + 14), early.subarray(17, 17 + 10));
  let sum = 0;
  for (let i = 0; i < 19; i++) sum += moved[i]! << (8 * ((i + 1) % 2));
  moved[19] = (sum >> 8) & 0xff;
  moved[20] = sum & 0xff;
  const q = decodeSt0601(moved);
  assert.deepEqual([...q.flags], ['timestamp-not-first', 'checksum-not-last']);
  assert.equal(q.checksum.ok, true);
});

function rejects(bytes: Uint8Array, offset: number, re: RegExp, opts = {}): void {
  assert.throws(() => decodeSt0601(bytes, opts), (e: unknown) => isNarizError(e, 'NARIZ_KLV') && e.location?.byteOffset === offset && re.test(e.message));
}

test('packet-level errors are NARIZ_KLV with the byte offset', () => {
  const good = klvData('st0601-sample-114.bin');
  rejects(good.subarray(0, 100), 0, /cut off: its length says 97 value bytes, 83 are present/);
  rejects(good.subarray(0, 10), 0, /needs at least 17 bytes/);
  rejects(Uint8Array.of(...good.subarray(0, 16), 0x80, 0), 16, /indefinite/);
  rejects(Uint8Array.of(...good.subarray(0, 16), 0x89, 1, 2, 3, 4, 5, 6, 7, 8, 9), 16, /longer than a length/);
  rejects(concat(Uint8Array.of(1, 2, 3, 4), good), 0, /no KLV key here: a key starts 06 0E 2B 34, found 01 02 03 04/);
  rejects(concat(fromHex('06 0E 2B 34 02 0B 01 01 0E 01 03 03 06 00 00 00'), Uint8Array.of(0)), 0, /not an ST 0601 packet/);
  // An item that claims more than the packet has: offset of its tag.
  const over = Uint8Array.from(good);
  over[17 + 10 + 1] = 0x7f;
  rejects(over, 27, /tag 5 at byte 27 claims 127 bytes; 85 are left/);
  // A stream position is added to every offset.
  rejects(over, 1027, /byte 1027/, { base: 1000 });
  // A huge BER length: refused without allocating it.
  rejects(concat(ST0601_KEY, fromHex('85 FF FF FF FF FF 02 08')), 0, /cut off: its length says 1099511627775 value bytes, 2 are present/);
  rejects(concat(ST0601_KEY, fromHex('88 00 FF FF FF FF FF FF FF')), 16, /longer than a length/);
});

test('the version byte of the key is ignored; other keys decode on request, flagged', () => {
  const b = Uint8Array.from(klvData('st0601-sample-114.bin'));
  b[7] = 0x02;
  b[112] = 0;
  b[113] = 0;
  const p = decodeSt0601(b);
  assert.equal(p.key, '060E2B34020B01020E01030101000000');
  assert.equal(p.items.length, 19);
  b[12] = 0x05;
  assert.deepEqual([...decodeSt0601(b, { anyKey: true }).flags], ['other-key', 'checksum-mismatch']);
});

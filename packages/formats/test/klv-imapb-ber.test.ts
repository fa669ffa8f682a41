/**
 * ST 1201 IMAPB against every vector of the reference set (forward bytes
 * and reverse values, special values included), and BER lengths and
 * BER-OID integers at their edges.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Imapb, imapbKind, readBerLength, readBerOid } from '../src/index.js';
import { fromHex, klvJson, toHex } from './klv-fixtures.js';

interface Vector {
  readonly L: number;
  readonly a: number;
  readonly b: number;
  readonly x: number | string;
  readonly sF: number;
  readonly sR: number;
  readonly Zoffset: number;
  readonly forwardResultHex: string;
  readonly reverseResult: number | string;
}

const VECTORS = klvJson<Vector[]>('st1201-imapb-tests.json');
const SPECIAL: Record<string, 'normal' | '+infinity' | '-infinity' | '+quiet-nan' | '-quiet-nan'> = {
  Infinity: '+infinity', '-Infinity': '-infinity', '+QNaN': '+quiet-nan', '-QNaN': '-quiet-nan',
};

test(`IMAPB: all ${VECTORS.length} reference vectors, forward to the byte and back to the value`, () => {
  assert.ok(VECTORS.length > 2000);
  const kinds = new Set<string>();
  for (const [i, v] of VECTORS.entries()) {
    const where = `vector ${i}: L=${v.L} [${v.a}, ${v.b}] x=${v.x}`;
    const m = new Imapb(v.a, v.b, v.L);
    assert.equal(m.sF, v.sF, `${where}: sF`);
    assert.equal(m.sR, v.sR, `${where}: sR`);
    assert.equal(m.zOffset, v.Zoffset, `${where}: zOffset`);
    const want = fromHex(v.forwardResultHex);
    assert.equal(want.length, v.L);
    if (typeof v.x === 'string') {
      const kind = SPECIAL[v.x]!;
      kinds.add(kind);
      // -NaN cannot be told from NaN in a JavaScript number: special() writes it.
      const bytes = kind === '-quiet-nan' ? m.special(kind) : m.bytesOf(v.x === 'Infinity' ? Infinity : v.x === '-Infinity' ? -Infinity : NaN);
      assert.equal(toHex(bytes), toHex(want), `${where}: forward`);
      assert.equal(imapbKind(want, 0, v.L), kind, where);
      const back = m.decode(want, 0);
      if (kind.endsWith('nan')) assert.ok(Number.isNaN(back), where);
      else assert.equal(back, kind === '+infinity' ? Infinity : -Infinity, where);
    } else {
      assert.equal(toHex(m.bytesOf(v.x)), toHex(want), `${where}: forward`);
      assert.equal(imapbKind(want, 0, v.L), 'normal', where);
      assert.equal(m.decode(want, 0), v.reverseResult, `${where}: reverse`);
    }
  }
  assert.deepEqual([...kinds].sort(), ['+infinity', '+quiet-nan', '-infinity', '-quiet-nan']);
});

test('IMAPB special patterns: every kind is told apart, and the top of the range (0x80 0…) is a normal value', () => {
  const m = new Imapb(0, 256, 2);
  for (const kind of ['+infinity', '-infinity', '+quiet-nan', '-quiet-nan', '+signal-nan', '-signal-nan', 'user-defined', 'below-minimum', 'above-maximum', 'misb-defined', 'reserved'] as const) {
    assert.equal(imapbKind(m.special(kind), 0, 2), kind);
  }
  assert.equal(imapbKind(Uint8Array.of(0x80, 0x00), 0, 2), 'normal');
  assert.equal(m.decode(Uint8Array.of(0x80, 0x00), 0), 256);
  assert.equal(toHex(m.bytesOf(256)), '8000');
  assert.equal(imapbKind(Uint8Array.of(0x80, 0x01), 0, 2), 'reserved');
  // Out of [a, b]: the MISB-defined below/above patterns.
  assert.equal(imapbKind(m.bytesOf(-1), 0, 2), 'below-minimum');
  assert.equal(imapbKind(m.bytesOf(300), 0, 2), 'above-maximum');
  assert.throws(() => new Imapb(1, 1, 2), RangeError);
  assert.throws(() => new Imapb(0, 1, 9), RangeError);
});

test('BER lengths: short and long forms, the indefinite form and over-long fields refused, cut-off fields reported', () => {
  const out = { value: -1 };
  assert.equal(readBerLength(Uint8Array.of(0x7f), 0, 1, out), 1);
  assert.equal(out.value, 127);
  assert.equal(readBerLength(Uint8Array.of(0x81, 0x80), 0, 2, out), 2);
  assert.equal(out.value, 128);
  assert.equal(readBerLength(Uint8Array.of(0x82, 0x01, 0x00), 0, 3, out), 3);
  assert.equal(out.value, 256);
  assert.equal(readBerLength(Uint8Array.of(0x84, 0xff, 0xff, 0xff, 0xff), 0, 5, out), 5);
  assert.equal(out.value, 2 ** 32 - 1);
  assert.equal(readBerLength(Uint8Array.of(0x80), 0, 1, out), -2, 'indefinite');
  assert.equal(readBerLength(Uint8Array.of(0x89, 1, 2, 3, 4, 5, 6, 7, 8, 9), 0, 10, out), -3, 'nine length bytes');
  assert.equal(readBerLength(Uint8Array.of(0x88, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff), 0, 9, out), -3, 'beyond 2^53');
  assert.equal(readBerLength(Uint8Array.of(0x82, 0x01), 0, 2, out), -1, 'cut off');
  assert.equal(readBerLength(Uint8Array.of(), 0, 0, out), -1);
});

test('BER-OID integers: one to seven bytes; eight refused; cut-off reported', () => {
  const out = { value: -1 };
  assert.equal(readBerOid(Uint8Array.of(0x05), 0, 1, out), 1);
  assert.equal(out.value, 5);
  assert.equal(readBerOid(Uint8Array.of(0x81, 0x00), 0, 2, out), 2);
  assert.equal(out.value, 128);
  assert.equal(readBerOid(Uint8Array.of(0x81, 0x0f), 0, 2, out), 2);
  assert.equal(out.value, 143);
  assert.equal(readBerOid(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f), 0, 7, out), 7);
  assert.equal(out.value, 2 ** 49 - 1);
  assert.equal(readBerOid(Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f), 0, 8, out), -3);
  assert.equal(readBerOid(Uint8Array.of(0x81), 0, 1, out), -1);
});

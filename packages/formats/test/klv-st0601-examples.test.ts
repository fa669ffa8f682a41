/**
 * The standard's own examples: every single-item example of ST 0601 (and
 * ST 0902) decodes to the value the standard gives, within the item's
 * resolution; the two whole sample packets decode, one with a checksum the
 * standard's example got wrong (0xAA43 where the bytes sum to 0x3E1E),
 * which is reported while the packet is still decoded.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ST0601, ST0601_KEY, decodeSt0601, decodeSt0601Value, encodeSt0601, securityView, st0601Fields, uasView, type KlvItem, type MiisCoreId,
} from '../src/index.js';
import { concat, fromHex, halfStep, klvData, klvJson, toHex, utcMicros } from './klv-fixtures.js';

interface Example {
  readonly tag: number;
  readonly name: string;
  readonly tlv_hex: string;
  readonly value: number | string;
}

const EXAMPLES = klvJson<{ items: Example[] }>('st0601-tag-examples.json').items;
/** Examples whose values lie outside the item's range or enumeration (the standard's examples are byte patterns, not all meaningful). */
const OUT_OF_RANGE_EXAMPLES = new Set([34, 62, 63]);

function checkExample(ex: Example, got: unknown, flags: readonly string[], repeated = false): void {
  const e = ST0601.byTag[ex.tag]!;
  const where = `tag ${ex.tag} ${ex.name}`;
  if (e.codec.kind === 'time') assert.equal(got, utcMicros(ex.value as string), where);
  else if (typeof ex.value === 'string') assert.equal(got, ex.value, where);
  else {
    assert.equal(typeof got, 'number', where);
    const tol = halfStep(e, fromHex(ex.tlv_hex).length - 2) * 2 + 1e-9;
    assert.ok(Math.abs((got as number) - ex.value) <= tol, `${where}: ${String(got)} vs ${ex.value} (± ${tol})`);
  }
  const want = [...(OUT_OF_RANGE_EXAMPLES.has(ex.tag) ? ['out-of-range'] : []), ...(repeated ? ['duplicate'] : [])];
  assert.deepEqual([...flags], want, where);
}

test(`every ST 0601 example item (${EXAMPLES.length}) decodes to the standard's value within its resolution`, () => {
  assert.ok(EXAMPLES.length >= 90);
  for (const ex of EXAMPLES) {
    const tlv = fromHex(ex.tlv_hex);
    assert.equal(tlv[0], ex.tag);
    assert.equal(tlv[1], tlv.length - 2, `tag ${ex.tag}: the example's length byte`);
    const { value, flags } = decodeSt0601Value(ex.tag, tlv.subarray(2));
    checkExample(ex, value, flags);
  }
});

test('the examples inside one packet: framing, offsets, and the checksum the encoder writes', () => {
  const items = EXAMPLES.filter((ex) => ex.tag !== 1);
  const body = concat(...items.map((ex) => fromHex(ex.tlv_hex)));
  const value = concat(body, Uint8Array.of(0x01, 0x02, 0, 0));
  const lengthBytes = value.length < 128 ? Uint8Array.of(value.length) : Uint8Array.of(0x82, value.length >> 8, value.length & 0xff);
  const packet = concat(ST0601_KEY, lengthBytes, value);
  const p = decodeSt0601(packet);
  assert.equal(p.items.length, items.length + 1);
  assert.equal(p.checksum.ok, false);
  assert.deepEqual(p.flags, ['checksum-mismatch']);
  let at = 16 + lengthBytes.length;
  const seen = new Set<number>();
  for (const [i, ex] of items.entries()) {
    const it = p.items[i]!;
    assert.equal(it.tag, ex.tag);
    assert.equal(it.offset, at, `tag ${ex.tag} offset`);
    assert.equal(it.valueOffset, at + 2);
    at += fromHex(ex.tlv_hex).length;
    // The examples give tags 2 and 3 twice: a repeat is flagged, and decoded.
    checkExample(ex, it.value, it.flags, seen.has(ex.tag));
    seen.add(ex.tag);
  }
  // Re-encoded, the same bytes but the correct checksum.
  const again = encodeSt0601(p.items);
  assert.equal(toHex(again.subarray(0, -2)), toHex(packet.subarray(0, -2)));
  assert.equal(decodeSt0601(again).checksum.ok, true);
});

function byTag(items: readonly KlvItem[], tag: number): unknown {
  return items.find((it) => it.tag === tag)?.value;
}

test('sample packet 114 bytes: every value, checksum 0xC850 verified', () => {
  const bytes = klvData('st0601-sample-114.bin');
  const p = decodeSt0601(bytes);
  assert.equal(p.key, toHex(ST0601_KEY));
  assert.equal(p.length, 97);
  assert.equal(p.packetLength, 114);
  assert.deepEqual(p.checksum, { stored: 0xc850, computed: 0xc850, ok: true });
  assert.deepEqual(p.flags, []);
  assert.equal(p.timestampUs, utcMicros('2009-01-12 22:08:22+00:00'));
  assert.equal(p.version, 6);
  assert.deepEqual(p.items.map((it) => it.tag), [2, 5, 6, 7, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 65, 1]);
  for (const it of p.items) assert.deepEqual(it.flags, [], `tag ${it.tag}`);
  const v = uasView(p);
  const near = (got: number | undefined, want: number, tol: number, what: string): void => assert.ok(got !== undefined && Math.abs(got - want) <= tol, `${what}: ${got} vs ${want}`);
  near(v.platformHeadingDeg, 159.9744, 1e-3, 'heading');
  near(v.platformPitchDeg, -0.4315, 1e-3, 'pitch');
  near(v.platformRollDeg, 3.4059, 1e-3, 'roll');
  near(v.sensorLatDeg, 60.17682297, 1e-7, 'sensor lat');
  near(v.sensorLonDeg, 128.42675904, 1e-7, 'sensor lon');
  near(v.sensorAltMslM, 14190.72, 0.2, 'sensor alt');
  near(v.hfovDeg, 144.5713, 1e-3, 'hfov');
  near(v.vfovDeg, 152.6436, 1e-3, 'vfov');
  near(v.sensorRelAzimuthDeg, 160.71921147, 1e-7, 'rel az');
  near(v.sensorRelElevationDeg, -168.79232483, 1e-7, 'rel el');
  assert.equal(v.sensorRelRollDeg, 0);
  near(v.slantRangeM, 68590.983, 1e-3, 'slant range');
  near(v.targetWidthM, 722.8199, 0.1, 'target width');
  near(v.frameCenterLatDeg, -10.54238863, 1e-7, 'frame centre lat');
  near(v.frameCenterLonDeg, 29.15789012, 1e-7, 'frame centre lon');
  near(v.frameCenterElevationM, 3216.04, 0.2, 'frame centre elevation');
  // Decoded items re-encode to the same bytes.
  assert.equal(toHex(encodeSt0601(p.items)), toHex(bytes));
});

test('sample packet 228 bytes: decoded in full, its wrong checksum 0xAA43 reported (the bytes sum to 0x3E1E)', () => {
  const bytes = klvData('st0601-sample-228.bin');
  const p = decodeSt0601(bytes);
  assert.equal(p.length, 210);
  assert.equal(p.packetLength, 228);
  assert.deepEqual(p.checksum, { stored: 0xaa43, computed: 0x3e1e, ok: false });
  assert.deepEqual(p.flags, ['checksum-mismatch']);
  assert.deepEqual(p.items.map((it) => it.tag), [2, 3, 5, 6, 7, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 48, 65, 94, 1]);
  for (const it of p.items) assert.deepEqual(it.flags, [], `tag ${it.tag}`);
  const f = st0601Fields(p);
  assert.equal(f.precisionTimeStampUs, utcMicros('2009-01-12 22:08:22+00:00'));
  assert.equal(f.missionId, 'Mission 12');
  assert.equal(f.platformDesignation, 'Predator');
  assert.equal(f.imageSourceSensor, 'EO Nose');
  assert.equal(f.imageCoordinateSystem, 'Geodetic WGS84');
  assert.ok(Math.abs((f.sensorRelRollDeg ?? 0) - 176.86543769) < 1e-7);
  assert.equal(f.uasLsVersion, 6);
  const sec = securityView(f.securityLocalSet!);
  assert.equal(sec.classification, 1);
  assert.equal(sec.classificationName, 'UNCLASSIFIED');
  assert.equal(sec.classifyingCountryCodingMethod, 7);
  assert.equal(sec.classifyingCountry, '//USA');
  assert.equal(sec.objectCountryCodingMethod, 7);
  assert.equal(sec.objectCountryCodes, 'USA', 'UTF-16 in the packet');
  assert.equal(sec.version, 10);
  const miis = byTag(p.items, 94) as MiisCoreId;
  assert.equal(miis.version, 1);
  assert.equal(miis.usage, 0x70);
  assert.equal(miis.text, '0170:F592-F023-7336-4AF8-AA91-62C0-0F2E-B2DA/16B7-4341-0008-41A0-BE36-5B5A-B96A-3645');
  assert.equal(uasView(p).security?.classificationName, 'UNCLASSIFIED');
  // Re-encoded: the same bytes with the right checksum.
  const again = encodeSt0601(p.items);
  assert.equal(toHex(again.subarray(0, -2)), toHex(bytes.subarray(0, -2)));
  assert.equal(toHex(again.subarray(-2)), '3E1E');
  assert.deepEqual(decodeSt0601(again).checksum, { stored: 0x3e1e, computed: 0x3e1e, ok: true });
});

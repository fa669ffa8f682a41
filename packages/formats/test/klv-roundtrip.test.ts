/**
 * Seeded round trips: random values for every item of ST 0601 (packs,
 * nested ST 0102 and ST 0903 sets included), ST 0102 standalone and ST 0903
 * standalone, encoded and decoded back: each value within its item's
 * resolution, the checksum right, the time stamp first. Over the runs every
 * ST 0601 tag is drawn (checked). Rerun a failure with its seed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng } from '@nariz/core';
import {
  ST0102, ST0601, ST0903, decodeSt0102, decodeSt0601, decodeSt0903, encodeSt0102, encodeSt0601, encodeSt0601Fields, encodeSt0903, st0601Fields,
  type St0601FieldInputs,
} from '../src/index.js';
import { checkSet, randomSet } from './klv-random.js';

const RUNS = 400;
const SEED = 0x0601;

test(`ST 0601 round trip, ${RUNS} seeded packets over every tag: values within resolution, checksum right, decoded items re-encode byte for byte`, () => {
  const drawn = new Set<number>();
  for (let run = 0; run < RUNS; run++) {
    const rng = createRng(SEED + run);
    const fields = randomSet(rng, ST0601, 0, 0.35);
    for (const k of Object.keys(fields)) drawn.add(ST0601.byKey.get(k)!.tag);
    const where = `run ${run} (seed ${SEED + run})`;
    const bytes = encodeSt0601Fields(fields as St0601FieldInputs, { version: false });
    const p = decodeSt0601(bytes);
    assert.equal(p.checksum.ok, true, where);
    const ts = fields.precisionTimeStampUs;
    assert.deepEqual([...p.flags], ts === undefined ? ['timestamp-missing'] : [], where);
    if (ts !== undefined) assert.equal(p.items[0]!.tag, 2, `${where}: time stamp first`);
    assert.equal(p.items.at(-1)!.tag, 1, `${where}: checksum last`);
    checkSet(ST0601, fields, p.items.slice(0, -1), where);
    assert.deepEqual(Buffer.from(encodeSt0601(p.items)), Buffer.from(bytes), `${where}: re-encoded`);
    // The record view gives back the same values.
    const f = st0601Fields(p) as Record<string, unknown>;
    for (const k of Object.keys(fields)) assert.ok(k in f, `${where}: field ${k}`);
  }
  const missing = ST0601.entries.map((e) => e.tag).filter((t) => t !== 1 && !drawn.has(t));
  assert.deepEqual(missing, [], 'tags never drawn');
});

test('ST 0102 standalone and ST 0903 standalone round trips (seeded)', () => {
  for (let run = 0; run < 200; run++) {
    const rng = createRng(0x0102 + run);
    const sec = randomSet(rng, ST0102, 0, 0.6);
    const s = decodeSt0102(encodeSt0102(sec, { standalone: true }));
    checkSet(ST0102, sec, s.items, `ST 0102 run ${run}`);
    const vmti = randomSet(rng, ST0903, 0, 0.6);
    const v = decodeSt0903(encodeSt0903(vmti, { standalone: true }));
    assert.equal(v.checksum.ok, true);
    checkSet(ST0903, vmti, v.items.slice(0, -1), `ST 0903 run ${run}`);
  }
});

test('encoder refusals name the item: out of range, wrong type, unknown field', () => {
  const refuse = (fields: Record<string, unknown>, re: RegExp): void => {
    assert.throws(() => encodeSt0601Fields(fields as St0601FieldInputs), (e: unknown) => e instanceof Error && (e as { code?: string }).code === 'NARIZ_USAGE' && re.test(e.message));
  };
  refuse({ sensorLatDeg: 91 }, /Sensor Latitude \(tag 13, sensorLatDeg\).*\[-90, 90\]/);
  refuse({ platformHeadingDeg: 'north' }, /Platform Heading Angle/);
  refuse({ zoomPercentage: 101 }, /Zoom Percentage/);
  refuse({ missionId: 'x'.repeat(128) }, /Mission ID.*at most 127/);
  refuse({ sensorLatitude: 1 }, /has no field "sensorLatitude"/);
  refuse({ securityLocalSet: { classification: 1, nonsense: 2 } }, /ST 0102 Security Local Set has no field "nonsense"/);
  assert.throws(() => encodeSt0601([{ tag: 200, value: 5 }]), /tag 200 is not defined; its value must be given as bytes/);
  // An undefined tag as bytes is written as given.
  const p = decodeSt0601(encodeSt0601([{ tag: 200, value: Uint8Array.of(1, 2, 3) }]));
  assert.deepEqual([...p.items[0]!.flags], ['unknown-tag']);
});

/**
 * ST 0903 VMTI on the reference capture (five standalone VMTI packets of
 * two targets each): every packet's checksum verifies, the values read by
 * hand from the bytes come out, the packets re-encode to the same bytes,
 * and a VMTI set nested in ST 0601 (Item 74) and one built from field
 * records survive the trip.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  ST0903, VTARGET, decodeSt0601, decodeSt0903, encodeSt0601, encodeSt0601Fields, encodeSt0903, splitKlv, uasView, vmtiView,
  type KlvSeriesEntry, type TargetLocation,
} from '../src/index.js';
import { klvData, toHex } from './klv-fixtures.js';

const VMTI = klvData('st0903-vmti-650.bin');

test('the 650-byte capture: five VMTI packets, checksums verified, two targets each, ids 0–9', () => {
  const frames = splitKlv(VMTI);
  assert.equal(frames.length, 5);
  const ids: number[] = [];
  for (const [i, f] of frames.entries()) {
    assert.equal(f.kind, 'st0903');
    assert.equal(f.end - f.start, 130);
    const p = decodeSt0903(VMTI, { offset: f.start });
    assert.equal(p.offset, 130 * i);
    assert.equal(p.checksum.ok, true, `packet ${i}`);
    for (const it of p.items) assert.deepEqual(it.flags, [], `packet ${i} tag ${it.tag}`);
    const v = vmtiView(p.items);
    assert.equal(v.systemName, 'Example Targeting System');
    assert.equal(v.version, 4);
    assert.equal(v.frameNumber, 1);
    assert.equal(v.frameWidthPx, 1000);
    assert.equal(v.frameHeightPx, 600);
    assert.equal(v.sourceSensor, 'EO Nose');
    assert.equal(v.legacyEncoding, false);
    assert.deepEqual(v.algorithms, []);
    assert.deepEqual(v.ontologies, []);
    assert.equal(v.targets.length, 2);
    for (const t of v.targets) {
      ids.push(t.id);
      // Each VTarget Pack ends with an empty VObject Series (tag 107, length 0).
      assert.deepEqual(t.items.map((x) => x.tag), [1, 2, 3, 5, 107]);
      assert.deepEqual(t.items.at(-1)!.value, []);
    }
  }
  assert.deepEqual(ids, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
});

test('the first packet, value by value (read from the bytes by hand)', () => {
  const p = decodeSt0903(VMTI);
  // 02 08 00 05 EA 19 58 E3 FB 58: µs since 1970.
  assert.equal(p.items[0]!.value, 0x0005ea1958e3fb58);
  assert.deepEqual(p.checksum, { stored: 0x182d, computed: 0x182d, ok: true });
  const [a, b] = vmtiView(p).targets;
  // 15 | 00 | 01 03 05 EA 12 | 02 03 08 12 7A | 03 03 06 3F D6 | 05 01 0F | 6B 00
  assert.equal(a!.id, 0);
  assert.equal(a!.centroidPixel, 0x05ea12);
  assert.deepEqual(a!.centroid, { pixel: 387602, row: 388, column: 602 });
  assert.equal(a!.bboxTopLeftPixel, 0x08127a);
  assert.equal(a!.bboxBottomRightPixel, 0x063fd6);
  assert.equal(a!.confidencePct, 15);
  // 15 | 01 | 01 03 05 5F CD | 02 03 06 F3 D4 | 03 03 06 06 CB | 05 01 54 | 6B 00
  assert.equal(b!.id, 1);
  assert.equal(b!.centroidPixel, 0x055fcd);
  assert.equal(b!.bboxTopLeftPixel, 0x06f3d4);
  assert.equal(b!.bboxBottomRightPixel, 0x0606cb);
  assert.equal(b!.confidencePct, 84);
});

test('VMTI packets re-encode to the same bytes, checksum included', () => {
  for (const f of splitKlv(VMTI)) {
    const p = decodeSt0903(VMTI, { offset: f.start });
    assert.equal(toHex(encodeSt0903(p.items, { standalone: true })), toHex(VMTI.subarray(f.start, f.end)));
  }
});

test('a VMTI set nested in ST 0601 Item 74: decoded as a set, seen through uasView, re-encoded', () => {
  const vmtiItems = decodeSt0903(VMTI).items.filter((it) => it.tag !== 1);
  const packet = encodeSt0601([{ tag: 2, value: 1_700_000_000_000_000 }, { tag: 74, value: { items: vmtiItems } }, { tag: 65, value: 19 }]);
  const p = decodeSt0601(packet);
  assert.equal(p.checksum.ok, true);
  const vm = uasView(p).vmti!;
  assert.equal(vm.targets.length, 2);
  assert.deepEqual(vm.targets[0]!.centroid, { pixel: 387602, row: 388, column: 602 });
  assert.equal(toHex(encodeSt0601(p.items)), toHex(packet));
});

test('VMTI from field records: locations, boundary, FPA index, offsets, algorithms; values back within resolution', () => {
  const location: TargetLocation = { latDeg: 47.123456, lonDeg: -122.654321, haeM: 123.4, sigmaEastM: 3.2, sigmaNorthM: 4.1, sigmaUpM: 9.5, rhoEastNorth: 0.25, rhoEastUp: -0.5, rhoNorthUp: 0 };
  const bytes = encodeSt0601Fields({
    precisionTimeStampUs: 1_700_000_000_123_456,
    vmtiLocalSet: {
      precisionTimeStampUs: 1_700_000_000_123_456, systemName: 'Nariz sim', version: 6, totalTargets: 1, reportedTargets: 1, frameNumber: 42,
      frameWidthPx: 1920, frameHeightPx: 1080, sourceSensor: 'EO', hfovDeg: 30, vfovDeg: 17,
      targets: [{
        id: 7, centroidPixel: 1920 * 99 + 500, confidencePct: 90, priority: 1, colorRgb: 0xff8000, locationOffsetLatDeg: 0.001, locationOffsetLonDeg: -0.002,
        heightHaeM: 12, location, boundary: [location, { latDeg: 47.2, lonDeg: -122.6, haeM: 100 }], fpaIndex: { row: 1, column: 2 }, algorithmId: 3,
      }],
      algorithms: [{ id: 3, name: 'plume-blob', version: '1.0', class: 'detector', frames: 2 }],
    },
  });
  const p = decodeSt0601(bytes);
  assert.equal(p.checksum.ok, true);
  const v = uasView(p).vmti!;
  assert.equal(v.systemName, 'Nariz sim');
  assert.equal(v.frameNumber, 42);
  assert.ok(Math.abs(v.hfovDeg! - 30) < 0.01 && Math.abs(v.vfovDeg! - 17) < 0.01);
  assert.deepEqual(v.algorithms, [{ id: 3, name: 'plume-blob', version: '1.0', class: 'detector', frames: 2 }]);
  const t = v.targets[0]!;
  assert.equal(t.id, 7);
  assert.deepEqual(t.centroid, { pixel: 1920 * 99 + 500, row: 100, column: 500 });
  assert.equal(t.colorRgb, 0xff8000);
  assert.ok(Math.abs(t.locationOffsetLatDeg! - 0.001) < 1e-5 && Math.abs(t.locationOffsetLonDeg! + 0.002) < 1e-5);
  assert.ok(Math.abs(t.heightHaeM! - 12) < 1);
  assert.deepEqual(t.fpaIndex, { row: 1, column: 2 });
  const near = (x: number | undefined, y: number | undefined, tol: number): boolean => x !== undefined && y !== undefined && Math.abs(x - y) <= tol;
  const loc = t.location!;
  // IMAPB resolutions: 2^-23 deg (latitude), 2^-22 deg (longitude), 1 m (HAE), 2^-5 m (sigma), 2^-14 (rho).
  assert.ok(near(loc.latDeg, location.latDeg, 2 ** -23) && near(loc.lonDeg, location.lonDeg, 2 ** -22) && near(loc.haeM, location.haeM, 1));
  assert.ok(near(loc.sigmaEastM, 3.2, 2 ** -5) && near(loc.rhoEastUp, -0.5, 2 ** -14) && near(loc.rhoNorthUp, 0, 2 ** -14));
  assert.equal(t.boundary!.length, 2);
  assert.equal(t.boundary![1]!.sigmaEastM, undefined);
  // The series decode to entries with their items; the tables name every tag.
  const targets = p.items.find((it) => it.tag === 74)!.value as { items: { tag: number; value: unknown }[] };
  const series = targets.items.find((it) => it.tag === 101)!.value as KlvSeriesEntry[];
  for (const it of series[0]!.items) assert.ok(VTARGET.byTag[it.tag] !== undefined);
  assert.ok(ST0903.byTag[101] !== undefined);
});

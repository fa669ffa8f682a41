import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRng, isNarizError } from '@nariz/core';
import { FOOTPRINT_KLV_CORNERS, FOOTPRINT_SENSOR_MODEL, decodeVideoFrames, encodeVideoFrames, type VideoFrames } from '../src/index.js';
import { BYTE_COLUMNS, CORNER_COLUMNS, SCALAR_COLUMNS, allocateFrames } from '../src/video-frames.js';

/** Seeded frames with every column filled, NaNs here and there. */
function randomFrames(seed: number, n: number): VideoFrames {
  const rng = createRng(seed);
  const f = allocateFrames(n);
  let t = 0;
  for (let i = 0; i < n; i++) {
    t += rng.uniform(0, 0.1);
    f.tS[i] = t;
    for (const c of SCALAR_COLUMNS) if (c !== 'tS') f[c][i] = rng.next() < 0.1 ? NaN : rng.uniform(-1e4, 1e4);
    for (const c of CORNER_COLUMNS) for (let k = 0; k < 4; k++) f[c][4 * i + k] = rng.uniform(-90, 90);
    f.footprintSource[i] = rng.pick([0, FOOTPRINT_KLV_CORNERS, FOOTPRINT_SENSOR_MODEL]);
    f.checksumErrors[i] = rng.next() < 0.1 ? 1 : 0;
  }
  return f;
}

const bytesOf = (a: Float64Array | Uint8Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

function assertSame(a: VideoFrames, b: VideoFrames): void {
  assert.equal(a.count, b.count);
  for (const c of [...SCALAR_COLUMNS, ...CORNER_COLUMNS, ...BYTE_COLUMNS]) assert.ok(bytesOf(a[c]).equals(bytesOf(b[c])), c);
}

const fmvError = (e: unknown): boolean => isNarizError(e, 'NARIZ_FMV');

test('encode/decode round trip: every column bit for bit (NaN included), for 0, 1 and 1,000 frames', () => {
  for (const n of [0, 1, 1000]) {
    const f = randomFrames(606 + n, n);
    const blob = encodeVideoFrames(f);
    assertSame(decodeVideoFrames(blob), f);
    // A copy at an odd offset in a larger buffer decodes too (no alignment assumption on the input).
    const shifted = new Uint8Array(blob.length + 3);
    shifted.set(blob, 3);
    assertSame(decodeVideoFrames(shifted.subarray(3)), f);
  }
});

test('every truncation and every seeded byte change is NARIZ_FMV with a byte offset', () => {
  const blob = encodeVideoFrames(randomFrames(607, 20));
  for (let len = 0; len < blob.length; len++) {
    assert.throws(() => decodeVideoFrames(blob.subarray(0, len)), fmvError, `truncated to ${len}`);
  }
  const rng = createRng(608);
  for (let k = 0; k < 300; k++) {
    const bad = blob.slice();
    const at = rng.int(0, bad.length - 1);
    bad[at] = bad[at]! ^ rng.int(1, 255);
    assert.throws(() => decodeVideoFrames(bad), (e: unknown) => fmvError(e) && (e as { location?: { byteOffset?: number } }).location?.byteOffset !== undefined, `byte ${at}`);
  }
  const extra = new Uint8Array(blob.length + 8);
  extra.set(blob);
  assert.throws(() => decodeVideoFrames(extra), fmvError);
});

test('a newer version, foreign bytes and a well-formed blob with unsorted times are refused by name', () => {
  const blob = encodeVideoFrames(randomFrames(609, 5));
  const v2 = blob.slice();
  v2[4] = 2;
  assert.throws(() => decodeVideoFrames(v2), /version 2; this Nariz reads version 1/);
  assert.throws(() => decodeVideoFrames(new TextEncoder().encode('{"frames": []} and some more bytes')), /no "NZFV" magic/);
  const f = randomFrames(610, 5);
  f.tS[3] = -1;
  assert.throws(() => decodeVideoFrames(encodeVideoFrames(f)), /frame 3: time -1 is not finite or goes backwards/);
});

/**
 * readVideoFrames on real transport streams: H.264 from Debian's ffmpeg
 * (scripts/setup-ffmpeg.sh) muxed by @nariz/formats with KLV we encoded
 * from known values, in both carriages and in random chunkings; the
 * shared ST 0601 sample packets (../shared/data/klv) wrapped the same
 * way; asynchronous KLV without PTS; and input that is not a stream.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRng, isNarizError } from '@nariz/core';
import {
  TsMuxer, decodeSt0601, encodeSt0601Fields, framePts, muxVideoWithKlv, splitAccessUnits, uasView, type St0601FieldInputs,
} from '@nariz/formats';
import { FOOTPRINT_KLV_CORNERS, FOOTPRINT_NONE, FOOTPRINT_SENSOR_MODEL, readVideoFrames, sensorModelFootprint } from '../src/index.js';

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;
const skip = hasFfmpeg ? false : 'ffmpeg not installed: run `bash scripts/setup-ffmpeg.sh` (CI does)';
const FPS = 25;
const FRAMES = 50;

let h264Cache: Uint8Array | undefined;
/** 2 s of ffmpeg's test pattern, 25 fps, H.264 Annex B without B-frames. */
function h264(): Uint8Array {
  if (h264Cache !== undefined) return h264Cache;
  const r = spawnSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=160x90:rate=25', '-t', '2', '-c:v', 'libx264', '-preset', 'ultrafast', '-bf', '0', '-g', '25', '-pix_fmt', 'yuv420p', '-f', 'h264', '-'], { maxBuffer: 1 << 26 });
  assert.equal(r.status, 0, r.stderr?.toString());
  h264Cache = new Uint8Array(r.stdout);
  return h264Cache;
}

async function* chunks(bytes: Uint8Array, seed: number): AsyncGenerator<Uint8Array> {
  const rng = createRng(seed);
  for (let o = 0; o < bytes.length;) {
    const n = rng.int(1, 5000);
    yield bytes.subarray(o, o + n);
    o += n;
  }
}

const T0 = 1_717_243_200_000_000;
/** Packet i: a sensor 400 m above a 50 m ground, its full corners every frame but: every 10th (offsets only), every 7th (no corners: the sensor model). */
function fields(i: number): St0601FieldInputs {
  const lat = 40.4 + i * 1e-5, lon = -3.7;
  const base: St0601FieldInputs = {
    precisionTimeStampUs: T0 + i * 40_000, missionId: 'TEST', platformHeadingDeg: 90, platformPitchFullDeg: 1.5, platformRollFullDeg: -2,
    sensorLatDeg: lat, sensorLonDeg: lon, sensorEllipsoidHeightExtendedM: 450, sensorHfovDeg: 30, sensorVfovDeg: 17,
    sensorRelAzimuthDeg: 10, sensorRelElevationDeg: -60, sensorRelRollDeg: 0, slantRangeM: 470, frameCenterLatDeg: lat, frameCenterLonDeg: lon + 0.002,
    frameCenterHaeM: 50,
  };
  if (i % 7 === 0) return base;
  if (i % 10 === 0) {
    return { ...base, offsetCornerLat1Deg: 0.001, offsetCornerLon1Deg: -0.001, offsetCornerLat2Deg: 0.001, offsetCornerLon2Deg: 0.001, offsetCornerLat3Deg: -0.001, offsetCornerLon3Deg: 0.001, offsetCornerLat4Deg: -0.001, offsetCornerLon4Deg: -0.001 };
  }
  return {
    ...base, cornerLat1Deg: lat + 0.001, cornerLon1Deg: lon + 0.001, cornerLat2Deg: lat + 0.001, cornerLon2Deg: lon + 0.003,
    cornerLat3Deg: lat - 0.001, cornerLon3Deg: lon + 0.003, cornerLat4Deg: lat - 0.001, cornerLon4Deg: lon + 0.001,
  };
}

const near = (got: number, want: number, tol: number, what: string): void => assert.ok(Math.abs(got - want) <= tol, `${what}: ${got} vs ${want}`);

for (const carriage of ['async', 'sync'] as const) {
  test(`${carriage} KLV muxed with ffmpeg's H.264: one frame per packet on the video clock, every column, three footprint cases, any chunking`, { skip }, async () => {
    const klv = Array.from({ length: FRAMES }, (_, i) => ({ bytes: encodeSt0601Fields(fields(i)), pts: framePts(i, FPS, 63000) }));
    const ts = muxVideoWithKlv({ video: { codec: 'h264', bytes: h264(), frameRate: FPS }, klv, carriage });
    let progress = 0;
    const { frames: f, report } = await readVideoFrames(chunks(ts.bytes, 611), { onProgress: (b) => (progress = b) });
    assert.equal(progress, ts.bytes.length);
    assert.deepEqual(
      { ...report },
      { packets: FRAMES, checksumErrors: 0, undecodable: 0, continuityErrors: 0, videoCodec: 'h264', videoPid: ts.videoPid, klvPid: ts.klvPid, missionIds: ['TEST'], durationS: 2, bytes: ts.bytes.length, timeSource: 'pts' },
    );
    assert.equal(f.count, FRAMES);
    for (let i = 0; i < FRAMES; i++) {
      near(f.tS[i]!, i / FPS, 1e-9, `tS[${i}]`);
      assert.equal(f.unixUs[i], T0 + i * 40_000);
      const want = fields(i);
      near(f.sensorLatDeg[i]!, want.sensorLatDeg!, 1e-7, 'lat');
      near(f.sensorHaeM[i]!, 450, 0.01, 'hae');
      near(f.headingDeg[i]!, 90, 0.01, 'heading');
      near(f.pitchDeg[i]!, 1.5, 1e-6, 'pitch');
      near(f.rollDeg[i]!, -2, 1e-6, 'roll');
      near(f.sensorAzDeg[i]!, 10, 1e-6, 'az');
      near(f.sensorElDeg[i]!, -60, 1e-6, 'el');
      near(f.hfovDeg[i]!, 30, 0.003, 'hfov');
      near(f.slantRangeM[i]!, 470, 0.01, 'slant');
      near(f.centreElevM[i]!, 50, 0.3, 'centre elevation (Item 78, the sensor height being HAE)');
      assert.equal(f.checksumErrors[i], 0);
      if (i % 7 === 0) {
        assert.equal(f.footprintSource[i], FOOTPRINT_SENSOR_MODEL, `frame ${i}`);
        const fp = sensorModelFootprint({
          sensorLatDeg: f.sensorLatDeg[i]!, sensorLonDeg: f.sensorLonDeg[i]!, sensorHaeM: f.sensorHaeM[i]!, headingDeg: f.headingDeg[i]!, pitchDeg: f.pitchDeg[i]!,
          rollDeg: f.rollDeg[i]!, sensorAzDeg: f.sensorAzDeg[i]!, sensorElDeg: f.sensorElDeg[i]!, sensorRollDeg: f.sensorRollDeg[i]!, hfovDeg: f.hfovDeg[i]!,
          vfovDeg: f.vfovDeg[i]!, groundElevM: f.centreElevM[i]!,
        })!;
        for (let k = 0; k < 4; k++) assert.equal(f.cornerLatDeg[4 * i + k], fp.cornerLatDeg[k]);
      } else {
        assert.equal(f.footprintSource[i], FOOTPRINT_KLV_CORNERS, `frame ${i}`);
        near(f.cornerLatDeg[4 * i]!, want.sensorLatDeg! + 0.001, 1e-6, 'upper-left lat');
        near(f.cornerLonDeg[4 * i + 2]!, -3.7 + 0.003, 1e-6, 'lower-right lon');
      }
    }
  });
}

test('the shared ST 0601 sample packets, wrapped: their values as uasView reads them, the 228-byte packet\'s bad checksum flagged and still used', { skip }, async () => {
  const samples = ['st0601-sample-114.bin', 'st0601-sample-228.bin'].map((n) => new Uint8Array(readFileSync(`../shared/data/klv/${n}`)));
  const klv = samples.map((bytes, i) => ({ bytes, pts: framePts(i * 10, FPS, 63000) }));
  const ts = muxVideoWithKlv({ video: { codec: 'h264', bytes: h264(), frameRate: FPS }, klv });
  const { frames: f, report } = await readVideoFrames(chunks(ts.bytes, 612));
  assert.equal(f.count, 2);
  assert.deepEqual([report.packets, report.checksumErrors, report.undecodable], [2, 1, 0]);
  assert.deepEqual([...f.checksumErrors], [0, 1]);
  assert.deepEqual([...f.tS], [0, 0.4]);
  samples.forEach((bytes, i) => {
    const v = uasView(decodeSt0601(bytes));
    assert.equal(f.unixUs[i], v.timestampUs);
    assert.equal(f.sensorLatDeg[i], v.sensorLatDeg);
    assert.equal(f.sensorLonDeg[i], v.sensorLonDeg);
    assert.equal(f.sensorHaeM[i], v.sensorAltMslM, 'no ellipsoid height: the MSL altitude');
    assert.equal(f.headingDeg[i], v.platformHeadingDeg);
    assert.equal(f.sensorElDeg[i], v.sensorRelElevationDeg);
    assert.equal(f.hfovDeg[i], v.hfovDeg);
    assert.equal(f.slantRangeM[i], v.slantRangeM);
    assert.equal(f.centreLatDeg[i], v.frameCenterLatDeg);
    assert.equal(f.centreElevM[i], v.frameCenterElevationM);
    // The standard's examples look 169° down-and-back with fields of view over 140°: corner rays miss the ground.
    assert.equal(f.footprintSource[i], FOOTPRINT_NONE);
    assert.ok(Number.isNaN(f.cornerLatDeg[4 * i]!));
  });
});

test('asynchronous KLV without PTS: frames timed by their ST 0601 timestamps from the first', { skip }, async () => {
  const mux = new TsMuxer({ video: { codec: 'h264' }, klv: [{ carriage: 'async' }] });
  const parts: Uint8Array[] = [mux.writeTables()];
  splitAccessUnits(h264(), 'h264').forEach((au, i) => {
    if (i % 5 === 0) parts.push(mux.writeKlv(encodeSt0601Fields(fields(i + 1))));
    parts.push(mux.writeVideo({ bytes: au.bytes, pts: framePts(i, FPS, 63000), keyframe: au.keyframe }));
  });
  const { frames: f, report } = await readVideoFrames(chunks(new Uint8Array(Buffer.concat(parts)), 613));
  assert.equal(report.timeSource, 'timestamp');
  assert.equal(f.count, FRAMES / 5);
  for (let i = 0; i < f.count; i++) near(f.tS[i]!, i * 0.2, 1e-9, `tS[${i}]`);
});

test('a stream without KLV gives no frames; bytes that are not a stream are NARIZ_MPEGTS; an aborted read stops', { skip }, async () => {
  const ts = muxVideoWithKlv({ video: { codec: 'h264', bytes: h264(), frameRate: FPS }, klv: [] });
  const r = await readVideoFrames(chunks(ts.bytes, 614));
  assert.equal(r.frames.count, 0);
  assert.equal(r.report.durationS, 2);
  const junk = new Uint8Array(4 << 20).fill(0x20);
  await assert.rejects(readVideoFrames(chunks(junk, 615)), (e: unknown) => isNarizError(e, 'NARIZ_MPEGTS'));
  const ac = new AbortController();
  ac.abort();
  await assert.rejects(readVideoFrames(chunks(ts.bytes, 616), { signal: ac.signal }), { name: 'AbortError' });
});

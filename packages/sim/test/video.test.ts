/**
 * The demo video: the flight's KLV (pure, always run) and the rendered
 * transport stream (Debian's ffmpeg and ffprobe: scripts/setup-ffmpeg.sh).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LocalFrame, isNarizError } from '@nariz/core';
import { decodeSt0601, uasView } from '@nariz/formats';
import {
  FOOTPRINT_KLV_CORNERS, MotionCue, coverageOf, groundToPixel, readVideoFrames, sensorModelFootprint, type VideoFrames,
} from '@nariz/fmv';
import { SIMULATED_MISSION_ID, flightKlv, flightKlvUnits, renderSimulatedVideo, type FlightKlvOptions } from '../src/index.js';

const POI = { lat: 20.6597, lon: -103.3496 };
const OPTS: FlightKlvOptions = {
  seed: 5, centreLatDeg: POI.lat, centreLonDeg: POI.lon, durationS: 6, frameRate: 10, altitudeAglM: 120, orbitRadiusM: 300, groundElevM: 1560, hfovDeg: 30, groundSpeedMps: 5,
};
const plane = new LocalFrame({ lat: POI.lat, lon: POI.lon, alt: OPTS.groundElevM });

test('flightKlv: one packet per frame, the line of sight on the point, the orbit flown, "SIMULATED", valid checksums, same options same bytes', () => {
  const frames = flightKlv(OPTS);
  assert.equal(frames.length, 60);
  const units = flightKlvUnits(frames, OPTS.frameRate);
  assert.deepEqual(units.map((u) => u.bytes), flightKlvUnits(flightKlv(OPTS), OPTS.frameRate).map((u) => u.bytes));
  assert.notDeepEqual(units[0]!.bytes, flightKlvUnits(flightKlv({ ...OPTS, seed: 6 }), OPTS.frameRate)[0]!.bytes);
  units.forEach((u, i) => {
    assert.equal(u.pts, 63000 + i * 9000);
    const p = decodeSt0601(u.bytes);
    assert.equal(p.checksum.ok, true);
    assert.deepEqual(p.flags, []);
    const v = uasView(p);
    assert.equal(v.missionId, SIMULATED_MISSION_ID);
    assert.equal(v.cornersFrom, 'full');
    const [ce, cn] = plane.project(v.frameCenterLatDeg!, v.frameCenterLonDeg!);
    assert.ok(Math.hypot(ce, cn) < 0.01, `frame ${i}: the frame centre ${Math.hypot(ce, cn)} m from the point`);
    const [se, sn] = plane.project(v.sensorLatDeg!, v.sensorLonDeg!);
    assert.ok(Math.abs(Math.hypot(se, sn) - 300) < 0.5, 'on the orbit');
    assert.ok(Math.abs(v.sensorHaeM! - 1680) < 1, 'at 120 m above the ground');
    assert.ok(Math.abs(v.platformRollDeg! - Math.atan(25 / (9.80665 * 300)) / (Math.PI / 180)) < 1, 'banked into the turn');
  });
  // Clockwise: the heading turns right; 5 m/s on 300 m is 0.95°/s.
  const h0 = frames[0]!.fields.platformHeadingDeg!, h1 = frames[59]!.fields.platformHeadingDeg!;
  assert.ok(Math.abs(((h1 - h0 + 540) % 360) - 180 - (5.9 * 5 / 300) * (180 / Math.PI)) < 0.5, `${h0} → ${h1}`);
});

test('flightKlv: hovering looks straight down; a camera that would see the horizon is NARIZ_BAD_SCENARIO', () => {
  const hover = flightKlv({ ...OPTS, orbitRadiusM: 0, durationS: 1 });
  for (const f of hover) assert.ok(Math.abs(f.fields.sensorRelElevationDeg! + 90) < 1.5, `${f.fields.sensorRelElevationDeg}`);
  assert.throws(() => flightKlv({ ...OPTS, altitudeAglM: 20, orbitRadiusM: 2000, hfovDeg: 100 }), (e: unknown) => isNarizError(e, 'NARIZ_BAD_SCENARIO') && /horizon/.test((e as Error).message));
  assert.throws(() => flightKlv({ ...OPTS, frameRate: 0 }), (e: unknown) => isNarizError(e, 'NARIZ_BAD_SCENARIO'));
});

const hasFfmpeg = spawnSync('ffprobe', ['-version']).status === 0 && spawnSync('ffmpeg', ['-version']).status === 0;
const skip = hasFfmpeg ? false : 'ffmpeg/ffprobe not installed: run `bash scripts/setup-ffmpeg.sh` (CI does)';

function run(cmd: string, args: string[]): Buffer {
  const r = spawnSync(cmd, args, { maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')}: ${r.stderr?.toString()}`);
  return r.stdout;
}

test('the rendered demo: ffprobe sees h264 and klv; readVideoFrames gives every frame, each footprint holding the point and agreeing with the sensor model within 1 m; the picture shows what the KLV says; the motion cue finds the vehicle', { skip }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'nariz-sim-video-'));
  try {
    const outPath = join(dir, 'demo.ts');
    const r = await renderSimulatedVideo({ ...OPTS, outPath, width: 320, height: 180 });
    assert.deepEqual([r.frames, r.width, r.height], [60, 320, 180]);

    const probe = JSON.parse(run('ffprobe', ['-v', 'error', '-show_streams', '-of', 'json', outPath]).toString()) as { streams: Array<{ codec_type: string; codec_name?: string; width?: number }> };
    assert.deepEqual(probe.streams.map((s) => [s.codec_type, s.codec_name]), [['video', 'h264'], ['data', 'klv']]);
    assert.equal(probe.streams[0]!.width, 320);

    const { frames: f, report } = await readVideoFrames(createReadStream(outPath));
    assert.equal(f.count, 60);
    assert.deepEqual([report.timeSource, report.videoCodec, report.checksumErrors, report.undecodable], ['pts', 'h264', 0, 0]);
    assert.ok(Math.abs(report.durationS - 6) < 1e-9);
    for (let i = 0; i < f.count; i++) {
      assert.ok(Math.abs(f.tS[i]! - i / 10) < 1e-9);
      assert.equal(f.footprintSource[i], FOOTPRINT_KLV_CORNERS);
      const fp = sensorModelFootprint({
        sensorLatDeg: f.sensorLatDeg[i]!, sensorLonDeg: f.sensorLonDeg[i]!, sensorHaeM: f.sensorHaeM[i]!, headingDeg: f.headingDeg[i]!, pitchDeg: f.pitchDeg[i]!,
        rollDeg: f.rollDeg[i]!, sensorAzDeg: f.sensorAzDeg[i]!, sensorElDeg: f.sensorElDeg[i]!, sensorRollDeg: f.sensorRollDeg[i]!, hfovDeg: f.hfovDeg[i]!,
        vfovDeg: f.vfovDeg[i]!, groundElevM: f.centreElevM[i]!,
      })!;
      for (let k = 0; k < 4; k++) {
        const a = plane.project(f.cornerLatDeg[4 * i + k]!, f.cornerLonDeg[4 * i + k]!);
        const b = plane.project(fp.cornerLatDeg[k]!, fp.cornerLonDeg[k]!);
        assert.ok(Math.hypot(a[0] - b[0], a[1] - b[1]) < 1, `frame ${i} corner ${k}: ${Math.hypot(a[0] - b[0], a[1] - b[1])} m`);
      }
    }
    assert.deepEqual(coverageOf(f, POI.lat, POI.lon).map((c) => [c.startS, c.endS, c.frames]), [[0, 5.9, 60]]);

    // The picture: at mid-interval the lorry is where the KLV maps its ground point, the north–south road is grey where it runs.
    const mid = Math.round(((r.vehicle.startS + r.vehicle.endS) / 2) * 10);
    const rgb = run('ffmpeg', ['-v', 'error', '-i', outPath, '-vf', `select=eq(n\\,${mid})`, '-frames:v', '1', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-']);
    const at = (fr: VideoFrames, east: number, north: number): [number, number, number] => {
      const g = plane.unproject(east, north);
      const uv = groundToPixel(fr, mid, g.lat, g.lon)!;
      assert.ok(uv.u > 0 && uv.u < 1 && uv.v > 0 && uv.v < 1, `(${east}, ${north}) in the picture`);
      const o = 3 * (Math.floor(uv.v * 180) * 320 + Math.floor(uv.u * 320));
      return [rgb[o]!, rgb[o + 1]!, rgb[o + 2]!];
    };
    const lorry = at(f, (r.vehicle.fromEastM + r.vehicle.toEastM) / 2 - 1, r.vehicle.northM);
    assert.ok(Math.min(...lorry) > 190, `the lorry is white: ${lorry}`);
    const road = at(f, -60, -40);
    assert.ok(Math.max(...road) - Math.min(...road) < 25 && road[0] > 70 && road[0] < 130, `the road is grey: ${road}`);

    // The motion cue on frames decoded small, around the centre of the picture.
    const gray = run('ffmpeg', ['-v', 'error', '-i', outPath, '-vf', 'scale=160:90', '-f', 'rawvideo', '-pix_fmt', 'gray', '-']);
    const cue = new MotionCue({ width: 160, height: 90, roi: { x0: 0.3, y0: 0.2, x1: 0.7, y1: 0.8 } });
    for (let i = 0; i < 60; i++) cue.push(i / 10, gray.subarray(i * 160 * 90, (i + 1) * 160 * 90));
    const segments = cue.finish();
    assert.equal(segments.length, 1, JSON.stringify(segments));
    assert.ok(Math.abs(segments[0]!.startS - r.vehicle.startS) <= 0.1 + 1e-9 && Math.abs(segments[0]!.endS - r.vehicle.endS) <= 0.1 + 1e-9, JSON.stringify({ segments, vehicle: r.vehicle }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

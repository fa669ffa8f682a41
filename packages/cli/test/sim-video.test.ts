import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodeSt0601, demuxTs, uasView, type KlvEvent } from '@nariz/formats';
import { nariz, withTmp } from './run-cli.js';

const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0;
const skip = hasFfmpeg ? false : 'ffmpeg not installed: run `bash scripts/setup-ffmpeg.sh` (CI does)';

interface SimVideoJson {
  simulated: boolean; out: string; bytes: number; frames: number; fps: number; width: number; height: number; seed: number;
  poi: { lat: number; lon: number }; vehicle: { start_s: number; end_s: number }; simulated_text: boolean; video_pid: number; klv_pid: number;
}

test('sim-video --json writes a transport stream: H.264 frames and one SIMULATED ST 0601 packet per frame, staring at the point; the same flags give the same bytes', { skip }, () => {
  withTmp((dir) => {
    const out = join(dir, 'demo.ts');
    const args = ['sim-video', '--out', out, '--duration', '2', '--fps', '5', '--size', '160x90', '--lat', '-33.45', '--lon', '-70.66', '--seed', '3', '--json'];
    const r = nariz(...args);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout) as SimVideoJson;
    assert.deepEqual([j.simulated, j.frames, j.fps, j.width, j.height, j.seed, j.poi.lat, j.poi.lon], [true, 10, 5, 160, 90, 3, -33.45, -70.66]);
    assert.deepEqual(j.vehicle, { start_s: 0.7, end_s: 1.5 });
    const bytes = new Uint8Array(readFileSync(out));
    assert.equal(bytes.length, j.bytes);
    const d = demuxTs(bytes);
    const klv = d.events.filter((e): e is KlvEvent => e.kind === 'klv');
    assert.equal(d.events.filter((e) => e.kind === 'video').length, 10);
    assert.equal(klv.length, 10);
    for (const e of klv) {
      const p = decodeSt0601(e.bytes);
      assert.equal(p.checksum.ok, true);
      const v = uasView(p);
      assert.equal(v.missionId, 'SIMULATED');
      assert.ok(Math.abs(v.frameCenterLatDeg! + 33.45) < 1e-6 && Math.abs(v.frameCenterLonDeg! + 70.66) < 1e-6, 'the camera stares at the point');
      assert.equal(v.corners?.length, 4);
    }
    const again = join(dir, 'again.ts');
    assert.equal(nariz(...args.map((a) => (a === out ? again : a))).code, 0);
    assert.ok(Buffer.from(readFileSync(again)).equals(Buffer.from(bytes)), 'deterministic');
  });
});

test('sim-video prints a summary; --help the usage; bad flags and a missing ffmpeg are exit 2 with a code', { skip }, () => {
  withTmp((dir) => {
    const out = join(dir, 'clip.ts');
    const r = nariz('sim-video', '--out', out, '--duration', '1', '--fps', '4', '--size', '96x64', '--radius', '0');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^wrote clip\.ts: [\d,]+ bytes, 4 frames at 4 fps, 96×64, H\.264 \+ ST 0601 KLV — SIMULATED\n/);
    assert.match(r.stdout, /a vehicle drives past from 0\.3 s to 0\.8 s/);
    const h = nariz('sim-video', '--help');
    assert.equal(h.code, 0);
    assert.match(h.stdout, /^Usage: nariz sim-video --out FILE\.ts/);
    const noOut = nariz('sim-video');
    assert.equal(noOut.code, 2);
    assert.match(noOut.stderr, /nariz sim-video: NARIZ_USAGE: --out is required/);
    const size = nariz('sim-video', '--out', out, '--size', '641x360');
    assert.equal(size.code, 2);
    assert.match(size.stderr, /NARIZ_USAGE: --size "641x360"/);
    const lat = nariz('sim-video', '--out', out, '--lat', '-91');
    assert.equal(lat.code, 2);
    assert.match(lat.stderr, /NARIZ_USAGE: --lat "-91" must be at least -85/);
    const missing = join(dir, 'nope.ts');
    const ff = nariz('sim-video', '--out', missing, '--duration', '1', '--ffmpeg', join(dir, 'no-such-ffmpeg'));
    assert.equal(ff.code, 2);
    assert.match(ff.stderr, /NARIZ_FFMPEG: .*no-such-ffmpeg not found/);
    assert.equal(existsSync(missing), false);
  });
});

/**
 * The real peer: Debian's ffmpeg and ffprobe (scripts/setup-ffmpeg.sh).
 * Our muxer's files must show a `klv` data stream next to the H.264 video
 * with the right packet counts and duration, decode without a complaint,
 * and `ffmpeg -map 0:d -c copy -f data` must give back exactly the KLV bytes
 * we wrote — asynchronous and synchronous carriage. The other way, files
 * ffmpeg wrote (its remux of ours as TS and as M2TS, and H.264 with
 * B-frames straight from its encoder) must demux to what ffprobe reports:
 * the same KLV bytes and times, the same video PTS, DTS and keyframes.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRng } from '@nariz/core';
import { demuxTs, muxVideoWithKlv, type KlvEvent, type VideoEvent } from '../src/index.js';
import { klvPacket } from './mpegts-factory.js';

const hasFfmpeg = spawnSync('ffprobe', ['-version']).status === 0 && spawnSync('ffmpeg', ['-version']).status === 0;
const skip = hasFfmpeg ? false : 'ffmpeg/ffprobe not installed: run `bash scripts/setup-ffmpeg.sh` (CI does)';

function run(cmd: string, args: string[]): { stdout: Buffer; stderr: string } {
  const r = spawnSync(cmd, args, { maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, `${cmd} ${args.join(' ')}: ${r.stderr?.toString()}`);
  return { stdout: r.stdout, stderr: r.stderr.toString() };
}

interface ProbeStream { index: number; codec_name?: string; codec_type: string; codec_tag_string?: string; id: string; duration?: string; nb_read_packets?: string; profile?: string }
interface ProbePacket { stream_index: number; pts?: number; dts?: number; flags: string; size: string }

function probeStreams(path: string): ProbeStream[] {
  return (JSON.parse(run('ffprobe', ['-v', 'error', '-count_packets', '-show_streams', '-of', 'json', path]).stdout.toString()) as { streams: ProbeStream[] }).streams;
}

function probePackets(path: string): ProbePacket[] {
  return (JSON.parse(run('ffprobe', ['-v', 'error', '-show_packets', '-of', 'json', path]).stdout.toString()) as { packets: ProbePacket[] }).packets;
}

const dir = hasFfmpeg ? mkdtempSync(join(tmpdir(), 'nariz-ffmpeg-')) : '';
test.after(() => {
  if (dir !== '') rmSync(dir, { recursive: true, force: true });
});

/** 4 s of ffmpeg's test pattern at 25 fps as H.264 Annex B, without B-frames, a keyframe every second. */
function testH264(): Uint8Array {
  const path = join(dir, 'testsrc.h264');
  run('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=25', '-t', '4', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-bf', '0', '-g', '25', '-bsf:v', 'h264_mp4toannexb', '-f', 'h264', path]);
  return new Uint8Array(readFileSync(path));
}

/** 100 KLV packets with distinct contents, one per frame, each with its frame's PTS. */
function testKlv(): Array<{ bytes: Uint8Array; pts: number }> {
  const rng = createRng(600);
  return Array.from({ length: 100 }, (_, i) => ({ bytes: klvPacket(rng, 30 + (i % 200)), pts: 63000 + i * 3600 }));
}

for (const carriage of ['async', 'sync'] as const) {
  test(`ffprobe lists our ${carriage} KLV stream as klv next to h264; ffmpeg -map 0:d -c copy -f data gives back exactly our bytes`, { skip }, () => {
    const klv = testKlv();
    const r = muxVideoWithKlv({ video: { codec: 'h264', bytes: testH264(), frameRate: 25 }, klv, carriage });
    assert.equal(r.frames, 100);
    const path = join(dir, `ours-${carriage}.ts`);
    writeFileSync(path, r.bytes);

    const streams = probeStreams(path);
    const v = streams.find((s) => s.codec_type === 'video')!;
    const d = streams.find((s) => s.codec_type === 'data')!;
    assert.deepEqual([v.codec_name, v.id, v.nb_read_packets, Number(v.duration)], ['h264', '0x100', '100', 4]);
    assert.deepEqual([d.codec_name, d.codec_tag_string, d.id, d.nb_read_packets], ['klv', 'KLVA', '0x101', '100']);
    assert.equal(run('ffmpeg', ['-v', 'error', '-i', path, '-map', '0', '-f', 'null', '-']).stderr, '', 'decodes without a complaint');

    const data = run('ffmpeg', ['-v', 'error', '-i', path, '-map', '0:d', '-c', 'copy', '-f', 'data', '-']).stdout;
    const ours = Buffer.concat(klv.map((k) => k.bytes));
    assert.equal(data.length, ours.length);
    assert.ok(data.equals(ours), 'the exact KLV bytes');
    // And the times ffmpeg reads are ours.
    const pkts = probePackets(path).filter((p) => p.stream_index === d.index);
    assert.deepEqual(pkts.map((p) => p.pts), klv.map((k) => k.pts));
  });
}

test('files ffmpeg wrote (remuxed TS, M2TS; KLV from async and sync): our demuxer gives ffprobe\'s KLV bytes and times', { skip }, () => {
  const klv = testKlv();
  const ours = Buffer.concat(klv.map((k) => k.bytes));
  for (const carriage of ['async', 'sync'] as const) {
    const src = join(dir, `src-${carriage}.ts`);
    writeFileSync(src, muxVideoWithKlv({ video: { codec: 'h264', bytes: testH264(), frameRate: 25 }, klv, carriage }).bytes);
    for (const m2ts of [false, true]) {
      const out = join(dir, `ff-${carriage}${m2ts ? '.m2ts' : '.ts'}`);
      run('ffmpeg', ['-v', 'error', '-y', '-i', src, '-map', '0', '-c', 'copy', ...(m2ts ? ['-mpegts_m2ts_mode', '1', '-streamid', '0:0x1011', '-streamid', '1:0x1800'] : []), '-f', 'mpegts', out]);
      const r = demuxTs(new Uint8Array(readFileSync(out)));
      assert.equal(r.stats.packetSize, m2ts ? 192 : 188);
      assert.deepEqual([r.stats.continuityErrors, r.stats.incompletePes, r.stats.lostSyncBytes, r.stats.psiCrcErrors], [0, 0, 0, 0]);
      const got = r.events.filter((e): e is KlvEvent => e.kind === 'klv');
      assert.ok(Buffer.concat(got.map((k) => k.bytes)).equals(ours), `${out}: KLV bytes`);
      const probe = probePackets(out);
      const dataIndex = probeStreams(out).find((s) => s.codec_type === 'data')!.index;
      // ffmpeg 5.1 writes asynchronous KLV without a PTS (ffprobe: none) and keeps the PTS of KLV it read as synchronous.
      assert.deepEqual(got.map((k) => k.pts), probe.filter((p) => p.stream_index === dataIndex).map((p) => p.pts));
      // Without a PTS, the program clock at each unit still places it (RP 217's proximity), never going back.
      const clocks = got.map((k) => k.pcr);
      assert.ok(clocks.slice(1).every((c, i) => c !== undefined && c >= (clocks[i] ?? 0)), `${out}: PCR at each unit`);
    }
  }
});

test('H.264 with B-frames from ffmpeg\'s own TS muxer: video PTS, DTS and keyframes as ffprobe reads them', { skip }, () => {
  const path = join(dir, 'bframes.ts');
  run('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=30', '-t', '3', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-bf', '2', '-g', '30', '-f', 'mpegts', path]);
  const r = demuxTs(new Uint8Array(readFileSync(path)));
  const ours = r.events.filter((e): e is VideoEvent => e.kind === 'video').map((v) => [v.pts, v.dts, v.keyframe]);
  const theirs = probePackets(path).filter((p) => p.stream_index === 0).map((p) => [p.pts, p.dts, p.flags.startsWith('K')]);
  assert.equal(ours.length, 90);
  assert.deepEqual(ours, theirs);
  assert.ok(ours.some((v) => v[0] !== v[1]), 'reordered frames');
});

/**
 * MPEG-TS metadata extraction throughput, against ffmpeg in the same run.
 *
 * Input: a transport stream of `--size-mb` MB (default 1024; `--quick`:
 * 100) written to a temporary directory by our muxer: 10 s of ffmpeg's
 * testsrc2 pattern encoded at 1280×720, 30 fps, 8 Mbit/s CBR (a typical
 * drone downlink), its 300 access units repeated with increasing PTS, and
 * one KLV packet (an ST 0601-sized 16-byte key, BER length and ~190
 * seeded value bytes) per frame, i.e. 30 KLV packets per second of video
 * (x264 on one thread, so the clip, and the file, are the same every run).
 * The file is deleted at the end.
 *
 * Contestants, alternating, `--reps` times (default 3) after one warm-up
 * each (so both read from the page cache):
 * - nariz `extractMetadata(path)`: streamed 1 MiB reads, only PSI and KLV
 *   PIDs reassembled, every KLV unit handed to a callback;
 * - `ffmpeg -v error -i f.ts -map 0:d -c copy -f data -` with its output to
 *   /dev/null.
 * Before timing, both outputs are checked to be the same bytes (SHA-256).
 * Reported: MB/s and transport packets/s (median, min, max), the ratio, and
 * PASS/FAIL for the target "within 3× of ffmpeg" (ours at most 3× its time).
 * One run of the full demuxer (video PES timing too) is shown for scale.
 *
 *   npm run bench -- mpegts    (or: node packages/formats/dist/bench/mpegts.bench.js [--size-mb N] [--quick] [--reps R])
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync, writeSync } from 'node:fs';
import { arch, cpus, platform, release, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createRng } from '@nariz/core';
import { TsDemuxer, TsMuxer, extractMetadata, splitAccessUnits, type KlvEvent } from '../src/index.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const quick = process.argv.includes('--quick');
const sizeMb = Number(arg('--size-mb') ?? (quick ? 100 : 1024));
const reps = Number(arg('--reps') ?? 3);
if (!(sizeMb > 0) || !(reps > 0)) throw new Error('usage: mpegts.bench.js [--size-mb N] [--quick] [--reps R]');

if (spawnSync('ffmpeg', ['-version']).status !== 0) {
  console.log('mpegts bench skipped: ffmpeg is not installed (bash scripts/setup-ffmpeg.sh)');
  process.exit(0);
}

const cpu = cpus();
const ffVersion = spawnSync('ffmpeg', ['-version']).stdout.toString().split('\n')[0];
console.log(`node ${process.version}, ${platform()} ${release()} ${arch()}, ${cpu.length} × ${cpu[0]?.model ?? 'cpu?'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${ffVersion}`);

const dir = mkdtempSync(join(tmpdir(), 'nariz-mpegts-bench-'));
try {
  // 1. Real H.264 from ffmpeg's encoder.
  const clip = join(dir, 'clip.h264');
  const enc = spawnSync('ffmpeg', [
    '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30', '-t', '10', '-c:v', 'libx264', '-threads', '1', '-preset', 'veryfast', '-pix_fmt', 'yuv420p',
    '-bf', '0', '-g', '30', '-b:v', '8M', '-minrate', '8M', '-maxrate', '8M', '-bufsize', '4M', '-x264-params', 'nal-hrd=cbr', '-bsf:v', 'h264_mp4toannexb', '-f', 'h264', clip,
  ]);
  if (enc.status !== 0) throw new Error(`ffmpeg could not encode the clip: ${enc.stderr.toString()}`);
  const units = splitAccessUnits(new Uint8Array(readFileSync(clip)), 'h264');

  // 2. The transport stream, written in 4 MiB blocks.
  const path = join(dir, 'bench.ts');
  const fd = openSync(path, 'w');
  const block = new Uint8Array(4 << 20);
  let fill = 0;
  const put = (b: Uint8Array): void => {
    if (fill + b.length > block.length) {
      writeSync(fd, block, 0, fill);
      fill = 0;
    }
    if (b.length > block.length) writeSync(fd, b);
    else {
      block.set(b, fill);
      fill += b.length;
    }
  };
  const rng = createRng(1402);
  const klvPool = Array.from({ length: 64 }, () => {
    const value = 170 + rng.int(0, 40);
    const p = new Uint8Array(16 + 2 + value);
    p.set([0x06, 0x0e, 0x2b, 0x34, 0x02, 0x0b, 0x01, 0x01, 0x0e, 0x01, 0x03, 0x01, 0x01, 0x00, 0x00, 0x00, 0x81, value]);
    for (let i = 18; i < p.length; i++) p[i] = rng.int(0, 255);
    return p;
  });
  const mux = new TsMuxer({ video: { codec: 'h264' }, klv: [{ carriage: 'async' }] });
  const target = sizeMb * 1e6;
  let written = 0;
  let frames = 0;
  const t0 = process.hrtime.bigint();
  while (written < target) {
    const pts = 63000 + frames * 3000;
    const u = units[frames % units.length]!;
    const k = mux.writeKlv(klvPool[frames % klvPool.length]!, pts);
    const v = mux.writeVideo({ bytes: u.bytes, pts, keyframe: u.keyframe });
    put(k);
    put(v);
    written += k.length + v.length;
    frames++;
  }
  writeSync(fd, block, 0, fill);
  closeSync(fd);
  const bytes = statSync(path).size;
  const packets = bytes / 188;
  const muxS = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(`input: ${(bytes / 1e6).toFixed(0)} MB, ${packets.toLocaleString('en')} packets, ${frames.toLocaleString('en')} frames (${(frames / 30 / 60).toFixed(1)} min of 720p30 at 8 Mbit/s), ${frames.toLocaleString('en')} KLV packets; muxed by TsMuxer in ${muxS.toFixed(1)} s (${(bytes / 1e6 / muxS).toFixed(0)} MB/s)`);

  // 3. Same bytes out of both.
  const ours = async (hash: boolean): Promise<{ units: number; packets: number; hash: string }> => {
    let n = 0;
    const h = createHash('sha256');
    const r = await extractMetadata(path, (e: KlvEvent) => {
      n++;
      if (hash) h.update(e.bytes);
    });
    return { units: n, packets: r.stats.packets, hash: hash ? h.digest('hex') : '' };
  };
  const ffmpegArgs = ['-v', 'error', '-i', path, '-map', '0:d', '-c', 'copy', '-f', 'data', '-'];
  const check = spawnSync('ffmpeg', ffmpegArgs, { maxBuffer: 1 << 30 });
  if (check.status !== 0) throw new Error(`ffmpeg failed: ${check.stderr.toString()}`);
  const theirs = createHash('sha256').update(check.stdout).digest('hex');
  const mine = await ours(true);
  if (mine.packets !== packets) throw new Error(`extractMetadata saw ${mine.packets} packets of ${packets}`);
  console.log(`check: ${mine.units.toLocaleString('en')} KLV units from ${mine.packets.toLocaleString('en')} packets; ffmpeg's output ${check.stdout.length.toLocaleString('en')} bytes; SHA-256 ${mine.hash === theirs ? 'equal' : `DIFFERENT (ours ${mine.hash}, ffmpeg ${theirs})`}`);

  // 4. Timed runs, alternating.
  const devNull = openSync('/dev/null', 'w');
  const ffmpegRun = (): void => {
    const r = spawnSync('ffmpeg', ffmpegArgs, { stdio: ['ignore', devNull, 'pipe'] });
    if (r.status !== 0) throw new Error(`ffmpeg failed: ${r.stderr.toString()}`);
  };
  const timesOurs: number[] = [];
  const timesFf: number[] = [];
  let sink = 0;
  await ours(false);
  ffmpegRun();
  for (let r = 0; r < reps; r++) {
    let t = process.hrtime.bigint();
    sink += (await ours(false)).units;
    timesOurs.push(Number(process.hrtime.bigint() - t) / 1e9);
    t = process.hrtime.bigint();
    ffmpegRun();
    timesFf.push(Number(process.hrtime.bigint() - t) / 1e9);
  }
  closeSync(devNull);
  const row = (label: string, times: number[]): number => {
    const s = [...times].sort((a, b) => a - b);
    const med = s[Math.floor(s.length / 2)]!;
    const mbs = (t: number): string => (bytes / 1e6 / t).toFixed(0);
    console.log(`${label.padEnd(52)} ${mbs(med).padStart(5)} MB/s median (${mbs(s[s.length - 1]!)}–${mbs(s[0]!)}), ${(packets / med / 1e6).toFixed(2)} M packets/s, ${med.toFixed(2)} s`);
    return med;
  };
  console.log(`${reps} timed runs each after one warm-up (sink ${sink % 997})`);
  const tOurs = row('nariz extractMetadata (file, 1 MiB reads)', timesOurs);
  const tFf = row('ffmpeg -map 0:d -c copy -f data (to /dev/null)', timesFf);
  const ratio = tOurs / tFf;
  console.log(`ours / ffmpeg time: ${ratio.toFixed(2)} × (${ratio <= 1 ? `${(1 / ratio).toFixed(1)} × faster` : `${ratio.toFixed(1)} × slower`}) → ${ratio <= 3 ? 'PASS' : 'FAIL'}: within 3× of ffmpeg`);

  // 5. For scale: the full demuxer, video PES timing included, one run.
  const d = new TsDemuxer();
  const t = process.hrtime.bigint();
  const buf = new Uint8Array(1 << 20);
  const fd2 = openSync(path, 'r');
  let events = 0;
  for (;;) {
    const n = readSync(fd2, buf, 0, buf.length, null);
    if (n === 0) break;
    events += d.push(n === buf.length ? buf : buf.subarray(0, n)).length;
  }
  events += d.end().length;
  closeSync(fd2);
  const full = Number(process.hrtime.bigint() - t) / 1e9;
  console.log(`${'nariz TsDemuxer, video timing too (one run)'.padEnd(52)} ${(bytes / 1e6 / full).toFixed(0).padStart(5)} MB/s, ${events.toLocaleString('en')} events`);
  if (ratio > 3 || mine.hash !== theirs) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}

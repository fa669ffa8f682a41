/**
 * `nariz sim-video --out demo.ts`: a simulated drone video to try the
 * video tools on without real footage — H.264 of a procedural landscape
 * seen by a camera orbiting a point of interest, with MISB ST 0601 KLV for
 * every frame (mission id SIMULATED) in one MPEG-TS. docs/formats/fmv.md.
 */
import { basename } from 'node:path';
import { NarizError } from '@nariz/core';
import { RANDOM_SCENARIO_ORIGIN, renderSimulatedVideo, type RenderVideoResult } from '@nariz/sim';
import type { CliIo, Command } from '../command.js';
import { integerFlag, numberFlag, parseFlags, requireFlag } from '../flags.js';

const USAGE = `Usage: nariz sim-video --out FILE.ts [options]

Writes a SIMULATED drone video: an MPEG-TS with H.264 video of a
procedural landscape seen by a camera orbiting a point of interest and
staring at it, and MISB ST 0601 KLV for every frame (position, attitude,
sensor angles, the footprint's corners; mission id SIMULATED). A vehicle
drives past the point from 35 % to 75 % of the clip. Needs ffmpeg with
libx264 (bash scripts/setup-ffmpeg.sh). Same options, same video.

  --out FILE.ts        the file to write
  --seed N             seed: where the orbit starts, the landscape (default 1)
  --duration S         seconds (default 20)
  --lat DEG --lon DEG  the point of interest (default the simulator's
                       origin, ${RANDOM_SCENARIO_ORIGIN.lat}, ${RANDOM_SCENARIO_ORIGIN.lon})
  --fps N              frames per second (default 10)
  --size WxH           picture size in pixels, even numbers (default 640x360)
  --altitude M         height above the ground (default 120)
  --radius M           orbit radius (default 300; 0 hovers over the point)
  --speed MPS          ground speed on the orbit (default 5)
  --ground M           the ground's height above the ellipsoid (default 0)
  --hfov DEG           horizontal field of view (default 30)
  --sync               synchronous KLV (ST 1402 metadata AUs; default asynchronous)
  --ffmpeg PATH        the ffmpeg to run (default: ffmpeg on the PATH)
  --json               print one JSON object`;

const OPTIONS = {
  out: { type: 'string' },
  seed: { type: 'string' },
  duration: { type: 'string' },
  lat: { type: 'string' },
  lon: { type: 'string' },
  fps: { type: 'string' },
  size: { type: 'string' },
  altitude: { type: 'string' },
  radius: { type: 'string' },
  speed: { type: 'string' },
  ground: { type: 'string' },
  hfov: { type: 'string' },
  sync: { type: 'boolean' },
  ffmpeg: { type: 'string' },
  json: { type: 'boolean' },
} as const;

function sizeFlag(raw: string | undefined): [number, number] {
  if (raw === undefined) return [640, 360];
  const m = /^(\d+)x(\d+)$/.exec(raw.trim());
  const w = m === null ? NaN : Number(m[1]), h = m === null ? NaN : Number(m[2]);
  if (!(w >= 32 && h >= 32 && w <= 3840 && h <= 2160 && w % 2 === 0 && h % 2 === 0)) {
    throw new NarizError('NARIZ_USAGE', `--size "${raw}": expected WxH in pixels, even numbers from 32x32 to 3840x2160 (e.g. 640x360)`);
  }
  return [w, h];
}

/** The `--json` object. */
export function simVideoJson(r: RenderVideoResult, poi: { lat: number; lon: number }, seed: number): unknown {
  return {
    simulated: true, out: r.outPath, bytes: r.bytes, frames: r.frames, fps: r.frameRate, width: r.width, height: r.height, seed,
    poi: { lat: poi.lat, lon: poi.lon }, vehicle: { start_s: r.vehicle.startS, end_s: r.vehicle.endS },
    simulated_text: r.simulatedText, video_pid: r.videoPid, klv_pid: r.klvPid,
  };
}

export const simVideo: Command = {
  name: 'sim-video',
  summary: 'write a simulated drone video (H.264 + ST 0601 KLV in MPEG-TS) orbiting a point',
  usage: USAGE,
  async run(args: string[], io: CliIo): Promise<number> {
    const v = parseFlags(args, OPTIONS, USAGE);
    const outPath = requireFlag(v.out, 'out', 'the .ts file to write');
    const num = (raw: string | undefined, flag: string, what: string, fallback: number, min: number, max: number): number =>
      raw === undefined ? fallback : numberFlag(raw, flag, what, { min, max });
    const seed = v.seed === undefined ? 1 : integerFlag(v.seed, 'seed', 0, 2 ** 32 - 1);
    const lat = num(v.lat, 'lat', 'degrees north, -85..85', RANDOM_SCENARIO_ORIGIN.lat, -85, 85);
    const lon = num(v.lon, 'lon', 'degrees east, -180..180', RANDOM_SCENARIO_ORIGIN.lon, -180, 180);
    const [width, height] = sizeFlag(v.size);
    const r = await renderSimulatedVideo({
      outPath, seed, centreLatDeg: lat, centreLonDeg: lon, width, height,
      durationS: num(v.duration, 'duration', 'seconds, 1..600', 20, 1, 600),
      frameRate: num(v.fps, 'fps', 'frames per second, 1..60', 10, 1, 60),
      altitudeAglM: num(v.altitude, 'altitude', 'metres above the ground, 10..3000', 120, 10, 3000),
      orbitRadiusM: num(v.radius, 'radius', 'metres, 0..5000', 300, 0, 5000),
      groundSpeedMps: num(v.speed, 'speed', 'm/s, 0.5..60', 5, 0.5, 60),
      groundElevM: num(v.ground, 'ground', 'metres above the ellipsoid, -500..6000', 0, -500, 6000),
      hfovDeg: num(v.hfov, 'hfov', 'degrees, 1..100', 30, 1, 100),
      carriage: v.sync === true ? 'sync' : 'async',
      ...(v.ffmpeg !== undefined ? { ffmpegPath: v.ffmpeg } : {}),
    });
    if (v.json === true) io.stdout(JSON.stringify(simVideoJson(r, { lat, lon }, seed)) + '\n');
    else {
      io.stdout(`wrote ${basename(outPath)}: ${r.bytes.toLocaleString('en-US')} bytes, ${r.frames} frames at ${r.frameRate} fps, ${r.width}×${r.height}, H.264 + ST 0601 KLV — SIMULATED\n`);
      io.stdout(`  camera orbiting ${lat.toFixed(5)}, ${lon.toFixed(5)}; a vehicle drives past from ${r.vehicle.startS.toFixed(1)} s to ${r.vehicle.endS.toFixed(1)} s\n`);
      if (!r.simulatedText) io.stderr('warning: this ffmpeg has no drawtext filter: "SIMULATED" is not burned into the picture (the KLV mission id says it)\n');
    }
    return 0;
  },
};

/**
 * Node only (child_process, fs): the demo video. Renders the simulated
 * camera's pictures (render-frame.ts) for the flight of flight-klv.ts,
 * has Debian's ffmpeg encode them to H.264 (Annex B, `-bf 0` so that PTS =
 * DTS, a keyframe every second, "SIMULATED" burned in when ffmpeg has
 * drawtext), and muxes that with the flight's KLV into one MPEG-TS with
 * @nariz/formats' muxVideoWithKlv. The picture and the KLV agree: every
 * pixel shows the ground point pixelToGround gives for it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { LocalFrame, NarizError } from '@nariz/core';
import { muxVideoWithKlv, type KlvCarriage } from '@nariz/formats';
import { squareToQuad } from '@nariz/fmv';
import { flightKlv, flightKlvUnits, type FlightKlvFrame, type FlightKlvOptions } from './flight-klv.js';
import type { Scene, SceneVehicle } from './ground-scene.js';
import { renderFrame } from './render-frame.js';

export interface RenderVideoOptions extends FlightKlvOptions {
  readonly outPath: string;
  /** Default `ffmpeg` on the PATH. */
  readonly ffmpegPath?: string;
  /** Pixels (even numbers; default 640×360). */
  readonly width?: number;
  readonly height?: number;
  /** KLV carriage (default asynchronous, as most drones send it). */
  readonly carriage?: KlvCarriage;
  /** When the vehicle drives past the point (default from 35 % to 75 % of the clip). */
  readonly motion?: { readonly startS: number; readonly endS: number };
}

export interface RenderVideoResult {
  readonly outPath: string;
  readonly bytes: number;
  readonly frames: number;
  readonly frameRate: number;
  readonly width: number;
  readonly height: number;
  /** The moving vehicle: in the picture from startS to endS (seconds on the video's clock). */
  readonly vehicle: SceneVehicle;
  /** Whether "SIMULATED" is burned into the picture (ffmpeg's drawtext filter was available). */
  readonly simulatedText: boolean;
  readonly videoPid: number;
  readonly klvPid: number;
}

const ROAD_NORTH_M = 18;
const VEHICLE_SPEED_MPS = 8;
const MAX_TRAVEL_M = 120;

function ffmpegError(message: string, cause?: unknown): never {
  throw new NarizError('NARIZ_FFMPEG', message, undefined, cause === undefined ? undefined : { cause });
}

const drawtextCache = new Map<string, boolean>();
/** Whether this ffmpeg can burn in text (drawtext needs libfreetype and a font through fontconfig). */
export function ffmpegHasDrawtext(ffmpegPath = 'ffmpeg'): boolean {
  let ok = drawtextCache.get(ffmpegPath);
  if (ok === undefined) {
    const r = spawnSync(ffmpegPath, ['-v', 'error', '-f', 'lavfi', '-i', 'color=c=black:s=64x32:d=0.04', '-vf', 'drawtext=text=SIMULATED', '-frames:v', '1', '-f', 'null', '-'], { timeout: 30_000 });
    ok = r.status === 0;
    drawtextCache.set(ffmpegPath, ok);
  }
  return ok;
}

/** The vehicle of the demo: along the road just north of the point, through the picture's centre, during `motion`. */
export function demoVehicle(durationS: number, motion?: { startS: number; endS: number }): SceneVehicle {
  const startS = motion?.startS ?? 0.35 * durationS;
  const endS = motion?.endS ?? 0.75 * durationS;
  if (!(startS >= 0 && endS > startS && endS <= durationS)) throw new NarizError('NARIZ_BAD_SCENARIO', `motion ${startS}..${endS} s: expected 0 ≤ start < end ≤ the duration ${durationS} s`);
  const travel = Math.min(VEHICLE_SPEED_MPS * (endS - startS), MAX_TRAVEL_M);
  return { startS, endS, fromEastM: -travel / 2, toEastM: travel / 2, northM: ROAD_NORTH_M, lengthM: 16, widthM: 5 };
}

export async function renderSimulatedVideo(opts: RenderVideoOptions): Promise<RenderVideoResult> {
  const width = opts.width ?? 640;
  const height = opts.height ?? 360;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 32 || height < 32 || width > 3840 || height > 2160 || width % 2 !== 0 || height % 2 !== 0) {
    throw new NarizError('NARIZ_BAD_SCENARIO', `video size ${width}×${height}: expected even whole numbers from 32×32 to 3840×2160`);
  }
  const ffmpeg = opts.ffmpegPath ?? 'ffmpeg';
  const frames = flightKlv(opts);
  const scene: Scene = { seed: opts.seed, vehicle: demoVehicle(opts.durationS, opts.motion) };
  const simulatedText = ffmpegHasDrawtext(ffmpeg);
  const rate = String(opts.frameRate);
  const filters = simulatedText ? ['-vf', 'drawtext=text=SIMULATED:x=w*0.02:y=h*0.03:fontsize=h/14:fontcolor=white:box=1:boxcolor=black@0.45:boxborderw=4'] : [];
  const args = [
    '-v', 'error', '-f', 'rawvideo', '-pix_fmt', 'rgb24', '-s', `${width}x${height}`, '-framerate', rate, '-i', 'pipe:0', ...filters,
    '-c:v', 'libx264', '-preset', 'veryfast', '-bf', '0', '-g', String(Math.max(1, Math.round(opts.frameRate))), '-pix_fmt', 'yuv420p', '-f', 'h264', 'pipe:1',
  ];
  const h264 = await encode(ffmpeg, args, pictures(frames, opts, width, height, scene));
  const mux = muxVideoWithKlv({ video: { codec: 'h264', bytes: h264, frameRate: opts.frameRate }, klv: flightKlvUnits(frames, opts.frameRate), carriage: opts.carriage ?? 'async' });
  if (mux.frames !== frames.length) ffmpegError(`ffmpeg gave ${mux.frames} video frames for the ${frames.length} sent`);
  try {
    await writeFile(opts.outPath, mux.bytes);
  } catch (e) {
    throw new NarizError('NARIZ_IO', `cannot write ${opts.outPath}: ${(e as Error).message}`, { file: opts.outPath }, { cause: e });
  }
  return {
    outPath: opts.outPath, bytes: mux.bytes.length, frames: frames.length, frameRate: opts.frameRate, width, height, vehicle: scene.vehicle,
    simulatedText, videoPid: mux.videoPid, klvPid: mux.klvPid,
  };
}

/** Each frame's picture, rendered when ffmpeg wants it (one buffer of width·height·3 bytes at a time). */
function* pictures(frames: readonly FlightKlvFrame[], opts: FlightKlvOptions, width: number, height: number, scene: Scene): Generator<Uint8Array> {
  const plane = new LocalFrame({ lat: opts.centreLatDeg, lon: opts.centreLonDeg, alt: opts.groundElevM });
  const east = new Float64Array(4);
  const north = new Float64Array(4);
  for (const f of frames) {
    const p = f.fields;
    const corners = [[p.cornerLat1Deg, p.cornerLon1Deg], [p.cornerLat2Deg, p.cornerLon2Deg], [p.cornerLat3Deg, p.cornerLon3Deg], [p.cornerLat4Deg, p.cornerLon4Deg]];
    corners.forEach(([la, lo], k) => ([east[k], north[k]] = plane.project(la!, lo!)));
    const toGround = squareToQuad(east, north);
    if (toGround === undefined) throw new NarizError('NARIZ_BAD_SCENARIO', `frame ${f.index}: the footprint is not a convex quadrilateral`);
    const rgb = new Uint8Array(width * height * 3);
    renderFrame(toGround, width, height, f.tS, scene, rgb);
    yield rgb;
  }
}

/** Runs ffmpeg with `input` on its stdin; its stdout. */
function encode(ffmpeg: string, args: string[], input: Iterable<Uint8Array>): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const child = spawn(ffmpeg, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    let failed = false;
    const fail = (e: NarizError): void => {
      if (failed) return;
      failed = true;
      child.kill('SIGKILL');
      reject(e);
    };
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => {
      if (err.length < 4000) err += b.toString();
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      fail(new NarizError('NARIZ_FFMPEG', e.code === 'ENOENT' ? `${ffmpeg} not found: install ffmpeg (bash scripts/setup-ffmpeg.sh) or give its path` : `cannot run ${ffmpeg}: ${e.message}`, undefined, { cause: e }));
    });
    child.stdin.on('error', () => {
      // EPIPE when ffmpeg exits early: its exit status and stderr say why.
    });
    child.on('close', (code) => {
      if (failed) return;
      if (code !== 0) fail(new NarizError('NARIZ_FFMPEG', `${ffmpeg} exited with ${code}: ${err.trim().split('\n').slice(-3).join(' | ')}`));
      else resolve(new Uint8Array(Buffer.concat(out)));
    });
    const feed = async (): Promise<void> => {
      for (const chunk of input) {
        if (failed) return;
        if (!child.stdin.write(chunk)) {
          await new Promise<void>((resume) => {
            const go = (): void => {
              child.stdin.off('drain', go);
              child.stdin.off('close', go);
              resume();
            };
            child.stdin.on('drain', go);
            child.stdin.on('close', go);
          });
        }
      }
      child.stdin.end();
    };
    feed().catch((e: unknown) => fail(e instanceof NarizError ? e : new NarizError('NARIZ_FFMPEG', `feeding ${ffmpeg}: ${(e as Error).message}`, undefined, { cause: e })));
  });
}

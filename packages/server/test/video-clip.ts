/**
 * Small drone-like clips for the video tests, made with the real tools:
 * ffmpeg encodes SMPTE bars (a static scene) with a white box moving
 * across it for a known interval, and our muxer puts the video in a
 * transport stream with one MISB ST 0601 packet per frame (sensor south of
 * the frame centre, looking north, corner points of a square footprint
 * around the centre), or with no KLV at all.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeSt0601Fields, framePts, muxVideoWithKlv } from '@nariz/formats';

export const hasFfmpeg = spawnSync('ffmpeg', ['-version']).status === 0 && spawnSync('ffprobe', ['-version']).status === 0;

export interface ClipOptions {
  readonly dir: string;
  readonly name: string;
  readonly seconds: number;
  readonly fps?: number;
  readonly size?: string;
  readonly codec?: 'h264' | 'mpeg2';
  /** Frame centre, degrees (default a field near Utrecht). */
  readonly centre?: { readonly lat: number; readonly lon: number };
  /** One ST 0601 packet per frame (default true). */
  readonly klv?: boolean;
  /** When the white box moves across the picture (s). */
  readonly box?: { readonly fromS: number; readonly toS: number };
}

export const CLIP_CENTRE = { lat: 52.0907, lon: 5.1214 };
/** Half the side of the square footprint, degrees of latitude (about 170 m). */
export const HALF_SIDE_DEG = 0.0015;
/** The footprint's upper-left corner relative to the centre: north-west (the camera looks north). */
export const UL_OFFSET = { lat: HALF_SIDE_DEG, lon: -HALF_SIDE_DEG };

function run(args: string[]): Buffer {
  const r = spawnSync('ffmpeg', args, { maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`ffmpeg ${args.join(' ')}: ${r.stderr.toString()}`);
  return r.stdout;
}

/** Writes the clip and returns its path. */
export function makeClip(o: ClipOptions): string {
  const fps = o.fps ?? 10;
  const codec = o.codec ?? 'h264';
  // overlay (not drawbox) evaluates its position per frame, so the box moves.
  const input = ['-f', 'lavfi', '-i', `smptebars=s=${o.size ?? '320x240'}:r=${fps}`];
  const filter =
    o.box === undefined
      ? ['-vf', 'format=yuv420p']
      : ['-f', 'lavfi', '-i', `color=c=white:s=40x40:r=${fps}`, '-filter_complex', `[0:v][1:v]overlay=x='20+60*(t-${o.box.fromS})':y=H/2:enable='between(t,${o.box.fromS},${o.box.toS})',format=yuv420p`];
  const enc = codec === 'h264' ? ['-c:v', 'libx264', '-preset', 'ultrafast', '-bf', '0', '-g', String(fps), '-pix_fmt', 'yuv420p', '-bsf:v', 'h264_mp4toannexb', '-f', 'h264'] : ['-c:v', 'mpeg2video', '-bf', '0', '-g', String(fps), '-q:v', '4', '-f', 'mpeg2video'];
  const es = run(['-v', 'error', ...input, ...filter, '-t', String(o.seconds), ...enc, '-']);
  const frames = Math.round(o.seconds * fps);
  const c = o.centre ?? CLIP_CENTRE;
  const klv =
    o.klv === false
      ? []
      : Array.from({ length: frames }, (_, i) => ({
          pts: framePts(i, fps, 63000),
          bytes: encodeSt0601Fields({
            precisionTimeStampUs: 1_790_000_000_000_000 + Math.round((i * 1e6) / fps),
            platformHeadingDeg: 0,
            sensorLatDeg: c.lat - 0.004,
            sensorLonDeg: c.lon,
            sensorTrueAltitudeM: 300,
            sensorHfovDeg: 40,
            sensorVfovDeg: 30,
            frameCenterLatDeg: c.lat,
            frameCenterLonDeg: c.lon,
            frameCenterElevationM: 5,
            cornerLat1Deg: c.lat + UL_OFFSET.lat, cornerLon1Deg: c.lon + UL_OFFSET.lon,
            cornerLat2Deg: c.lat + HALF_SIDE_DEG, cornerLon2Deg: c.lon + HALF_SIDE_DEG,
            cornerLat3Deg: c.lat - HALF_SIDE_DEG, cornerLon3Deg: c.lon + HALF_SIDE_DEG,
            cornerLat4Deg: c.lat - HALF_SIDE_DEG, cornerLon4Deg: c.lon - HALF_SIDE_DEG,
          }),
        }));
  const ts = muxVideoWithKlv({ video: { codec, bytes: new Uint8Array(es), frameRate: fps }, klv });
  const path = join(o.dir, o.name);
  writeFileSync(path, ts.bytes);
  return path;
}

/** ffprobe's view of a file's streams. */
export function probeStreams(path: string): Array<{ codec_name?: string; codec_type: string; width?: number; height?: number }> {
  const r = spawnSync('ffprobe', ['-v', 'error', '-show_streams', '-of', 'json', path]);
  if (r.status !== 0) throw new Error(`ffprobe ${path}: ${r.stderr.toString()}`);
  return (JSON.parse(r.stdout.toString()) as { streams: Array<{ codec_name?: string; codec_type: string }> }).streams;
}

export const readBytes = (path: string): Buffer => readFileSync(path);

/**
 * A motion cue over a video: ffmpeg decodes the browser-playable MP4 to
 * small grey frames (`fps=F,scale=160:H,format=gray`, raw bytes on a pipe),
 * each pushed into MotionCue with its time; the result is the cue's
 * segments, each labelled `"kind": "motion-cue"` (a cue for an analyst to
 * look, not a detection).
 *
 * H is 160 × height/width rounded to an even number, computed here from
 * ffprobe's frame size rather than left to ffmpeg's `-2`, so the byte
 * count of a frame is known before the first one arrives.
 */
import { NarizError } from '@nariz/core';
import { probe, runTool, type FfmpegTools } from './ffmpeg.js';
import { MotionCue } from './fmv-bridge.js';
import { DEFAULT_MOTION_FPS, type MotionJobOptions } from './motion-options.js';

/** Decoded width: enough for a cue (MotionCue works at 160×90), small enough to run faster than real time. */
export const MOTION_WIDTH = 160;

export interface MotionSegmentJson {
  readonly kind: 'motion-cue';
  readonly start_s: number;
  readonly end_s: number;
  readonly peak_score: number;
  readonly mean_score: number;
}

export interface MotionResult {
  readonly segments: MotionSegmentJson[];
  /** Frames decoded and scored. */
  readonly frames: number;
  readonly fps: number;
  readonly width: number;
  readonly height: number;
  readonly roi: MotionJobOptions['roi'];
}

async function frameSize(t: FfmpegTools, input: string, signal: AbortSignal | undefined): Promise<{ width: number; height: number }> {
  const out = await probe(t, ['-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=width,height', '-of', 'json', input], signal);
  const s = (JSON.parse(out) as { streams?: Array<{ width?: number; height?: number }> }).streams?.[0];
  if (s?.width === undefined || s.height === undefined || s.width <= 0 || s.height <= 0) throw new NarizError('NARIZ_FFMPEG', `ffprobe found no video frame size in ${input}`);
  return { width: s.width, height: s.height };
}

export async function runMotionCue(
  t: FfmpegTools,
  input: string,
  o: MotionJobOptions & { readonly durationS?: number; readonly signal?: AbortSignal; readonly onProgress?: (fraction: number) => void },
): Promise<MotionResult> {
  const fps = o.fps ?? DEFAULT_MOTION_FPS;
  const src = await frameSize(t, input, o.signal);
  const width = MOTION_WIDTH;
  const height = Math.max(16, 2 * Math.round((MOTION_WIDTH * src.height) / src.width / 2));
  const cue = new MotionCue({
    width, height, roi: o.roi,
    ...(o.threshold !== undefined ? { threshold: o.threshold } : {}),
    ...(o.min_fraction !== undefined ? { minFraction: o.min_fraction } : {}),
    ...(o.min_duration_s !== undefined ? { minDurationS: o.min_duration_s } : {}),
  });
  const size = width * height;
  const frame = new Uint8Array(size);
  let filled = 0;
  let frames = 0;
  await runTool(
    t.ffmpeg,
    ['-nostdin', '-v', 'error', '-i', input, '-map', '0:v:0', '-vf', `fps=${fps},scale=${width}:${height},format=gray`, '-f', 'rawvideo', '-pix_fmt', 'gray', 'pipe:1'],
    {
      ...(o.signal !== undefined ? { signal: o.signal } : {}),
      onStdout: (b) => {
        // Pipe chunks do not follow frame boundaries: fill one frame at a time.
        let at = 0;
        while (at < b.length) {
          const n = Math.min(size - filled, b.length - at);
          frame.set(b.subarray(at, at + n), filled);
          filled += n;
          at += n;
          if (filled === size) {
            // The fps filter emits frame k at k/fps s of the video (player time).
            cue.push(frames / fps, frame);
            frames++;
            filled = 0;
            if (o.durationS !== undefined && o.durationS > 0) o.onProgress?.(Math.min(1, frames / fps / o.durationS));
          }
        }
      },
    },
  );
  const segments = cue.finish().map((s) => ({ kind: 'motion-cue' as const, start_s: s.startS, end_s: s.endS, peak_score: s.peakScore, mean_score: s.meanScore }));
  return { segments, frames, fps, width, height, roi: o.roi };
}

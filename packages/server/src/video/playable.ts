/**
 * The browser-playable file of a video: an MP4 with its index at the front
 * (`+faststart`, so a browser can start and seek before it has the whole
 * file). H.264 is copied as it is (a transmux: seconds, no quality lost);
 * anything else, or H.264 that will not copy cleanly, is transcoded to
 * H.264 (libx264 veryfast, CRF 23, yuv420p: what every browser decodes).
 * Only the first video stream is kept (KLV has no place in an MP4 for
 * browsers; it is served from the store).
 *
 * Made once: an existing MP4 is returned as it is, never re-encoded. ffmpeg
 * writes `media.mp4.part`, renamed into place when complete, so a crash
 * leaves no half file under the real name.
 */
import { open, rename, rm, stat } from 'node:fs/promises';
import { NarizError } from '@nariz/core';
import { runTool, type FfmpegTools } from './ffmpeg.js';

export type PlayableOutcome = 'cached' | 'transmuxed' | 'transcoded';

export interface PlayableOptions {
  /** As the demuxer names it (h264 is copied). */
  readonly codec: string | undefined;
  /** For progress (0..1 from ffmpeg's out_time); unknown: no progress. */
  readonly durationS: number | undefined;
  readonly signal?: AbortSignal;
  readonly onProgress?: (fraction: number) => void;
}

const COPY = ['-c', 'copy'];
const X264 = ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p'];

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).size > 0;
  } catch {
    return false;
  }
}

export async function makePlayable(t: FfmpegTools, input: string, output: string, o: PlayableOptions): Promise<PlayableOutcome> {
  if (await exists(output)) return 'cached';
  const part = `${output}.part`;
  const run = async (codecArgs: readonly string[]): Promise<void> => {
    let carry = '';
    await runTool(
      t.ffmpeg,
      ['-nostdin', '-v', 'error', '-y', '-i', input, '-map', '0:v:0', ...codecArgs, '-movflags', '+faststart', '-f', 'mp4', '-progress', 'pipe:1', '-nostats', part],
      {
        ...(o.signal !== undefined ? { signal: o.signal } : {}),
        onStdout: (b) => {
          // `-progress` writes key=value lines; out_time_us is how far into the video the output is.
          const text = carry + b.toString('latin1');
          const lines = text.split('\n');
          carry = lines.pop() ?? '';
          for (const l of lines) {
            const m = /^out_time_us=(\d+)/.exec(l);
            if (m !== null && o.durationS !== undefined && o.durationS > 0) o.onProgress?.(Math.min(1, Number(m[1]) / 1e6 / o.durationS));
          }
        },
      },
    );
  };
  try {
    let outcome: PlayableOutcome = 'transcoded';
    if (o.codec === 'h264') {
      try {
        await run(COPY);
        outcome = 'transmuxed';
      } catch (err) {
        if (!(err instanceof NarizError)) throw err;
        // Copying failed (a broken stream the MP4 muxer will not take): decode and encode instead.
        await run(X264);
      }
    } else {
      await run(X264);
    }
    // On disk before it is the video's file: the store will say the video is ready.
    const h = await open(part, 'r+');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
    await rename(part, output);
    return outcome;
  } catch (err) {
    await rm(part, { force: true });
    throw err;
  }
}

/**
 * Processing one uploaded video, in two steps:
 *
 *   1. metadata: the transport stream is read from disk as a stream
 *      (readVideoFrames) into the per-frame columns, stored as one BLOB with
 *      the report, the duration, the codec and the footprint's bounds;
 *   2. the browser-playable MP4 (playable.ts), made once.
 *
 * Then the video is ready. A file without KLV is ready too, its report
 * saying there is no metadata. A failure that belongs to the file (not a
 * transport stream, no video stream ffmpeg can read) marks the video failed
 * with the reason; an abort (the server stopping) leaves it `processing`,
 * and the next start does it again from step 1 (step 2 finds its MP4 if it
 * was made).
 */
import { createReadStream } from 'node:fs';
import { NarizError } from '@nariz/core';
import type { VideoFailure, VideoPatch, VideoRecord } from '@nariz/store';
import type { FfmpegTools } from './ffmpeg.js';
import { encodeVideoFrames, footprintBounds, readVideoFrames } from './fmv-bridge.js';
import { makePlayable } from './playable.js';
import type { VideoFiles } from './video-files.js';
import { videoReportJson } from './video-report.js';

export interface VideoWork {
  readonly files: VideoFiles;
  readonly tools: FfmpegTools;
  readonly signal: AbortSignal;
  /** Stores a change of the video, in order with the progress writes; undefined when the video is gone. */
  readonly save: (patch: VideoPatch) => Promise<VideoRecord | undefined>;
  /** 0..1 and what is being done (published live; stored now and then). */
  readonly progress: (fraction: number, message: string) => void;
  /** A failure that is not the file's (a bug): logged in full, shown as internal. */
  readonly logInternal: (err: unknown) => void;
}

/** Metadata extraction is about half the work of a transmux; a transcode takes longer, but shows its own progress. */
const METADATA_SHARE = 0.5;

function failureOf(err: unknown, w: VideoWork): VideoFailure {
  if (err instanceof NarizError) return { code: err.code, message: err.message };
  if (err instanceof Error && 'code' in err && (err.code === 'ENOENT' || err.code === 'EACCES')) return { code: 'NARIZ_IO', message: `the uploaded file cannot be read: ${err.message}` };
  w.logInternal(err);
  return { code: 'NARIZ_INTERNAL', message: 'internal error (logged)' };
}

/** The video afterwards (ready or failed), or undefined when it was deleted meanwhile. Rethrows when aborted. */
export async function processVideo(w: VideoWork, v: VideoRecord): Promise<VideoRecord | undefined> {
  const fail = async (err: unknown): Promise<VideoRecord | undefined> => {
    if (w.signal.aborted) throw err;
    const failure = failureOf(err, w);
    return w.save({ status: 'failed', failure, message: 'failed' });
  };
  if ((await w.save({ status: 'processing', progress: 0, message: 'reading metadata' })) === undefined) return undefined;
  const original = w.files.abs(v.originalPath);
  let extracted: { codec: string | undefined; durationS: number; report: Record<string, unknown> };
  try {
    w.progress(0, 'reading metadata');
    const { frames, report } = await readVideoFrames(createReadStream(original, { highWaterMark: 1 << 20 }), {
      signal: w.signal,
      onProgress: (bytes) => w.progress((METADATA_SHARE * bytes) / Math.max(1, v.byteSize), 'reading metadata'),
    });
    const bounds = footprintBounds(frames);
    extracted = { codec: report.videoCodec, durationS: report.durationS, report: videoReportJson(report, frames) };
    const saved = await w.save({
      frames: encodeVideoFrames(frames),
      frameCount: frames.count,
      durationS: report.durationS,
      ...(report.videoCodec !== undefined ? { codec: report.videoCodec } : {}),
      report: extracted.report,
      ...(bounds !== undefined ? { bounds } : {}),
      progress: METADATA_SHARE,
      message: 'making the browser-playable MP4',
    });
    if (saved === undefined) return undefined;
  } catch (err) {
    return fail(err);
  }
  try {
    w.progress(METADATA_SHARE, 'making the browser-playable MP4');
    const mediaRel = w.files.mediaRel(v.id);
    const outcome = await makePlayable(w.tools, original, w.files.abs(mediaRel), {
      codec: extracted.codec,
      durationS: extracted.durationS,
      signal: w.signal,
      onProgress: (f) => w.progress(METADATA_SHARE + (1 - METADATA_SHARE) * f, 'making the browser-playable MP4'),
    });
    const note = extracted.report['note'];
    return await w.save({
      status: 'ready',
      progress: 1,
      message: typeof note === 'string' ? `ready; ${note}` : 'ready',
      mediaPath: mediaRel,
      report: { ...extracted.report, playable: outcome },
    });
  } catch (err) {
    if (err instanceof NarizError && err.code === 'NARIZ_FFMPEG') {
      // ffmpeg names its input by its path on this server: say the video's name instead.
      const said = err.message.split(original).join(v.name);
      return fail(extracted.codec === undefined ? new NarizError('NARIZ_MPEGTS', `no video stream the server can play (the demuxer found none; ${said})`) : new NarizError('NARIZ_FFMPEG', said));
    }
    return fail(err);
  }
}

/**
 * A whole transport stream from a video elementary stream and KLV units:
 * what the simulator uses for its demo video (ffmpeg's test source encoded
 * to H.264, our KLV describing the simulated flight).
 *
 * Frames are timed from the frame rate in decode order, PTS = DTS: right
 * for streams without reordering (H.264 with `-bf 0`, baseline profile;
 * MPEG-2 without B pictures). For B-frames, call `TsMuxer.writeVideo` with
 * each frame's own PTS and DTS. Each KLV unit is written just before the
 * first frame whose PTS is not earlier than its own.
 */
import { splitAccessUnits, type ElementaryCodec } from './annexb.js';
import { TsMuxer, type TsMuxerOptions } from './muxer.js';
import { PTS_HZ } from './packet.js';
import type { KlvCarriage } from './stream-types.js';

export interface MuxVideoKlvInput {
  readonly video: {
    readonly codec: ElementaryCodec;
    /** The elementary stream: Annex B for H.264/HEVC. */
    readonly bytes: Uint8Array;
    /** Frames per second (25, 30000/1001, …). */
    readonly frameRate: number;
    /** PTS of the first frame (default 63,000 ticks: 0.7 s, so the PCR can start at 0). */
    readonly startPts?: number;
  };
  /** KLV units (each one or more whole KLV packets) with their PTS; written in PTS order. */
  readonly klv: ReadonlyArray<{ readonly bytes: Uint8Array; readonly pts: number }>;
  /** Default 'async'. */
  readonly carriage?: KlvCarriage;
  readonly muxer?: Omit<TsMuxerOptions, 'video' | 'klv'> & { readonly videoPid?: number; readonly klvPid?: number };
}

export interface MuxVideoKlvResult {
  readonly bytes: Uint8Array;
  readonly frames: number;
  /** PTS of each frame, in order. */
  readonly framePts: number[];
  readonly videoPid: number;
  readonly klvPid: number;
}

/** The PTS of frame `i` at `frameRate`, rounded to a tick. */
export function framePts(i: number, frameRate: number, startPts: number): number {
  return startPts + Math.round((i * PTS_HZ) / frameRate);
}

export function muxVideoWithKlv(input: MuxVideoKlvInput): MuxVideoKlvResult {
  const { video } = input;
  const m = input.muxer ?? {};
  const mux = new TsMuxer({
    ...m,
    video: { codec: video.codec, ...(m.videoPid !== undefined ? { pid: m.videoPid } : {}) },
    klv: [{ carriage: input.carriage ?? 'async', ...(m.klvPid !== undefined ? { pid: m.klvPid } : {}) }],
  });
  const units = splitAccessUnits(video.bytes, video.codec);
  const klv = input.klv.map((k, i) => ({ ...k, i })).sort((a, b) => a.pts - b.pts || a.i - b.i);
  const startPts = video.startPts ?? 63000;
  const parts: Uint8Array[] = [];
  const times: number[] = [];
  let next = 0;
  for (let i = 0; i < units.length; i++) {
    const pts = framePts(i, video.frameRate, startPts);
    times.push(pts);
    while (next < klv.length && klv[next]!.pts <= pts) {
      parts.push(mux.writeKlv(klv[next]!.bytes, klv[next]!.pts));
      next++;
    }
    const u = units[i]!;
    parts.push(mux.writeVideo({ bytes: u.bytes, pts, keyframe: u.keyframe }));
  }
  for (; next < klv.length; next++) parts.push(mux.writeKlv(klv[next]!.bytes, klv[next]!.pts));
  let total = 0;
  for (const p of parts) total += p.length;
  const bytes = new Uint8Array(total);
  let o = 0;
  for (const p of parts) {
    bytes.set(p, o);
    o += p.length;
  }
  return { bytes, frames: units.length, framePts: times, videoPid: mux.videoPid!, klvPid: mux.klvPids[0]! };
}

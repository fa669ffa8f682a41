/**
 * Telemetry files and streams in, frames out: a tlog (timestamped records)
 * or a raw MAVLink byte stream (a capture of what came over UDP or a serial
 * link). `readTlog` decodes bytes already in memory; the stream and file
 * readers hand frames over piece by piece, so a log of any size is read in
 * constant memory.
 */
import { createReadStream } from 'node:fs';
import { NarizError } from '@nariz/core';
import type { DecoderStats } from './decoder-stats.js';
import { MavlinkDecoder } from './decoder.js';
import type { MavlinkDialect } from './dialect.js';
import type { MavlinkFrame } from './frame.js';
import { TlogDecoder, type TlogOptions } from './tlog-decoder.js';
import type { MavlinkWarning } from './warnings.js';

export type TelemetryFormat = 'tlog' | 'raw';

export interface TelemetryReadOptions extends TlogOptions {
  /** `tlog` (default): 8-byte time before each packet; `raw`: packets only (`lenient` does not apply). */
  format?: TelemetryFormat;
  dialect?: MavlinkDialect;
}

export interface TelemetryReadResult {
  readonly stats: DecoderStats;
  readonly warnings: MavlinkWarning[];
}

/** What both decoders offer. */
export interface FrameDecoder {
  push(chunk: Uint8Array): MavlinkFrame[];
  end(): MavlinkFrame[];
  readonly stats: DecoderStats;
  warnings(): MavlinkWarning[];
}

export function createFrameDecoder(opts: TelemetryReadOptions = {}): FrameDecoder {
  return (opts.format ?? 'tlog') === 'tlog' ? new TlogDecoder(opts) : new MavlinkDecoder(opts.dialect !== undefined ? { dialect: opts.dialect } : {});
}

/** Every frame of a whole tlog in memory, with its record time. */
export function readTlog(bytes: Uint8Array, opts: TlogOptions = {}): TelemetryReadResult & { readonly frames: MavlinkFrame[] } {
  const d = new TlogDecoder(opts);
  const frames = d.push(bytes);
  for (const f of d.end()) frames.push(f);
  return { frames, stats: d.stats, warnings: d.warnings() };
}

/**
 * Decodes a stream of byte chunks (a Readable, or any iterable of chunks),
 * handing each chunk's frames to `onFrames` before reading on.
 */
export async function readTelemetryStream(
  stream: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  opts: TelemetryReadOptions,
  onFrames: (frames: MavlinkFrame[]) => void,
): Promise<TelemetryReadResult> {
  const d = createFrameDecoder(opts);
  for await (const chunk of stream) {
    const frames = d.push(chunk);
    if (frames.length > 0) onFrames(frames);
  }
  const last = d.end();
  if (last.length > 0) onFrames(last);
  return { stats: d.stats, warnings: d.warnings() };
}

/** As readTelemetryStream, from a file read in 1 MiB pieces; a file that cannot be read is NARIZ_IO. */
export async function readTelemetryFile(path: string, opts: TelemetryReadOptions, onFrames: (frames: MavlinkFrame[]) => void): Promise<TelemetryReadResult> {
  try {
    return await readTelemetryStream(createReadStream(path, { highWaterMark: 1 << 20 }) as AsyncIterable<Uint8Array>, { fileName: path, ...opts }, onFrames);
  } catch (e) {
    if (e instanceof NarizError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (typeof code === 'string') throw new NarizError('NARIZ_IO', `cannot read ${path}: ${(e as Error).message}`, { file: path }, { cause: e });
    throw e;
  }
}

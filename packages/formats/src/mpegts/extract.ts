/**
 * Whole inputs: `demuxTs` for bytes in memory, `extractMetadata` for a file
 * or stream of any size in constant memory. `extractMetadata` is the fast
 * path the platform runs on uploaded videos: only PSI and KLV PIDs are
 * reassembled; video packets are counted for continuity and their payloads
 * never touched.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { NarizError } from '@nariz/core';
import type { DemuxStats } from './demux-stats.js';
import { TsDemuxer, type TsDemuxerOptions } from './demuxer.js';
import type { DemuxEvent, KlvEvent, ProgramInfo } from './events.js';

export interface DemuxResult {
  readonly events: DemuxEvent[];
  readonly programs: ProgramInfo[];
  readonly stats: DemuxStats;
}

/** Every event of a whole transport stream in memory. */
export function demuxTs(bytes: Uint8Array, opts: TsDemuxerOptions = {}): DemuxResult {
  const d = new TsDemuxer(opts);
  const events = d.push(bytes);
  for (const e of d.end()) events.push(e);
  return { events, programs: d.programList, stats: d.stats };
}

export interface ExtractMetadataResult {
  /** The programs as last seen (their KLV streams among `streams`). */
  readonly programs: ProgramInfo[];
  readonly stats: DemuxStats;
}

/** Bytes read from a file per call (one buffer, reused). */
const READ_BYTES = 1 << 20;

/**
 * Hands each KLV unit of a transport stream to `onKlv`, in stream order.
 * `source` is a file path (read in 1 MiB pieces into one reused buffer) or
 * any iterable of byte chunks (a Readable). A file that cannot be read is
 * NARIZ_IO; input that is not a transport stream is NARIZ_MPEGTS.
 */
export async function extractMetadata(
  source: string | AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  onKlv: (e: KlvEvent) => void,
  opts: Omit<TsDemuxerOptions, 'video'> = {},
): Promise<ExtractMetadataResult> {
  const d = new TsDemuxer({ ...opts, video: false, ...(typeof source === 'string' && opts.fileName === undefined ? { fileName: source } : {}) });
  const hand = (events: DemuxEvent[]): void => {
    for (const e of events) if (e.kind === 'klv') onKlv(e);
  };
  if (typeof source === 'string') {
    let fh: FileHandle;
    try {
      fh = await open(source, 'r');
    } catch (e) {
      throw new NarizError('NARIZ_IO', `cannot read ${source}: ${(e as Error).message}`, { file: source }, { cause: e });
    }
    try {
      const buf = new Uint8Array(READ_BYTES);
      for (;;) {
        let bytesRead: number;
        try {
          ({ bytesRead } = await fh.read(buf, 0, READ_BYTES, null));
        } catch (e) {
          throw new NarizError('NARIZ_IO', `cannot read ${source}: ${(e as Error).message}`, { file: source }, { cause: e });
        }
        if (bytesRead === 0) break;
        hand(d.push(bytesRead === READ_BYTES ? buf : buf.subarray(0, bytesRead)));
      }
    } finally {
      await fh.close();
    }
  } else {
    for await (const chunk of source) hand(d.push(chunk));
  }
  hand(d.end());
  return { programs: d.programList, stats: d.stats };
}

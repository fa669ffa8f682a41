/**
 * A video's per-frame metadata from its transport stream: every ST 0601
 * packet of the first KLV stream that carries any (other KLV streams, a
 * second sensor say, are ignored), with its time on the video's clock,
 * into VideoFrames. The only I/O is the byte source; memory is the demuxer's
 * bounded state plus the rows.
 *
 * KLV packets may continue from one PES into the next (SMPTE RP 217), so
 * each KLV PID's units are concatenated into a KlvStreamParser, and a
 * packet takes the PTS (and program clock) of the unit it starts in.
 *
 * The clock, one for the whole stream (VideoFramesReport.timeSource):
 * - 'pts' when every ST 0601 packet came with a PTS: seconds after the
 *   first PTS of the video stream (of the KLV when there is no video);
 * - else 'timestamp' when every packet has a Precision Time Stamp: seconds
 *   after the first packet's;
 * - else 'pcr': the program clock when the unit arrived, after the first.
 * When no source covers every packet, the one covering most is used and
 * the packets it does not cover are dropped (counted in `undecodable`).
 */
import { TsDemuxer, KlvStreamParser, uasView, type DemuxEvent, type KlvEvent, type KlvStreamPacket } from '@nariz/formats';
import { frameRecord, type FrameRecord } from './frame-record.js';
import { SCALAR_COLUMNS, allocateFrames, type VideoFrames, type VideoFramesReport } from './video-frames.js';

export interface ReadVideoFramesOptions {
  readonly signal?: AbortSignal;
  /** Called after each chunk with the bytes read so far. */
  readonly onProgress?: (bytes: number) => void;
}

const TICKS_PER_S = 90_000;
/** A stream names its mission once per packet; a handful of distinct ids is plenty to report. */
const MAX_MISSION_IDS = 8;

interface Row {
  readonly record: FrameRecord;
  readonly pts: number | undefined;
  readonly pcr: number | undefined;
  readonly checksumError: boolean;
}

interface KlvUnit {
  /** Offset of the unit's first byte in the PID's concatenated KLV bytes. */
  readonly start: number;
  readonly pts: number | undefined;
  readonly pcr: number | undefined;
}

/** One KLV PID: its parser and the units whose bytes may still start a packet. */
class KlvPidState {
  readonly parser = new KlvStreamParser();
  readonly rows: Row[] = [];
  /** Mission ids (item 3) seen, at most MAX_MISSION_IDS. */
  readonly missionIds = new Set<string>();
  private units: KlvUnit[] = [];
  private head = 0;
  private pushed = 0;

  push(e: KlvEvent): void {
    this.units.push({ start: this.pushed, pts: e.pts, pcr: e.pcr });
    this.pushed += e.bytes.length;
    this.take(this.parser.push(e.bytes));
  }

  end(): void {
    this.take(this.parser.end());
  }

  private take(packets: KlvStreamPacket[]): void {
    for (const p of packets) {
      if (p.kind !== 'st0601') continue;
      // Packets come out in stream order: drop the units that end before this one starts.
      while (this.head + 1 < this.units.length && this.units[this.head + 1]!.start <= p.offset) this.head++;
      const unit = this.units[this.head]!;
      const view = uasView(p.packet);
      if (view.missionId !== undefined && this.missionIds.size < MAX_MISSION_IDS) this.missionIds.add(view.missionId);
      this.rows.push({ record: frameRecord(view), pts: unit.pts, pcr: unit.pcr, checksumError: !p.packet.checksum.ok });
    }
    if (this.head > 1024) {
      this.units = this.units.slice(this.head);
      this.head = 0;
    }
  }
}

interface VideoPidState {
  readonly pid: number;
  readonly programNumber: number;
  readonly codec: string;
  minPts: number;
  maxPts: number;
  count: number;
}

export async function readVideoFrames(
  source: AsyncIterable<Uint8Array>,
  opts: ReadVideoFramesOptions = {},
): Promise<{ frames: VideoFrames; report: VideoFramesReport }> {
  const demux = new TsDemuxer({ video: true });
  const klv = new Map<number, KlvPidState>();
  const klvProgram = new Map<number, number>();
  const videos = new Map<number, VideoPidState>();
  let bytes = 0;
  const hand = (events: DemuxEvent[]): void => {
    for (const e of events) {
      if (e.kind === 'klv') {
        let s = klv.get(e.pid);
        if (s === undefined) {
          s = new KlvPidState();
          klv.set(e.pid, s);
          klvProgram.set(e.pid, e.programNumber);
        }
        s.push(e);
      } else if (e.kind === 'video' && e.pts !== undefined) {
        const v = videos.get(e.pid) ?? { pid: e.pid, programNumber: e.programNumber, codec: e.codec, minPts: Infinity, maxPts: -Infinity, count: 0 };
        videos.set(e.pid, v);
        v.minPts = Math.min(v.minPts, e.pts);
        v.maxPts = Math.max(v.maxPts, e.pts);
        v.count++;
      }
    }
  };
  for await (const chunk of source) {
    opts.signal?.throwIfAborted();
    bytes += chunk.length;
    hand(demux.push(chunk));
    opts.onProgress?.(bytes);
  }
  opts.signal?.throwIfAborted();
  hand(demux.end());
  for (const s of klv.values()) s.end();

  // The first KLV PID, in PID order, that carried ST 0601.
  let klvPid: number | undefined;
  for (const [pid, s] of [...klv].sort((a, b) => a[0] - b[0])) {
    if (s.rows.length > 0) {
      klvPid = pid;
      break;
    }
  }
  const rows = klvPid === undefined ? [] : klv.get(klvPid)!.rows;
  let undecodable = 0;
  for (const s of klv.values()) undecodable += s.parser.stats.malformed + s.parser.stats.truncated;

  const program = klvPid === undefined ? undefined : klvProgram.get(klvPid);
  const videoList = [...videos.values()].sort((a, b) => a.pid - b.pid);
  const video = videoList.find((v) => v.programNumber === program) ?? videoList[0];

  const withPts = rows.filter((r) => r.pts !== undefined).length;
  const withStamp = rows.filter((r) => Number.isFinite(r.record.unixUs)).length;
  const withPcr = rows.filter((r) => r.pcr !== undefined).length;
  const timeSource: VideoFramesReport['timeSource'] =
    withPts === rows.length ? 'pts' : withStamp === rows.length ? 'timestamp' : withPcr === rows.length ? 'pcr'
      : withPts >= withStamp && withPts >= withPcr ? 'pts' : withStamp >= withPcr ? 'timestamp' : 'pcr';
  const timeOf = (r: Row): number | undefined =>
    timeSource === 'pts' ? r.pts : timeSource === 'pcr' ? r.pcr : Number.isFinite(r.record.unixUs) ? r.record.unixUs : undefined;
  const timed: Array<{ row: Row; t: number; order: number }> = [];
  rows.forEach((row, order) => {
    const t = timeOf(row);
    if (t === undefined) undecodable++;
    else timed.push({ row, t, order });
  });
  let base = Infinity;
  if (timeSource === 'pts' && video !== undefined) base = video.minPts;
  else for (const x of timed) base = Math.min(base, x.t);
  const unit = timeSource === 'timestamp' ? 1e6 : TICKS_PER_S;
  timed.sort((a, b) => a.t - b.t || a.order - b.order);

  const frames = allocateFrames(timed.length);
  let checksumErrors = 0;
  timed.forEach(({ row, t }, i) => {
    const r = row.record;
    frames.tS[i] = (t - base) / unit;
    for (const name of SCALAR_COLUMNS) if (name !== 'tS') frames[name][i] = r[name];
    for (let k = 0; k < 4; k++) {
      frames.cornerLatDeg[4 * i + k] = r.cornerLatDeg[k]!;
      frames.cornerLonDeg[4 * i + k] = r.cornerLonDeg[k]!;
    }
    frames.footprintSource[i] = r.footprintSource;
    if (row.checksumError) {
      frames.checksumErrors[i] = 1;
      checksumErrors++;
    }
  });

  let durationS = 0;
  if (video !== undefined && video.count > 1) durationS = ((video.maxPts - video.minPts) * video.count) / (video.count - 1) / TICKS_PER_S;
  else if (frames.count > 1) durationS = frames.tS[frames.count - 1]! - frames.tS[0]!;
  const stats = demux.stats;
  const report: VideoFramesReport = {
    packets: rows.length, checksumErrors, undecodable, continuityErrors: stats.continuityErrors,
    ...(video !== undefined ? { videoCodec: video.codec, videoPid: video.pid } : {}),
    ...(klvPid !== undefined ? { klvPid } : {}),
    missionIds: klvPid === undefined ? [] : [...klv.get(klvPid)!.missionIds].sort(),
    durationS, bytes, timeSource,
  };
  return { frames, report };
}

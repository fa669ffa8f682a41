/**
 * The transport stream muxer: one program with a video stream and KLV
 * streams next to it, written call by call (each call returns the packets
 * it made, to append to a file or send).
 *
 * - PAT and PMT first, then again before the first PES at least half of
 *   `psiIntervalTicks` (default 100 ms) after the last ones: at 20 frames/s
 *   or more they are never further apart than the interval.
 * - Video: one PES per access unit (stream_id 0xE0, PES_packet_length 0 as
 *   usual for video), PTS and DTS, the PCR and random_access_indicator in
 *   the first packet's adaptation field. An H.264/HEVC access unit without
 *   an access unit delimiter gets one (ISO/IEC 13818-1 §2.14.1 requires it).
 * - Asynchronous KLV (SMPTE RP 217): stream_type 0x06 with registration
 *   descriptor 'KLVA', PES stream_id 0xBD (private_stream_1),
 *   data_alignment_indicator set, PTS when given.
 * - Synchronous KLV (MISB ST 1402, ISO/IEC 13818-1 §2.12): stream_type 0x15
 *   with metadata_descriptor and metadata_STD_descriptor, a
 *   metadata_pointer_descriptor in the program info; PES stream_id 0xFC
 *   with a PTS, its payload one metadata AU cell (complete, random access,
 *   sequence number counting per PID).
 *
 * The PCR is `pcrLeadTicks` behind the decode time of the PES it rides on
 * (never backwards), so every access unit arrives before it is due; it is
 * carried on the video PID, or on the first KLV PID when there is no video.
 * Frames must come at least every 100 ms for the PCR to meet the standard's
 * interval (any video frame rate does).
 */
import { NarizError } from '@nariz/core';
import { klvMetadataDescriptor, klvMetadataPointerDescriptor, metadataStdDescriptor, registrationDescriptor, KLVA } from './descriptors.js';
import { AU_CELL_HEADER_LENGTH, writeAuCellHeader } from './metadata-au.js';
import { PacketWriter } from './packetizer.js';
import { MAX_PES_PACKET_LENGTH, STREAM_ID_METADATA, STREAM_ID_PRIVATE_1, STREAM_ID_VIDEO, writePesHeader } from './pes.js';
import { NULL_PID, PAT_PID } from './packet.js';
import { writePat, writePmt, type PmtStreamEntry } from './psi-write.js';
import { STREAM_TYPE, type KlvCarriage } from './stream-types.js';
import type { ElementaryCodec } from './annexb.js';
import { TIMESTAMP_WRAP } from './timestamp.js';

export interface TsMuxerOptions {
  /** Default 1. */
  programNumber?: number;
  /** Default 1. */
  transportStreamId?: number;
  /** Default 0x1000 (ffmpeg's). */
  pmtPid?: number;
  /** The video stream (PID default 0x100). */
  video?: { readonly codec: ElementaryCodec; readonly pid?: number };
  /** KLV streams (PIDs default 0x101, 0x102, …); default none. */
  klv?: ReadonlyArray<{ readonly carriage: KlvCarriage; readonly pid?: number; readonly serviceId?: number }>;
  /** Longest wanted time between PAT/PMT repetitions (default 9,000 ticks: 100 ms); see the file comment. */
  psiIntervalTicks?: number;
  /** How far the PCR runs behind the decode time (default 63,000 ticks: 0.7 s, ffmpeg's default mux delay). */
  pcrLeadTicks?: number;
}

export interface VideoFrame {
  /** One access unit (Annex B for H.264/HEVC). */
  readonly bytes: Uint8Array;
  /** 90 kHz ticks; written modulo 2^33. */
  readonly pts: number;
  /** Default: the PTS (no reordering). */
  readonly dts?: number;
  /** Sets random_access_indicator (IDR/IRAP/I picture). */
  readonly keyframe?: boolean;
}

/** metadata_STD_descriptor values for the synchronous KLV stream: 1 Mbit/s in and out of a 64 KiB buffer (ample for ST 0601 at 30 Hz). */
const KLV_STD = { inputLeakRate: 2500, bufferSize: 64, outputLeakRate: 2500 } as const;
const H264_AUD = Uint8Array.of(0, 0, 0, 1, 0x09, 0xf0);
const HEVC_AUD = Uint8Array.of(0, 0, 0, 1, 0x46, 0x01, 0x50);
const EMPTY = new Uint8Array(0);

interface KlvOut {
  readonly pid: number;
  readonly carriage: KlvCarriage;
  readonly serviceId: number;
  sequence: number;
}

function usage(msg: string): never {
  throw new NarizError('NARIZ_USAGE', msg);
}

function checkPid(pid: number, what: string): number {
  if (!Number.isInteger(pid) || pid < 0x10 || pid >= NULL_PID) usage(`${what} PID ${pid} is outside 0x0010..0x1FFE (lower PIDs are reserved for tables)`);
  return pid;
}

function checkTime(t: number, what: string): void {
  if (!Number.isFinite(t) || t < 0) throw new NarizError('NARIZ_MPEGTS', `${what} ${t} is not a time in 90 kHz ticks (a finite number ≥ 0)`);
}

export class TsMuxer {
  readonly programNumber: number;
  readonly pmtPid: number;
  readonly videoPid: number | undefined;
  readonly pcrPid: number;
  private readonly codec: ElementaryCodec | undefined;
  private readonly klv: KlvOut[];
  private readonly pat: Uint8Array;
  private readonly pmt: Uint8Array;
  private readonly psiInterval: number;
  private readonly pcrLead: number;
  private readonly w = new PacketWriter();
  private lastPsi = -Infinity;
  private psiWritten = false;
  private lastPcr = -1;

  constructor(opts: TsMuxerOptions = {}) {
    this.programNumber = opts.programNumber ?? 1;
    if (!Number.isInteger(this.programNumber) || this.programNumber < 1 || this.programNumber > 0xffff) usage(`program number ${this.programNumber} is outside 1..65535`);
    this.pmtPid = checkPid(opts.pmtPid ?? 0x1000, 'PMT');
    this.codec = opts.video?.codec;
    this.videoPid = opts.video === undefined ? undefined : checkPid(opts.video.pid ?? 0x100, 'video');
    this.klv = (opts.klv ?? []).map((k, i) => ({ pid: checkPid(k.pid ?? 0x101 + i, 'KLV'), carriage: k.carriage, serviceId: k.serviceId ?? 0, sequence: 0 }));
    const pids = [this.pmtPid, ...(this.videoPid !== undefined ? [this.videoPid] : []), ...this.klv.map((k) => k.pid)];
    if (new Set(pids).size !== pids.length) usage(`PIDs must differ: PMT ${this.pmtPid}, video ${this.videoPid ?? '-'}, KLV ${this.klv.map((k) => k.pid).join(', ')}`);
    const first = this.videoPid ?? this.klv[0]?.pid;
    if (first === undefined) usage('a transport stream needs a video or a KLV stream');
    this.pcrPid = first;
    this.psiInterval = opts.psiIntervalTicks ?? 9000;
    this.pcrLead = opts.pcrLeadTicks ?? 63000;

    this.pat = writePat(opts.transportStreamId ?? 1, 0, [{ programNumber: this.programNumber, pmtPid: this.pmtPid }]);
    const streams: PmtStreamEntry[] = [];
    if (this.videoPid !== undefined) {
      const streamType = this.codec === 'h264' ? STREAM_TYPE.H264 : this.codec === 'hevc' ? STREAM_TYPE.HEVC : STREAM_TYPE.MPEG2_VIDEO;
      streams.push({ streamType, pid: this.videoPid, descriptors: [] });
    }
    const programDescriptors: number[] = [];
    for (const k of this.klv) {
      if (k.carriage === 'async') streams.push({ streamType: STREAM_TYPE.PRIVATE_PES, pid: k.pid, descriptors: registrationDescriptor(KLVA) });
      else {
        streams.push({ streamType: STREAM_TYPE.METADATA_PES, pid: k.pid, descriptors: [...klvMetadataDescriptor(k.serviceId), ...metadataStdDescriptor(KLV_STD)] });
        programDescriptors.push(...klvMetadataPointerDescriptor(k.serviceId, this.programNumber));
      }
    }
    this.pmt = writePmt(this.programNumber, 0, this.pcrPid, programDescriptors, streams);
  }

  /** The KLV PIDs, in the order of the options. */
  get klvPids(): number[] {
    return this.klv.map((k) => k.pid);
  }

  /** Packets written so far. */
  get packets(): number {
    return this.w.packets;
  }

  /** PAT and PMT now (they are also written on their own, see the file comment). */
  writeTables(): Uint8Array {
    this.tables();
    return this.w.take();
  }

  /** One video access unit as a PES. */
  writeVideo(frame: VideoFrame): Uint8Array {
    if (this.videoPid === undefined) usage('writeVideo on a muxer made without a video stream');
    checkTime(frame.pts, 'video PTS');
    const dts = frame.dts ?? frame.pts;
    checkTime(dts, 'video DTS');
    this.tablesDue(dts);
    const aud = this.codec === 'h264' ? (hasH264Aud(frame.bytes) ? EMPTY : H264_AUD) : this.codec === 'hevc' ? (hasHevcAud(frame.bytes) ? EMPTY : HEVC_AUD) : EMPTY;
    const header = writePesHeader({
      streamId: STREAM_ID_VIDEO, payloadLength: aud.length + frame.bytes.length, pts: frame.pts % TIMESTAMP_WRAP, dts: dts % TIMESTAMP_WRAP,
      unbounded: true, dataAlignment: true,
    });
    this.w.writePes(this.videoPid, [header, aud, frame.bytes], this.pcr(this.videoPid, dts), frame.keyframe === true);
    return this.w.take();
  }

  /**
   * KLV bytes (one or more whole KLV packets) as one PES on `pid` (default
   * the first KLV stream). Asynchronous KLV may go without a PTS;
   * synchronous KLV needs one. NARIZ_MPEGTS when the bytes do not fit one
   * PES (asynchronous: 65,532 bytes, 65,527 with a PTS; synchronous: 65,522).
   */
  writeKlv(bytes: Uint8Array, pts?: number, pid?: number): Uint8Array {
    const k = pid === undefined ? this.klv[0] : this.klv.find((x) => x.pid === pid);
    if (k === undefined) usage(pid === undefined ? 'writeKlv on a muxer made without a KLV stream' : `PID ${pid} is not a KLV stream of this muxer (${this.klvPids.join(', ')})`);
    if (pts !== undefined) checkTime(pts, 'KLV PTS');
    else if (k.carriage === 'sync') throw new NarizError('NARIZ_MPEGTS', 'synchronous KLV needs a PTS: its time is what ties it to a video frame');
    const cellLength = k.carriage === 'sync' ? AU_CELL_HEADER_LENGTH : 0;
    const ptsLength = pts === undefined ? 0 : 5;
    const room = MAX_PES_PACKET_LENGTH - 3 - ptsLength - cellLength;
    if (bytes.length > room) {
      throw new NarizError('NARIZ_MPEGTS', `a KLV unit of ${bytes.length} bytes does not fit one PES (at most ${room} bytes here); split it into several writeKlv calls of whole KLV packets`);
    }
    if (pts !== undefined) this.tablesDue(pts);
    else if (!this.psiWritten) this.tables();
    const header = writePesHeader({
      streamId: k.carriage === 'sync' ? STREAM_ID_METADATA : STREAM_ID_PRIVATE_1, payloadLength: cellLength + bytes.length,
      ...(pts !== undefined ? { pts: pts % TIMESTAMP_WRAP } : {}), dataAlignment: true,
    });
    let cell = EMPTY;
    if (k.carriage === 'sync') {
      cell = new Uint8Array(AU_CELL_HEADER_LENGTH);
      writeAuCellHeader(cell, 0, bytes.length, { serviceId: k.serviceId, sequenceNumber: k.sequence });
      k.sequence = (k.sequence + 1) & 0xff;
    }
    this.w.writePes(k.pid, [header, cell, bytes], k.pid === this.pcrPid && pts !== undefined ? this.pcr(k.pid, pts) : -1, false);
    return this.w.take();
  }

  private tablesDue(t: number): void {
    // Half the interval: with PES packets up to half an interval apart (any frame rate from 20 fps), tables are never further apart than the interval.
    if (!this.psiWritten || t - this.lastPsi >= this.psiInterval / 2) {
      this.tables();
      this.lastPsi = Math.max(this.lastPsi, t);
    }
  }

  private tables(): void {
    this.w.writeSection(PAT_PID, this.pat);
    this.w.writeSection(this.pmtPid, this.pmt);
    this.psiWritten = true;
  }

  /** The PCR (27 MHz) for a PES on `pid` decoded at `dts`, or -1 when the PID carries none. */
  private pcr(pid: number, dts: number): number {
    if (pid !== this.pcrPid) return -1;
    const pcr = Math.max(this.lastPcr, Math.max(0, dts - this.pcrLead) * 300);
    this.lastPcr = pcr;
    return pcr;
  }
}

/** The access unit starts with an access unit delimiter (after its start code). */
function hasH264Aud(au: Uint8Array): boolean {
  const h = au[2] === 1 ? 3 : au[3] === 1 ? 4 : -1;
  return h > 0 && (au[h]! & 0x1f) === 9;
}

function hasHevcAud(au: Uint8Array): boolean {
  const h = au[2] === 1 ? 3 : au[3] === 1 ? 4 : -1;
  return h > 0 && ((au[h]! >> 1) & 0x3f) === 35;
}

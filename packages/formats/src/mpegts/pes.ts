/**
 * The PES packet header (ISO/IEC 13818-1 §2.4.3.6–2.4.3.7):
 *
 *   00 00 01 stream_id(8) PES_packet_length(16)
 *   '10' scrambling(2) priority(1) data_alignment(1) copyright(1) original(1)
 *   PTS_DTS_flags(2) ESCR(1) ES_rate(1) DSM_trick_mode(1) copy_info(1) CRC(1) extension(1)
 *   PES_header_data_length(8)  PTS(40)  DTS(40)  … stuffing
 *
 * PES_packet_length counts the bytes after itself; 0 means "unbounded",
 * which the standard allows only for video in a transport stream: the PES
 * then ends where the next one starts. A few stream_ids (padding, private
 * stream 2, ECM/EMM, DSM-CC, H.222.1 type E, the directory) have no optional
 * header: their payload follows PES_packet_length.
 */
import { readTimestamp, writeTimestamp } from './timestamp.js';

export const STREAM_ID_PRIVATE_1 = 0xbd;
export const STREAM_ID_PADDING = 0xbe;
export const STREAM_ID_METADATA = 0xfc;
/** The first video stream_id (0xE0–0xEF). */
export const STREAM_ID_VIDEO = 0xe0;
/** start code prefix, stream_id, PES_packet_length. */
export const PES_PREFIX_LENGTH = 6;
/** …and the two flag bytes and PES_header_data_length. */
export const PES_OPTIONAL_HEADER_MIN = 9;
/** The most a PES_packet_length can count. */
export const MAX_PES_PACKET_LENGTH = 0xffff;

export const PES_NEED_MORE = -1;
export const PES_INVALID = -2;

function hasOptionalHeader(streamId: number): boolean {
  return !(streamId === 0xbc || streamId === 0xbe || streamId === 0xbf || streamId === 0xf0 || streamId === 0xf1 || streamId === 0xff || streamId === 0xf2 || streamId === 0xf8);
}

/** A parsed PES header (reused by the demuxer: one per PID, overwritten by each PES). */
export class PesHeader {
  streamId = 0;
  /** PES_packet_length; 0 for an unbounded (video) PES. */
  packetLength = 0;
  /** Bytes from the start code to the payload. */
  headerLength = 0;
  /** 33-bit PTS, or -1. */
  pts = -1;
  /** 33-bit DTS, or -1 (a PES with a PTS and no DTS decodes at its PTS). */
  dts = -1;
  dataAlignment = false;

  /**
   * Reads the header at b[s, e): the payload's offset from s, PES_NEED_MORE
   * when the header continues past e, or PES_INVALID (no start code, a
   * header longer than the packet it announces).
   */
  read(b: Uint8Array, s: number, e: number): number {
    const n = e - s;
    if (n < PES_PREFIX_LENGTH) return n >= 1 && b[s] !== 0 ? PES_INVALID : PES_NEED_MORE;
    if (b[s] !== 0 || b[s + 1] !== 0 || b[s + 2] !== 1) return PES_INVALID;
    this.streamId = b[s + 3]!;
    this.packetLength = (b[s + 4]! << 8) | b[s + 5]!;
    this.pts = -1;
    this.dts = -1;
    this.dataAlignment = false;
    if (!hasOptionalHeader(this.streamId)) {
      this.headerLength = PES_PREFIX_LENGTH;
      return PES_PREFIX_LENGTH;
    }
    if (n < PES_OPTIONAL_HEADER_MIN) return PES_NEED_MORE;
    const f1 = b[s + 6]!;
    const f2 = b[s + 7]!;
    const hdl = b[s + 8]!;
    if ((f1 & 0xc0) !== 0x80) return PES_INVALID;
    const total = PES_OPTIONAL_HEADER_MIN + hdl;
    if (this.packetLength !== 0 && total > PES_PREFIX_LENGTH + this.packetLength) return PES_INVALID;
    if (n < total) return PES_NEED_MORE;
    this.dataAlignment = (f1 & 0x04) !== 0;
    const ptsDts = f2 >> 6;
    if (ptsDts >= 2 && hdl >= 5) this.pts = readTimestamp(b, s + 9);
    if (ptsDts === 3 && hdl >= 10) this.dts = readTimestamp(b, s + 14);
    this.headerLength = total;
    return total;
  }
}

export interface PesHeaderOptions {
  readonly streamId: number;
  /** Payload bytes that follow the header. */
  readonly payloadLength: number;
  /** 33-bit PTS (90 kHz), or undefined for none. */
  readonly pts?: number;
  /** DTS, written only when it differs from the PTS. */
  readonly dts?: number;
  /** Write PES_packet_length 0 (allowed for video only). */
  readonly unbounded?: boolean;
  readonly dataAlignment?: boolean;
}

/** The bytes of a PES header. Throws RangeError when a bounded PES would exceed PES_packet_length's 65,535. */
export function writePesHeader(o: PesHeaderOptions): Uint8Array {
  const hasPts = o.pts !== undefined;
  const hasDts = hasPts && o.dts !== undefined && o.dts !== o.pts;
  const hdl = hasDts ? 10 : hasPts ? 5 : 0;
  const h = new Uint8Array(PES_OPTIONAL_HEADER_MIN + hdl);
  h[2] = 1;
  h[3] = o.streamId;
  const length = 3 + hdl + o.payloadLength;
  if (o.unbounded !== true) {
    if (length > MAX_PES_PACKET_LENGTH) throw new RangeError(`PES of ${length} bytes after its length field exceeds ${MAX_PES_PACKET_LENGTH}`);
    h[4] = length >> 8;
    h[5] = length & 0xff;
  }
  h[6] = 0x80 | (o.dataAlignment === true ? 0x04 : 0);
  h[7] = hasDts ? 0xc0 : hasPts ? 0x80 : 0;
  h[8] = hdl;
  if (hasPts) writeTimestamp(h, 9, hasDts ? 3 : 2, o.pts!);
  if (hasDts) writeTimestamp(h, 14, 1, o.dts!);
  return h;
}

/**
 * What a decoder finds at a start byte: a packet whose checksum holds, one
 * whose checksum fails, one it cannot judge (unknown message id), a header
 * no packet can have, or not enough bytes yet. Shared by the stream and the
 * tlog decoders, which differ only in how they resynchronise.
 *
 * Allocation-free: one probe object is reused; its fields describe the last
 * candidate examined.
 */
import { packetCrc } from './crc.js';
import type { MavlinkDialect } from './dialect.js';
import { PayloadSlab } from './payload-slab.js';
import { CHECKSUM_LENGTH, HEADER_V1, HEADER_V2, IFLAG_SIGNED, SIGNATURE_LENGTH, STX_V1, STX_V2, type MavlinkFrame } from './frame.js';

export const PROBE_NEED_MORE = 0;
export const PROBE_VALID = 1;
/** Known message id, complete packet, checksum mismatch. */
export const PROBE_BAD_CRC = 2;
/** Not a packet: unknown incompatibility flags, or a payload longer than the message has. */
export const PROBE_BAD_HEADER = 3;
/** Complete packet with an id the dialect lacks: its checksum cannot be verified. */
export const PROBE_UNKNOWN = 4;
/** The input ended before the packet the header announces. */
export const PROBE_TRUNCATED = 5;
export type ProbeResult = 0 | 1 | 2 | 3 | 4 | 5;

/** `crcExtra` of an id the dialect lacks. */
export const UNKNOWN_ID = -1;
/** `crcExtra` before the message id has been read. */
export const CRC_EXTRA_NOT_READ = -2;

export function isStx(b: number | undefined): boolean {
  return b === STX_V1 || b === STX_V2;
}

export class PacketProbe {
  version: 1 | 2 = 1;
  headerLength = 0;
  payloadLength = 0;
  /** Bytes on the wire: header, payload, checksum and signature. */
  total = 0;
  msgid = 0;
  signed = false;
  /** The message's CRC_EXTRA, -1 for an unknown id, CRC_EXTRA_NOT_READ before the header is complete. */
  crcExtra = CRC_EXTRA_NOT_READ;

  private readonly slab = new PayloadSlab();

  constructor(private readonly dialect: MavlinkDialect) {}

  /** Examines the candidate whose start byte is at `p` (the caller checked it is an STX), with bytes [.., n) available. */
  probe(buf: Uint8Array, p: number, n: number, ended: boolean): ProbeResult {
    this.crcExtra = CRC_EXTRA_NOT_READ;
    const avail = n - p;
    if (buf[p] === STX_V1) {
      if (avail < HEADER_V1) return ended ? PROBE_TRUNCATED : PROBE_NEED_MORE;
      this.version = 1;
      this.headerLength = HEADER_V1;
      this.payloadLength = buf[p + 1]!;
      this.msgid = buf[p + 5]!;
      this.signed = false;
      this.total = HEADER_V1 + this.payloadLength + CHECKSUM_LENGTH;
    } else {
      if (avail < HEADER_V2) return ended ? PROBE_TRUNCATED : PROBE_NEED_MORE;
      const flags = buf[p + 2]!;
      // A receiver must drop a packet with an incompatibility flag it does not understand.
      if ((flags & ~IFLAG_SIGNED) !== 0) return PROBE_BAD_HEADER;
      this.version = 2;
      this.headerLength = HEADER_V2;
      this.payloadLength = buf[p + 1]!;
      this.msgid = buf[p + 7]! | (buf[p + 8]! << 8) | (buf[p + 9]! << 16);
      this.signed = (flags & IFLAG_SIGNED) !== 0;
      this.total = HEADER_V2 + this.payloadLength + CHECKSUM_LENGTH + (this.signed ? SIGNATURE_LENGTH : 0);
    }
    const extra = this.dialect.crcExtra(this.msgid);
    this.crcExtra = extra;
    if (extra >= 0 && this.payloadLength > this.dialect.payloadLength(this.msgid)) return PROBE_BAD_HEADER;
    if (avail < this.total) return ended ? PROBE_TRUNCATED : PROBE_NEED_MORE;
    if (extra < 0) return PROBE_UNKNOWN;
    const end = p + this.headerLength + this.payloadLength;
    const got = buf[end]! | (buf[end + 1]! << 8);
    return packetCrc(buf, p + 1, end, extra) === got ? PROBE_VALID : PROBE_BAD_CRC;
  }

  /** The frame of the candidate just probed as PROBE_VALID at `p`, its payload copied (into a slab) and padded to full length. */
  frame(buf: Uint8Array, p: number, offset: number, timestampUs: number | undefined): MavlinkFrame {
    const payload = this.slab.take(this.dialect.payloadLength(this.msgid));
    const from = p + this.headerLength;
    payload.set(buf.subarray(from, from + this.payloadLength));
    const v2 = this.version === 2;
    // One object shape for every frame (timestampUs present, maybe undefined) keeps the consumers' property loads monomorphic.
    return {
      version: this.version,
      sysid: buf[p + (v2 ? 5 : 3)]!,
      compid: buf[p + (v2 ? 6 : 4)]!,
      msgid: this.msgid,
      seq: buf[p + (v2 ? 4 : 2)]!,
      payload,
      signed: this.signed,
      offset,
      wireLength: this.total,
      timestampUs,
    };
  }
}

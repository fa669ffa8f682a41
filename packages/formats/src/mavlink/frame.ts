/**
 * One MAVLink packet as the decoders hand it over, and the wire constants of
 * MAVLink 1 and 2 (https://mavlink.io/en/guide/serialization.html).
 */

/** Start-of-frame byte of MAVLink 1. */
export const STX_V1 = 0xfe;
/** Start-of-frame byte of MAVLink 2. */
export const STX_V2 = 0xfd;
/** STX, len, seq, sysid, compid, msgid (1 byte). */
export const HEADER_V1 = 6;
/** STX, len, incompat_flags, compat_flags, seq, sysid, compid, msgid (3 bytes, little-endian). */
export const HEADER_V2 = 10;
export const CHECKSUM_LENGTH = 2;
/** link id (1), timestamp (6), signature (6). */
export const SIGNATURE_LENGTH = 13;
/** The one incompatibility flag MAVLink 2 defines: the packet carries a signature. */
export const IFLAG_SIGNED = 0x01;
/** The largest packet on the wire: a signed v2 packet with a 255-byte payload. */
export const MAX_PACKET_LENGTH = HEADER_V2 + 255 + CHECKSUM_LENGTH + SIGNATURE_LENGTH;

export interface MavlinkFrame {
  readonly version: 1 | 2;
  readonly sysid: number;
  readonly compid: number;
  readonly msgid: number;
  /** Sequence number 0..255, per sending component. */
  readonly seq: number;
  /**
   * The payload at the message's full length: a v2 payload whose trailing
   * zeros were trimmed on the wire, and a v1 payload without extension
   * fields, are padded with zeros, so every field can be read at its offset.
   * A copy: it does not alias the bytes that were pushed (it is a view into
   * a 64 KiB block the decoder fills with payloads).
   */
  readonly payload: Uint8Array;
  /** A v2 packet carrying a signature (not verified: no key is known here). */
  readonly signed: boolean;
  /** Byte offset of the packet's start byte in the stream or file. */
  readonly offset: number;
  /** Bytes the packet took on the wire: header, payload as sent, checksum, signature. */
  readonly wireLength: number;
  /**
   * Microseconds since the Unix epoch: the record time of a tlog, or the
   * receive time the caller attached. A double holds whole microseconds
   * exactly until the year 2255.
   */
  readonly timestampUs?: number;
}

/**
 * The 188-byte transport packet (ISO/IEC 13818-1 §2.4.3.2–2.4.3.5): header,
 * adaptation field (discontinuity and random-access indicators, PCR) and
 * payload. The readers work in place on (bytes, offset of the sync byte) and
 * allocate nothing: the demuxer calls them for every packet.
 *
 *   byte 0   sync 0x47
 *   byte 1   transport_error_indicator(1) payload_unit_start_indicator(1) transport_priority(1) PID[12..8](5)
 *   byte 2   PID[7..0]
 *   byte 3   transport_scrambling_control(2) adaptation_field_control(2) continuity_counter(4)
 *   [adaptation_field_length(8), flags(8), PCR(48) …]   when adaptation_field_control has bit 2
 *   payload                                            when adaptation_field_control has bit 1
 */

export const TS_PACKET_SIZE = 188;
export const SYNC_BYTE = 0x47;
export const TS_HEADER_SIZE = 4;
/** Payload bytes of a packet without adaptation field. */
export const TS_PAYLOAD_SIZE = TS_PACKET_SIZE - TS_HEADER_SIZE;
/**
 * Record sizes recognised: plain TS; M2TS/BDAV (a 4-byte arrival timestamp
 * before each packet); DVB-ASI/ATSC with 16 Reed–Solomon parity bytes after
 * each packet. In every case the packet is the 188 bytes from its sync byte,
 * and the next sync byte is one record further.
 */
export const PACKET_STRIDES = [188, 192, 204] as const;
export type PacketStride = (typeof PACKET_STRIDES)[number];

export const PAT_PID = 0x0000;
export const NULL_PID = 0x1fff;
/** PIDs are 13 bits. */
export const PID_COUNT = 0x2000;

export const AF_DISCONTINUITY = 0x80;
export const AF_RANDOM_ACCESS = 0x40;
export const AF_PCR = 0x10;

/** PCR ticks per second (27 MHz system clock); PCR = base·300 + extension. */
export const PCR_HZ = 27_000_000;
/** PTS/DTS/PCR-base ticks per second. */
export const PTS_HZ = 90_000;

export function packetPid(b: Uint8Array, p: number): number {
  return ((b[p + 1]! & 0x1f) << 8) | b[p + 2]!;
}

export function transportError(b: Uint8Array, p: number): boolean {
  return (b[p + 1]! & 0x80) !== 0;
}

export function payloadUnitStart(b: Uint8Array, p: number): boolean {
  return (b[p + 1]! & 0x40) !== 0;
}

export function scrambled(b: Uint8Array, p: number): boolean {
  return (b[p + 3]! & 0xc0) !== 0;
}

/** adaptation_field_control: 1 payload only, 2 adaptation field only, 3 both, 0 reserved (the packet is discarded). */
export function adaptationFieldControl(b: Uint8Array, p: number): number {
  return (b[p + 3]! >> 4) & 3;
}

export function continuityCounter(b: Uint8Array, p: number): number {
  return b[p + 3]! & 0x0f;
}

/** The adaptation field's flags byte, or 0 when the packet has none or it is empty. */
export function adaptationFlags(b: Uint8Array, p: number): number {
  if ((b[p + 3]! & 0x20) === 0 || b[p + 4]! === 0) return 0;
  return b[p + 5]!;
}

/** Offset (in `b`) of the payload's first byte, `p + 188` when there is no payload, or -1 when the adaptation field's length is impossible. */
export function payloadStart(b: Uint8Array, p: number): number {
  const afc = (b[p + 3]! >> 4) & 3;
  if ((afc & 2) === 0) return (afc & 1) !== 0 ? p + TS_HEADER_SIZE : p + TS_PACKET_SIZE;
  const afLength = b[p + 4]!;
  // §2.4.3.5 asks for 0..182 with a payload and 183 without; muxers that get
  // this slightly wrong are read (a shorter field without payload, 183 with an
  // empty payload), a field longer than the packet is not.
  if (afLength > 183) return -1;
  return (afc & 1) !== 0 ? p + TS_HEADER_SIZE + 1 + afLength : p + TS_PACKET_SIZE;
}

/** The PCR in 27 MHz ticks, or -1 when the packet carries none. */
export function readPcr(b: Uint8Array, p: number): number {
  if ((b[p + 3]! & 0x20) === 0 || b[p + 4]! < 7 || (b[p + 5]! & AF_PCR) === 0) return -1;
  const q = p + 6;
  // 33-bit base: past 32 bits, so arithmetic instead of shifts.
  const base = b[q]! * 33554432 + ((b[q + 1]! << 17) | (b[q + 2]! << 9) | (b[q + 3]! << 1) | (b[q + 4]! >> 7));
  const ext = ((b[q + 4]! & 1) << 8) | b[q + 5]!;
  return base * 300 + ext;
}

/** Writes a 6-byte PCR field (27 MHz ticks, taken modulo 2^33·300) at `o`. */
export function writePcr(out: Uint8Array, o: number, pcr27: number): void {
  const wrapped = pcr27 % (8589934592 * 300);
  const base = Math.floor(wrapped / 300);
  const ext = wrapped - base * 300;
  out[o] = Math.floor(base / 33554432) & 0xff;
  const low25 = base % 33554432;
  out[o + 1] = (low25 >>> 17) & 0xff;
  out[o + 2] = (low25 >>> 9) & 0xff;
  out[o + 3] = (low25 >>> 1) & 0xff;
  out[o + 4] = ((low25 & 1) << 7) | 0x7e | (ext >> 8);
  out[o + 5] = ext & 0xff;
}

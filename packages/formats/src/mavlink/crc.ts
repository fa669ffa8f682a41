/**
 * The MAVLink checksum: CRC-16/MCRF4XX (the "X.25" CRC of the MAVLink
 * documentation: polynomial 0x1021 reflected, initial value 0xFFFF, no final
 * XOR; check value 0x6F91 for "123456789"). A packet's checksum covers every
 * byte after the start byte up to the payload's end, then the message's
 * CRC_EXTRA byte, which makes a receiver with another definition of the
 * message reject it. https://mavlink.io/en/guide/serialization.html#checksum
 */

/** T[x] is MAVLink's `crc_accumulate` of byte x into a zero CRC: one table lookup per byte instead of the bit steps. */
const TABLE = (() => {
  const t = new Uint16Array(256);
  for (let x = 0; x < 256; x++) {
    let tmp = x ^ ((x << 4) & 0xff);
    tmp &= 0xff;
    t[x] = ((tmp << 8) ^ (tmp << 3) ^ (tmp >>> 4)) & 0xffff;
  }
  return t;
})();

export const CRC_INIT = 0xffff;

/** Accumulates bytes [start, end) into `crc`. */
export function crcAccumulate(bytes: Uint8Array, start: number, end: number, crc = CRC_INIT): number {
  let c = crc;
  for (let i = start; i < end; i++) c = (c >>> 8) ^ TABLE[(c ^ bytes[i]!) & 0xff]!;
  return c;
}

/** Accumulates one byte (the CRC_EXTRA). */
export function crcAccumulateByte(byte: number, crc: number): number {
  return (crc >>> 8) ^ TABLE[(crc ^ byte) & 0xff]!;
}

/** The checksum a packet must carry: header and payload bytes [start, end), then CRC_EXTRA. */
export function packetCrc(bytes: Uint8Array, start: number, end: number, crcExtra: number): number {
  return crcAccumulateByte(crcExtra, crcAccumulate(bytes, start, end));
}

/**
 * CRC-32/MPEG-2, the checksum closing every PSI section (ISO/IEC 13818-1
 * Annex A): polynomial 0x04C11DB7, not reflected, initial value 0xFFFFFFFF,
 * no final XOR; check value 0x0376E6E7 for "123456789". Run over a whole
 * section including its CRC field, it gives 0 when the section is intact.
 */

/** T[x]: the CRC register after shifting byte x through a zero register (one lookup per byte instead of eight bit steps). */
const TABLE = (() => {
  const t = new Uint32Array(256);
  for (let x = 0; x < 256; x++) {
    let c = x << 24;
    for (let k = 0; k < 8; k++) c = (c & 0x80000000) !== 0 ? (c << 1) ^ 0x04c11db7 : c << 1;
    t[x] = c >>> 0;
  }
  return t;
})();

/** CRC-32/MPEG-2 of bytes [start, end). */
export function crc32Mpeg2(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = (c << 8) ^ TABLE[((c >>> 24) ^ bytes[i]!) & 0xff]!;
  return c >>> 0;
}

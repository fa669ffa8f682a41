/**
 * The ST 0601 checksum (also used by standalone ST 0903 packets): a 16-bit
 * running sum of the packet's bytes from the first byte of the key through
 * the checksum item's length byte, bytes at even offsets from the start of
 * the key added as the high byte of a 16-bit word, odd offsets as the low
 * byte (MISB ST 0601, "Checksum", Item 1).
 */
export function klvChecksum(b: Uint8Array, start: number, end: number): number {
  let sum = 0;
  let i = start;
  // Pairs: sum < 2^16 * (end - start) / 2, far below 2^53 for any packet.
  for (; i + 1 < end; i += 2) sum += (b[i]! << 8) | b[i + 1]!;
  if (i < end) sum += b[i]! << 8;
  return sum & 0xffff;
}

/**
 * PTS and DTS: 33-bit counts of a 90 kHz clock (ISO/IEC 13818-1 §2.4.3.7),
 * five bytes on the wire with marker bits:
 *
 *   '00xx' TS[32..30] 1 | TS[29..22] | TS[21..15] 1 | TS[14..7] | TS[6..0] 1
 *
 * The counter wraps every 2^33 ticks (26 h 30 min); `TimestampUnwrapper`
 * turns wrapped values into a continuous count.
 */

export const TIMESTAMP_WRAP = 8589934592; // 2^33
const HALF_WRAP = 4294967296; // 2^32

/** The 33-bit timestamp whose 5 bytes start at `o` (marker bits are not checked: muxers that get them wrong are common and harmless). */
export function readTimestamp(b: Uint8Array, o: number): number {
  const top = (b[o]! >> 1) & 0x07;
  const mid = (b[o + 1]! << 7) | (b[o + 2]! >> 1);
  const low = (b[o + 3]! << 7) | (b[o + 4]! >> 1);
  return top * 1073741824 + mid * 32768 + low;
}

/** Writes a timestamp (taken modulo 2^33) with the 4-bit prefix ('0010' PTS alone, '0011' PTS before a DTS, '0001' the DTS). */
export function writeTimestamp(out: Uint8Array, o: number, prefix: number, ts: number): void {
  const t = ((ts % TIMESTAMP_WRAP) + TIMESTAMP_WRAP) % TIMESTAMP_WRAP;
  const top = Math.floor(t / 1073741824);
  const rest = t - top * 1073741824;
  const mid = rest >>> 15;
  const low = rest & 0x7fff;
  out[o] = (prefix << 4) | (top << 1) | 1;
  out[o + 1] = mid >>> 7;
  out[o + 2] = ((mid & 0x7f) << 1) | 1;
  out[o + 3] = low >>> 7;
  out[o + 4] = ((low & 0x7f) << 1) | 1;
}

/**
 * Unwraps 33-bit timestamps of one clock (a program: its PTS, DTS and PCR
 * share the system time clock): each value is placed within ±2^32 ticks
 * (±13 h) of the last one, so wraps forward are followed and small steps
 * back (B-frames, metadata stamped a little before the video) stay small.
 * The first value is taken as it is (0 ≤ t < 2^33); later ones can exceed
 * 2^33 (or, stepping back from the first, be negative), and stay exact in a
 * double for 10^8 years of stream.
 */
export class TimestampUnwrapper {
  private last = 0;
  private started = false;

  unwrap(raw: number): number {
    if (!this.started) {
      this.started = true;
      this.last = raw;
      return raw;
    }
    let d = (raw - (this.last % TIMESTAMP_WRAP)) % TIMESTAMP_WRAP;
    if (d < 0) d += TIMESTAMP_WRAP;
    if (d >= HALF_WRAP) d -= TIMESTAMP_WRAP;
    this.last += d;
    return this.last;
  }
}

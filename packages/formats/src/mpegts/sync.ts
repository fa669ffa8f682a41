/**
 * Finding packets: a position is taken as a packet start when a sync byte
 * 0x47 is there and at the same place in the next records (`need` sync
 * bytes, one record apart). One 0x47 alone proves nothing (payload bytes
 * take that value once in 256); three in a row at the right distance happen
 * by chance once in 16 million positions. Used to lock on at the start (any
 * of the recognised record sizes) and to resynchronise after losing sync
 * (the size found at the start).
 *
 * A candidate whose later records are not in the buffer yet waits for more
 * bytes; at the end of the input the records that exist must agree, and the
 * packet at the candidate must be complete.
 */
import { SYNC_BYTE, TS_PACKET_SIZE } from './packet.js';

export const SYNC_FOUND = 0;
/** A candidate at `at` needs bytes not pushed yet. */
export const SYNC_WAIT = 1;
/** No packet start in the bytes searched. */
export const SYNC_NONE = 2;
export type SyncResult = typeof SYNC_FOUND | typeof SYNC_WAIT | typeof SYNC_NONE;

export class SyncSearch {
  /** Where the packet (SYNC_FOUND) or the undecided candidate (SYNC_WAIT) starts. */
  at = 0;
  /** The record size that matched (SYNC_FOUND). */
  stride = TS_PACKET_SIZE;

  search(b: Uint8Array, from: number, n: number, strides: readonly number[], need: number, ended: boolean): SyncResult {
    let q = from;
    while (q < n) {
      q = b.indexOf(SYNC_BYTE, q);
      if (q < 0) break;
      let waiting = false;
      for (const s of strides) {
        let k = 1;
        for (; k < need; k++) {
          const at = q + k * s;
          if (at >= n) break;
          if (b[at] !== SYNC_BYTE) break;
        }
        if (k === need) {
          this.at = q;
          this.stride = s;
          return SYNC_FOUND;
        }
        if (q + k * s >= n) {
          // Every record in the buffer agrees; the rest is not there yet.
          if (!ended) waiting = true;
          else if (q + TS_PACKET_SIZE <= n) {
            this.at = q;
            this.stride = s;
            return SYNC_FOUND;
          }
        }
      }
      if (waiting) {
        this.at = q;
        return SYNC_WAIT;
      }
      q++;
    }
    this.at = n;
    return SYNC_NONE;
  }
}

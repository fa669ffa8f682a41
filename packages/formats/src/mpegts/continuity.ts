/**
 * Continuity counters (ISO/IEC 13818-1 §2.4.3.3): each PID numbers its
 * packets that carry payload modulo 16. Per PID:
 * - a packet without payload does not advance the counter and is not checked;
 * - the first packet, and one whose adaptation field sets the
 *   discontinuity_indicator, (re)starts the count;
 * - the next value is in order;
 * - the same value again, once, is a duplicate packet (the standard allows
 *   one repetition): it is dropped. The standard makes a duplicate identical
 *   but for its PCR; like other demuxers we trust the counter and do not
 *   compare the bytes;
 * - anything else is a continuity error: (cc − last − 1) mod 16 packets
 *   were lost (or 16 more: the counter cannot tell).
 */
import { PID_COUNT } from './packet.js';

export const CC_IN_ORDER = 0;
export const CC_DUPLICATE = 1;
export const CC_GAP = 2;
export type ContinuityVerdict = typeof CC_IN_ORDER | typeof CC_DUPLICATE | typeof CC_GAP;

export class ContinuityTracker {
  /** Last counter per PID, -1 before the first packet with payload. */
  private readonly last = new Int8Array(PID_COUNT).fill(-1);
  /** Whether the last packet was already a repetition (a second one is an error). */
  private readonly repeated = new Uint8Array(PID_COUNT);
  /** Packets lost, by the counter, at the last CC_GAP. */
  lost = 0;

  check(pid: number, cc: number, hasPayload: boolean, discontinuity: boolean): ContinuityVerdict {
    if (!hasPayload) return CC_IN_ORDER;
    const last = this.last[pid]!;
    this.last[pid] = cc;
    if (last < 0 || discontinuity || cc === ((last + 1) & 15)) {
      this.repeated[pid] = 0;
      return CC_IN_ORDER;
    }
    if (cc === last && this.repeated[pid] === 0) {
      this.repeated[pid] = 1;
      return CC_DUPLICATE;
    }
    this.repeated[pid] = 0;
    this.lost = (cc - last - 1) & 15;
    return CC_GAP;
  }

  /** Forgets a PID's count (its stream was removed from the program). */
  reset(pid: number): void {
    this.last[pid] = -1;
    this.repeated[pid] = 0;
  }
}

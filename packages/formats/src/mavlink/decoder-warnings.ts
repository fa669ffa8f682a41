/** The decoder counts that deserve a warning: bytes that belonged to no packet, packets that could not be checked. */
import type { DecoderStats } from './decoder-stats.js';
import { MAVLINK_WARNING_CODES, type MavlinkWarning } from './warnings.js';

/** Warnings that summarise a decoder's skipped bytes and packets. */
export function decoderWarnings(s: DecoderStats): MavlinkWarning[] {
  const out: MavlinkWarning[] = [];
  if (s.droppedBytes > 0) {
    out.push({ code: MAVLINK_WARNING_CODES.droppedBytes, count: s.resyncs, exampleOffsets: [],
      message: `dropped ${s.droppedBytes} byte(s) that belong to no packet, in ${s.resyncs} place(s) (${s.crcErrors} checksum error(s))` });
  }
  if (s.unknownIds > 0) {
    const ids = [...s.unknownByMsgid.keys()].sort((a, b) => a - b);
    out.push({ code: MAVLINK_WARNING_CODES.unknownIds, count: s.unknownIds, exampleOffsets: [],
      message: `skipped ${s.unknownIds} packet(s) with message id(s) ${ids.join(', ')} that the dialect does not define (checksums not verifiable)` });
  }
  return out;
}

/**
 * The incremental MAVLink decoder for raw byte streams (UDP datagrams, a
 * serial port, a capture file): push bytes as they come, in pieces of any
 * size, and take the packets whose checksum holds.
 *
 * Resynchronisation (docs/formats/mavlink.md#bad-bytes):
 * - bytes before a start byte are dropped;
 * - a known message whose checksum fails loses only its start byte: the
 *   real packet may begin inside it, so the scan resumes at the next byte;
 * - an unknown message id cannot be checked, so its framing must be
 *   corroborated before its bytes are skipped: no verified packet may begin
 *   inside it, and it must be followed by a verified packet (perhaps after
 *   more unknown-id packets, up to 16) or by the end of the input; otherwise
 *   only its start byte is dropped, as for a checksum error. Noise that ends
 *   in a well-framed unknown-id packet just before a real packet is, byte
 *   for byte, such a packet: no decoder can tell (documented, and excluded
 *   from the exact-count tests).
 *
 * Every decision depends only on the bytes, never on where a chunk ended: a
 * candidate that needs bytes not yet pushed waits for them. So any chunking
 * of the same bytes gives the same frames and counts (tested).
 */
import { DecoderCounters, type DecoderStats } from './decoder-stats.js';
import { defaultDialect, type MavlinkDialect } from './dialect.js';
import type { MavlinkFrame } from './frame.js';
import { decoderWarnings } from './decoder-warnings.js';
import type { MavlinkWarning } from './warnings.js';
import {
  PROBE_BAD_CRC, PROBE_NEED_MORE, PROBE_UNKNOWN, PROBE_VALID, PacketProbe, UNKNOWN_ID, isStx,
} from './packet-probe.js';
import { joinBytes } from '../byte-join.js';

export interface MavlinkDecoderOptions {
  /** Messages whose checksums can be verified; default every dialect node-mavlink ships. */
  dialect?: MavlinkDialect;
}

const EMPTY = new Uint8Array(0);

/** Whether an unknown-id candidate's framing holds. */
const CORROBORATED = 1;
const REJECTED = 2;
const WAIT = 3;
/** Unknown-id packets in a row looked through for the verified packet that corroborates the first. */
const MAX_UNKNOWN_CHAIN = 16;

export class MavlinkDecoder {
  private readonly probe: PacketProbe;
  /** A second probe for the packets looked for inside an unknown-id candidate. */
  private readonly inner: PacketProbe;
  private readonly counters = new DecoderCounters();
  /** Bytes pushed but not yet decided: at most one candidate packet and the lookahead it needs. */
  private pending: Uint8Array = EMPTY;
  /** Stream offset of pending[0]. */
  private base = 0;
  private ended = false;

  constructor(opts: MavlinkDecoderOptions = {}) {
    const dialect = opts.dialect ?? defaultDialect();
    this.probe = new PacketProbe(dialect);
    this.inner = new PacketProbe(dialect);
  }

  /**
   * Decodes what `chunk` completes. `timestampUs` (µs since the Unix epoch,
   * e.g. the time a datagram arrived) is attached to the frames returned.
   * The chunk is not kept: the caller may reuse its buffer.
   */
  push(chunk: Uint8Array, timestampUs?: number): MavlinkFrame[] {
    if (this.ended) throw new Error('MavlinkDecoder.push after end(); make a new decoder per stream');
    this.counters.bytes += chunk.length;
    const work = joinBytes(this.pending, chunk);
    return this.scan(work, timestampUs);
  }

  /**
   * The input is complete: decides what was waiting for more bytes (a
   * packet cut off at the end is dropped and counted) and returns any frame
   * that decision frees. Pushing after end() is an error.
   */
  end(timestampUs?: number): MavlinkFrame[] {
    if (this.ended) return [];
    this.ended = true;
    const frames = this.scan(this.pending, timestampUs);
    this.counters.endRun();
    return frames;
  }

  get stats(): DecoderStats {
    return this.counters.snapshot();
  }

  /** One warning each for dropped bytes and unknown ids, when there were any. */
  warnings(): MavlinkWarning[] {
    return decoderWarnings(this.counters);
  }

  private scan(work: Uint8Array, timestampUs: number | undefined): MavlinkFrame[] {
    const frames: MavlinkFrame[] = [];
    const n = work.length;
    const probe = this.probe;
    const c = this.counters;
    let p = 0;
    while (p < n) {
      const b = work[p]!;
      if (!isStx(b)) {
        let q = p + 1;
        while (q < n && !isStx(work[q])) q++;
        c.drop(q - p);
        p = q;
        continue;
      }
      const r = probe.probe(work, p, n, this.ended);
      if (r === PROBE_NEED_MORE) break;
      if (r === PROBE_VALID) {
        const f = probe.frame(work, p, this.base + p, timestampUs);
        c.packet(f.version, f.msgid, f.signed, f.sysid, f.compid, f.seq);
        frames.push(f);
        p += probe.total;
        continue;
      }
      if (r === PROBE_UNKNOWN) {
        const total = probe.total;
        const verdict = this.corroborate(work, p, total);
        if (verdict === WAIT) break;
        if (verdict === CORROBORATED) {
          c.unknown(probe.msgid, total);
          p += total;
          continue;
        }
      } else if (r === PROBE_BAD_CRC) c.crcErrors++;
      c.drop(1);
      p++;
    }
    // A copy: `work` may be the caller's chunk (and a Buffer's slice would be a view of it).
    this.pending = p >= n ? EMPTY : new Uint8Array(work.subarray(p));
    this.base += p;
    return frames;
  }

  /** Whether the unknown-id packet of `total` bytes at `p` is framed right (see the file comment). */
  private corroborate(work: Uint8Array, p: number, total: number): number {
    const n = work.length;
    const inner = this.inner;
    let next = p + total;
    for (let q = p + 1; q < next; q++) {
      if (!isStx(work[q])) continue;
      const r = inner.probe(work, q, n, this.ended);
      if (r === PROBE_VALID) return REJECTED;
      // A packet starting inside is incomplete and may be a known one (or its id is not read yet): its verdict decides ours.
      if (r === PROBE_NEED_MORE && inner.crcExtra !== UNKNOWN_ID) return WAIT;
    }
    // What follows must be a verified packet, perhaps after more unknown-id ones, or the end of the input.
    for (let chain = 0; chain < MAX_UNKNOWN_CHAIN; chain++) {
      if (next === n) return this.ended ? CORROBORATED : WAIT;
      if (!isStx(work[next])) return REJECTED;
      const r = inner.probe(work, next, n, this.ended);
      if (r === PROBE_VALID) return CORROBORATED;
      if (r === PROBE_NEED_MORE) return WAIT;
      if (r !== PROBE_UNKNOWN) return REJECTED;
      next += inner.total;
    }
    // A long run of well-framed unknown-id packets: a dialect we lack, not noise.
    return CORROBORATED;
  }
}

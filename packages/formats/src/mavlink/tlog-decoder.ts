/**
 * The incremental tlog decoder. A tlog (the telemetry log of Mission
 * Planner, QGroundControl and MAVProxy) is a sequence of records: an 8-byte
 * big-endian count of microseconds since the Unix epoch (when the ground
 * station received the packet), then the packet as it came, MAVLink 1 or 2.
 *
 * In sync, a record is expected exactly where the last one ended. Bytes that
 * do not make a record there (noise, a damaged packet) are dropped and the
 * decoder resynchronises on the next position where a plausible time (years
 * 2000–2100) is followed by a packet whose checksum holds, or by an
 * unknown-id packet followed in turn by such a record (perhaps after more
 * unknown-id records) or by the end of the file.
 *
 * Malformed structure, as opposed to damaged bytes: the file ends inside a
 * record, or a record whose packet is intact has an impossible time or one
 * earlier than the record before. By default these throw NARIZ_MAVLINK with
 * the record's byte offset; `lenient` turns them into warnings (the frame is
 * kept, without a time if the time is impossible; a cut record is dropped).
 */
import { NarizError } from '@nariz/core';
import { DecoderCounters, type DecoderStats } from './decoder-stats.js';
import { defaultDialect, type MavlinkDialect } from './dialect.js';
import type { MavlinkFrame } from './frame.js';
import { PROBE_BAD_CRC, PROBE_NEED_MORE, PROBE_TRUNCATED, PROBE_UNKNOWN, PROBE_VALID, PacketProbe, isStx } from './packet-probe.js';
import { decoderWarnings } from './decoder-warnings.js';
import { MAVLINK_WARNING_CODES, MavlinkWarningTally, type MavlinkWarning } from './warnings.js';
import { joinBytes } from '../byte-join.js';

export interface TlogOptions {
  dialect?: MavlinkDialect;
  /** Turn structural problems (cut last record, impossible or backward times) into warnings instead of errors. */
  lenient?: boolean;
  /** Shown in error messages. */
  fileName?: string;
}

/** Length of the record time before each packet. */
export const TLOG_TIME_LENGTH = 8;
/** Plausible record times: 2000-01-01 to 2100-01-01 UTC, in µs. */
export const TLOG_TIME_RANGE_US = [946_684_800e6, 4_102_444_800e6] as const;

const EMPTY = new Uint8Array(0);
const CORROBORATED = 1;
const REJECTED = 2;
const WAIT = 3;
/** Unknown-id records in a row looked through for the verified one that corroborates the first. */
const MAX_UNKNOWN_CHAIN = 16;
const TWO_32 = 4294967296;

function readTimeUs(b: Uint8Array, p: number): number {
  const hi = ((b[p]! << 24) | (b[p + 1]! << 16) | (b[p + 2]! << 8) | b[p + 3]!) >>> 0;
  const lo = ((b[p + 4]! << 24) | (b[p + 5]! << 16) | (b[p + 6]! << 8) | b[p + 7]!) >>> 0;
  return hi * TWO_32 + lo;
}

function plausible(us: number): boolean {
  return us >= TLOG_TIME_RANGE_US[0] && us < TLOG_TIME_RANGE_US[1];
}

export class TlogDecoder {
  private readonly probe: PacketProbe;
  /** A second probe for the records after an unknown-id one. */
  private readonly inner: PacketProbe;
  private readonly counters = new DecoderCounters();
  private readonly tally = new MavlinkWarningTally();
  private readonly lenient: boolean;
  private readonly fileName: string | undefined;
  private pending: Uint8Array = EMPTY;
  /** File offset of pending[0]. */
  private base = 0;
  private ended = false;
  /** The next record is expected where the last one ended. */
  private synced = true;
  private lastTimeUs = -Infinity;

  constructor(opts: TlogOptions = {}) {
    const dialect = opts.dialect ?? defaultDialect();
    this.probe = new PacketProbe(dialect);
    this.inner = new PacketProbe(dialect);
    this.lenient = opts.lenient === true;
    this.fileName = opts.fileName;
  }

  /** Decodes the records `chunk` completes; frames carry the record time as `timestampUs`. The chunk is not kept. */
  push(chunk: Uint8Array): MavlinkFrame[] {
    if (this.ended) throw new Error('TlogDecoder.push after end(); make a new decoder per file');
    this.counters.bytes += chunk.length;
    const work = joinBytes(this.pending, chunk);
    return this.scan(work);
  }

  /** The file is complete: a record cut off at the end throws (or, lenient, is dropped with a warning). */
  end(): MavlinkFrame[] {
    if (this.ended) return [];
    this.ended = true;
    const frames = this.scan(this.pending);
    this.counters.endRun();
    return frames;
  }

  get stats(): DecoderStats {
    return this.counters.snapshot();
  }

  /** Lenient-mode warnings, plus one each for dropped bytes and unknown ids when there were any. */
  warnings(): MavlinkWarning[] {
    return [...this.tally.list(), ...decoderWarnings(this.counters)];
  }

  private scan(work: Uint8Array): MavlinkFrame[] {
    const frames: MavlinkFrame[] = [];
    const n = work.length;
    const probe = this.probe;
    const c = this.counters;
    let p = 0;
    while (p < n) {
      if (n - p <= TLOG_TIME_LENGTH) {
        if (!this.ended) break;
        if (this.synced) this.truncated(p, n - p, TLOG_TIME_LENGTH + 1);
        c.drop(n - p);
        p = n;
        break;
      }
      const at = p + TLOG_TIME_LENGTH;
      const timeUs = readTimeUs(work, p);
      if (!isStx(work[at]) || (!this.synced && !plausible(timeUs))) {
        this.synced = false;
        c.drop(1);
        p++;
        continue;
      }
      const r = probe.probe(work, at, n, this.ended);
      if (r === PROBE_NEED_MORE) break;
      if (r === PROBE_VALID) {
        const kept = this.checkTime(timeUs, p);
        const f = probe.frame(work, at, this.base + at, kept);
        c.packet(f.version, f.msgid, f.signed, f.sysid, f.compid, f.seq);
        frames.push(f);
        this.synced = true;
        p = at + probe.total;
        continue;
      }
      if (r === PROBE_UNKNOWN && plausible(timeUs)) {
        const verdict = this.corroborate(work, at + probe.total);
        if (verdict === WAIT) break;
        if (verdict === CORROBORATED) {
          this.checkTime(timeUs, p);
          c.unknown(probe.msgid, TLOG_TIME_LENGTH + probe.total);
          this.synced = true;
          p = at + probe.total;
          continue;
        }
      } else if (r === PROBE_TRUNCATED && this.synced && plausible(timeUs)) {
        this.truncated(p, n - p, TLOG_TIME_LENGTH + probe.total);
        c.drop(n - p);
        p = n;
        break;
      } else if (r === PROBE_BAD_CRC) c.crcErrors++;
      this.synced = false;
      c.drop(1);
      p++;
    }
    // A copy: `work` may be the caller's chunk (and a Buffer's slice would be a view of it).
    this.pending = p >= n ? EMPTY : new Uint8Array(work.subarray(p));
    this.base += p;
    return frames;
  }

  /**
   * Whether the records after an unknown-id record at `next` bear out its
   * framing: a record with a plausible time and a verified packet, perhaps
   * after more unknown-id records, or the end of the file.
   */
  private corroborate(work: Uint8Array, next: number): number {
    const n = work.length;
    for (let chain = 0; chain < MAX_UNKNOWN_CHAIN; chain++) {
      if (next === n) return this.ended ? CORROBORATED : WAIT;
      if (n - next <= TLOG_TIME_LENGTH) return this.ended ? REJECTED : WAIT;
      if (!isStx(work[next + TLOG_TIME_LENGTH]) || !plausible(readTimeUs(work, next))) return REJECTED;
      const r = this.inner.probe(work, next + TLOG_TIME_LENGTH, n, this.ended);
      if (r === PROBE_VALID) return CORROBORATED;
      if (r === PROBE_NEED_MORE) return WAIT;
      if (r !== PROBE_UNKNOWN) return REJECTED;
      next += TLOG_TIME_LENGTH + this.inner.total;
    }
    return CORROBORATED;
  }

  /** The record time to attach, after the monotonicity and range checks. */
  private checkTime(timeUs: number, p: number): number | undefined {
    const offset = this.base + p;
    if (!plausible(timeUs)) {
      this.structural(MAVLINK_WARNING_CODES.tlogBadTime, offset,
        `record time ${timeUs} µs is not between 2000 and 2100; the frame is kept without a time`,
        `record time ${timeUs} µs is not between 2000 and 2100 (not a tlog, or a damaged one)`);
      return undefined;
    }
    if (timeUs < this.lastTimeUs) {
      this.structural(MAVLINK_WARNING_CODES.tlogTimeBackwards, offset,
        `record time goes back ${((this.lastTimeUs - timeUs) / 1e6).toFixed(6)} s`,
        `record time goes back ${((this.lastTimeUs - timeUs) / 1e6).toFixed(6)} s (${new Date(timeUs / 1000).toISOString()} after ${new Date(this.lastTimeUs / 1000).toISOString()})`);
    }
    this.lastTimeUs = timeUs;
    return timeUs;
  }

  private truncated(p: number, have: number, need: number): void {
    this.structural(MAVLINK_WARNING_CODES.tlogTruncated, this.base + p,
      `the file ends inside a record (${have} of ${need} bytes); the record is dropped`,
      `the file ends inside a record: ${have} of its ${need} bytes are present (cut off while logging?); --lenient drops it`);
  }

  private structural(code: string, offset: number, warning: string, error: string): void {
    if (!this.lenient) throw new NarizError('NARIZ_MAVLINK', error, { ...(this.fileName !== undefined ? { file: this.fileName } : {}), byteOffset: offset });
    this.tally.add(code, `byte ${offset}: ${warning}`, offset);
  }
}

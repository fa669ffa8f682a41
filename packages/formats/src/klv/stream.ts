/**
 * KLV packets out of a byte stream: the metadata an MPEG-TS demuxer
 * extracts (a data stream of concatenated KLV packets), pushed in pieces of
 * any size. Packets with the ST 0601, ST 0903 or ST 0102 key are decoded;
 * other keys are handed over as bytes. Garbage between packets is skipped
 * to the next key and counted.
 *
 * Resynchronisation (docs/formats/klv.md#streams):
 * - bytes before a key (06 0E 2B 34) are dropped;
 * - a key whose BER length is unusable or above `maxPacketLength` loses its
 *   first byte, and the scan goes on from the next;
 * - a complete packet that does not decode (NARIZ_KLV) loses its first
 *   byte the same way (counted in `malformed`);
 * - a packet cut short by a loss and followed by the next packet is told by
 *   a known key inside its value when its checksum fails (or, for other
 *   keys, at all): the bytes up to that key are dropped (`truncated`).
 * A candidate waits for its bytes (at most maxPacketLength + 25), so any
 * chunking of the same stream gives the same packets and counts. Nothing
 * is allocated in proportion to a claimed length; the bytes that wait are
 * kept in one buffer, reused.
 */
import { NarizError } from '@nariz/core';
import type { BerValue } from './ber.js';
import { FRAME_NEED_MORE, FRAME_OK, probeFrame, type FrameProbe } from './packet.js';
import { decodeSt0102, type SecurityPacket } from './st0102.js';
import { decodeSt0601, type St0601Packet } from './st0601.js';
import { decodeSt0903, type VmtiPacket } from './st0903.js';
import { ST0102_KEY, ST0601_KEY, ST0903_KEY, UL_LENGTH, keyHex, keyKind, matchKey } from './universal-key.js';

export type KlvStreamPacket =
  | { readonly kind: 'st0601'; readonly offset: number; readonly packet: St0601Packet }
  | { readonly kind: 'st0903'; readonly offset: number; readonly packet: VmtiPacket }
  | { readonly kind: 'st0102'; readonly offset: number; readonly packet: SecurityPacket }
  | { readonly kind: 'other'; readonly offset: number; readonly packetLength: number; readonly key: string; readonly value: Uint8Array };

export interface KlvStreamOptions {
  /** Value bytes above which a length is taken for garbage (default 65,536; ST 0601 packets are a few hundred). */
  readonly maxPacketLength?: number;
}

export interface KlvStreamError {
  readonly offset: number;
  readonly message: string;
}

export interface KlvStreamStats {
  readonly bytes: number;
  /** Packets handed over, by kind. */
  readonly packets: number;
  readonly st0601: number;
  readonly st0903: number;
  readonly st0102: number;
  readonly other: number;
  /** Handed-over packets whose checksum did not match. */
  readonly checksumErrors: number;
  /** Complete packets that did not decode (their first byte dropped, the scan resumed inside). */
  readonly malformed: number;
  /** Packets cut short by the next packet's key (their bytes dropped). */
  readonly truncated: number;
  /** Bytes that belong to no packet handed over. */
  readonly droppedBytes: number;
  /** Runs of dropped bytes. */
  readonly resyncs: number;
  /** The first few decoding errors. */
  readonly errors: readonly KlvStreamError[];
}

const MAX_ERRORS = 5;
const KNOWN_KEYS = [ST0601_KEY, ST0903_KEY, ST0102_KEY];

export class KlvStreamParser {
  private readonly maxPacketLength: number;
  /** Bytes pushed but not yet decided, at buf[0, held): at most one candidate packet (≤ maxPacketLength + 25 bytes). */
  private buf: Uint8Array = new Uint8Array(4096);
  private held = 0;
  /** Stream offset of buf[0]. */
  private base = 0;
  private ended = false;
  private dropping = false;
  private readonly probe: FrameProbe = { valueStart: 0, valueLength: 0 };
  private readonly ber: BerValue = { value: 0 };
  private readonly s = {
    bytes: 0, packets: 0, st0601: 0, st0903: 0, st0102: 0, other: 0, checksumErrors: 0, malformed: 0, truncated: 0, droppedBytes: 0, resyncs: 0,
    errors: [] as KlvStreamError[],
  };

  constructor(opts: KlvStreamOptions = {}) {
    this.maxPacketLength = opts.maxPacketLength ?? 65536;
  }

  /** Packets completed by `chunk` (not kept: the caller may reuse its buffer). */
  push(chunk: Uint8Array): KlvStreamPacket[] {
    if (this.ended) throw new Error('KlvStreamParser.push after end(); make a new parser per stream');
    this.s.bytes += chunk.length;
    if (this.held === 0) {
      // Nothing waiting: scan the caller's bytes in place and keep only what waits.
      const out: KlvStreamPacket[] = [];
      const p = this.scan(chunk, chunk.length, out);
      this.hold(chunk, p, chunk.length);
      return out;
    }
    if (this.held + chunk.length > this.buf.length) {
      let cap = this.buf.length * 2;
      while (cap < this.held + chunk.length) cap *= 2;
      const next = new Uint8Array(cap);
      next.set(this.buf.subarray(0, this.held));
      this.buf = next;
    }
    this.buf.set(chunk, this.held);
    const n = this.held + chunk.length;
    const out: KlvStreamPacket[] = [];
    const p = this.scan(this.buf, n, out);
    this.buf.copyWithin(0, p, n);
    this.held = n - p;
    this.base += p;
    return out;
  }

  /** The stream is over: what waited for more bytes is decided (a cut-off packet is dropped). */
  end(): KlvStreamPacket[] {
    if (this.ended) return [];
    this.ended = true;
    const out: KlvStreamPacket[] = [];
    const n = this.held;
    const p = this.scan(this.buf, n, out);
    this.held = n - p;
    this.base += p;
    return out;
  }

  get stats(): KlvStreamStats {
    return { ...this.s, errors: [...this.s.errors] };
  }

  /** Keeps src[p, n) (the caller's bytes) as what waits. */
  private hold(src: Uint8Array, p: number, n: number): void {
    this.base += p;
    const rest = n - p;
    if (rest > this.buf.length) this.buf = new Uint8Array(Math.max(rest, 2 * this.buf.length));
    this.buf.set(src.subarray(p, n), 0);
    this.held = rest;
  }

  private drop(n: number): void {
    if (n <= 0) return;
    if (!this.dropping) this.s.resyncs++;
    this.dropping = true;
    this.s.droppedBytes += n;
  }

  /** Hands over the packets of work[0, n) (work[0] at stream offset `base`); returns where the undecided bytes start. */
  private scan(work: Uint8Array, n: number, out: KlvStreamPacket[]): number {
    let p = 0;
    while (p < n) {
      if (work[p] !== 0x06) {
        let q = work.indexOf(0x06, p + 1);
        if (q < 0 || q > n) q = n;
        this.drop(q - p);
        p = q;
        continue;
      }
      const r = probeFrame(work, p, n, this.maxPacketLength, this.probe, this.ber);
      if (r === FRAME_NEED_MORE && !this.ended) break;
      if (r !== FRAME_OK) {
        this.drop(1);
        p++;
        continue;
      }
      const end = this.probe.valueStart + this.probe.valueLength;
      const emitted = this.take(work, p, end, out);
      if (emitted < 0) {
        this.drop(1);
        p++;
      } else if (emitted < end) {
        // Cut short: the bytes up to the inner key go.
        this.s.truncated++;
        this.drop(emitted - p);
        p = emitted;
      } else {
        this.dropping = false;
        p = end;
      }
    }
    return p;
  }

  /** Decodes the framed packet [p, end): end when handed over, the index of an inner key when cut short, −1 when it does not decode. */
  private take(work: Uint8Array, p: number, end: number, out: KlvStreamPacket[]): number {
    const offset = this.base + p;
    const kind = keyKind(work, p);
    const valueStart = this.probe.valueStart;
    try {
      switch (kind) {
        case 'st0601': {
          const packet = decodeSt0601(work, { offset: p, end, base: this.base });
          if (!packet.checksum.ok) {
            const inner = innerKey(work, valueStart, end);
            if (inner >= 0) return inner;
            this.s.checksumErrors++;
          }
          this.s.st0601++;
          out.push({ kind, offset, packet });
          break;
        }
        case 'st0903': {
          const packet = decodeSt0903(work, { offset: p, end, base: this.base });
          if (!packet.checksum.ok && packet.checksum.stored !== null) {
            const inner = innerKey(work, valueStart, end);
            if (inner >= 0) return inner;
            this.s.checksumErrors++;
          }
          this.s.st0903++;
          out.push({ kind, offset, packet });
          break;
        }
        case 'st0102': {
          const packet = decodeSt0102(work, { offset: p, end, base: this.base });
          this.s.st0102++;
          out.push({ kind, offset, packet });
          break;
        }
        default: {
          const inner = innerKey(work, valueStart, end);
          if (inner >= 0) return inner;
          this.s.other++;
          out.push({ kind: 'other', offset, packetLength: end - p, key: keyHex(work, p), value: work.slice(valueStart, end) });
        }
      }
    } catch (e) {
      if (!(e instanceof NarizError)) throw e;
      this.s.malformed++;
      if (this.s.errors.length < MAX_ERRORS) this.s.errors.push({ offset, message: e.message });
      return -1;
    }
    this.s.packets++;
    return end;
  }
}

/** Index of the first ST 0601 / 0903 / 0102 key wholly inside [start, end), or −1. */
function innerKey(b: Uint8Array, start: number, end: number): number {
  for (let q = b.indexOf(0x06, start); q >= 0 && q + UL_LENGTH <= end; q = b.indexOf(0x06, q + 1)) {
    for (const k of KNOWN_KEYS) if (matchKey(b, q, k)) return q;
  }
  return -1;
}

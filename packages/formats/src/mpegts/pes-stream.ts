/**
 * PES reassembly on one PID of a known program (ISO/IEC 13818-1 §2.4.3.6).
 * A PES starts in a packet with payload_unit_start_indicator and ends when
 * PES_packet_length bytes have arrived or, unbounded (video), when the next
 * one starts or the input ends.
 *
 * Losses are never glued over: when the continuity counter shows lost
 * packets (`gap()`), the PES in progress is handed over as incomplete with
 * the bytes before the loss, and the packets after it are dropped
 * (`orphanPackets`) until the next PES starts. A bounded PES cut short by
 * the next start is incomplete too.
 *
 * Memory: a KLV PES is held once, at its announced length (≤ 65,535 bytes);
 * an unbounded metadata PES grows to at most `maxMetadataBytes`, then is
 * handed over incomplete. Video payloads are counted, not copied: only the
 * first packet is looked at, for a keyframe.
 */
import type { DemuxCounters } from './demux-stats.js';
import { MetadataAuAssembler, type MetadataAuCell } from './metadata-au.js';
import { PES_INVALID, PES_OPTIONAL_HEADER_MIN, PES_PREFIX_LENGTH, PesHeader } from './pes.js';
import type { VideoCodec } from './stream-types.js';

export const PES_KLV_ASYNC = 1;
export const PES_KLV_SYNC = 2;
export const PES_VIDEO = 3;
export type PesKind = typeof PES_KLV_ASYNC | typeof PES_KLV_SYNC | typeof PES_VIDEO;

/** The longest PES header: the fixed part and a 255-byte PES_header_data_length. */
const MAX_PES_HEADER = PES_OPTIONAL_HEADER_MIN + 255;
const EMPTY = new Uint8Array(0);

export interface PesOutput {
  klv(s: PesStream, bytes: Uint8Array, complete: boolean, pts: number, offset: number, cell: MetadataAuCell | undefined): void;
  video(s: PesStream, pts: number, dts: number, keyframe: boolean, size: number, complete: boolean, offset: number): void;
}

export class PesStream {
  private active = false;
  private offset = 0;
  private readonly header = new PesHeader();
  private headerDone = false;
  /** A header that spans packets is gathered here. */
  private hdr = EMPTY;
  private hdrHave = 0;
  private payload = EMPTY;
  private size = 0;
  /** Payload bytes the header announces, -1 when unbounded. */
  private expected = -1;
  private keyframe = false;
  private readonly au: MetadataAuAssembler | undefined;
  /** Set by the demuxer before each unit start: the program clock then (90 kHz, unwrapped), -1 before any PCR. */
  startClock = -1;
  /** The clock of the PES in progress. */
  clock = -1;

  constructor(
    readonly pid: number,
    readonly programNumber: number,
    readonly kind: PesKind,
    readonly codec: VideoCodec | undefined,
    private readonly counters: DemuxCounters,
    private readonly maxMetadataBytes: number,
    private readonly out: PesOutput,
  ) {
    this.au = kind === PES_KLV_SYNC
      ? new MetadataAuAssembler(counters, maxMetadataBytes, (bytes, complete, cell, pts) => out.klv(this, bytes, complete, pts, this.offset, cell))
      : undefined;
  }

  /** Bytes held for units in progress. */
  get buffered(): number {
    return (this.active ? this.payload.length + this.hdr.length : 0) + (this.au?.buffered ?? 0);
  }

  /** The payload b[s, e) of one packet; `offset` is the packet's place in the input, `randomAccess` its adaptation field's indicator. */
  push(b: Uint8Array, s: number, e: number, unitStart: boolean, offset: number, randomAccess: boolean): void {
    if (unitStart) {
      if (this.active) this.close(this.headerDone && this.expected < 0);
      this.active = true;
      this.offset = offset;
      this.clock = this.startClock;
      this.headerDone = false;
      this.hdrHave = 0;
      this.keyframe = randomAccess;
      this.headerBytes(b, s, e);
    } else if (!this.active) this.counters.orphanPackets++;
    else if (!this.headerDone) this.headerBytes(b, s, e);
    else this.body(b, s, e);
  }

  /** Packets were lost: the PES in progress ends here, incomplete. */
  gap(): void {
    if (this.active) this.close(false);
    this.au?.flush();
  }

  /** The input ended: an unbounded PES is complete, a bounded one short of its length is not. */
  end(): void {
    if (this.active) this.close(this.headerDone && (this.expected < 0 || this.size === this.expected));
    this.au?.flush();
  }

  private headerBytes(b: Uint8Array, s: number, e: number): void {
    if (this.hdrHave === 0) {
      const r = this.header.read(b, s, e);
      if (r >= 0) {
        this.startBody();
        this.body(b, s + r, e);
        return;
      }
      if (r === PES_INVALID) return this.invalid();
      if (this.hdr.length === 0) this.hdr = new Uint8Array(MAX_PES_HEADER);
      this.hdr.set(b.subarray(s, e));
      this.hdrHave = e - s;
      return;
    }
    const k = Math.min(e - s, MAX_PES_HEADER - this.hdrHave);
    this.hdr.set(b.subarray(s, s + k), this.hdrHave);
    this.hdrHave += k;
    const r = this.header.read(this.hdr, 0, this.hdrHave);
    if (r === PES_INVALID || (r < 0 && this.hdrHave === MAX_PES_HEADER)) return this.invalid();
    if (r < 0) return;
    this.startBody();
    this.body(this.hdr, r, this.hdrHave);
    if (this.active) this.body(b, s + k, e);
  }

  private invalid(): void {
    this.counters.pesHeaderErrors++;
    this.active = false;
  }

  private startBody(): void {
    this.headerDone = true;
    this.size = 0;
    const h = this.header;
    this.expected = h.packetLength > 0 ? PES_PREFIX_LENGTH + h.packetLength - h.headerLength : -1;
    if (this.kind !== PES_VIDEO) this.payload = new Uint8Array(this.expected >= 0 ? this.expected : Math.min(4096, this.maxMetadataBytes));
    if (this.expected === 0) this.close(true);
  }

  private body(b: Uint8Array, s: number, e: number): void {
    if (s >= e || !this.active) return;
    if (this.kind === PES_VIDEO) {
      if (this.size === 0 && !this.keyframe) this.keyframe = startsKeyframe(b, s, e, this.codec);
      this.size += e - s;
      if (this.expected >= 0 && this.size >= this.expected) {
        this.size = this.expected;
        this.close(true);
      }
      return;
    }
    let k = e - s;
    if (this.expected >= 0) {
      k = Math.min(k, this.expected - this.size);
      this.payload.set(b.subarray(s, s + k), this.size);
      this.size += k;
      if (this.size === this.expected) this.close(true);
      return;
    }
    // Unbounded metadata PES (not allowed by the standard, seen in the wild): grow to the cap.
    if (this.size + k > this.maxMetadataBytes) {
      this.counters.oversizeMetadata++;
      k = this.maxMetadataBytes - this.size;
      this.append(b, s, k);
      this.close(false);
      return;
    }
    this.append(b, s, k);
  }

  private append(b: Uint8Array, s: number, k: number): void {
    if (this.size + k > this.payload.length) {
      const grown = new Uint8Array(Math.min(this.maxMetadataBytes, Math.max(this.size + k, this.payload.length * 2)));
      grown.set(this.payload.subarray(0, this.size));
      this.payload = grown;
    }
    this.payload.set(b.subarray(s, s + k), this.size);
    this.size += k;
  }

  private close(complete: boolean): void {
    this.active = false;
    const payload = this.payload;
    this.payload = EMPTY;
    if (!this.headerDone) {
      // Cut before its header was whole: nothing to hand over.
      this.counters.pes(this.pid, false);
      return;
    }
    this.counters.pes(this.pid, complete);
    const h = this.header;
    if (this.kind === PES_VIDEO) {
      this.out.video(this, h.pts, h.dts >= 0 ? h.dts : h.pts, this.keyframe, this.size, complete, this.offset);
    } else if (this.kind === PES_KLV_ASYNC) {
      this.out.klv(this, payload.subarray(0, this.size), complete, h.pts, this.offset, undefined);
    } else {
      this.au!.read(payload.subarray(0, this.size), complete, h.pts);
      if (!complete) this.au!.flush();
    }
  }
}

/** An IDR/IRAP picture or parameter set (H.264, HEVC), a sequence header or I picture (MPEG-1/2) among the start codes of b[s, e). */
function startsKeyframe(b: Uint8Array, s: number, e: number, codec: VideoCodec | undefined): boolean {
  for (let i = s; i + 5 < e; i++) {
    if (b[i] !== 0 || b[i + 1] !== 0 || b[i + 2] !== 1) continue;
    const x = b[i + 3]!;
    if (codec === 'h264') {
      const t = x & 0x1f;
      if (t === 5 || t === 7) return true;
    } else if (codec === 'hevc') {
      const t = (x >> 1) & 0x3f;
      if ((t >= 16 && t <= 23) || t === 32 || t === 33) return true;
    } else if (codec === 'mpeg2' || codec === 'mpeg1') {
      if (x === 0xb3) return true;
      if (x === 0x00 && ((b[i + 5]! >> 3) & 7) === 1) return true;
    }
  }
  return false;
}

/**
 * What the demuxer hands over, in stream order. Times are 90 kHz ticks of
 * the program's clock with the 33-bit wrap unwrapped (`TimestampUnwrapper`);
 * offsets are byte offsets in the input of the sync byte of the packet
 * where the unit began.
 */
import type { MetadataFormat } from './descriptors.js';
import type { MetadataAuCell } from './metadata-au.js';
import type { StreamInfo } from './psi.js';
import type { VideoCodec } from './stream-types.js';

/** A program as its PAT entry and PMT describe it. */
export interface ProgramInfo {
  readonly programNumber: number;
  readonly pmtPid: number;
  readonly pcrPid: number;
  readonly version: number;
  readonly streams: readonly StreamInfo[];
  /** The program-level metadata_pointer_descriptor (synchronous metadata). */
  readonly metadataPointer?: MetadataFormat;
}

/** A program's PMT, the first time it is seen and whenever its version or content changes. */
export interface ProgramEvent extends ProgramInfo {
  readonly kind: 'program';
  readonly offset: number;
}

/** KLV bytes: the payload of one PES (asynchronous) or one metadata access unit (synchronous). */
export interface KlvEvent {
  readonly kind: 'klv';
  readonly pid: number;
  readonly programNumber: number;
  /** Presentation time (90 kHz, unwrapped); undefined when the PES had none (allowed for asynchronous KLV). */
  readonly pts: number | undefined;
  /**
   * The bytes as carried: for asynchronous KLV the PES payload (one or more
   * KLV packets, or a piece of one when a packet spans PES packets); for
   * synchronous KLV the access unit without its cell headers. Owned by the
   * event: they do not alias the pushed chunks.
   */
  readonly bytes: Uint8Array;
  /**
   * The program clock (PCR base, 90 kHz, unwrapped like the PTS) last seen
   * before the unit started: when it was multiplexed. Asynchronous KLV
   * without a PTS is tied to the video by this proximity (SMPTE RP 217).
   * Undefined before the program's first PCR.
   */
  readonly pcr: number | undefined;
  /** Synchronous carriage (stream_type 0x15, metadata AU cells). */
  readonly sync: boolean;
  /** False when packets were lost inside the unit, it was cut by the next PES or the end of the input, or it exceeded the size cap. */
  readonly complete: boolean;
  /** The first cell's header (synchronous KLV). */
  readonly cell?: MetadataAuCell;
  readonly offset: number;
}

/** The timing of one video PES (its payload is not copied). */
export interface VideoEvent {
  readonly kind: 'video';
  readonly pid: number;
  readonly programNumber: number;
  readonly codec: VideoCodec;
  readonly pts: number | undefined;
  /** Decode time; equal to the PTS when the PES carries no DTS. */
  readonly dts: number | undefined;
  /** random_access_indicator set, or an IDR/IRAP picture or a sequence header in the PES's first packet. */
  readonly keyframe: boolean;
  /** Payload bytes received. */
  readonly size: number;
  readonly complete: boolean;
  readonly offset: number;
}

/** Packets lost on a PID a program uses (by its continuity counter). */
export interface GapEvent {
  readonly kind: 'gap';
  readonly pid: number;
  /** Estimated: the counter counts modulo 16. */
  readonly lostPackets: number;
  /** Offset of the first packet after the gap. */
  readonly offset: number;
}

export type DemuxEvent = ProgramEvent | KlvEvent | VideoEvent | GapEvent;

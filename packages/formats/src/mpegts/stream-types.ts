/**
 * What a PMT entry carries, from its stream_type (ISO/IEC 13818-1 Table 2-34)
 * and descriptors. KLV is recognised two ways (MISB ST 1402):
 * - asynchronous (SMPTE RP 217): stream_type 0x06 (PES private data) with a
 *   registration descriptor 'KLVA'; PES stream_id 0xBD, payload = KLV bytes;
 * - synchronous (ISO/IEC 13818-1 §2.12.4): stream_type 0x15 (metadata in PES)
 *   with a metadata_descriptor whose format identifier is 'KLVA'; PES
 *   stream_id 0xFC, payload = metadata AU cells, each with a PTS-timed AU.
 */
import { KLVA, type DescriptorSummary } from './descriptors.js';

export const STREAM_TYPE = {
  MPEG1_VIDEO: 0x01,
  MPEG2_VIDEO: 0x02,
  MPEG1_AUDIO: 0x03,
  MPEG2_AUDIO: 0x04,
  PRIVATE_PES: 0x06,
  AAC_ADTS: 0x0f,
  MPEG4_VIDEO: 0x10,
  AAC_LATM: 0x11,
  METADATA_PES: 0x15,
  H264: 0x1b,
  HEVC: 0x24,
  AC3: 0x81,
} as const;

export type VideoCodec = 'mpeg1' | 'mpeg2' | 'mpeg4' | 'h264' | 'hevc';
export type KlvCarriage = 'async' | 'sync';
export type StreamKind = 'video' | 'audio' | 'klv' | 'metadata' | 'private' | 'other';

export interface StreamClass {
  readonly kind: StreamKind;
  /** For video streams. */
  readonly codec?: VideoCodec;
  /** For KLV streams. */
  readonly klv?: KlvCarriage;
}

const VIDEO: ReadonlyMap<number, VideoCodec> = new Map([
  [STREAM_TYPE.MPEG1_VIDEO, 'mpeg1'], [STREAM_TYPE.MPEG2_VIDEO, 'mpeg2'], [STREAM_TYPE.MPEG4_VIDEO, 'mpeg4'],
  [STREAM_TYPE.H264, 'h264'], [STREAM_TYPE.HEVC, 'hevc'],
]);
const AUDIO: ReadonlySet<number> = new Set([STREAM_TYPE.MPEG1_AUDIO, STREAM_TYPE.MPEG2_AUDIO, STREAM_TYPE.AAC_ADTS, STREAM_TYPE.AAC_LATM, STREAM_TYPE.AC3]);

export function classifyStream(streamType: number, d: DescriptorSummary): StreamClass {
  const codec = VIDEO.get(streamType);
  if (codec !== undefined) return { kind: 'video', codec };
  if (AUDIO.has(streamType)) return { kind: 'audio' };
  const klvFormat = d.metadata?.formatId === KLVA || d.metadata?.applicationFormatId === KLVA;
  if (streamType === STREAM_TYPE.METADATA_PES) return klvFormat || d.registration === KLVA ? { kind: 'klv', klv: 'sync' } : { kind: 'metadata' };
  if (streamType === STREAM_TYPE.PRIVATE_PES) return d.registration === KLVA || klvFormat ? { kind: 'klv', klv: 'async' } : { kind: 'private' };
  return { kind: 'other' };
}

/**
 * The program tables (ISO/IEC 13818-1 §2.4.4.3, §2.4.4.8): the PAT (PID 0,
 * table_id 0x00) lists each program's PMT PID; a PMT (table_id 0x02) lists
 * the program's elementary streams with their stream_type, PID and
 * descriptors. Input is one whole section whose CRC already held
 * (`SectionAssembler`); a malformed section gives undefined.
 */
import { readDescriptors, type MetadataFormat } from './descriptors.js';
import { classifyStream, type KlvCarriage, type StreamKind, type VideoCodec } from './stream-types.js';

export const TABLE_PAT = 0x00;
export const TABLE_PMT = 0x02;
/** Table header (after the 3-byte section header) and CRC. */
const LONG_HEADER = 5;
const CRC_LENGTH = 4;

export interface PatSection {
  readonly transportStreamId: number;
  readonly version: number;
  /** current_next_indicator: false for a table announced before it applies (ignored by the demuxer). */
  readonly current: boolean;
  readonly sectionNumber: number;
  readonly lastSectionNumber: number;
  /** program_number → PMT PID (program 0, the network PID, is left out). */
  readonly programs: ReadonlyArray<{ readonly programNumber: number; readonly pmtPid: number }>;
}

/** One elementary stream of a program, as its PMT describes it. */
export interface StreamInfo {
  readonly pid: number;
  readonly streamType: number;
  readonly kind: StreamKind;
  readonly codec?: VideoCodec;
  readonly klv?: KlvCarriage;
  /** The registration descriptor's format identifier ('KLVA', 'HEVC', …). */
  readonly registration?: string;
  /** The metadata_descriptor (synchronous metadata). */
  readonly metadata?: MetadataFormat;
  readonly descriptorTags: readonly number[];
}

export interface PmtSection {
  readonly programNumber: number;
  readonly version: number;
  readonly current: boolean;
  /** PID whose adaptation fields carry the program's PCR (0x1FFF: none). */
  readonly pcrPid: number;
  readonly programDescriptorTags: readonly number[];
  /** The program-level metadata_pointer_descriptor, when there is one. */
  readonly metadataPointer?: MetadataFormat;
  readonly streams: readonly StreamInfo[];
}

function sectionEnd(s: Uint8Array): number {
  return 3 + (((s[1]! & 0x0f) << 8) | s[2]!) - CRC_LENGTH;
}

export function parsePat(s: Uint8Array): PatSection | undefined {
  if (s[0] !== TABLE_PAT || (s[1]! & 0x80) === 0) return undefined;
  const end = sectionEnd(s);
  const body = 3 + LONG_HEADER;
  if ((end - body) % 4 !== 0) return undefined;
  const programs: Array<{ programNumber: number; pmtPid: number }> = [];
  for (let o = body; o + 4 <= end; o += 4) {
    const programNumber = (s[o]! << 8) | s[o + 1]!;
    const pid = ((s[o + 2]! & 0x1f) << 8) | s[o + 3]!;
    if (programNumber !== 0) programs.push({ programNumber, pmtPid: pid });
  }
  return {
    transportStreamId: (s[3]! << 8) | s[4]!, version: (s[5]! >> 1) & 0x1f, current: (s[5]! & 1) === 1,
    sectionNumber: s[6]!, lastSectionNumber: s[7]!, programs,
  };
}

export function parsePmt(s: Uint8Array): PmtSection | undefined {
  if (s[0] !== TABLE_PMT || (s[1]! & 0x80) === 0) return undefined;
  const end = sectionEnd(s);
  let o = 3 + LONG_HEADER;
  if (o + 4 > end) return undefined;
  const pcrPid = ((s[o]! & 0x1f) << 8) | s[o + 1]!;
  const programInfoLength = ((s[o + 2]! & 0x0f) << 8) | s[o + 3]!;
  o += 4;
  if (o + programInfoLength > end) return undefined;
  const program = readDescriptors(s, o, o + programInfoLength);
  o += programInfoLength;
  const streams: StreamInfo[] = [];
  while (o + 5 <= end) {
    const streamType = s[o]!;
    const pid = ((s[o + 1]! & 0x1f) << 8) | s[o + 2]!;
    const esInfoLength = ((s[o + 3]! & 0x0f) << 8) | s[o + 4]!;
    o += 5;
    if (o + esInfoLength > end) return undefined;
    const d = readDescriptors(s, o, o + esInfoLength);
    o += esInfoLength;
    const c = classifyStream(streamType, d);
    streams.push({
      pid, streamType, kind: c.kind, descriptorTags: d.tags,
      ...(c.codec !== undefined ? { codec: c.codec } : {}), ...(c.klv !== undefined ? { klv: c.klv } : {}),
      ...(d.registration !== undefined ? { registration: d.registration } : {}), ...(d.metadata !== undefined ? { metadata: d.metadata } : {}),
    });
  }
  if (o !== end) return undefined;
  return {
    programNumber: (s[3]! << 8) | s[4]!, version: (s[5]! >> 1) & 0x1f, current: (s[5]! & 1) === 1,
    pcrPid, programDescriptorTags: program.tags, streams,
    ...(program.metadataPointer !== undefined ? { metadataPointer: program.metadataPointer } : {}),
  };
}

/**
 * PAT and PMT sections for the muxer (ISO/IEC 13818-1 §2.4.4.3, §2.4.4.8),
 * each one section with its CRC-32/MPEG-2.
 */
import { crc32Mpeg2 } from './crc32.js';
import { TABLE_PAT, TABLE_PMT } from './psi.js';

/** A PAT or PMT holds at most 1021 bytes after section_length. */
const MAX_SECTION_LENGTH = 1021;

function longSection(tableId: number, tableIdExtension: number, version: number, body: readonly number[]): Uint8Array {
  const sectionLength = 5 + body.length + 4;
  if (sectionLength > MAX_SECTION_LENGTH) throw new RangeError(`section of ${sectionLength} bytes exceeds ${MAX_SECTION_LENGTH}`);
  const s = new Uint8Array(3 + sectionLength);
  s[0] = tableId;
  // section_syntax_indicator '1', '0', reserved '11'.
  s[1] = 0xb0 | (sectionLength >> 8);
  s[2] = sectionLength & 0xff;
  s[3] = tableIdExtension >> 8;
  s[4] = tableIdExtension & 0xff;
  // reserved '11', version_number, current_next_indicator '1'.
  s[5] = 0xc0 | ((version & 0x1f) << 1) | 1;
  s[6] = 0;
  s[7] = 0;
  s.set(body, 8);
  const crc = crc32Mpeg2(s, 0, s.length - 4);
  s[s.length - 4] = crc >>> 24;
  s[s.length - 3] = (crc >>> 16) & 0xff;
  s[s.length - 2] = (crc >>> 8) & 0xff;
  s[s.length - 1] = crc & 0xff;
  return s;
}

export function writePat(transportStreamId: number, version: number, programs: ReadonlyArray<{ readonly programNumber: number; readonly pmtPid: number }>): Uint8Array {
  const body: number[] = [];
  for (const p of programs) body.push(p.programNumber >> 8, p.programNumber & 0xff, 0xe0 | (p.pmtPid >> 8), p.pmtPid & 0xff);
  return longSection(TABLE_PAT, transportStreamId, version, body);
}

export interface PmtStreamEntry {
  readonly streamType: number;
  readonly pid: number;
  readonly descriptors: readonly number[];
}

export function writePmt(programNumber: number, version: number, pcrPid: number, programDescriptors: readonly number[], streams: readonly PmtStreamEntry[]): Uint8Array {
  const body: number[] = [0xe0 | (pcrPid >> 8), pcrPid & 0xff, 0xf0 | (programDescriptors.length >> 8), programDescriptors.length & 0xff, ...programDescriptors];
  for (const s of streams) {
    body.push(s.streamType, 0xe0 | (s.pid >> 8), s.pid & 0xff, 0xf0 | (s.descriptors.length >> 8), s.descriptors.length & 0xff, ...s.descriptors);
  }
  return longSection(TABLE_PMT, programNumber, version, body);
}

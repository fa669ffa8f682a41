/**
 * The PMT descriptors that identify KLV metadata (ISO/IEC 13818-1 §2.6;
 * SMPTE RP 217 for asynchronous KLV; MISB ST 1402 for synchronous KLV):
 *
 * | tag  | descriptor               | where            | KLV use |
 * |------|--------------------------|------------------|---------|
 * | 0x05 | registration             | ES info          | format_identifier 'KLVA' on a stream_type 0x06 PES stream (asynchronous) |
 * | 0x25 | metadata_pointer         | program info     | points at the metadata service of the program (synchronous) |
 * | 0x26 | metadata                 | ES info          | metadata_format 0xFF + metadata_format_identifier 'KLVA' on stream_type 0x15 (synchronous) |
 * | 0x27 | metadata_STD             | ES info          | buffer model of a stream_type 0x15 stream |
 *
 * Readers take the bytes of one descriptor loop and never read past it;
 * a descriptor whose length overruns the loop ends the reading.
 */

export const TAG_REGISTRATION = 0x05;
export const TAG_METADATA_POINTER = 0x25;
export const TAG_METADATA = 0x26;
export const TAG_METADATA_STD = 0x27;

/** 'KLVA' (0x4B4C5641): the format identifier SMPTE registered for KLV in MPEG-2 systems. */
export const KLVA = 'KLVA';
/** metadata_application_format 0x0100, "user defined", as MISB ST 1402's tables give it for KLV. */
export const METADATA_APPLICATION_FORMAT_KLV = 0x0100;

/** What a metadata, metadata_pointer descriptor says about the metadata's format (§2.6.58, §2.6.60). */
export interface MetadataFormat {
  readonly applicationFormat: number;
  /** metadata_application_format_identifier, present when applicationFormat is 0xFFFF. */
  readonly applicationFormatId?: string;
  readonly format: number;
  /** metadata_format_identifier, present when format is 0xFF ('KLVA' for KLV, 'ID3 ' for ID3). */
  readonly formatId?: string;
  readonly serviceId: number;
  readonly decoderConfigFlags: number;
}

export interface MetadataStd {
  /** metadata_input_leak_rate, in units of 400 bit/s. */
  readonly inputLeakRate: number;
  /** metadata_buffer_size, in units of 1024 bytes. */
  readonly bufferSize: number;
  /** metadata_output_leak_rate, in units of 400 bit/s. */
  readonly outputLeakRate: number;
}

export interface DescriptorSummary {
  /** Every descriptor tag in the loop, in order. */
  readonly tags: number[];
  /** The registration descriptor's format_identifier (four characters). */
  registration?: string;
  metadata?: MetadataFormat;
  metadataStd?: MetadataStd;
  metadataPointer?: MetadataFormat;
}

function fourcc(b: Uint8Array, o: number): string {
  return String.fromCharCode(b[o]!, b[o + 1]!, b[o + 2]!, b[o + 3]!);
}

/** The format fields shared by the metadata and metadata_pointer descriptors, or undefined when they overrun [o, e). */
function readFormat(b: Uint8Array, o: number, e: number): MetadataFormat | undefined {
  if (o + 2 > e) return undefined;
  const applicationFormat = (b[o]! << 8) | b[o + 1]!;
  o += 2;
  let applicationFormatId: string | undefined;
  if (applicationFormat === 0xffff) {
    if (o + 4 > e) return undefined;
    applicationFormatId = fourcc(b, o);
    o += 4;
  }
  if (o + 1 > e) return undefined;
  const format = b[o++]!;
  let formatId: string | undefined;
  if (format === 0xff) {
    if (o + 4 > e) return undefined;
    formatId = fourcc(b, o);
    o += 4;
  }
  if (o + 2 > e) return undefined;
  const f: MetadataFormat = { applicationFormat, format, serviceId: b[o]!, decoderConfigFlags: b[o + 1]! >> 5 };
  return { ...f, ...(applicationFormatId !== undefined ? { applicationFormatId } : {}), ...(formatId !== undefined ? { formatId } : {}) };
}

/** Reads the descriptor loop in b[s, e). */
export function readDescriptors(b: Uint8Array, s: number, e: number): DescriptorSummary {
  const out: DescriptorSummary = { tags: [] };
  let o = s;
  while (o + 2 <= e) {
    const tag = b[o]!;
    const len = b[o + 1]!;
    const d = o + 2;
    if (d + len > e) break;
    out.tags.push(tag);
    if (tag === TAG_REGISTRATION && len >= 4) out.registration = fourcc(b, d);
    else if (tag === TAG_METADATA) {
      const f = readFormat(b, d, d + len);
      if (f !== undefined) out.metadata = f;
    } else if (tag === TAG_METADATA_POINTER) {
      const f = readFormat(b, d, d + len);
      if (f !== undefined) out.metadataPointer = f;
    } else if (tag === TAG_METADATA_STD && len >= 9) {
      const u22 = (i: number): number => ((b[i]! & 0x3f) << 16) | (b[i + 1]! << 8) | b[i + 2]!;
      out.metadataStd = { inputLeakRate: u22(d), bufferSize: u22(d + 3), outputLeakRate: u22(d + 6) };
    }
    o = d + len;
  }
  return out;
}

function ascii4(id: string): number[] {
  if (id.length !== 4) throw new Error(`a format identifier has four characters, got "${id}"`);
  return [id.charCodeAt(0), id.charCodeAt(1), id.charCodeAt(2), id.charCodeAt(3)];
}

/** registration_descriptor with a format_identifier (RP 217: 'KLVA'). */
export function registrationDescriptor(formatId: string): number[] {
  return [TAG_REGISTRATION, 4, ...ascii4(formatId)];
}

/** metadata_descriptor for KLV (ST 1402): application format 0x0100, format 0xFF 'KLVA', no decoder configuration, no DSM-CC. */
export function klvMetadataDescriptor(serviceId: number): number[] {
  const body = [
    METADATA_APPLICATION_FORMAT_KLV >> 8, METADATA_APPLICATION_FORMAT_KLV & 0xff, 0xff, ...ascii4(KLVA), serviceId,
    // decoder_config_flags '000', DSM-CC_flag '0', reserved '1111'.
    0x0f,
  ];
  return [TAG_METADATA, body.length, ...body];
}

/** metadata_pointer_descriptor for KLV carried in this program (MPEG_carriage_flags 0: same transport stream). */
export function klvMetadataPointerDescriptor(serviceId: number, programNumber: number): number[] {
  const body = [
    METADATA_APPLICATION_FORMAT_KLV >> 8, METADATA_APPLICATION_FORMAT_KLV & 0xff, 0xff, ...ascii4(KLVA), serviceId,
    // metadata_locator_record_flag '0', MPEG_carriage_flags '00', reserved '11111'.
    0x1f,
    programNumber >> 8, programNumber & 0xff,
  ];
  return [TAG_METADATA_POINTER, body.length, ...body];
}

/** metadata_STD_descriptor (each field 22 bits after two reserved '1' bits). */
export function metadataStdDescriptor(std: MetadataStd): number[] {
  const u22 = (x: number): number[] => [0xc0 | ((x >> 16) & 0x3f), (x >> 8) & 0xff, x & 0xff];
  return [TAG_METADATA_STD, 9, ...u22(std.inputLeakRate), ...u22(std.bufferSize), ...u22(std.outputLeakRate)];
}

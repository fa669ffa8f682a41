/**
 * @nariz/formats — readers and writers for the files Nariz exchanges.
 * Sortie CSV: docs/formats/sortie-csv.md; MAVLink telemetry: docs/formats/mavlink.md.
 */
export { parseSortieCsv, readSortieCsvBatches, readSortieCsvFile, readSortieCsvStream, type ReadSortieBatchesResult } from './sortie-csv/read.js';
export { writeSortieCsv } from './sortie-csv/write.js';
export { SORTIE_WARNING_CODES } from './sortie-csv/types.js';
export type { ReadSortieOptions, ReadSortieResult, SortieWarning, WriteSortieOptions } from './sortie-csv/types.js';
export { PRESSURE_RANGE_HPA, TEMP_RANGE_C } from './sortie-csv/rows.js';

/* MAVLink telemetry: docs/formats/mavlink.md. */
export { MavlinkDecoder, type MavlinkDecoderOptions } from './mavlink/decoder.js';
export { TlogDecoder, TLOG_TIME_LENGTH, TLOG_TIME_RANGE_US, type TlogOptions } from './mavlink/tlog-decoder.js';
export type { DecoderStats } from './mavlink/decoder-stats.js';
export { STX_V1, STX_V2, MAX_PACKET_LENGTH, type MavlinkFrame } from './mavlink/frame.js';
export { MavlinkDialect, defaultDialect, type MessageInfo } from './mavlink/dialect.js';
export { crcAccumulate, packetCrc } from './mavlink/crc.js';
export { encodeFrame, tlogRecord, type EncodeOptions, type FieldValue } from './mavlink/encode.js';
export {
  MSG, DEBUG_ARRAY_LENGTH, NAME_LENGTH, decodeAttitude, decodeDebugFloatArray, decodeGlobalPositionInt, decodeHeartbeat, decodeNamedValueFloat,
  decodeScaledPressure, decodeSystemTime, decodeTelemetryMessage, decodeWind, decodeWindCov,
  type Attitude, type DebugFloatArray, type GlobalPositionInt, type Heartbeat, type NamedValueFloat, type ScaledPressure, type SystemTime,
  type TelemetryMessage, type Wind, type WindCov,
} from './mavlink/messages.js';
export { createFrameDecoder, readTelemetryFile, readTelemetryStream, readTlog, type FrameDecoder, type TelemetryFormat, type TelemetryReadOptions, type TelemetryReadResult } from './mavlink/read.js';
export { MAVLINK_SPECIES_CODES, MET_NAMES, resolveReadingName, type Channel, type NameMeaning } from './mavlink/gas-names.js';
export { DEFAULT_DEBUG_ARRAY_NAME, SENSOR_MAP_VERSION, parseSensorMap, readSensorMapFile, type SensorMap, type SensorMapOptions } from './mavlink/sensor-map.js';
export { DEFAULT_ASSEMBLY_LIMITS, TelemetryAssembler, type AssemblyLimits, type AssemblyStats, type DropReason, type TelemetryAssemblerOptions } from './mavlink/assembler.js';
export type { EpochSource } from './mavlink/epoch.js';
export { summariseTrack, type TrackSummary, type VehicleTrack } from './mavlink/track.js';
export { telemetryFileToSortie, tlogToSortie, type TelemetrySortieOptions, type TelemetrySortieResult } from './mavlink/telemetry-sortie.js';
export { MAVLINK_WARNING_CODES, type MavlinkWarning } from './mavlink/warnings.js';

/* MPEG-TS: docs/formats/mpegts.md */
export { TsDemuxer, DEFAULT_MAX_METADATA_BYTES, DEFAULT_SYNC_SEARCH_BYTES, MAX_PROGRAMS, type TsDemuxerOptions } from './mpegts/demuxer.js';
export { demuxTs, extractMetadata, type DemuxResult, type ExtractMetadataResult } from './mpegts/extract.js';
export type { DemuxEvent, GapEvent, KlvEvent, ProgramEvent, ProgramInfo, VideoEvent } from './mpegts/events.js';
export type { DemuxStats, PidStats } from './mpegts/demux-stats.js';
export type { PmtSection, PatSection, StreamInfo } from './mpegts/psi.js';
export { KLVA, type MetadataFormat, type MetadataStd } from './mpegts/descriptors.js';
export { STREAM_TYPE, type KlvCarriage, type StreamKind, type VideoCodec } from './mpegts/stream-types.js';
export { AU_CELL_HEADER_LENGTH, CFI_COMPLETE, CFI_FIRST, CFI_LAST, CFI_MIDDLE, writeAuCellHeader, type AuCellOptions, type MetadataAuCell } from './mpegts/metadata-au.js';
export { PACKET_STRIDES, PCR_HZ, PTS_HZ, SYNC_BYTE, TS_PACKET_SIZE, type PacketStride } from './mpegts/packet.js';
export { TIMESTAMP_WRAP, TimestampUnwrapper } from './mpegts/timestamp.js';
export { crc32Mpeg2 } from './mpegts/crc32.js';
export { TsMuxer, type TsMuxerOptions, type VideoFrame } from './mpegts/muxer.js';
export { splitAccessUnits, type AccessUnit, type ElementaryCodec } from './mpegts/annexb.js';
export { framePts, muxVideoWithKlv, type MuxVideoKlvInput, type MuxVideoKlvResult } from './mpegts/mux-video-klv.js';

/* KLV / MISB: docs/formats/klv.md */
export { decodeSt0601, decodeSt0601Value, st0601Fields, type ChecksumResult, type DecodeOptions, type St0601Packet, type St0601PacketFlag } from './klv/st0601.js';
export { uasView, type GenericFlags, type LatLon, type UasView } from './klv/st0601-view.js';
export {
  ST0601, ST0601_SPECS, ST0601_VERSION, GENERIC_FLAG_BITS, ICING_LABELS, OPERATIONAL_MODE_LABELS, PLATFORM_STATUS_LABELS, POSITIONING_SOURCE_BITS,
  SENSOR_CONTROL_MODE_LABELS, SENSOR_FOV_NAME_LABELS, type St0601FieldInputs, type St0601Fields, type St0601Key,
} from './klv/st0601-tags.js';
export { decodeSt0102, securityView, type SecurityPacket, type SecurityView } from './klv/st0102.js';
export { ST0102, CLASSIFICATION_LABELS, CLASSIFYING_COUNTRY_METHOD_LABELS, OBJECT_COUNTRY_METHOD_LABELS, type SecurityFieldInputs, type SecurityFields } from './klv/st0102-tags.js';
export { decodeSt0903, pixelPosition, vmtiView, type PixelPosition, type VmtiPacket, type VmtiView, type VTargetView } from './klv/st0903.js';
export { ST0903, VTARGET, type VmtiFieldInputs, type VmtiFields, type VTargetFieldInputs, type VTargetFields } from './klv/st0903-tags.js';
export { encodeSt0102, encodeSt0601, encodeSt0601Fields, encodeSt0903, type EncodeFieldsOptions, type EncodeSt0601Options } from './klv/encode.js';
export { KlvStreamParser, type KlvStreamError, type KlvStreamOptions, type KlvStreamPacket, type KlvStreamStats } from './klv/stream.js';
export { frameKlv, splitKlv, type KlvFrame } from './klv/packet.js';
export { ST0102_KEY, ST0601_KEY, ST0903_KEY, keyKind, matchKey, type KeyKind } from './klv/universal-key.js';
export { klvChecksum } from './klv/checksum.js';
export { Imapb, imapbKind, type ImapbKind } from './klv/imapb.js';
export { readBerLength, readBerOid } from './klv/ber.js';
export type { KlvFlag } from './klv/flags.js';
export type { Codec, PackName, PackValues } from './klv/codecs.js';
export type { KlvItem, KlvItemInput, KlvSeriesEntry, KlvSeriesInput, KlvSet, KlvSetInput, KlvValue } from './klv/items.js';
export type { SetTable, TagEntry } from './klv/set-table.js';
export type {
  AirbaseLocations, AngleDomain, ControlCommand, CountryCodes, FpaIndex, GeoPoint, ImageHorizon, MetadataSubstreamId, MiisCoreId, PayloadList,
  SensorFrameRate, TargetLocation, ViewDomain, Wavelength, WaypointRecord, WeaponStore,
} from './klv/pack-types.js';

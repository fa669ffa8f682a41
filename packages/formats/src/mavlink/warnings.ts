/**
 * Problems that did not stop a telemetry read, folded by kind: a million
 * repeats cost one entry with a count, the first message and the byte
 * offsets of the first few.
 */

export interface MavlinkWarning {
  /** One of MAVLINK_WARNING_CODES. */
  readonly code: string;
  /** The first occurrence, in words. */
  readonly message: string;
  readonly count: number;
  /** Byte offsets in the input of the first few occurrences, when they have one. */
  readonly exampleOffsets: readonly number[];
}

export const MAVLINK_WARNING_CODES = {
  /** Lenient tlog: a record time before 2000 or after 2100; the frame is kept without a time. */
  tlogBadTime: 'TLOG_BAD_TIME',
  /** Lenient tlog: a record time earlier than the one before; the frame is kept. */
  tlogTimeBackwards: 'TLOG_TIME_BACKWARDS',
  /** Lenient tlog: the file ends inside a record, which is dropped. */
  tlogTruncated: 'TLOG_TRUNCATED',
  /** Bytes that belong to no packet were skipped (counts in the decoder stats). */
  droppedBytes: 'MAVLINK_DROPPED_BYTES',
  /** Packets with message ids the dialect lacks were skipped. */
  unknownIds: 'MAVLINK_UNKNOWN_IDS',
  /** No gas reading in the telemetry: a track but no sortie. */
  noGas: 'MAVLINK_NO_GAS',
  /** NAMED_VALUE_FLOAT names that are not gas readings by the naming convention (ignored). */
  namedValueIgnored: 'MAVLINK_NAMED_VALUE_IGNORED',
  /** A name with a unit suffix whose species the chemical table does not know (ignored). */
  unknownSpecies: 'MAVLINK_UNKNOWN_SPECIES',
  /** DEBUG_FLOAT_ARRAY with a name or array id the sensor map does not describe (ignored). */
  debugArrayIgnored: 'MAVLINK_DEBUG_ARRAY_IGNORED',
  /** A reading that is NaN or infinite (ignored). */
  badValue: 'MAVLINK_BAD_VALUE',
  /** A species first seen after the sortie's species were fixed (ignored). */
  lateSpecies: 'MAVLINK_LATE_SPECIES',
  /** A sample lacked a species and took its last value, within the hold limit. */
  valueHeld: 'MAVLINK_VALUE_HELD',
  /** Samples that could not be placed: no fix around them, fixes too far apart, no wind, no time base, a species with no recent value. */
  sampleDropped: 'MAVLINK_SAMPLE_DROPPED',
  /** GLOBAL_POSITION_INT at 0°, 0° (no GPS fix yet): not a position. */
  noGpsFix: 'MAVLINK_NO_GPS_FIX',
  /** GLOBAL_POSITION_INT older than the fix before it (a late duplicate): skipped. */
  fixOutOfOrder: 'MAVLINK_FIX_OUT_OF_ORDER',
  /** Height above home below zero, set to 0 (alt_agl_m must be >= 0). */
  altitudeClamped: 'MAVLINK_ALTITUDE_CLAMPED',
  /** The vehicle's boot clock went back: it rebooted; positions, wind and time base start again. */
  reboot: 'MAVLINK_REBOOT',
  /** SYSTEM_TIME disagrees with the time base already in use by more than a second. */
  timeBasesDiffer: 'MAVLINK_TIME_BASES_DIFFER',
  /** More than one vehicle in the log; one was chosen. */
  multipleVehicles: 'MAVLINK_MULTIPLE_VEHICLES',
} as const;

export const MAX_EXAMPLE_OFFSETS = 5;

interface Entry {
  code: string;
  message: string;
  count: number;
  exampleOffsets: number[];
}

export class MavlinkWarningTally {
  private readonly byKey = new Map<string, Entry>();

  /** Counts one occurrence; `message` is kept when the key is new. The key defaults to the code. */
  add(code: string, message: string, offset?: number, key: string = code, count = 1): void {
    let e = this.byKey.get(key);
    if (e === undefined) {
      e = { code, message, count: 0, exampleOffsets: [] };
      this.byKey.set(key, e);
    }
    e.count += count;
    if (offset !== undefined && e.exampleOffsets.length < MAX_EXAMPLE_OFFSETS) e.exampleOffsets.push(offset);
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  list(): MavlinkWarning[] {
    return [...this.byKey.values()].map((e) => ({ code: e.code, message: e.message, count: e.count, exampleOffsets: [...e.exampleOffsets] }));
  }
}

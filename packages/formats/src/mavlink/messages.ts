/**
 * The messages Nariz reads from telemetry, decoded into typed values with SI
 * names. Ids and field offsets come from node-mavlink's generated classes
 * (the MAVLink XML): each layout is resolved once at start-up and checked
 * against the field type we read, so a changed definition fails loudly here
 * rather than decoding garbage. Wire format: little-endian, fields sorted
 * by type size (largest first), extensions last.
 */
import { ardupilotmega, common, minimal, type MavLinkPacketField } from 'node-mavlink';
import type { MavlinkFrame } from './frame.js';

interface MessageClass {
  readonly MSG_ID: number;
  readonly MSG_NAME: string;
  readonly FIELDS: readonly MavLinkPacketField[];
}

/** Byte offsets of the named fields (XML names), each checked to have the type we decode it as. */
function layout<K extends string>(clazz: MessageClass, types: Record<K, string>): Record<K, number> {
  const out = {} as Record<K, number>;
  for (const name of Object.keys(types) as K[]) {
    const f = clazz.FIELDS.find((x) => x.source === name);
    if (f === undefined || f.type !== types[name]) {
      throw new Error(`${clazz.MSG_NAME}.${name}: expected ${types[name]} in node-mavlink's definition, found ${f?.type ?? 'no such field'}`);
    }
    out[name] = f.offset;
  }
  return out;
}

/** Message ids, from the definitions. */
export const MSG = {
  HEARTBEAT: minimal.Heartbeat.MSG_ID,
  SYSTEM_TIME: common.SystemTime.MSG_ID,
  SCALED_PRESSURE: common.ScaledPressure.MSG_ID,
  ATTITUDE: common.Attitude.MSG_ID,
  GLOBAL_POSITION_INT: common.GlobalPositionInt.MSG_ID,
  WIND: ardupilotmega.Wind.MSG_ID,
  WIND_COV: common.WindCov.MSG_ID,
  NAMED_VALUE_FLOAT: common.NamedValueFloat.MSG_ID,
  DEBUG_FLOAT_ARRAY: common.DebugFloatArray.MSG_ID,
} as const;

const L_HEARTBEAT = layout(minimal.Heartbeat, { custom_mode: 'uint32_t', type: 'uint8_t', autopilot: 'uint8_t', base_mode: 'uint8_t', system_status: 'uint8_t' });
const L_SYSTEM_TIME = layout(common.SystemTime, { time_unix_usec: 'uint64_t', time_boot_ms: 'uint32_t' });
const L_SCALED_PRESSURE = layout(common.ScaledPressure, { time_boot_ms: 'uint32_t', press_abs: 'float', temperature: 'int16_t' });
const L_ATTITUDE = layout(common.Attitude, { time_boot_ms: 'uint32_t', roll: 'float', pitch: 'float', yaw: 'float' });
const L_GPI = layout(common.GlobalPositionInt, {
  time_boot_ms: 'uint32_t', lat: 'int32_t', lon: 'int32_t', alt: 'int32_t', relative_alt: 'int32_t', vx: 'int16_t', vy: 'int16_t', vz: 'int16_t', hdg: 'uint16_t',
});
const L_WIND = layout(ardupilotmega.Wind, { direction: 'float', speed: 'float', speed_z: 'float' });
const L_WIND_COV = layout(common.WindCov, { time_usec: 'uint64_t', wind_x: 'float', wind_y: 'float', wind_z: 'float' });
const L_NVF = layout(common.NamedValueFloat, { time_boot_ms: 'uint32_t', name: 'char[]', value: 'float' });
const L_DFA = layout(common.DebugFloatArray, { time_usec: 'uint64_t', array_id: 'uint16_t', name: 'char[]', data: 'float[]' });

/** Length of NAMED_VALUE_FLOAT.name and DEBUG_FLOAT_ARRAY.name (char[10]). */
export const NAME_LENGTH = common.NamedValueFloat.FIELDS.find((f) => f.source === 'name')!.length;
/** Elements of DEBUG_FLOAT_ARRAY.data. */
export const DEBUG_ARRAY_LENGTH = common.DebugFloatArray.FIELDS.find((f) => f.source === 'data')!.length;

export interface Heartbeat {
  /** MAV_TYPE (6 = ground station). */
  readonly type: number;
  readonly autopilot: number;
  readonly baseMode: number;
  readonly customMode: number;
  readonly systemStatus: number;
}

export interface SystemTime {
  /** µs since the Unix epoch; 0 when the vehicle does not know the time yet (no GPS). */
  readonly timeUnixUs: number;
  readonly timeBootMs: number;
}

export interface ScaledPressure {
  readonly timeBootMs: number;
  readonly pressureHpa: number;
  /** The barometer chip's temperature, not the air's. */
  readonly chipTempC: number;
}

export interface Attitude {
  readonly timeBootMs: number;
  readonly rollRad: number;
  readonly pitchRad: number;
  readonly yawRad: number;
}

export interface GlobalPositionInt {
  readonly timeBootMs: number;
  readonly latDeg: number;
  readonly lonDeg: number;
  /** Above mean sea level (the autopilot's datum). */
  readonly altMslM: number;
  /** Above the home position (where the vehicle armed), not above the ground below it. */
  readonly altAboveHomeM: number;
  /** Ground velocity north, east, down. */
  readonly vNorthMps: number;
  readonly vEastMps: number;
  readonly vDownMps: number;
  /** Course over ground, degrees clockwise from north; NaN when unknown (UINT16_MAX on the wire). */
  readonly headingDeg: number;
}

/** ArduPilot's WIND (ardupilotmega): no time field. */
export interface Wind {
  /** The direction the wind comes FROM, degrees clockwise from north (ArduPilot sends −180..180). */
  readonly fromDeg: number;
  readonly speedMps: number;
  /** Vertical wind speed as sent (ArduPilot sends the NED down component of its wind estimate). */
  readonly speedZMps: number;
}

export interface WindCov {
  /** µs: since the Unix epoch or since boot (the message allows both; tell them apart by size). */
  readonly timeUs: number;
  /** NED components of the air's velocity (where it moves TO); NaN when unknown. */
  readonly northMps: number;
  readonly eastMps: number;
  readonly downMps: number;
}

export interface NamedValueFloat {
  readonly timeBootMs: number;
  /** Up to 10 ASCII characters, as sent (not trimmed or case-folded). */
  readonly name: string;
  readonly value: number;
}

export interface DebugFloatArray {
  /** µs since the Unix epoch or since boot, as WindCov. */
  readonly timeUs: number;
  readonly name: string;
  readonly arrayId: number;
  /** All 58 elements (a v2 payload trimmed on the wire reads as zeros at the end). */
  readonly data: Float32Array;
}

const TWO_32 = 4294967296;

function view(payload: Uint8Array): DataView {
  return new DataView(payload.buffer, payload.byteOffset, payload.byteLength);
}

function u64(v: DataView, at: number): number {
  return v.getUint32(at + 4, true) * TWO_32 + v.getUint32(at, true);
}

/** A NUL-terminated (or full-length) ASCII field. */
function chars(payload: Uint8Array, at: number, length: number): string {
  let s = '';
  for (let i = 0; i < length; i++) {
    const b = payload[at + i]!;
    if (b === 0) break;
    s += String.fromCharCode(b);
  }
  return s;
}

export function decodeHeartbeat(payload: Uint8Array): Heartbeat {
  const v = view(payload);
  return {
    type: v.getUint8(L_HEARTBEAT.type), autopilot: v.getUint8(L_HEARTBEAT.autopilot), baseMode: v.getUint8(L_HEARTBEAT.base_mode),
    customMode: v.getUint32(L_HEARTBEAT.custom_mode, true), systemStatus: v.getUint8(L_HEARTBEAT.system_status),
  };
}

export function decodeSystemTime(payload: Uint8Array): SystemTime {
  const v = view(payload);
  return { timeUnixUs: u64(v, L_SYSTEM_TIME.time_unix_usec), timeBootMs: v.getUint32(L_SYSTEM_TIME.time_boot_ms, true) };
}

export function decodeScaledPressure(payload: Uint8Array): ScaledPressure {
  const v = view(payload);
  return {
    timeBootMs: v.getUint32(L_SCALED_PRESSURE.time_boot_ms, true),
    pressureHpa: v.getFloat32(L_SCALED_PRESSURE.press_abs, true),
    chipTempC: v.getInt16(L_SCALED_PRESSURE.temperature, true) / 100,
  };
}

export function decodeAttitude(payload: Uint8Array): Attitude {
  const v = view(payload);
  return {
    timeBootMs: v.getUint32(L_ATTITUDE.time_boot_ms, true),
    rollRad: v.getFloat32(L_ATTITUDE.roll, true), pitchRad: v.getFloat32(L_ATTITUDE.pitch, true), yawRad: v.getFloat32(L_ATTITUDE.yaw, true),
  };
}

export function decodeGlobalPositionInt(payload: Uint8Array): GlobalPositionInt {
  const v = view(payload);
  const hdg = v.getUint16(L_GPI.hdg, true);
  return {
    timeBootMs: v.getUint32(L_GPI.time_boot_ms, true),
    latDeg: v.getInt32(L_GPI.lat, true) / 1e7,
    lonDeg: v.getInt32(L_GPI.lon, true) / 1e7,
    altMslM: v.getInt32(L_GPI.alt, true) / 1000,
    altAboveHomeM: v.getInt32(L_GPI.relative_alt, true) / 1000,
    vNorthMps: v.getInt16(L_GPI.vx, true) / 100,
    vEastMps: v.getInt16(L_GPI.vy, true) / 100,
    vDownMps: v.getInt16(L_GPI.vz, true) / 100,
    headingDeg: hdg === 0xffff ? NaN : hdg / 100,
  };
}

export function decodeWind(payload: Uint8Array): Wind {
  const v = view(payload);
  return { fromDeg: v.getFloat32(L_WIND.direction, true), speedMps: v.getFloat32(L_WIND.speed, true), speedZMps: v.getFloat32(L_WIND.speed_z, true) };
}

export function decodeWindCov(payload: Uint8Array): WindCov {
  const v = view(payload);
  return {
    timeUs: u64(v, L_WIND_COV.time_usec),
    northMps: v.getFloat32(L_WIND_COV.wind_x, true), eastMps: v.getFloat32(L_WIND_COV.wind_y, true), downMps: v.getFloat32(L_WIND_COV.wind_z, true),
  };
}

export function decodeNamedValueFloat(payload: Uint8Array): NamedValueFloat {
  const v = view(payload);
  return { timeBootMs: v.getUint32(L_NVF.time_boot_ms, true), name: chars(payload, L_NVF.name, NAME_LENGTH), value: v.getFloat32(L_NVF.value, true) };
}

export function decodeDebugFloatArray(payload: Uint8Array): DebugFloatArray {
  const v = view(payload);
  const data = new Float32Array(DEBUG_ARRAY_LENGTH);
  for (let i = 0; i < DEBUG_ARRAY_LENGTH; i++) data[i] = v.getFloat32(L_DFA.data + 4 * i, true);
  return { timeUs: u64(v, L_DFA.time_usec), name: chars(payload, L_DFA.name, NAME_LENGTH), arrayId: v.getUint16(L_DFA.array_id, true), data };
}

/** The messages Nariz reads, tagged; any other message decodes to undefined. */
export type TelemetryMessage =
  | { readonly kind: 'heartbeat'; readonly msg: Heartbeat }
  | { readonly kind: 'system_time'; readonly msg: SystemTime }
  | { readonly kind: 'scaled_pressure'; readonly msg: ScaledPressure }
  | { readonly kind: 'attitude'; readonly msg: Attitude }
  | { readonly kind: 'global_position_int'; readonly msg: GlobalPositionInt }
  | { readonly kind: 'wind'; readonly msg: Wind }
  | { readonly kind: 'wind_cov'; readonly msg: WindCov }
  | { readonly kind: 'named_value_float'; readonly msg: NamedValueFloat }
  | { readonly kind: 'debug_float_array'; readonly msg: DebugFloatArray };

export function decodeTelemetryMessage(frame: MavlinkFrame): TelemetryMessage | undefined {
  const p = frame.payload;
  switch (frame.msgid) {
    case MSG.HEARTBEAT: return { kind: 'heartbeat', msg: decodeHeartbeat(p) };
    case MSG.SYSTEM_TIME: return { kind: 'system_time', msg: decodeSystemTime(p) };
    case MSG.SCALED_PRESSURE: return { kind: 'scaled_pressure', msg: decodeScaledPressure(p) };
    case MSG.ATTITUDE: return { kind: 'attitude', msg: decodeAttitude(p) };
    case MSG.GLOBAL_POSITION_INT: return { kind: 'global_position_int', msg: decodeGlobalPositionInt(p) };
    case MSG.WIND: return { kind: 'wind', msg: decodeWind(p) };
    case MSG.WIND_COV: return { kind: 'wind_cov', msg: decodeWindCov(p) };
    case MSG.NAMED_VALUE_FLOAT: return { kind: 'named_value_float', msg: decodeNamedValueFloat(p) };
    case MSG.DEBUG_FLOAT_ARRAY: return { kind: 'debug_float_array', msg: decodeDebugFloatArray(p) };
    default: return undefined;
  }
}

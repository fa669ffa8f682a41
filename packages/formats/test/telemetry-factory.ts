/**
 * Synthetic telemetry with a known answer: a vehicle flying a straight line
 * at constant speed and climb (so linear interpolation between fixes is
 * exact up to the wire's 1e-7° / 1 mm quantisation), steady wind, and gas
 * readings at 5 Hz between the 4 Hz fixes. Encoded with the formats
 * package's encoder into a tlog whose record times are the Unix time of
 * sending plus a delivery delay.
 */
import { encodeFrame, MSG, tlogRecord, type FieldValue } from '../src/index.js';
import { concat } from './bytes.js';

/** 2026-03-01T12:00:00Z. */
export const T0_UNIX_S = 1772366400;
/** The vehicle had been up 100 s when the log starts. */
export const BOOT0_MS = 100_000;
export const LAT0 = 19.4326;
export const LON0 = -99.1332;
export const ALT0_M = 30;
export const EAST_DEG_PER_S = 1e-4;
export const NORTH_DEG_PER_S = 2e-5;
export const CLIMB_MPS = 0.1;
export const FIX_PERIOD_MS = 250;
export const GAS_PERIOD_MS = 200;
/** Gas instants fall between fixes. */
export const GAS_PHASE_MS = 1030;
export const AIR_TEMP_C = 18.5;
export const AIR_PRESSURE_HPA = 780;
/** Minimum delivery delay: the receive-time epoch must find it. */
export const MIN_DELAY_MS = 15;

export interface SyntheticOptions {
  durationS?: number;
  /** Send SYSTEM_TIME (default true). */
  systemTime?: boolean;
  /** `wind` (ArduPilot WIND, from 270° at 5 m/s) or `wind_cov` (PX4 WIND_COV, north 1 m/s, east 2 m/s). */
  wind?: 'wind' | 'wind_cov';
  /** Gas instants (k) whose acet_ppb reading is not sent. */
  skipAcet?: (k: number) => boolean;
  sysid?: number;
  /** Unix time at boot + 100 s (default T0_UNIX_S): a later flight of a rebooted vehicle. */
  t0UnixS?: number;
}

export interface GasTruth {
  readonly k: number;
  readonly bootMs: number;
  readonly hclPpb: number;
  readonly acetPpb: number;
  readonly toluPpb: number;
}

export interface Synthetic {
  readonly bytes: Uint8Array;
  readonly gas: GasTruth[];
  /** Records, in order, for tests that corrupt or cut them. */
  readonly records: Uint8Array[];
  readonly lastFixMs: number;
}

export const truthLat = (bootMs: number): number => LAT0 + NORTH_DEG_PER_S * (bootMs - BOOT0_MS) / 1000;
export const truthLon = (bootMs: number): number => LON0 + EAST_DEG_PER_S * (bootMs - BOOT0_MS) / 1000;
export const truthAlt = (bootMs: number): number => ALT0_M + CLIMB_MPS * (bootMs - BOOT0_MS) / 1000;
export const truthUnixS = (bootMs: number): number => T0_UNIX_S + (bootMs - BOOT0_MS) / 1000;

/** The sensor map the synthetic DEBUG_FLOAT_ARRAY follows. */
export const SENSOR_MAP_JSON = { version: 1, debug_float_array: { name: 'GAS', arrays: { '1': ['tolu_ppb', null, 'temp_c', 'pres_hpa'] } } };

export function syntheticTlog(opts: SyntheticOptions = {}): Synthetic {
  const durationMs = (opts.durationS ?? 30) * 1000;
  const sysid = opts.sysid ?? 1;
  const shiftS = (opts.t0UnixS ?? T0_UNIX_S) - T0_UNIX_S;
  const unixS = (bootMs: number): number => truthUnixS(bootMs) + shiftS;
  const events: Array<{ bootMs: number; order: number; msgid: number; fields: Record<string, FieldValue>; version: 1 | 2; compid: number }> = [];
  const add = (bootMs: number, order: number, msgid: number, fields: Record<string, FieldValue>, version: 1 | 2 = 1, compid = 1): void => {
    events.push({ bootMs, order, msgid, fields, version, compid });
  };
  let lastFixMs = 0;
  for (let t = BOOT0_MS; t <= BOOT0_MS + durationMs; t += FIX_PERIOD_MS) {
    lastFixMs = t;
    add(t, 0, MSG.GLOBAL_POSITION_INT, {
      time_boot_ms: t, lat: Math.round(truthLat(t) * 1e7), lon: Math.round(truthLon(t) * 1e7),
      alt: Math.round((truthAlt(t) + 2240) * 1000), relative_alt: Math.round(truthAlt(t) * 1000), vx: 222, vy: 1049, vz: -10, hdg: 7806,
    });
    add(t, 1, MSG.ATTITUDE, { time_boot_ms: t, roll: 0.1, pitch: -0.05, yaw: 1.2 });
    if (opts.wind === 'wind_cov') add(t, 2, MSG.WIND_COV, { time_usec: BigInt(t) * 1000n, wind_x: 1, wind_y: 2, wind_z: 0 }, 2);
    else add(t, 2, MSG.WIND, { direction: 270, speed: 5, speed_z: 0 });
    if ((t - BOOT0_MS) % 1000 === 0) {
      add(t, 3, MSG.SCALED_PRESSURE, { time_boot_ms: t, press_abs: 900, temperature: 4100 });
      if (opts.systemTime !== false) add(t + 10, 0, MSG.SYSTEM_TIME, { time_unix_usec: BigInt(Math.round(unixS(t + 10) * 1e6)), time_boot_ms: t + 10 });
      add(t, 4, MSG.HEARTBEAT, { type: 1, autopilot: 3, base_mode: 209, custom_mode: 10, system_status: 4 });
    }
  }
  const gas: GasTruth[] = [];
  for (let k = 0; BOOT0_MS + GAS_PHASE_MS + k * GAS_PERIOD_MS < BOOT0_MS + durationMs; k++) {
    const t = BOOT0_MS + GAS_PHASE_MS + k * GAS_PERIOD_MS;
    const g: GasTruth = { k, bootMs: t, hclPpb: Math.fround(2 + Math.sin(k)), acetPpb: Math.fround(10 + (k % 7)), toluPpb: Math.fround(5 + (k % 3) * 0.25) };
    gas.push(g);
    add(t, 0, MSG.NAMED_VALUE_FLOAT, { time_boot_ms: t, name: 'hcl_ppb', value: g.hclPpb }, 2);
    if (opts.skipAcet?.(k) !== true) add(t, 1, MSG.NAMED_VALUE_FLOAT, { time_boot_ms: t, name: 'acet_ppb', value: g.acetPpb }, 2);
    add(t, 2, MSG.DEBUG_FLOAT_ARRAY, { time_usec: BigInt(t) * 1000n, array_id: 1, name: 'GAS', data: [g.toluPpb, 12345, AIR_TEMP_C, AIR_PRESSURE_HPA] }, 2);
    // Something else a vehicle sends as NAMED_VALUE_FLOAT, which is not a gas reading.
    if (k % 10 === 0) add(t, 3, MSG.NAMED_VALUE_FLOAT, { time_boot_ms: t, name: 'BATT_T', value: 31 }, 2);
  }
  events.sort((a, b) => a.bootMs - b.bootMs || a.order - b.order);
  const seq = new Map<number, number>();
  const records: Uint8Array[] = [];
  let lastRecvUs = 0;
  events.forEach((e, i) => {
    const s = seq.get(e.compid) ?? 0;
    seq.set(e.compid, (s + 1) & 0xff);
    const packet = encodeFrame(e.msgid, e.fields, { version: e.version, sysid, compid: e.compid, seq: s });
    // Delivery delay 15..54 ms, never reordering records.
    const recvUs = Math.max(lastRecvUs, Math.round(unixS(e.bootMs) * 1e6) + (MIN_DELAY_MS + ((i * 7) % 40)) * 1000);
    lastRecvUs = recvUs;
    records.push(tlogRecord(recvUs, packet));
  });
  return { bytes: concat(...records), gas, records, lastFixMs };
}


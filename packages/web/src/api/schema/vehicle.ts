/**
 * Vehicles heard over live MAVLink (GET /api/vehicles, and the live
 * `{"type": "vehicle"}` messages): last position, course and speed, live
 * sortie, and the position's standing against the server's live authority.
 */
import { arrayOf, bool, fields, int, nullable, num, str, type Reader } from './read.js';

export interface VehicleAirspace {
  readonly authorityId: string;
  readonly allowed: boolean;
  /** Forbidden areas the vehicle is in. */
  readonly insideForbidden: readonly string[];
  /** ISO time the current state began. */
  readonly since: string;
}

export interface VehicleStatus {
  /** MAVLink system id. */
  readonly sysid: number;
  readonly endpoint: string;
  readonly lastSeen: string;
  readonly lat: number | null;
  readonly lon: number | null;
  readonly altAboveHomeM: number | null;
  /** Degrees clockwise from north. */
  readonly courseDeg: number | null;
  readonly groundSpeedMps: number | null;
  readonly sortieId: string | null;
  readonly samples: number;
  readonly frames: number;
  /** Null when the server checks no live authority, or before the first position. */
  readonly airspace: VehicleAirspace | null;
}

export interface EndpointStats {
  readonly endpoint: string;
  readonly bytes: number;
  readonly packets: number;
  readonly crcErrors: number;
  readonly droppedBytes: number;
  readonly unknownIds: number;
}

export interface VehiclesState {
  /** Whether the server listens for MAVLink at all. */
  readonly listening: boolean;
  readonly vehicles: readonly VehicleStatus[];
  readonly endpoints: readonly EndpointStats[];
}

const readAirspace: Reader<VehicleAirspace> = (v, path) => {
  const f = fields(v, path);
  return { authorityId: f.str('authority_id'), allowed: f.get('allowed', bool), insideForbidden: f.get('inside_forbidden', arrayOf(str)), since: f.str('since') };
};

export const readVehicleStatus: Reader<VehicleStatus> = (v, path) => {
  const f = fields(v, path);
  return {
    sysid: f.int('sysid'),
    endpoint: f.str('endpoint'),
    lastSeen: f.str('last_seen'),
    lat: f.get('lat', nullable(num)),
    lon: f.get('lon', nullable(num)),
    altAboveHomeM: f.get('alt_above_home_m', nullable(num)),
    courseDeg: f.get('course_deg', nullable(num)),
    groundSpeedMps: f.get('ground_speed_mps', nullable(num)),
    sortieId: f.get('sortie_id', nullable(str)),
    samples: f.int('samples'),
    frames: f.int('frames'),
    airspace: f.get('airspace', nullable(readAirspace)),
  };
};

const readEndpoint: Reader<EndpointStats> = (v, path) => {
  const f = fields(v, path);
  return {
    endpoint: f.str('endpoint'),
    bytes: f.get('bytes', int),
    packets: f.get('packets', int),
    crcErrors: f.get('crc_errors', int),
    droppedBytes: f.get('dropped_bytes', int),
    unknownIds: f.get('unknown_ids', int),
  };
};

export function readVehicles(v: unknown): VehiclesState {
  const f = fields(v, 'body');
  return { listening: f.bool('listening'), vehicles: f.get('vehicles', arrayOf(readVehicleStatus)), endpoints: f.get('endpoints', arrayOf(readEndpoint)) };
}

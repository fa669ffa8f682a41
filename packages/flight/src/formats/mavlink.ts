/**
 * The MAVLink enum values the mission files use (common.xml: MAV_CMD,
 * MAV_FRAME, MAV_TYPE, MAV_AUTOPILOT), and the vehicle defaults a reader
 * falls back on for what a mission file does not carry.
 */
import type { Vehicle, VehicleType } from '../plan/plan.js';

export const MAV_CMD = {
  NAV_WAYPOINT: 16,
  NAV_RETURN_TO_LAUNCH: 20,
  NAV_LAND: 21,
  NAV_TAKEOFF: 22,
  DO_CHANGE_SPEED: 178,
} as const;

export const MAV_FRAME = {
  /** Altitude above mean sea level. */
  GLOBAL: 0,
  /** Not a position (command parameters only). */
  MISSION: 2,
  /** Altitude above the home position. */
  GLOBAL_RELATIVE_ALT: 3,
} as const;

export const MAV_AUTOPILOT = { GENERIC: 0, ARDUPILOTMEGA: 3, PX4: 12 } as const;

/** MAV_TYPE written for each vehicle type. */
export const MAV_TYPE_OF: Readonly<Record<VehicleType, number>> = { 'fixed-wing': 1, multirotor: 2, vtol: 21 };

/** The vehicle type of a MAV_TYPE, or undefined for non-aircraft (rovers, boats, gimbals…). */
export function vehicleTypeOfMavType(t: number): VehicleType | undefined {
  if (t === 1) return 'fixed-wing';
  // quadrotor, coaxial, helicopter, hexa-, octo-, tricopter, dodeca-, decarotor
  if ([2, 3, 4, 13, 14, 15, 29, 35].includes(t)) return 'multirotor';
  // VTOL tailsitters, tiltrotor, fixed-rotor, tiltwing, reserved
  if (t >= 19 && t <= 25) return 'vtol';
  return undefined;
}

/** What a reader assumes for the vehicle fields a mission file does not hold. */
export const DEFAULT_VEHICLES: Readonly<Record<VehicleType, Vehicle>> = {
  multirotor: { type: 'multirotor', cruiseSpeedMps: 10, turnRadiusM: 0, enduranceS: 1500, reserveFraction: 0.25 },
  'fixed-wing': { type: 'fixed-wing', cruiseSpeedMps: 18, turnRadiusM: 50, enduranceS: 3600, reserveFraction: 0.2 },
  vtol: { type: 'vtol', cruiseSpeedMps: 16, turnRadiusM: 40, enduranceS: 3600, reserveFraction: 0.2 },
};

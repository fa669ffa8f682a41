/**
 * A flight plan as MAVLink mission items (MISSION_ITEM: command, frame,
 * param1..7, autocontinue), the common ground of the .plan and QGC WPL
 * formats, and back.
 *
 * Writing: NAV_TAKEOFF at home to the first waypoint's altitude; before a
 * waypoint that sets a speed, DO_CHANGE_SPEED (param1 speed type: 1 ground
 * speed for a multirotor, 0 airspeed otherwise; param2 the speed; param3 -1
 * = throttle unchanged); each waypoint as NAV_WAYPOINT in
 * MAV_FRAME_GLOBAL_RELATIVE_ALT (param1 hold time, param4 yaw NaN =
 * unchanged, param5..7 lat, lon, alt); last, NAV_RETURN_TO_LAUNCH.
 *
 * Reading accepts exactly these commands (plus NAV_LAND, which ends the
 * route like RTL); anything else is an error naming the item, since the
 * airspace check could not know where the vehicle goes. Waypoints in
 * MAV_FRAME_GLOBAL (AMSL) are converted with the home altitude.
 */
import type { Waypoint, VehicleType } from '../plan/plan.js';
import { MAV_CMD, MAV_FRAME } from './mavlink.js';

export interface MissionItem {
  readonly command: number;
  readonly frame: number;
  /** param1..4, x (lat), y (lon), z (alt); NaN = unset. */
  readonly params: readonly [number, number, number, number, number, number, number];
  readonly autoContinue: boolean;
}

export function missionItemsFromPlan(plan: { vehicleType: VehicleType; home: { lat: number; lon: number }; waypoints: readonly Waypoint[] }): MissionItem[] {
  const items: MissionItem[] = [];
  const first = plan.waypoints[0]!;
  items.push({ command: MAV_CMD.NAV_TAKEOFF, frame: MAV_FRAME.GLOBAL_RELATIVE_ALT, params: [0, 0, 0, NaN, plan.home.lat, plan.home.lon, first.altM], autoContinue: true });
  const speedType = plan.vehicleType === 'multirotor' ? 1 : 0;
  for (const w of plan.waypoints) {
    if (w.speedMps !== undefined) {
      items.push({ command: MAV_CMD.DO_CHANGE_SPEED, frame: MAV_FRAME.MISSION, params: [speedType, w.speedMps, -1, 0, 0, 0, 0], autoContinue: true });
    }
    items.push({ command: MAV_CMD.NAV_WAYPOINT, frame: MAV_FRAME.GLOBAL_RELATIVE_ALT, params: [w.holdS ?? 0, 0, 0, NaN, w.lat, w.lon, w.altM], autoContinue: true });
  }
  items.push({ command: MAV_CMD.NAV_RETURN_TO_LAUNCH, frame: MAV_FRAME.MISSION, params: [0, 0, 0, 0, 0, 0, 0], autoContinue: true });
  return items;
}

/** Thrown by `waypointsFromItems`; readers turn it into a located NarizError. */
export class MissionItemError extends Error {
  constructor(
    readonly itemIndex: number,
    message: string,
  ) {
    super(message);
  }
}

export function waypointsFromItems(items: readonly MissionItem[], homeAltAmslM: number | undefined): Waypoint[] {
  const waypoints: Waypoint[] = [];
  let pendingSpeed: number | undefined;
  let ended = false;
  items.forEach((it, i) => {
    if (ended) throw new MissionItemError(i, 'an item follows the return to launch or landing');
    const [p1, p2, , , lat, lon, alt] = it.params;
    switch (it.command) {
      case MAV_CMD.NAV_TAKEOFF:
        if (waypoints.length > 0) throw new MissionItemError(i, 'take-off after the first waypoint');
        return;
      case MAV_CMD.DO_CHANGE_SPEED:
        if (!(p2 > 0)) throw new MissionItemError(i, `change-speed item with speed ${p2} (param2 must be > 0)`);
        pendingSpeed = p2;
        return;
      case MAV_CMD.NAV_RETURN_TO_LAUNCH:
      case MAV_CMD.NAV_LAND:
        ended = true;
        return;
      case MAV_CMD.NAV_WAYPOINT: {
        let altM = alt;
        if (it.frame === MAV_FRAME.GLOBAL) {
          if (homeAltAmslM === undefined) throw new MissionItemError(i, 'waypoint altitude is above sea level (frame 0) but the home altitude is unknown');
          altM = alt - homeAltAmslM;
        } else if (it.frame !== MAV_FRAME.GLOBAL_RELATIVE_ALT) {
          throw new MissionItemError(i, `waypoint frame ${it.frame} is not supported (use 3, relative to home, or 0, above sea level)`);
        }
        if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) throw new MissionItemError(i, `waypoint position ${lat}, ${lon} is not a valid latitude, longitude`);
        if (!Number.isFinite(altM)) throw new MissionItemError(i, 'waypoint altitude is not a number');
        const holdS = Number.isFinite(p1) && p1 > 0 ? p1 : undefined;
        waypoints.push({ lat, lon, altM, ...(holdS === undefined ? {} : { holdS }), ...(pendingSpeed === undefined ? {} : { speedMps: pendingSpeed }) });
        pendingSpeed = undefined;
        return;
      }
      default:
        throw new MissionItemError(i, `command ${it.command} is not supported (Nariz reads waypoint 16, take-off 22, change speed 178, return to launch 20, land 21)`);
    }
  });
  if (waypoints.length === 0) throw new MissionItemError(items.length, 'the mission has no waypoints');
  return waypoints;
}

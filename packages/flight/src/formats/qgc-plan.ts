/**
 * QGroundControl `.plan` files (JSON), as documented in the QGroundControl
 * Developer Guide, "Plan File Format"; QGC_PLAN_JSON_SCHEMA encodes it.
 *
 * Kept: home (plannedHomePosition [lat, lon, alt AMSL]; an unknown home
 * altitude is written as 0), waypoints with altitude, hold and speed (as
 * mission items, mission-items.ts), the vehicle type (MAV_TYPE), cruise
 * speed (cruiseSpeed for fixed-wing and VTOL, hoverSpeed for multirotors;
 * both are written) and the geofence (polygons with clockwise winding as
 * the guide asks, circles). Lost: the plan name (QGroundControl names a
 * plan by its file), turn radius, endurance, reserve, climb rate and start
 * time; the reader takes them from its options or DEFAULT_VEHICLES and says
 * so in `notes`.
 */
import { NarizError } from '@nariz/core';
import { JsonFields } from '../json-fields.js';
import type { FlightPlan, Geofence, GeofenceCircle, GeofencePolygon, LatLonPoint, Vehicle } from '../plan/plan.js';
import { MAV_AUTOPILOT, MAV_TYPE_OF, vehicleTypeOfMavType } from './mavlink.js';
import { MissionItemError, missionItemsFromPlan, waypointsFromItems, type MissionItem } from './mission-items.js';
import { completeVehicle, planName, type MissionReadOptions, type MissionRead } from './read-options.js';

/** QGroundControl's AltitudeModeRelative: altitudes relative to home (MAV_FRAME_GLOBAL_RELATIVE_ALT). */
const ALTITUDE_MODE_RELATIVE = 1;

export interface QgcPlanWriteOptions {
  /** MAV_AUTOPILOT of the target (default PX4 = 12; ArduPilot = 3). */
  readonly firmwareType?: number;
}

export function writeQgcPlan(plan: FlightPlan, options: QgcPlanWriteOptions = {}): string {
  const items = missionItemsFromPlan({ vehicleType: plan.vehicle.type, home: plan.home, waypoints: plan.waypoints });
  const doc = {
    fileType: 'Plan',
    geoFence: {
      circles: (plan.geofence?.circles ?? []).map((c) => ({ circle: { center: [c.center.lat, c.center.lon], radius: c.radiusM }, inclusion: c.inclusion, version: 1 })),
      polygons: (plan.geofence?.polygons ?? []).map((p) => ({ inclusion: p.inclusion, polygon: clockwise(p.polygon).map((v) => [v.lat, v.lon]), version: 1 })),
      version: 2,
    },
    groundStation: 'QGroundControl',
    mission: {
      cruiseSpeed: plan.vehicle.cruiseSpeedMps,
      firmwareType: options.firmwareType ?? MAV_AUTOPILOT.PX4,
      globalPlanAltitudeMode: ALTITUDE_MODE_RELATIVE,
      hoverSpeed: plan.vehicle.cruiseSpeedMps,
      items: items.map((it, i) => simpleItem(it, i + 1)),
      plannedHomePosition: [plan.home.lat, plan.home.lon, plan.home.altAmslM ?? 0],
      vehicleType: MAV_TYPE_OF[plan.vehicle.type],
      version: 2,
    },
    rallyPoints: { points: [], version: 2 },
    version: 1,
  };
  // JSON.stringify writes NaN as null, which is how QGroundControl stores an unset parameter.
  return `${JSON.stringify(doc, null, 4)}\n`;
}

function simpleItem(it: MissionItem, doJumpId: number): Record<string, unknown> {
  const positional = it.frame !== 2;
  return {
    ...(positional ? { AMSLAltAboveTerrain: null, Altitude: it.params[6], AltitudeMode: ALTITUDE_MODE_RELATIVE } : {}),
    autoContinue: it.autoContinue,
    command: it.command,
    doJumpId,
    frame: it.frame,
    params: [...it.params],
    type: 'SimpleItem',
  };
}

/** Vertices in clockwise order (negative shoelace area with x = lon, y = lat). */
function clockwise(poly: readonly LatLonPoint[]): readonly LatLonPoint[] {
  // Σ (x2 - x1)(y2 + y1) over the edges is positive for a clockwise ring.
  let sum = 0;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) sum += (poly[i]!.lon - poly[j]!.lon) * (poly[i]!.lat + poly[j]!.lat);
  return sum >= 0 ? poly : [...poly].reverse();
}

export function readQgcPlan(text: string, options: MissionReadOptions = {}): MissionRead {
  let u: unknown;
  try {
    u = JSON.parse(text);
  } catch (e) {
    const m = /position (\d+)/.exec(e instanceof Error ? e.message : '');
    const line = m === null ? undefined : text.slice(0, Number(m[1])).split('\n').length;
    throw new NarizError('NARIZ_PLAN_FORMAT', `not valid JSON: ${e instanceof Error ? e.message : String(e)}`, { ...(options.file === undefined ? {} : { file: options.file }), ...(line === undefined ? {} : { line }) });
  }
  const j = new JsonFields('NARIZ_PLAN_FORMAT', options.file);
  const o = j.object(u, '$');
  if (o['fileType'] !== 'Plan') j.fail('fileType', `expected "Plan", found ${JSON.stringify(o['fileType'])}`);
  j.number(o['version'], 'version', { min: 1, max: 1, integer: true });
  const m = j.object(o['mission'], 'mission');
  j.number(m['version'], 'mission.version', { min: 2, max: 2, integer: true });
  const notes: string[] = [];

  const homeArr = j.array(m['plannedHomePosition'], 'mission.plannedHomePosition', 3);
  const home = {
    lat: j.latitude(homeArr[0], 'mission.plannedHomePosition[0]'),
    lon: j.longitude(homeArr[1], 'mission.plannedHomePosition[1]'),
    altAmslM: j.number(homeArr[2], 'mission.plannedHomePosition[2]'),
  };
  // vehicleType, cruiseSpeed and hoverSpeed are optional to QGroundControl's loader.
  const mavType = j.optionalNumber(m['vehicleType'], 'mission.vehicleType', { integer: true, min: 0 });
  const type = mavType === undefined ? options.vehicle?.type : vehicleTypeOfMavType(mavType);
  if (mavType !== undefined && type === undefined) j.fail('mission.vehicleType', `MAV_TYPE ${mavType} is not an aircraft Nariz plans for (fixed-wing, multirotor or VTOL)`);
  const speedKey = (type ?? 'multirotor') === 'multirotor' ? 'hoverSpeed' : 'cruiseSpeed';
  const speed = j.optionalNumber(m[speedKey], `mission.${speedKey}`, { above: 0 });
  const fromFile: Partial<Vehicle> = { ...(mavType === undefined || type === undefined ? {} : { type }), ...(speed === undefined ? {} : { cruiseSpeedMps: speed }) };

  const items = j.array(m['items'], 'mission.items', 1).map((it, i): MissionItem => {
    const at = `mission.items[${i}]`;
    const x = j.object(it, at);
    if (x['type'] !== 'SimpleItem') {
      j.fail(`${at}.type`, `${JSON.stringify(x['type'])} items are not supported (only SimpleItem; convert surveys and scans to waypoints in QGroundControl first)`);
    }
    const p = j.array(x['params'], `${at}.params`, 7);
    if (p.length !== 7) j.fail(`${at}.params`, `expected 7 parameters, found ${p.length}`);
    const param = (k: number): number => (p[k] === null ? NaN : j.number(p[k], `${at}.params[${k}]`));
    return {
      command: j.number(x['command'], `${at}.command`, { integer: true, min: 0 }),
      frame: j.number(x['frame'], `${at}.frame`, { integer: true, min: 0 }),
      params: [param(0), param(1), param(2), param(3), param(4), param(5), param(6)],
      autoContinue: j.boolean(x['autoContinue'], `${at}.autoContinue`),
    };
  });
  let waypoints;
  try {
    waypoints = waypointsFromItems(items, home.altAmslM);
  } catch (e) {
    if (e instanceof MissionItemError) j.fail(`mission.items[${e.itemIndex}]`, e.message);
    throw e;
  }
  const geofence = o['geoFence'] === undefined ? undefined : readGeofence(j, o['geoFence']);
  const plan: FlightPlan = {
    name: planName(undefined, options, notes),
    vehicle: completeVehicle(fromFile, options, notes),
    home,
    waypoints,
    ...(geofence === undefined || (geofence.polygons.length === 0 && geofence.circles.length === 0) ? {} : { geofence }),
  };
  return { plan, notes };
}

function readGeofence(j: JsonFields, u: unknown): Geofence {
  const g = j.object(u, 'geoFence');
  const latLon = (v: unknown, at: string): LatLonPoint => {
    const a = j.array(v, at, 2);
    return { lat: j.latitude(a[0], `${at}[0]`), lon: j.longitude(a[1], `${at}[1]`) };
  };
  const polygons = j.array(g['polygons'] ?? [], 'geoFence.polygons').map((p, i): GeofencePolygon => {
    const at = `geoFence.polygons[${i}]`;
    const o = j.object(p, at);
    return { inclusion: j.boolean(o['inclusion'], `${at}.inclusion`), polygon: j.array(o['polygon'], `${at}.polygon`, 3).map((v, k) => latLon(v, `${at}.polygon[${k}]`)) };
  });
  const circles = j.array(g['circles'] ?? [], 'geoFence.circles').map((c, i): GeofenceCircle => {
    const at = `geoFence.circles[${i}]`;
    const o = j.object(c, at);
    const circle = j.object(o['circle'], `${at}.circle`);
    return {
      inclusion: j.boolean(o['inclusion'], `${at}.inclusion`),
      center: latLon(circle['center'], `${at}.circle.center`),
      radiusM: j.number(circle['radius'], `${at}.circle.radius`, { above: 0 }),
    };
  });
  return { polygons, circles };
}

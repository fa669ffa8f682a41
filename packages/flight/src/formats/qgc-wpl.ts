/**
 * The plain-text mission format ("QGC WPL 110") read and written by Mission
 * Planner, QGroundControl and MAVProxy, as described in the MAVLink
 * documentation (File Formats: "Mission Plain-Text File Format"):
 *
 *   QGC WPL 110
 *   <INDEX> <CURRENT WP> <COORD FRAME> <COMMAND> <PARAM1> <PARAM2> <PARAM3>
 *   <PARAM4> <PARAM5/X/LATITUDE> <PARAM6/Y/LONGITUDE> <PARAM7/Z/ALTITUDE>
 *   <AUTOCONTINUE>
 *
 * fields separated by tabs. Item 0 is the home position (CURRENT WP 1,
 * frame 0: altitude above mean sea level), as Mission Planner writes it.
 * (The example in the MAVLink page shows longitude before latitude; the
 * field list above, and Mission Planner, put latitude first.)
 *
 * Written with latitude and longitude to 1e-8° (about 1 mm) and other
 * numbers to 1e-6. Yaw (param4), which MAVLink leaves unset as NaN, is
 * written as 0 because Mission Planner does not parse "nan". The reader
 * accepts versions 110 and 120, tabs or runs of spaces, and CRLF.
 *
 * Kept: home (altitude 0 when unknown), waypoints with altitude, hold and
 * speed. Lost: the plan name, every vehicle field, start time, geofence.
 */
import { NarizError } from '@nariz/core';
import type { FlightPlan } from '../plan/plan.js';
import { MAV_FRAME, MAV_CMD } from './mavlink.js';
import { MissionItemError, missionItemsFromPlan, waypointsFromItems, type MissionItem } from './mission-items.js';
import { completeVehicle, planName, type MissionReadOptions, type MissionRead } from './read-options.js';

export const WPL_FIELDS = ['INDEX', 'CURRENT WP', 'COORD FRAME', 'COMMAND', 'PARAM1', 'PARAM2', 'PARAM3', 'PARAM4', 'PARAM5/X/LATITUDE', 'PARAM6/Y/LONGITUDE', 'PARAM7/Z/ALTITUDE', 'AUTOCONTINUE'] as const;

export function writeQgcWpl(plan: FlightPlan): string {
  const items = missionItemsFromPlan({ vehicleType: plan.vehicle.type, home: plan.home, waypoints: plan.waypoints });
  const lines = ['QGC WPL 110'];
  const row = (index: number, current: 0 | 1, it: MissionItem): string => {
    const p = it.params.map((x) => (Number.isNaN(x) ? 0 : x));
    return [index, current, it.frame, it.command, num(p[0]!, 6), num(p[1]!, 6), num(p[2]!, 6), num(p[3]!, 6), num(p[4]!, 8), num(p[5]!, 8), num(p[6]!, 6), it.autoContinue ? 1 : 0].join('\t');
  };
  const home: MissionItem = { command: MAV_CMD.NAV_WAYPOINT, frame: MAV_FRAME.GLOBAL, params: [0, 0, 0, 0, plan.home.lat, plan.home.lon, plan.home.altAmslM ?? 0], autoContinue: true };
  lines.push(row(0, 1, home));
  items.forEach((it, i) => lines.push(row(i + 1, 0, it)));
  return `${lines.join('\n')}\n`;
}

/** Fixed-point with trailing zeros removed (no exponent notation). */
function num(x: number, decimals: number): string {
  const s = x.toFixed(decimals);
  return s.includes('.') ? s.replace(/\.?0+$/, '') || '0' : s;
}

export function readQgcWpl(text: string, options: MissionReadOptions = {}): MissionRead {
  const fail = (line: number, message: string, column?: string): never => {
    throw new NarizError('NARIZ_PLAN_FORMAT', message, { ...(options.file === undefined ? {} : { file: options.file }), line, ...(column === undefined ? {} : { column }) });
  };
  const raw = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = raw[0]?.trim() ?? '';
  const version = /^QGC WPL (\d+)$/.exec(header);
  if (version === null) fail(1, `the first line must be "QGC WPL 110", found "${header.slice(0, 40)}"`);
  if (version![1] !== '110' && version![1] !== '120') fail(1, `QGC WPL version ${version![1]} is not supported (110 or 120)`);

  const rows: Array<{ line: number; item: MissionItem; current: number }> = [];
  for (let k = 1; k < raw.length; k++) {
    const text = raw[k]!.trim();
    if (text === '') continue;
    const line = k + 1;
    let fields = text.split('\t');
    if (fields.length !== WPL_FIELDS.length) fields = text.split(/\s+/);
    if (fields.length !== WPL_FIELDS.length) fail(line, `expected ${WPL_FIELDS.length} fields (${WPL_FIELDS.join(', ')}), found ${fields.length}`);
    const value = (i: number, integer: boolean): number => {
      const s = fields[i]!;
      // QGroundControl writes an unset parameter as "nan".
      if (i >= 4 && i <= 10 && /^nan$/i.test(s)) return NaN;
      const x = Number(s);
      if (s === '' || !Number.isFinite(x)) fail(line, `"${s}" is not a number`, WPL_FIELDS[i]);
      if (integer && !Number.isInteger(x)) fail(line, `"${s}" is not an integer`, WPL_FIELDS[i]);
      return x;
    };
    const index = value(0, true);
    if (index !== rows.length) fail(line, `item index ${index} out of sequence (expected ${rows.length})`, WPL_FIELDS[0]);
    const current = value(1, true);
    const auto = value(11, true);
    if (auto !== 0 && auto !== 1) fail(line, `"${fields[11]}" must be 0 or 1`, WPL_FIELDS[11]);
    rows.push({
      line,
      current,
      item: { frame: value(2, true), command: value(3, true), params: [value(4, false), value(5, false), value(6, false), value(7, false), value(8, false), value(9, false), value(10, false)], autoContinue: auto === 1 },
    });
  }
  const homeRow = rows[0];
  if (homeRow === undefined) return fail(raw.length, 'the file has no home position (item 0)');
  const [, , , , lat, lon, alt] = homeRow.item.params;
  if (homeRow.item.frame !== MAV_FRAME.GLOBAL) fail(homeRow.line, `item 0 is the home position and must be in frame 0 (above sea level), found ${homeRow.item.frame}`, WPL_FIELDS[2]);
  if (!(Math.abs(lat) <= 90)) fail(homeRow.line, `home latitude ${lat} is out of range`, WPL_FIELDS[8]);
  if (!(Math.abs(lon) <= 180)) fail(homeRow.line, `home longitude ${lon} is out of range`, WPL_FIELDS[9]);
  const home = { lat, lon, altAmslM: alt };
  const mission = rows.slice(1);
  let waypoints;
  try {
    waypoints = waypointsFromItems(mission.map((r) => r.item), alt);
  } catch (e) {
    if (e instanceof MissionItemError) fail(mission[e.itemIndex]?.line ?? raw.length, e.message);
    throw e;
  }
  const notes: string[] = [];
  const plan: FlightPlan = { name: planName(undefined, options, notes), vehicle: completeVehicle({}, options, notes), home, waypoints };
  return { plan, notes };
}

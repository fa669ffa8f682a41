/**
 * KML (OGC 07-147r2) for looking at a plan in Google Earth or a GIS, and for
 * taking a route drawn there back in.
 *
 * Written: a Document named after the plan; a "Home" Placemark (Point); a
 * "Route" Placemark whose LineString holds the waypoints in order with
 * altitudeMode relativeToGround (the plan's altitudes are above the take-off
 * point, which equals above ground over flat terrain), and a TimeStamp with
 * the start time; a "Waypoints" Folder with one Point Placemark per waypoint
 * carrying its hold and speed as ExtendedData; and the vehicle as
 * Document ExtendedData (`vehicle.type`, `vehicle.cruiseSpeedMps`, …).
 * Coordinates to 1e-8° and altitudes to 1 mm.
 *
 * Read: the route is the LineString of the Placemark with id "route" or,
 * failing that, the first LineString in the file (so a path drawn in
 * Google Earth can be imported: relativeToGround, or absolute when the home
 * altitude is known; clampToGround gives altitude 0 and a note). Home,
 * waypoint attributes, vehicle, name and start time are read when present
 * (files written here round-trip everything but the geofence), otherwise
 * taken from the options and noted.
 */
import { NarizError } from '@nariz/core';
import { JsonFields } from '../json-fields.js';
import { VEHICLE_TYPES, type FlightPlan, type Home, type Vehicle, type Waypoint } from '../plan/plan.js';
import { completeVehicle, planName, type MissionReadOptions, type MissionRead } from './read-options.js';
import { child, descendants, escapeXml, parseXml, XmlSyntaxError, type XmlElement } from './xml.js';

const KML_NS = 'http://www.opengis.net/kml/2.2';

export function writeKml(plan: FlightPlan): string {
  const c = (lat: number, lon: number, alt: number): string => `${fixed(lon, 8)},${fixed(lat, 8)},${fixed(alt, 3)}`;
  const data = (name: string, value: string | number): string => `<Data name="${escapeXml(name)}"><value>${escapeXml(String(value))}</value></Data>`;
  const v = plan.vehicle;
  const vehicleData = [
    data('vehicle.type', v.type),
    data('vehicle.cruiseSpeedMps', v.cruiseSpeedMps),
    data('vehicle.turnRadiusM', v.turnRadiusM),
    data('vehicle.enduranceS', v.enduranceS),
    data('vehicle.reserveFraction', v.reserveFraction),
    ...(v.climbRateMps === undefined ? [] : [data('vehicle.climbRateMps', v.climbRateMps)]),
    ...(plan.home.altAmslM === undefined ? [] : [data('home.altAmslM', plan.home.altAmslM)]),
  ];
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<kml xmlns="${KML_NS}">`,
    '<Document>',
    `<name>${escapeXml(plan.name)}</name>`,
    `<description>Flight plan written by Nariz: ${plan.waypoints.length} waypoints; altitudes are metres above the take-off point.</description>`,
    `<ExtendedData>${vehicleData.join('')}</ExtendedData>`,
    '<Placemark id="home">',
    '<name>Home</name>',
    `<Point><altitudeMode>clampToGround</altitudeMode><coordinates>${c(plan.home.lat, plan.home.lon, 0)}</coordinates></Point>`,
    '</Placemark>',
    '<Placemark id="route">',
    '<name>Route</name>',
    ...(plan.startTime === undefined ? [] : [`<TimeStamp><when>${escapeXml(plan.startTime)}</when></TimeStamp>`]),
    `<LineString><tessellate>0</tessellate><altitudeMode>relativeToGround</altitudeMode><coordinates>${plan.waypoints.map((w) => c(w.lat, w.lon, w.altM)).join(' ')}</coordinates></LineString>`,
    '</Placemark>',
    '<Folder>',
    '<name>Waypoints</name>',
  ];
  plan.waypoints.forEach((w, i) => {
    const attrs = [...(w.holdS === undefined ? [] : [data('holdS', w.holdS)]), ...(w.speedMps === undefined ? [] : [data('speedMps', w.speedMps)])];
    out.push(
      `<Placemark id="wp-${i}"><name>WP ${i + 1}</name>${attrs.length === 0 ? '' : `<ExtendedData>${attrs.join('')}</ExtendedData>`}` +
        `<Point><altitudeMode>relativeToGround</altitudeMode><coordinates>${c(w.lat, w.lon, w.altM)}</coordinates></Point></Placemark>`,
    );
  });
  out.push('</Folder>', '</Document>', '</kml>');
  return `${out.join('\n')}\n`;
}

function fixed(x: number, decimals: number): string {
  const s = x.toFixed(decimals);
  return s.replace(/\.?0+$/, '') || '0';
}

export function readKml(text: string, options: MissionReadOptions = {}): MissionRead {
  const fail = (line: number, message: string, column?: string): never => {
    throw new NarizError('NARIZ_PLAN_FORMAT', message, { ...(options.file === undefined ? {} : { file: options.file }), line, ...(column === undefined ? {} : { column }) });
  };
  let root: XmlElement;
  try {
    root = parseXml(text);
  } catch (e) {
    if (e instanceof XmlSyntaxError) return fail(e.line, `not well-formed XML: ${e.message}`);
    throw e;
  }
  if (root.name !== 'kml') fail(root.line, `the root element is <${root.name}>, not <kml>`);
  const doc = descendants(root, 'Document')[0] ?? root;
  const notes: string[] = [];
  const placemarks = descendants(root, 'Placemark');

  const extended = (el: XmlElement | undefined): Map<string, { value: string; line: number }> => {
    const m = new Map<string, { value: string; line: number }>();
    const ed = el === undefined ? undefined : child(el, 'ExtendedData');
    if (ed === undefined) return m;
    for (const d of ed.children.filter((x) => x.name === 'Data')) {
      const name = d.attrs['name'];
      const value = child(d, 'value');
      if (name !== undefined && value !== undefined) m.set(name, { value: value.text.trim(), line: value.line });
    }
    return m;
  };
  const numberData = (m: Map<string, { value: string; line: number }>, key: string, min: number): number | undefined => {
    const d = m.get(key);
    if (d === undefined) return undefined;
    const x = Number(d.value);
    if (d.value === '' || !Number.isFinite(x) || x < min) fail(d.line, `ExtendedData ${key} = "${d.value}" is not a number >= ${min}`, key);
    return x;
  };

  // Route.
  const routePm = placemarks.find((p) => p.attrs['id'] === 'route' && descendants(p, 'LineString').length > 0);
  const line = routePm === undefined ? descendants(root, 'LineString')[0] : descendants(routePm, 'LineString')[0];
  if (line === undefined) return fail(root.line, 'no LineString (the route) in the file');
  const docData = extended(doc);
  const homeAltAmslM = numberData(docData, 'home.altAmslM', -1000);
  const mode = child(line, 'altitudeMode')?.text.trim() ?? 'clampToGround';
  const coords = child(line, 'coordinates');
  if (coords === undefined) return fail(line.line, 'the route LineString has no <coordinates>');
  const tuples = parseCoordinates(coords, fail);
  if (tuples.length === 0) fail(coords.line, 'the route has no coordinates', 'coordinates');
  let toRelative: (alt: number) => number;
  if (mode === 'relativeToGround') toRelative = (a) => a;
  else if (mode === 'absolute') {
    if (homeAltAmslM === undefined) return fail(line.line, 'the route altitudes are absolute (above sea level) but the home altitude is unknown (ExtendedData home.altAmslM)', 'altitudeMode');
    toRelative = (a) => a - homeAltAmslM;
  } else if (mode === 'clampToGround') {
    notes.push('waypoint altitudes: 0 m (the route is clamped to the ground)');
    toRelative = () => 0;
  } else return fail(line.line, `altitudeMode "${mode}" is not supported (relativeToGround, absolute, clampToGround)`, 'altitudeMode');

  // Waypoint attributes, by the index in the Placemark id "wp-<i>".
  const attrs = new Map<number, Map<string, { value: string; line: number }>>();
  for (const p of placemarks) {
    const m = /^wp-(\d+)$/.exec(p.attrs['id'] ?? '');
    if (m !== null) attrs.set(Number(m[1]), extended(p));
  }
  const waypoints: Waypoint[] = tuples.map(([lon, lat, alt], i) => {
    const a = attrs.get(i) ?? new Map<string, { value: string; line: number }>();
    const holdS = numberData(a, 'holdS', 0);
    const speedMps = numberData(a, 'speedMps', 0);
    return { lat, lon, altM: toRelative(alt), ...(holdS === undefined ? {} : { holdS }), ...(speedMps === undefined || speedMps === 0 ? {} : { speedMps }) };
  });

  // Home.
  const homePm = placemarks.find((p) => p.attrs['id'] === 'home') ?? placemarks.find((p) => child(p, 'name')?.text.trim().toLowerCase() === 'home');
  const homePoint = homePm === undefined ? undefined : descendants(homePm, 'coordinates')[0];
  let home: Home;
  if (homePoint !== undefined) {
    const [h] = parseCoordinates(homePoint, fail);
    if (h === undefined) return fail(homePoint.line, 'the home Point has no coordinates', 'coordinates');
    home = { lat: h[1], lon: h[0], ...(homeAltAmslM === undefined ? {} : { altAmslM: homeAltAmslM }) };
  } else {
    home = { lat: waypoints[0]!.lat, lon: waypoints[0]!.lon, ...(homeAltAmslM === undefined ? {} : { altAmslM: homeAltAmslM }) };
    notes.push('home: the first route point (the file has no Home placemark)');
  }

  // Vehicle, name, start time.
  const typeData = docData.get('vehicle.type');
  if (typeData !== undefined && !(VEHICLE_TYPES as readonly string[]).includes(typeData.value)) fail(typeData.line, `vehicle.type "${typeData.value}" is not one of ${VEHICLE_TYPES.join(', ')}`, 'vehicle.type');
  const fromFile: Partial<Vehicle> = {};
  const put = <K extends keyof Vehicle>(k: K, v: Vehicle[K] | undefined): void => {
    if (v !== undefined) fromFile[k] = v;
  };
  put('type', typeData?.value as Vehicle['type'] | undefined);
  put('cruiseSpeedMps', numberData(docData, 'vehicle.cruiseSpeedMps', 0));
  put('turnRadiusM', numberData(docData, 'vehicle.turnRadiusM', 0));
  put('enduranceS', numberData(docData, 'vehicle.enduranceS', 0));
  put('reserveFraction', numberData(docData, 'vehicle.reserveFraction', 0));
  put('climbRateMps', numberData(docData, 'vehicle.climbRateMps', 0));
  const when = routePm === undefined ? undefined : child(routePm, 'TimeStamp');
  const whenText = when === undefined ? undefined : child(when, 'when');
  let startTime: string | undefined;
  if (whenText !== undefined) {
    try {
      startTime = new JsonFields('NARIZ_PLAN_FORMAT').isoTime(whenText.text.trim(), 'when');
    } catch {
      fail(whenText.line, `TimeStamp "${whenText.text.trim()}" is not an ISO 8601 date-time with a zone`, 'when');
    }
  }
  const docName = child(doc, 'name')?.text.trim();
  const plan: FlightPlan = {
    name: planName(docName, options, notes),
    vehicle: completeVehicle(fromFile, options, notes),
    home,
    ...(startTime === undefined ? {} : { startTime }),
    waypoints,
  };
  return { plan, notes };
}

/** KML <coordinates>: whitespace-separated "lon,lat[,alt]" tuples. */
function parseCoordinates(el: XmlElement, fail: (line: number, message: string, column?: string) => never): Array<[number, number, number]> {
  const out: Array<[number, number, number]> = [];
  const tuples = el.text.trim().split(/\s+/).filter((t) => t !== '');
  tuples.forEach((t, k) => {
    const parts = t.split(',');
    const nums = parts.map(Number);
    if (parts.length < 2 || parts.length > 3 || nums.some((x, i) => !Number.isFinite(x) || parts[i] === '')) fail(el.line, `coordinate ${k + 1} "${t}" is not lon,lat[,alt]`, 'coordinates');
    const [lon, lat, alt] = [nums[0]!, nums[1]!, nums[2] ?? 0];
    if (Math.abs(lat) > 90 || Math.abs(lon) > 180) fail(el.line, `coordinate ${k + 1} "${t}" is out of range (lon, lat order)`, 'coordinates');
    out.push([lon, lat, alt]);
  });
  return out;
}

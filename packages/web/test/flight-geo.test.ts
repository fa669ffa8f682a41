/**
 * The pure geometry of flight operations, with known answers: search-area
 * rings (area against an independent computation, orientation,
 * self-intersection), the drawing state machine, and the map features of a
 * plan, its violations, a track's excursions, vehicles and the hatching.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FlightPlan } from '../src/api/schema/flight-plan.js';
import type { RoutePoint, Violation } from '../src/api/schema/plan-check.js';
import type { Excursion } from '../src/api/schema/track-airspace.js';
import type { VehicleStatus } from '../src/api/schema/vehicle.js';
import { drawFeatures } from '../src/geo/draw-features.js';
import { excursionFeatures, excursionPath } from '../src/geo/excursion-features.js';
import { hatchPattern } from '../src/geo/hatch-pattern.js';
import { meanWind } from '../src/geo/mean-wind.js';
import { planBbox, planFeatures, routeNodes } from '../src/geo/plan-features.js';
import { DRAW_IDLE, drawReducer, type DrawInput, type DrawState } from '../src/geo/polygon-draw.js';
import { closeRing, exteriorRing, openRing, rectangleRing, ringAreaM2, segmentsIntersect, selfIntersects, type LngLat } from '../src/geo/ring-geometry.js';
import { vehicleFeatures } from '../src/geo/vehicle-features.js';
import { routeStretch, violationFeatures } from '../src/geo/violation-features.js';

/** Twice the signed shoelace area: positive counterclockwise. */
function signed(ring: readonly LngLat[]): number {
  let a = 0;
  for (let i = 0; i + 1 < ring.length; i++) a += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return a;
}

test('rings: open, close, counterclockwise exterior, rectangles', () => {
  const cw: LngLat[] = [[0, 0], [0, 1], [1, 1], [1, 0]];
  assert.deepEqual(closeRing(cw), [[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]);
  assert.deepEqual(openRing(closeRing(cw)), cw);
  assert.deepEqual(closeRing(closeRing(cw)), closeRing(cw), 'closing twice adds nothing');
  const ext = exteriorRing(cw);
  assert.ok(signed(ext) > 0, 'counterclockwise');
  assert.deepEqual(ext[0], ext[ext.length - 1]);
  assert.deepEqual(rectangleRing([2, 5], [1, 4]), [[1, 4], [2, 4], [2, 5], [1, 5], [1, 4]]);
  assert.ok(signed(rectangleRing([2, 5], [1, 4])) > 0);
});

test('ring area on the sphere: a 1 km square at 52° N, and a degree cell at the equator', () => {
  // Independent: metres per degree from the sphere's radius; a 1 km × 1 km square.
  const R = 6_371_008.8;
  const mPerDegLat = (Math.PI / 180) * R;
  const lat0 = 52.09;
  const dLat = 1000 / mPerDegLat;
  const dLon = 1000 / (mPerDegLat * Math.cos(((lat0 + dLat / 2) * Math.PI) / 180));
  const a = ringAreaM2(rectangleRing([5.12, lat0], [5.12 + dLon, lat0 + dLat]));
  assert.ok(Math.abs(a - 1e6) / 1e6 < 1e-3, `${a} m²`);
  // A 1° × 1° cell at the equator: R²·Δλ·(sin φ2 − sin φ1) exactly.
  const cell = ringAreaM2(rectangleRing([0, 0], [1, 1]));
  const exact = R * R * (Math.PI / 180) * Math.sin(Math.PI / 180);
  assert.ok(Math.abs(cell - exact) / exact < 1e-9, `${cell} vs ${exact}`);
  assert.equal(ringAreaM2([[0, 0], [1, 1]]), 0);
  assert.equal(ringAreaM2(exteriorRing([[0, 0], [0, 1], [1, 1], [1, 0]])), ringAreaM2(rectangleRing([0, 0], [1, 1])), 'orientation does not matter');
});

test('self-intersection: a bow tie crosses, a square and a concave L do not, a touching vertex does', () => {
  assert.equal(segmentsIntersect([0, 0], [2, 2], [0, 2], [2, 0]), true);
  assert.equal(segmentsIntersect([0, 0], [1, 0], [0, 1], [1, 1]), false);
  assert.equal(segmentsIntersect([0, 0], [2, 0], [1, 0], [3, 0]), true, 'collinear overlap');
  assert.equal(selfIntersects([[0, 0], [2, 2], [2, 0], [0, 2]]), true, 'bow tie');
  assert.equal(selfIntersects([[0, 0], [1, 0], [1, 1], [0, 1]]), false);
  assert.equal(selfIntersects([[0, 0], [2, 0], [2, 1], [1, 1], [1, 2], [0, 2]]), false, 'L shape');
  assert.equal(selfIntersects([[0, 0], [2, 0], [1, 1], [2, 2], [0, 2], [1, 1]]), true, 'a vertex touching another');
  assert.equal(selfIntersects([[0, 0], [1, 0], [0, 1]]), false, 'a triangle never does');
  assert.equal(selfIntersects(closeRing([[0, 0], [1, 0], [1, 1], [0, 1]])), false, 'the closing repeat is not an edge');
});

const run = (inputs: readonly DrawInput[], from: DrawState = DRAW_IDLE): DrawState => inputs.reduce(drawReducer, from);
const click = (at: LngLat, nearFirst = false, nearLast = false): DrawInput => ({ type: 'click', at, nearFirst, nearLast });

test('drawing a polygon: clicks add corners, clicking the first corner finishes, a double click adds nothing twice', () => {
  const s = run([{ type: 'start', mode: 'polygon' }, click([0, 0]), click([1, 0]), { type: 'move', at: [1, 1] }, click([1, 1]), click([1, 1], false, true), click([0, 1]), click([0, 0], true)]);
  assert.equal(s.mode, null);
  assert.deepEqual(s.area, [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
  assert.deepEqual([s.vertices, s.hover, s.problem], [[], null, null]);
  // Double-click (two clicks on the same spot, then dblclick) or Enter finishes too.
  const d = run([{ type: 'start', mode: 'polygon' }, click([0, 0]), click([1, 0]), click([1, 1]), click([1, 1], false, true), { type: 'finish' }]);
  assert.deepEqual(d.area, [[0, 0], [1, 0], [1, 1], [0, 0]]);
  // Clockwise clicks give a counterclockwise ring.
  const cw = run([{ type: 'start', mode: 'polygon' }, click([0, 0]), click([0, 1]), click([1, 1]), { type: 'finish' }]);
  assert.ok(signed(cw.area!) > 0);
});

test('drawing a polygon: too few corners, a crossing outline, undo, cancel keeps the previous area', () => {
  const few = run([{ type: 'start', mode: 'polygon' }, click([0, 0]), click([1, 0]), click([0, 0], true), { type: 'finish' }]);
  assert.deepEqual([few.mode, few.problem, few.area, few.vertices.length], ['polygon', 'tooFew', null, 2], 'the first corner clicked again too early adds nothing');
  const line = run([{ type: 'start', mode: 'polygon' }, click([0, 0]), click([1, 0]), click([2, 0]), { type: 'finish' }]);
  assert.deepEqual([line.problem, line.area], ['tooFew', null], 'corners on a line enclose nothing');
  const bowtie = run([{ type: 'start', mode: 'polygon' }, click([0, 0]), click([2, 2]), click([2, 0]), click([0, 2]), { type: 'finish' }]);
  assert.deepEqual([bowtie.mode, bowtie.problem, bowtie.area], ['polygon', 'selfIntersecting', null]);
  const fixed = run([{ type: 'undo' }, { type: 'undo' }, { type: 'undo' }, click([2, 0]), click([2, 2]), { type: 'finish' }], bowtie);
  assert.deepEqual(fixed.area, [[0, 0], [2, 0], [2, 2], [0, 0]]);
  assert.equal(fixed.problem, null);
  const kept = run([{ type: 'start', mode: 'polygon' }, click([5, 5]), click([6, 5]), { type: 'cancel' }], fixed);
  assert.deepEqual([kept.mode, kept.vertices, kept.area], [null, [], fixed.area]);
  assert.equal(run([{ type: 'clear' }], kept).area, null);
  // Outside drawing, pointer input changes nothing.
  assert.equal(run([click([1, 1]), { type: 'move', at: [1, 1] }, { type: 'press', at: [0, 0] }, { type: 'finish' }, { type: 'undo' }], kept), kept);
});

test('drawing a rectangle: drag, or click both corners; no zero-size rectangle; the map view', () => {
  const drag = run([{ type: 'start', mode: 'rectangle' }, { type: 'press', at: [1, 1] }, { type: 'move', at: [2, 3] }, { type: 'release', at: [3, 0], moved: true }]);
  assert.deepEqual(drag.area, [[1, 0], [3, 0], [3, 1], [1, 1], [1, 0]]);
  const clicks = run([{ type: 'start', mode: 'rectangle' }, { type: 'press', at: [1, 1] }, { type: 'release', at: [1, 1], moved: false }, { type: 'press', at: [0, 2] }, { type: 'release', at: [0, 2], moved: false }]);
  assert.deepEqual(clicks.area, [[0, 1], [1, 1], [1, 2], [0, 2], [0, 1]]);
  const flat = run([{ type: 'start', mode: 'rectangle' }, { type: 'press', at: [1, 1] }, { type: 'release', at: [4, 1], moved: true }]);
  assert.deepEqual([flat.mode, flat.area, flat.anchor], ['rectangle', null, [1, 1]], 'still waiting for a real corner');
  assert.equal(run([{ type: 'start', mode: 'rectangle' }, click([0, 0])]).anchor, null, 'clicks are not a rectangle\'s input');
  const view = run([{ type: 'set', ring: rectangleRing([5.1, 52.08], [5.14, 52.1]) }]);
  assert.deepEqual(view.area, rectangleRing([5.1, 52.08], [5.14, 52.1]));
});

test('the take-off point: one click places it, the map centre sets it, and it goes back to the default', () => {
  const area = run([{ type: 'set', ring: rectangleRing([0, 0], [1, 1]) }]);
  const placing = run([{ type: 'start', mode: 'home' }, { type: 'move', at: [0.4, 0.5] }], area);
  assert.deepEqual([placing.mode, placing.home, placing.area], ['home', null, area.area]);
  const placed = run([click([0.2, 0.3])], placing);
  assert.deepEqual([placed.mode, placed.home, placed.area], [null, [0.2, 0.3], area.area], 'the area stays');
  assert.deepEqual(run([{ type: 'start', mode: 'home' }, { type: 'cancel' }], placed).home, [0.2, 0.3], 'Esc keeps it');
  assert.deepEqual(run([{ type: 'setHome', at: [0.5, 0.5] }], placed).home, [0.5, 0.5]);
  assert.equal(run([{ type: 'setHome', at: null }], placed).home, null);
  assert.deepEqual(run([{ type: 'clear' }], placed).home, [0.2, 0.3], 'clearing the area keeps the take-off point');
  assert.deepEqual(drawFeatures(placed).features.map((f) => f.properties.kind), ['area', 'home']);
});

test('the drawing on the map: the sketch with the pointer as the next corner, vertices, then the area', () => {
  const s1 = run([{ type: 'start', mode: 'polygon' }, click([0, 0]), { type: 'move', at: [1, 0] }]);
  assert.deepEqual(drawFeatures(s1).features.map((f) => [f.properties.kind, f.geometry.type, f.properties.first]), [['sketch', 'LineString', false], ['vertex', 'Point', true]]);
  const s2 = run([click([1, 0]), { type: 'move', at: [1, 1] }], s1);
  const f2 = drawFeatures(s2).features;
  assert.deepEqual(f2.map((f) => f.properties.kind), ['sketch', 'vertex', 'vertex']);
  assert.deepEqual(f2[0]!.geometry, { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] });
  const rect = run([{ type: 'start', mode: 'rectangle' }, { type: 'press', at: [0, 0] }, { type: 'move', at: [2, 1] }]);
  assert.deepEqual(drawFeatures(rect).features.map((f) => f.properties.kind), ['sketch', 'vertex']);
  const done = run([{ type: 'release', at: [2, 1], moved: true }], rect);
  assert.deepEqual(drawFeatures(done).features.map((f) => [f.properties.kind, f.geometry.type]), [['area', 'Polygon']]);
  assert.deepEqual(drawFeatures(DRAW_IDLE).features, []);
});

const plan: FlightPlan = {
  name: 'test',
  vehicle: { type: 'multirotor', cruiseSpeedMps: 10, turnRadiusM: 0, enduranceS: 1500, reserveFraction: 0.25 },
  home: { lat: 52.0, lon: 5.0 },
  startTime: null,
  waypoints: [
    { lat: 52.01, lon: 5.0, altM: 30, holdS: null, speedMps: null },
    { lat: 52.01, lon: 5.02, altM: 30, holdS: null, speedMps: null },
    { lat: 52.02, lon: 5.02, altM: 30, holdS: null, speedMps: null },
  ],
};

test('a plan on the map: dashed transit legs, the mission line, numbered waypoints, home; its box', () => {
  const fc = planFeatures(plan);
  assert.deepEqual(fc.features.map((f) => [f.properties.kind, f.properties.label]), [['transit', ''], ['mission', ''], ['transit', ''], ['waypoint', '1'], ['waypoint', '2'], ['waypoint', '3'], ['home', 'H']]);
  assert.deepEqual(fc.features[0]!.geometry.coordinates, [[5.0, 52.0], [5.0, 52.01]]);
  assert.deepEqual(fc.features[1]!.geometry.coordinates, [[5.0, 52.01], [5.02, 52.01], [5.02, 52.02]]);
  assert.deepEqual(fc.features[2]!.geometry.coordinates, [[5.02, 52.02], [5.0, 52.0]]);
  assert.deepEqual(planBbox(plan), [5.0, 52.0, 5.02, 52.02]);
  const one = planFeatures({ ...plan, waypoints: [plan.waypoints[0]!] });
  assert.deepEqual(one.features.map((f) => f.properties.kind), ['transit', 'transit', 'waypoint', 'home'], 'no mission line with one waypoint');
  assert.deepEqual(routeNodes(plan), [[5.0, 52.0], [5.0, 52.01], [5.02, 52.01], [5.02, 52.02], [5.0, 52.0]]);
});

const point = (lon: number, lat: number, legIndex: number): RoutePoint => ({ lat, lon, altM: 30, timeOffsetS: 0, time: null, legIndex, legKind: null, waypointIndex: null });

test('a violation\'s stretch follows the route through the waypoints between its start and its end', () => {
  const nodes = routeNodes(plan);
  // Starts on leg 2 (waypoint 1 → 2), ends on leg 3 (waypoint 2 → 3): through waypoint 2.
  assert.deepEqual(routeStretch(nodes, point(5.01, 52.01, 2), point(5.02, 52.015, 3)), [[5.01, 52.01], [5.02, 52.01], [5.02, 52.015]]);
  // Same leg: a straight piece.
  assert.deepEqual(routeStretch(nodes, point(5.005, 52.01, 2), point(5.015, 52.01, 2)), [[5.005, 52.01], [5.015, 52.01]]);
  // Never back: to the end of the route (home), through every node after the start.
  assert.deepEqual(routeStretch(nodes, point(5.01, 52.01, 2), null), [[5.01, 52.01], [5.02, 52.01], [5.02, 52.02], [5.0, 52.0]]);
  // An altitude violation during take-off (leg 0) ending on the outbound leg (1): from home.
  assert.deepEqual(routeStretch(nodes, point(5.0, 52.0, 0), point(5.0, 52.005, 1)), [[5.0, 52.0], [5.0, 52.005]]);
  // Ending exactly on a waypoint: no repeated position.
  assert.deepEqual(routeStretch(nodes, point(5.01, 52.01, 2), point(5.02, 52.01, 3)), [[5.01, 52.01], [5.02, 52.01]]);
});

test('violations on the map: the stretch and numbered start and end markers', () => {
  const v: Violation = { ...point(5.01, 52.01, 2), kind: 'inside-forbidden', end: point(5.02, 52.015, 3), areas: ['X'], message: 'm' };
  const never: Violation = { ...v, kind: 'altitude', end: null };
  const fc = violationFeatures(plan, [v, never]);
  assert.deepEqual(fc.features.map((f) => [f.properties.role, f.properties.n, f.properties.kind, f.geometry.type]), [
    ['stretch', 1, 'inside-forbidden', 'LineString'],
    ['start', 1, 'inside-forbidden', 'Point'],
    ['end', 1, 'inside-forbidden', 'Point'],
    ['stretch', 2, 'altitude', 'LineString'],
    ['start', 2, 'altitude', 'Point'],
  ]);
  assert.deepEqual(fc.features[2]!.geometry.coordinates, [5.02, 52.015]);
});

const excursion = (fromIndex: number, toIndex: number, reentry: boolean): Excursion => ({
  kind: 'outside-permitted',
  fromIndex,
  toIndex,
  fromTimeS: 100,
  toTimeS: 200,
  exit: { lat: 52, lon: 7.0, altM: 40, timeS: 100 },
  reentry: reentry ? { lat: 52, lon: 7.5, altM: 40, timeS: 200 } : null,
  areas: [],
  message: '',
});

test('excursions on the map: the out-of-bounds track through the decimated samples it holds', () => {
  // Samples shown: every 10th from sample 5 (5, 15, 25, …), at lon = 7 + index/100.
  const n = 30;
  const track = { from: 5, step: 10, lat: new Float64Array(n).fill(52), lon: Float64Array.from({ length: n }, (_, i) => 7 + (5 + 10 * i) / 100) };
  // Samples 20..44 are outside: shown ones are 25 and 35.
  assert.deepEqual(excursionPath(excursion(20, 44, true), track), [[7.0, 52], [7.25, 52], [7.35, 52], [7.5, 52]]);
  // Between two shown samples: exit to re-entry.
  assert.deepEqual(excursionPath(excursion(16, 24, true), track), [[7.0, 52], [7.5, 52]]);
  // Never back: to the last sample shown within the excursion.
  assert.deepEqual(excursionPath(excursion(270, 299, false), track).slice(1), [[9.75, 52], [9.85, 52], [9.95, 52]]);
  assert.deepEqual(excursionPath(excursion(20, 44, false), null), [[7.0, 52]]);
  const fc = excursionFeatures([excursion(20, 44, true), excursion(270, 299, false)], track);
  assert.deepEqual(fc.features.map((f) => [f.properties.role, f.properties.n]), [['outside', 1], ['exit', 1], ['reentry', 1], ['outside', 2], ['exit', 2]]);
});

test('vehicles on the map: positioned ones only, with course and airspace state', () => {
  const base: VehicleStatus = { sysid: 1, endpoint: 'e', lastSeen: 'x', lat: 52, lon: 7, altAboveHomeM: 40, courseDeg: 90, groundSpeedMps: 10, sortieId: null, samples: 0, frames: 1, airspace: null };
  const list: VehicleStatus[] = [
    base,
    { ...base, sysid: 2, courseDeg: null, airspace: { authorityId: 'a', allowed: true, insideForbidden: [], since: 's' } },
    { ...base, sysid: 3, airspace: { authorityId: 'a', allowed: false, insideForbidden: ['Germany'], since: 's' } },
    { ...base, sysid: 4, lat: null, lon: null },
  ];
  const fc = vehicleFeatures(list, (v) => `V${v.sysid}`);
  assert.deepEqual(fc.features.map((f) => [f.id, f.properties.state, f.properties.hasCourse, f.properties.course, f.properties.label]), [
    [1, 'unknown', true, 90, 'V1'],
    [2, 'allowed', false, 0, 'V2'],
    [3, 'outside', true, 90, 'V3'],
  ]);
});

test('the hatching: diagonal stripes that tile seamlessly', () => {
  const size = 16;
  const px = hatchPattern({ size, period: 8, width: 2, rgba: [255, 82, 82, 255] });
  assert.equal(px.length, size * size * 4);
  const alpha = (x: number, y: number): number => px[(y * size + x) * 4 + 3]!;
  assert.deepEqual([alpha(0, 0), alpha(1, 0), alpha(2, 0), alpha(7, 0), alpha(7, 1), alpha(8, 0)], [255, 255, 0, 0, 255, 255]);
  assert.deepEqual([...px.subarray(0, 4)], [255, 82, 82, 255]);
  // Seamless: the pixel past an edge (wrapping) continues the stripe as it would.
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) assert.equal(alpha(x, y), alpha((x + 8) % size, y), `(${x}, ${y})`);
  const inked = [...Array(size * size).keys()].filter((i) => px[i * 4 + 3] === 255).length;
  assert.equal(inked, (size * size) / 4, 'a quarter of the tile (2 of every 8 diagonals)');
  assert.throws(() => hatchPattern({ size: 16, period: 5, width: 1, rgba: [0, 0, 0, 255] }), RangeError);
});

test('the mean wind of a sortie: vector mean, direction it blows from', () => {
  const w = meanWind([3, 3, 3], [0, 0, 0]);
  assert.ok(w !== null);
  assert.equal(w.speedMps, 3);
  assert.equal(w.fromDeg, 270, 'blowing toward east: from the west');
  const north = meanWind([0], [-4])!;
  assert.deepEqual([north.speedMps, north.fromDeg], [4, 0], 'blowing toward south: from the north');
  const ne = meanWind([-2], [-2])!;
  assert.ok(Math.abs(ne.fromDeg - 45) < 1e-9 && Math.abs(ne.speedMps - Math.SQRT2 * 2) < 1e-12);
  const skipped = meanWind([Number.NaN, 1, 3], [0, 0, Number.NaN])!;
  assert.deepEqual([skipped.count, skipped.speedMps, skipped.fromDeg], [1, 1, 270]);
  assert.equal(meanWind([Number.NaN], [Number.NaN]), null);
  assert.equal(meanWind([], []), null);
  assert.equal(meanWind([3, -3], [0, 0])!.speedMps, 0, 'opposite winds cancel');
});

/**
 * What the simulated camera sees: a procedural flat world in metres east
 * and north of the point of interest. Fields in a rotated grid, each its
 * own crop colour with a speckle of 3 m cells (texture, so that camera
 * motion shows and can be measured), two roads, a building on the point,
 * and one vehicle driving along the east–west road during a known
 * interval (the moving thing the motion cue is there to find). Pure and
 * deterministic: colour as a function of place and time.
 */
export interface SceneVehicle {
  /** It is on the road only from startS to endS. */
  readonly startS: number;
  readonly endS: number;
  /** East of the point where it is at startS and at endS (metres); north of the point of its road. */
  readonly fromEastM: number;
  readonly toEastM: number;
  readonly northM: number;
  readonly lengthM: number;
  readonly widthM: number;
}

export interface Scene {
  readonly seed: number;
  readonly vehicle: SceneVehicle;
}

const FIELD_E = 70;
const FIELD_N = 45;
const GRID_ROTATION = 0.21;
const COS_G = Math.cos(GRID_ROTATION);
const SIN_G = Math.sin(GRID_ROTATION);
const CELL_M = 3;
const ROAD_HALF_WIDTH_M = 3.5;
/** The north–south road, east of the point. */
const NS_ROAD_EAST_M = -60;
const BUILDING = { halfE: 11, halfN: 7 } as const;

/** Crop and soil colours. */
const PALETTE: ReadonlyArray<readonly [number, number, number]> = [
  [92, 128, 62], [120, 140, 70], [150, 132, 88], [104, 118, 58], [168, 150, 100], [80, 110, 66], [136, 152, 84], [122, 100, 72],
];

/** A 32-bit integer hash of two integers and a seed (an xorshift-multiply mix). */
function hash(a: number, b: number, seed: number): number {
  let h = (Math.imul(a, 0x27d4eb2d) ^ Math.imul(b, 0x165667b1) ^ seed) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** Where the vehicle's centre is at tS, or undefined when it is not in the scene. */
export function vehicleAt(v: SceneVehicle, tS: number): { eastM: number; northM: number } | undefined {
  if (tS < v.startS || tS > v.endS) return undefined;
  const f = v.endS > v.startS ? (tS - v.startS) / (v.endS - v.startS) : 0;
  return { eastM: v.fromEastM + f * (v.toEastM - v.fromEastM), northM: v.northM };
}

/**
 * The colour at (east, north) at time tS, written to out[o..o+2] (RGB).
 * `vehicle` is vehicleAt(scene.vehicle, tS), computed once per frame.
 */
export function sceneColour(scene: Scene, east: number, north: number, vehicle: { eastM: number; northM: number } | undefined, out: Uint8Array, o: number): void {
  let r: number, g: number, b: number;
  if (vehicle !== undefined && Math.abs(east - vehicle.eastM) <= scene.vehicle.lengthM / 2 && Math.abs(north - vehicle.northM) <= scene.vehicle.widthM / 2) {
    // A white lorry with a darker cab roof at its front (east).
    const front = east - vehicle.eastM > scene.vehicle.lengthM * 0.3;
    out[o] = front ? 60 : 245;
    out[o + 1] = front ? 70 : 240;
    out[o + 2] = front ? 80 : 225;
    return;
  }
  if (Math.abs(east) <= BUILDING.halfE && Math.abs(north) <= BUILDING.halfN) {
    // A corrugated roof: stripes every metre.
    const stripe = (Math.floor(north * 1.0) & 1) === 0 ? 0 : 14;
    r = 150 - stripe;
    g = 62 - stripe / 2;
    b = 52;
  } else if (Math.abs(north - scene.vehicle.northM) <= ROAD_HALF_WIDTH_M || Math.abs(east - NS_ROAD_EAST_M) <= ROAD_HALF_WIDTH_M) {
    // Asphalt with white edge lines (none across the junction).
    const dn = Math.abs(north - scene.vehicle.northM), de = Math.abs(east - NS_ROAD_EAST_M);
    const line = ROAD_HALF_WIDTH_M - 0.4;
    const edge = dn > line && de > line;
    r = g = b = edge ? 200 : 96;
  } else {
    const x = east * COS_G + north * SIN_G;
    const y = -east * SIN_G + north * COS_G;
    const fe = Math.floor(x / FIELD_E), fn = Math.floor(y / FIELD_N);
    const c = PALETTE[hash(fe, fn, scene.seed) % PALETTE.length]!;
    // Furrows along the field's long side, and 3 m speckle.
    const furrow = 10 * Math.sin((y * 2 * Math.PI) / 4);
    const speckle = (hash(Math.floor(east / CELL_M), Math.floor(north / CELL_M), scene.seed ^ 0x5bd1e995) % 25) - 12;
    // Hedges between fields.
    const hedge = x - fe * FIELD_E < 1.5 || y - fn * FIELD_N < 1.5;
    r = hedge ? 40 : c[0] + furrow + speckle;
    g = hedge ? 70 : c[1] + furrow + speckle;
    b = hedge ? 36 : c[2] + furrow * 0.5 + speckle;
  }
  out[o] = r < 0 ? 0 : r > 255 ? 255 : r;
  out[o + 1] = g < 0 ? 0 : g > 255 ? 255 : g;
  out[o + 2] = b < 0 ? 0 : b > 255 ? 255 : b;
}

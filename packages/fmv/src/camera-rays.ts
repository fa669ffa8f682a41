/**
 * The camera's pointing as MISB ST 0601 defines it: the platform attitude
 * (Items 5, 6/90, 7/91: heading clockwise from true north, pitch positive
 * nose up, roll positive right wing down) rotates the body frame into
 * north/east/down, yaw then pitch then roll; the sensor's relative angles
 * (Items 18–20: azimuth clockwise from the nose, elevation negative down,
 * roll about the line of sight) rotate the sensor frame into the body
 * frame in the same order. In the sensor frame x is the line of sight, y
 * the image's right and z the image's down, so the ray through normalised
 * image coordinates (u, v) ∈ [0, 1]² ((0, 0) top-left) is
 * (1, (2u − 1)·tan(hfov/2), (2v − 1)·tan(vfov/2)): a pinhole camera.
 */
const DEG = Math.PI / 180;

/** Row-major 3×3: Rz(yaw)·Ry(pitch)·Rx(roll), body (x fwd, y right, z down) → the parent frame. */
export function yawPitchRoll(yawDeg: number, pitchDeg: number, rollDeg: number): Float64Array {
  const cy = Math.cos(yawDeg * DEG), sy = Math.sin(yawDeg * DEG);
  const cp = Math.cos(pitchDeg * DEG), sp = Math.sin(pitchDeg * DEG);
  const cr = Math.cos(rollDeg * DEG), sr = Math.sin(rollDeg * DEG);
  return Float64Array.of(
    cy * cp, cy * sp * sr - sy * cr, cy * sp * cr + sy * sr,
    sy * cp, sy * sp * sr + cy * cr, sy * sp * cr - cy * sr,
    -sp, cp * sr, cp * cr,
  );
}

export function multiply3(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(9);
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) out[r * 3 + c] = a[r * 3]! * b[c]! + a[r * 3 + 1]! * b[3 + c]! + a[r * 3 + 2]! * b[6 + c]!;
  }
  return out;
}

export interface Pointing {
  readonly headingDeg: number;
  readonly pitchDeg: number;
  readonly rollDeg: number;
  readonly sensorAzDeg: number;
  readonly sensorElDeg: number;
  readonly sensorRollDeg: number;
}

/** Sensor frame → north/east/down. */
export function sensorToNed(p: Pointing): Float64Array {
  return multiply3(yawPitchRoll(p.headingDeg, p.pitchDeg, p.rollDeg), yawPitchRoll(p.sensorAzDeg, p.sensorElDeg, p.sensorRollDeg));
}

/** The unit ray (north, east, down) through image point (u, v) for a camera with the given half-angle tangents. */
export function imageRayNed(r: Float64Array, tanHalfH: number, tanHalfV: number, u: number, v: number): [number, number, number] {
  const y = (2 * u - 1) * tanHalfH;
  const z = (2 * v - 1) * tanHalfV;
  const n = r[0]! + r[1]! * y + r[2]! * z;
  const e = r[3]! + r[4]! * y + r[5]! * z;
  const d = r[6]! + r[7]! * y + r[8]! * z;
  const len = Math.hypot(n, e, d);
  return [n / len, e / len, d / len];
}

/** Image corners in ST 0601 order (corner points 1..4): upper-left, upper-right, lower-right, lower-left. */
export const CORNER_UV: ReadonlyArray<readonly [number, number]> = [[0, 0], [1, 0], [1, 1], [0, 1]];

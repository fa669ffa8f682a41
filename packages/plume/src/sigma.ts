/**
 * Dispersion coefficients sigma_y(x), sigma_z(x) in metres for downwind
 * distance x in metres, per Pasquill–Gifford stability class (index 0..5 = A..F).
 *
 * - Briggs (1973) rural (open country) and urban formulas, as tabulated in
 *   Hanna, Briggs & Hosker (1982), "Handbook on Atmospheric Diffusion", Table 4.5.
 * - Pasquill–Gifford curves in Turner's (1970) form, via the ISC3 fits
 *   (EPA-454/B-95-003b, Vol. II, eqs. 1-34/1-35 and Table 1-1):
 *   sigma_y = 465.11628 x_km tan(0.017453293 (c - d ln x_km)),
 *   sigma_z = a x_km^b piecewise, capped at 5000 m.
 */
export const SIGMA_SETS = ['briggs-rural', 'briggs-urban', 'pasquill-gifford'] as const;
export type SigmaSet = (typeof SIGMA_SETS)[number];
export const SIGMA_SET_INDEX: Readonly<Record<SigmaSet, number>> = { 'briggs-rural': 0, 'briggs-urban': 1, 'pasquill-gifford': 2 };

/** Distances below this are clamped: the Gaussian plume is meaningless inside ~1 m of the source. */
export const MIN_DOWNWIND_M = 1;

// Briggs rural sigma_y = a x (1 + 1e-4 x)^-1/2
const BR_Y = [0.22, 0.16, 0.11, 0.08, 0.06, 0.04];

function briggsRuralZ(k: number, x: number): number {
  switch (k) {
    case 0: return 0.2 * x;
    case 1: return 0.12 * x;
    case 2: return (0.08 * x) / Math.sqrt(1 + 0.0002 * x);
    case 3: return (0.06 * x) / Math.sqrt(1 + 0.0015 * x);
    case 4: return (0.03 * x) / (1 + 0.0003 * x);
    default: return (0.016 * x) / (1 + 0.0003 * x);
  }
}

// Briggs urban sigma_y = a x (1 + 4e-4 x)^-1/2 with A=B and E=F.
const BU_Y = [0.32, 0.32, 0.22, 0.16, 0.11, 0.11];

function briggsUrbanZ(k: number, x: number): number {
  switch (k) {
    case 0:
    case 1: return 0.24 * x * Math.sqrt(1 + 0.001 * x);
    case 2: return 0.2 * x;
    case 3: return (0.14 * x) / Math.sqrt(1 + 0.0003 * x);
    default: return (0.08 * x) / Math.sqrt(1 + 0.0015 * x);
  }
}

// ISC3 Table 1-1: sigma_y parameters c, d per class.
const PG_C = [24.167, 18.333, 12.5, 8.333, 6.25, 4.1667];
const PG_D = [2.5334, 1.8096, 1.0857, 0.72382, 0.54287, 0.36191];

// ISC3 Table 1-2: sigma_z = a x_km^b; rows are [upper bound of x_km, a, b].
const PG_Z: ReadonlyArray<ReadonlyArray<readonly [number, number, number]>> = [
  [[0.1, 122.8, 0.9447], [0.15, 158.08, 1.0542], [0.2, 170.22, 1.0932], [0.25, 179.52, 1.1262], [0.3, 217.41, 1.2644], [0.4, 258.89, 1.4094], [0.5, 346.75, 1.7283], [3.11, 453.85, 2.1166], [Infinity, 453.85, 2.1166]],
  [[0.2, 90.673, 0.93198], [0.4, 98.483, 0.98332], [Infinity, 109.3, 1.0971]],
  [[Infinity, 61.141, 0.91465]],
  [[0.3, 34.459, 0.86974], [1.0, 32.093, 0.81066], [3.0, 32.093, 0.64403], [10, 33.504, 0.60486], [30, 36.65, 0.56589], [Infinity, 44.053, 0.51179]],
  [[0.1, 24.26, 0.8366], [0.3, 23.331, 0.81956], [1.0, 21.628, 0.7566], [2.0, 21.628, 0.63077], [4.0, 22.534, 0.57154], [10, 24.703, 0.50527], [20, 26.97, 0.46713], [40, 35.42, 0.37615], [Infinity, 47.618, 0.29592]],
  [[0.2, 15.209, 0.81558], [0.7, 14.457, 0.78407], [1.0, 13.953, 0.68465], [2.0, 13.953, 0.63227], [3.0, 14.823, 0.54503], [7.0, 16.187, 0.4649], [15, 17.836, 0.41507], [30, 22.651, 0.32681], [60, 27.074, 0.27436], [Infinity, 34.219, 0.21716]],
];

function pgZ(k: number, x: number): number {
  const xkm = x / 1000;
  const rows = PG_Z[k]!;
  for (const [upper, a, b] of rows) {
    if (xkm <= upper) return Math.min(5000, a * Math.pow(xkm, b));
  }
  return 5000;
}

function pgY(k: number, x: number): number {
  const xkm = x / 1000;
  const th = 0.017453293 * (PG_C[k]! - PG_D[k]! * Math.log(xkm));
  return 465.11628 * xkm * Math.tan(th);
}

/** sigma_y in metres. `set` is an index from SIGMA_SET_INDEX, `k` the stability index. */
export function sigmaY(set: number, k: number, xM: number): number {
  const x = xM < MIN_DOWNWIND_M ? MIN_DOWNWIND_M : xM;
  if (set === 0) return (BR_Y[k]! * x) / Math.sqrt(1 + 0.0001 * x);
  if (set === 1) return (BU_Y[k]! * x) / Math.sqrt(1 + 0.0004 * x);
  return pgY(k, x);
}

/** sigma_z in metres. */
export function sigmaZ(set: number, k: number, xM: number): number {
  const x = xM < MIN_DOWNWIND_M ? MIN_DOWNWIND_M : xM;
  if (set === 0) return briggsRuralZ(k, x);
  if (set === 1) return briggsUrbanZ(k, x);
  return pgZ(k, x);
}

/**
 * Scoring for the locate benchmark (bench/locate.bench.ts): matching truth
 * sources to estimates, and the metrics and pass/fail verdicts of the
 * plume-science targets. Pure: no I/O, no clocks, no randomness; every
 * position is in one local east/north frame (metres), so the caller projects
 * the truth into the estimate's frame first.
 *
 * Definitions (also printed by the bench):
 * - Matching: optimal assignment of truth sources to estimates (all of
 *   them, whatever their probability) with a gate of MATCH_GATE_M: the
 *   number of matched pairs is maximised first, then the sum of distances
 *   minimised (Hungarian algorithm). Each estimate matches at most one
 *   truth source and vice versa; pairs further apart than the gate never
 *   match.
 * - Localisation error: distance from a matched truth source to its
 *   estimate. Unmatched truth sources have none (they count as misses).
 * - Rate error: for a matched truth source, |sum est - sum truth| / sum truth
 *   over the PID species RATE_SPECIES (acetone + toluene) whose true rate is
 *   positive; HCl (a noisy electrochemical cell) is excluded from this figure
 *   but reported per species and counted in the rate coverage.
 * - Lab found: a target matched to an estimate whose probability is at
 *   least REPORT_PROBABILITY. Decoy classed as lab: a decoy matched to an
 *   estimate whose labProbability is at least LAB_PROBABILITY (whatever the
 *   estimate's existence probability). False source: an estimate with
 *   probability >= REPORT_PROBABILITY matched to no truth source.
 * - Coverage (matched truth sources only): true position within
 *   positionCi95M of the estimate; true position inside ellipse95; and, per
 *   species with a positive true rate, true rate inside rateCi95Gps.
 *   "Near 95 %" means the covered count lies inside the central 95 %
 *   acceptance region of Binomial(n, 0.95), so a calibrated estimator fails
 *   about 1 run in 20 per figure and the band narrows as n grows.
 */

export const MATCH_GATE_M = 50;
export const REPORT_PROBABILITY = 0.5;
export const LAB_PROBABILITY = 0.5;
export const RATE_SPECIES: readonly string[] = ['acetone', 'toluene'];

export interface Ellipse {
  readonly semiMajorM: number;
  readonly semiMinorM: number;
  /** Direction of the major axis, degrees clockwise from north. */
  readonly azimuthDeg: number;
}

export interface TruthPoint {
  readonly id: string;
  readonly kind: 'target' | 'decoy';
  readonly profile: string;
  readonly east: number;
  readonly north: number;
  /** g/s per species key. */
  readonly rateGps: Readonly<Record<string, number>>;
}

export interface EstimatePoint {
  readonly east: number;
  readonly north: number;
  readonly positionCi95M: number;
  readonly ellipse95: Ellipse;
  readonly rateGps: Readonly<Record<string, number>>;
  readonly rateCi95Gps: Readonly<Record<string, readonly [number, number]>>;
  readonly probability: number;
  readonly labProbability: number;
}

// ------------------------------------------------------------------ statistics

/** Linear interpolation between order statistics (Hyndman–Fan type 7, numpy's default); NaN when empty. p in [0, 1]. */
export function percentile(xs: readonly number[], p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`percentile: p must be in [0, 1], got ${p}`);
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, s.length - 1);
  return s[lo]! + (h - lo) * (s[hi]! - s[lo]!);
}

export const median = (xs: readonly number[]): number => percentile(xs, 0.5);

/** Min, median, mean and sample standard deviation (n - 1; 0 for one value). */
export function timingStats(xs: readonly number[]): { n: number; min: number; median: number; mean: number; sd: number } {
  const n = xs.length;
  if (n === 0) return { n, min: NaN, median: NaN, mean: NaN, sd: NaN };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const ss = xs.reduce((a, b) => a + (b - mean) ** 2, 0);
  return { n, min: Math.min(...xs), median: median(xs), mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : 0 };
}

/** P(X <= k) for X ~ Binomial(n, p). */
export function binomialCdf(k: number, n: number, p: number): number {
  if (k < 0) return 0;
  if (k >= n) return 1;
  if (p <= 0) return 1;
  if (p >= 1) return 0;
  // Terms in log space so that large n does not underflow P(X = 0).
  const logOdds = Math.log(p / (1 - p));
  let logTerm = n * Math.log1p(-p); // log P(X = 0)
  let sum = Math.exp(logTerm);
  for (let i = 1; i <= k; i++) {
    logTerm += Math.log((n - i + 1) / i) + logOdds;
    sum += Math.exp(logTerm);
  }
  return Math.min(1, sum);
}

/**
 * The central acceptance region [lo, hi] of Binomial(n, p) at level 1 - alpha:
 * lo is the largest k with P(X < k) <= alpha/2, hi the smallest k with
 * P(X > k) <= alpha/2.
 */
export function binomialAcceptance(n: number, p = 0.95, alpha = 0.05): { lo: number; hi: number } {
  let lo = 0;
  while (lo < n && binomialCdf(lo, n, p) <= alpha / 2) lo++;
  let hi = n;
  while (hi > 0 && 1 - binomialCdf(hi - 1, n, p) <= alpha / 2) hi--;
  return { lo, hi };
}

// ------------------------------------------------------------------- geometry

/** Whether the offset (dEast, dNorth) from the ellipse's centre lies inside it or on its boundary. */
export function insideEllipse(dEast: number, dNorth: number, e: Ellipse): boolean {
  const az = (e.azimuthDeg * Math.PI) / 180;
  const s = Math.sin(az);
  const c = Math.cos(az);
  const along = dEast * s + dNorth * c; // along the major axis (unit vector sin az, cos az)
  const across = dEast * c - dNorth * s; // along the minor axis (cos az, -sin az)
  const a = e.semiMajorM;
  const b = e.semiMinorM;
  if (!(a > 0) || !(b > 0)) {
    // Degenerate ellipse: a segment or a point; allow rounding-level slack.
    const tol = 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
    return Math.abs(across) <= Math.max(b, 0) + tol && Math.abs(along) <= Math.max(a, 0) + tol;
  }
  return (along / a) ** 2 + (across / b) ** 2 <= 1 + 1e-12;
}

// ------------------------------------------------------------------- matching

/**
 * Minimum-cost assignment (Hungarian algorithm, O(n^2 m)) for an n x m cost
 * matrix with n <= m: returns for each row the column assigned to it. Throws
 * when n > m or the rows are ragged.
 */
export function hungarian(cost: readonly (readonly number[])[]): number[] {
  const n = cost.length;
  if (n === 0) return [];
  const m = cost[0]!.length;
  if (cost.some((r) => r.length !== m)) throw new RangeError('hungarian: ragged cost matrix');
  if (n > m) throw new RangeError(`hungarian: needs rows <= columns, got ${n} x ${m}`);
  const u = new Float64Array(n + 1);
  const v = new Float64Array(m + 1);
  const p = new Int32Array(m + 1); // p[j]: row (1-based) assigned to column j; 0 = none
  const way = new Int32Array(m + 1);
  for (let i = 1; i <= n; i++) {
    p[0] = i;
    let j0 = 0;
    const minv = new Float64Array(m + 1).fill(Infinity);
    const used = new Uint8Array(m + 1);
    do {
      used[j0] = 1;
      const i0 = p[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= m; j++) {
        if (used[j] === 1) continue;
        const cur = cost[i0 - 1]![j - 1]! - u[i0]! - v[j]!;
        if (cur < minv[j]!) {
          minv[j] = cur;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= m; j++) {
        if (used[j] === 1) {
          u[p[j]!] = u[p[j]!]! + delta;
          v[j] = v[j]! - delta;
        } else minv[j] = minv[j]! - delta;
      }
      j0 = j1;
    } while (p[j0] !== 0);
    do {
      const j1 = way[j0]!;
      p[j0] = p[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  const out = new Array<number>(n).fill(-1);
  for (let j = 1; j <= m; j++) if (p[j]! !== 0) out[p[j]! - 1] = j - 1;
  return out;
}

/**
 * Gated optimal matching of points a to points b: for each a, the index of
 * its b or -1. Maximises the number of pairs within gateM, then minimises
 * their summed distance.
 */
export function matchGated(
  a: ReadonlyArray<{ east: number; north: number }>,
  b: ReadonlyArray<{ east: number; north: number }>,
  gateM = MATCH_GATE_M,
): number[] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return [];
  if (m === 0) return new Array<number>(n).fill(-1);
  // A match is worth BIG minus its distance, BIG > n * gate so one more match
  // always beats any saving in distance; columns m..m+n-1 are "unmatched".
  const big = gateM * (n + 1) + 1;
  const dist = a.map((p) => b.map((q) => Math.hypot(p.east - q.east, p.north - q.north)));
  const cost = dist.map((row) => [...row.map((d) => (d <= gateM ? d - big : 0)), ...new Array<number>(n).fill(0)]);
  return hungarian(cost).map((j, i) => (j >= 0 && j < m && dist[i]![j]! <= gateM ? j : -1));
}

// -------------------------------------------------------------- scenario score

export interface SpeciesCheck {
  readonly key: string;
  readonly truthGps: number;
  readonly estGps: number;
  readonly relErr: number;
  readonly ci95: readonly [number, number] | null;
  readonly inside: boolean;
}

export interface TruthScore {
  readonly id: string;
  readonly kind: 'target' | 'decoy';
  readonly profile: string;
  /** Index of the matched estimate, or -1. */
  readonly estimate: number;
  /** Localisation error, m (null when unmatched). */
  readonly distanceM: number | null;
  /** Distance to the nearest estimate whatever the gate, m (null when there are none): a diagnostic for misses. */
  readonly nearestM: number | null;
  /** Relative error of the summed RATE_SPECIES rates (null when unmatched or none is emitted). */
  readonly rateRelErr: number | null;
  readonly species: readonly SpeciesCheck[];
  readonly inRadius95: boolean | null;
  readonly inEllipse95: boolean | null;
  readonly probability: number | null;
  readonly labProbability: number | null;
  /** Targets: matched and reported (probability >= REPORT_PROBABILITY). Decoys: false. */
  readonly found: boolean;
  /** Decoys: matched with labProbability >= LAB_PROBABILITY. Targets: false. */
  readonly classedAsLab: boolean;
}

export interface ScenarioScore {
  readonly truths: readonly TruthScore[];
  readonly estimates: number;
  /** Estimates with probability >= REPORT_PROBABILITY. */
  readonly reported: number;
  readonly labs: number;
  readonly labsFound: number;
  readonly decoys: number;
  readonly decoysAsLab: number;
  readonly falseSources: number;
}

export function scoreScenario(truth: readonly TruthPoint[], est: readonly EstimatePoint[], gateM = MATCH_GATE_M): ScenarioScore {
  const match = matchGated(truth, est, gateM);
  const claimed = new Set(match.filter((j) => j >= 0));
  const truths = truth.map((t, i): TruthScore => {
    const j = match[i]!;
    const nearestM = est.length === 0 ? null : Math.min(...est.map((e) => Math.hypot(t.east - e.east, t.north - e.north)));
    const base = { id: t.id, kind: t.kind, profile: t.profile, nearestM };
    const e = j >= 0 ? est[j] : undefined;
    if (e === undefined) {
      return { ...base, estimate: -1, distanceM: null, rateRelErr: null, species: [], inRadius95: null, inEllipse95: null, probability: null, labProbability: null, found: false, classedAsLab: false };
    }
    const dE = t.east - e.east;
    const dN = t.north - e.north;
    const distanceM = Math.hypot(dE, dN);
    const species: SpeciesCheck[] = Object.entries(t.rateGps)
      .filter(([, r]) => r > 0)
      .map(([key, truthGps]) => {
        const estGps = e.rateGps[key] ?? 0;
        const ci = e.rateCi95Gps[key];
        const ci95 = ci === undefined ? null : ([ci[0], ci[1]] as const);
        return { key, truthGps, estGps, relErr: Math.abs(estGps - truthGps) / truthGps, ci95, inside: ci95 !== null && truthGps >= ci95[0] && truthGps <= ci95[1] };
      });
    let sumT = 0;
    let sumE = 0;
    for (const s of species) {
      if (!RATE_SPECIES.includes(s.key)) continue;
      sumT += s.truthGps;
      sumE += s.estGps;
    }
    return {
      ...base,
      estimate: j,
      distanceM,
      rateRelErr: sumT > 0 ? Math.abs(sumE - sumT) / sumT : null,
      species,
      inRadius95: distanceM <= e.positionCi95M,
      inEllipse95: insideEllipse(dE, dN, e.ellipse95),
      probability: e.probability,
      labProbability: e.labProbability,
      found: t.kind === 'target' && e.probability >= REPORT_PROBABILITY,
      classedAsLab: t.kind === 'decoy' && e.labProbability >= LAB_PROBABILITY,
    };
  });
  const reported = est.filter((e) => e.probability >= REPORT_PROBABILITY).length;
  return {
    truths,
    estimates: est.length,
    reported,
    labs: truths.filter((t) => t.kind === 'target').length,
    labsFound: truths.filter((t) => t.found).length,
    decoys: truths.filter((t) => t.kind === 'decoy').length,
    decoysAsLab: truths.filter((t) => t.classedAsLab).length,
    falseSources: est.filter((e, j) => !claimed.has(j) && e.probability >= REPORT_PROBABILITY).length,
  };
}

// ------------------------------------------------------------------ summary

export interface Fraction {
  readonly k: number;
  readonly n: number;
  /** k / n, NaN when n = 0. */
  readonly fraction: number;
}

const frac = (k: number, n: number): Fraction => ({ k, n, fraction: n === 0 ? NaN : k / n });

export interface Summary {
  readonly scenarios: number;
  readonly truthSources: number;
  readonly matched: number;
  readonly medianLocErrM: number;
  readonly p90LocErrM: number;
  readonly medianLabLocErrM: number;
  readonly medianRateRelErr: number;
  /** Median relative error per species over matched sources emitting it. */
  readonly medianRateRelErrBySpecies: Record<string, number>;
  readonly labs: number;
  readonly labsFound: number;
  readonly decoys: number;
  readonly decoysAsLab: number;
  readonly falseSources: number;
  readonly radiusCoverage: Fraction;
  readonly ellipseCoverage: Fraction;
  readonly rateCoverage: Fraction;
}

export function summarise(scores: readonly ScenarioScore[]): Summary {
  const all = scores.flatMap((s) => s.truths);
  const matched = all.filter((t) => t.estimate >= 0);
  const loc = matched.map((t) => t.distanceM!);
  const labLoc = matched.filter((t) => t.kind === 'target').map((t) => t.distanceM!);
  const rate = matched.flatMap((t) => (t.rateRelErr === null ? [] : [t.rateRelErr]));
  const bySpecies = new Map<string, number[]>();
  for (const t of matched) for (const s of t.species) bySpecies.set(s.key, [...(bySpecies.get(s.key) ?? []), s.relErr]);
  const medianRateRelErrBySpecies: Record<string, number> = {};
  for (const [k, xs] of [...bySpecies].sort(([a], [b]) => a.localeCompare(b))) medianRateRelErrBySpecies[k] = median(xs);
  const sp = matched.flatMap((t) => t.species);
  const sum = (f: (s: ScenarioScore) => number): number => scores.reduce((a, s) => a + f(s), 0);
  return {
    scenarios: scores.length,
    truthSources: all.length,
    matched: matched.length,
    medianLocErrM: median(loc),
    p90LocErrM: percentile(loc, 0.9),
    medianLabLocErrM: median(labLoc),
    medianRateRelErr: median(rate),
    medianRateRelErrBySpecies,
    labs: sum((s) => s.labs),
    labsFound: sum((s) => s.labsFound),
    decoys: sum((s) => s.decoys),
    decoysAsLab: sum((s) => s.decoysAsLab),
    falseSources: sum((s) => s.falseSources),
    radiusCoverage: frac(matched.filter((t) => t.inRadius95 === true).length, matched.length),
    ellipseCoverage: frac(matched.filter((t) => t.inEllipse95 === true).length, matched.length),
    rateCoverage: frac(sp.filter((s) => s.inside).length, sp.length),
  };
}

// ------------------------------------------------------------------ verdicts

export interface Targets {
  readonly maxMedianLocErrM: number;
  readonly maxMedianRateRelErr: number;
  readonly coverage: number;
  /** Two-sided level of the binomial acceptance region for coverage. */
  readonly coverageAlpha: number;
}

export const DEFAULT_TARGETS: Targets = { maxMedianLocErrM: 10, maxMedianRateRelErr: 0.2, coverage: 0.95, coverageAlpha: 0.05 };

export interface Verdict {
  readonly name: string;
  readonly value: string;
  readonly target: string;
  readonly pass: boolean;
}

const pct = (x: number): string => (Number.isFinite(x) ? `${(100 * x).toFixed(1)} %` : 'n/a');

function coverageVerdict(name: string, f: Fraction, t: Targets): Verdict {
  const { lo, hi } = binomialAcceptance(f.n, t.coverage, t.coverageAlpha);
  return {
    name,
    value: `${pct(f.fraction)} (${f.k}/${f.n})`,
    target: f.n === 0 ? `${pct(t.coverage)} (no data)` : `${pct(t.coverage)}: ${lo}..${hi} of ${f.n}`,
    pass: f.n > 0 && f.k >= lo && f.k <= hi,
  };
}

/** The targets of the issue; a figure without data (NaN, n = 0, no labs) fails. */
export function verdicts(s: Summary, t: Targets = DEFAULT_TARGETS): Verdict[] {
  return [
    { name: 'median localisation error', value: Number.isFinite(s.medianLocErrM) ? `${s.medianLocErrM.toFixed(1)} m` : 'n/a', target: `<= ${t.maxMedianLocErrM} m`, pass: s.medianLocErrM <= t.maxMedianLocErrM },
    { name: 'median rate error', value: pct(s.medianRateRelErr), target: `<= ${pct(t.maxMedianRateRelErr)}`, pass: s.medianRateRelErr <= t.maxMedianRateRelErr },
    { name: 'labs found', value: `${s.labsFound}/${s.labs}`, target: 'all', pass: s.labs > 0 && s.labsFound === s.labs },
    { name: 'decoys classed as lab', value: `${s.decoysAsLab}/${s.decoys}`, target: '0', pass: s.decoysAsLab === 0 },
    coverageVerdict('position coverage (radius95)', s.radiusCoverage, t),
    coverageVerdict('position coverage (ellipse95)', s.ellipseCoverage, t),
    coverageVerdict('rate coverage (rateCi95)', s.rateCoverage, t),
  ];
}

/**
 * Closed-loop search in the simulated world: a strategy flies, the
 * estimator (`locateSortie`) reads the samples so far, and the run ends
 * when every true source is localised (localisation-rule.ts) or the
 * flight budget is spent. Two strategies on the same world (SimWorld: the
 * same wind, intermittency, background and noise at the same times):
 *
 * - fixed: the scenario's lawnmower survey (survey.ts), flown whole; its
 *   sortie is `simulate`'s bit for bit.
 * - adaptive: from the survey's launch point, repeatedly build the
 *   planner's belief from the latest estimate and the track
 *   (beliefFromLocate), fly the planner's best path (planNextPath), and
 *   re-estimate. The first decision has no estimate: only the
 *   undiscovered-source hypothesis, in the wind read at launch.
 *
 * Fairness: the stopping rule is checked for both strategies on the same
 * grid, every `checkEveryM` metres flown, on the samples taken up to that
 * distance (and once more at the end of the fixed survey), so neither gets
 * more chances to meet it by luck; metres-to-localise is the first checked
 * distance that meets it. The adaptive strategy's own estimates (after
 * each path, for planning) are not checks.
 */
import { LocalFrame, sliceSortie, stabilityIndex, toKgM3Factor, builtinChemicals, uvToWindFrom, type Sortie } from '@nariz/core';
import { beliefFromLocate, locateSortie, planNextPath, planningWind, expandBounds, DEFAULT_FLIGHT_MARGIN_M, DEFAULT_TURN_COST_M, type BeliefOptions, type PlannerOptions, type CandidateKind, type CandidateOptions, type LocateOptions, type LocateResult } from '@nariz/plume';
import type { Scenario } from './scenario.js';
import { flySurvey, planSurvey } from './survey.js';
import { SimWorld } from './world.js';
import { PathFlyer } from './path-flyer.js';
import { checkLocalisation, DEFAULT_LOCALISATION_RULE, type LocalisationRule } from './localisation-rule.js';

export interface ClosedLoopOptions {
  /** Check the stopping rule every this many metres flown (default 500). */
  readonly checkEveryM?: number;
  /** Flight budget of the adaptive strategy, m (default the fixed survey's length). */
  readonly budgetM?: number;
  readonly rule?: LocalisationRule;
  /** Options for every locateSortie call (e.g. threads). */
  readonly locate?: LocateOptions;
  readonly maxTurnDeg?: number;
  readonly turnCostM?: number;
  /** How far outside the search area the adaptive drone may fly, m (default 300, the survey's downwind margin). */
  readonly flightMarginM?: number;
  readonly candidates?: CandidateOptions;
  /** Planner settings beyond the limits (resolution, revisit discount, ...). */
  readonly planner?: Omit<PlannerOptions, 'model' | 'binLengthM' | 'limits' | 'candidates'>;
  readonly belief?: Omit<BeliefOptions, 'area' | 'wind' | 'noiseKgM3' | 'stability'>;
  /** Direction sd assumed for the launch wind reading, degrees (default 10). */
  readonly launchDirectionSdDeg?: number;
  /** For timings (e.g. performance.now); without it times are null. */
  readonly clock?: () => number;
  readonly onCheck?: (strategy: Strategy, c: CheckRecord) => void;
  readonly onDecision?: (d: DecisionRecord) => void;
}

export type Strategy = 'fixed' | 'adaptive';

export interface CheckRecord {
  readonly flownM: number;
  readonly samples: number;
  readonly localised: boolean;
  /** Per true source (scenario order): distance to the nearest reported estimate and its 95 % radius, m. */
  readonly nearestM: readonly number[];
  readonly radius95M: readonly number[];
  readonly locateMs: number | null;
}

export interface DecisionRecord {
  readonly flownM: number;
  readonly kind: CandidateKind | null;
  readonly expectedGainBits: number;
  readonly bitsPerM: number;
  readonly pathM: number;
  /** Expected gain per cluster of the belief (reported sources, then the undiscovered one), bits. */
  readonly gainPerClusterBits: readonly number[];
  readonly candidatesScored: number;
  /** Existence probability of the undiscovered-source hypothesis. */
  readonly undiscoveredP: number;
  readonly reportedSources: number;
  /** Building the belief (negative evidence included) and planning: the decision, ms. */
  readonly decisionMs: number | null;
  readonly planMs: number | null;
  /** The estimate the next decision uses, run after the path, ms. */
  readonly locateMs: number | null;
}

export type EndReason = 'localised' | 'survey-end' | 'budget' | 'exhausted';

export interface StrategyRun {
  readonly strategy: Strategy;
  /** First checked distance at which every source was localised, m; null if never. */
  readonly localisedAtM: number | null;
  readonly flownM: number;
  readonly samples: number;
  readonly endReason: EndReason;
  readonly checks: readonly CheckRecord[];
  readonly decisions: readonly DecisionRecord[];
  /** Where the samples were taken, local metres (scenario frame). */
  readonly trackEast: Float64Array;
  readonly trackNorth: Float64Array;
}

function trackOf(sortie: Sortie, frame: LocalFrame): { trackEast: Float64Array; trackNorth: Float64Array } {
  const trackEast = new Float64Array(sortie.count);
  const trackNorth = new Float64Array(sortie.count);
  for (let i = 0; i < sortie.count; i++) [trackEast[i], trackNorth[i]] = frame.project(sortie.lat[i]!, sortie.lon[i]!);
  return { trackEast, trackNorth };
}

const DEG = Math.PI / 180;

function timed<T>(clock: (() => number) | undefined, f: () => T): [T, number | null] {
  const t0 = clock?.();
  const r = f();
  const t1 = clock?.();
  return [r, t0 !== undefined && t1 !== undefined ? t1 - t0 : null];
}

/** Checks the rule on the first `samples` samples of `sortie`. */
function checkAt(s: Scenario, frame: LocalFrame, sortie: Sortie, samples: number, flownM: number, o: ClosedLoopOptions): CheckRecord {
  const part = samples >= sortie.count ? sortie : sliceSortie(sortie, 0, samples);
  const [result, locateMs] = timed(o.clock, () => (part.count >= 10 ? locateSortie(part, o.locate) : undefined));
  const c = checkLocalisation(s.sources, result, frame, o.rule ?? DEFAULT_LOCALISATION_RULE);
  return { flownM, samples: part.count, localised: c.localised, nearestM: c.sources.map((x) => x.nearestM), radius95M: c.sources.map((x) => x.radius95M), locateMs };
}

/** Samples taken by the time the drone has flown `m` metres (sample k at k·spacing). */
function samplesAt(m: number, spacingM: number): number {
  return Math.floor(m / spacingM + 1e-9) + 1;
}

export function runFixedSurvey(s: Scenario, o: ClosedLoopOptions = {}): StrategyRun {
  const plan = planSurvey(s);
  const track = flySurvey(plan, s.survey);
  const world = new SimWorld(s, { maxSamples: Math.max(1, track.count) });
  world.fly(track);
  const sortie = world.sortie();
  const spacing = world.sampleSpacingM;
  const endM = (track.count - 1) * spacing;
  const every = o.checkEveryM ?? 500;
  const checks: CheckRecord[] = [];
  const frame = new LocalFrame(s.origin);
  const marks: number[] = [];
  for (let m = every; m < endM; m += every) marks.push(m);
  marks.push(endM);
  for (const m of marks) {
    const c = checkAt(s, frame, sortie, samplesAt(m, spacing), m, o);
    checks.push(c);
    o.onCheck?.('fixed', c);
    if (c.localised) return { strategy: 'fixed', localisedAtM: m, flownM: m, samples: c.samples, endReason: 'localised', checks, decisions: [], ...trackOf(sliceSortie(sortie, 0, c.samples), frame) };
  }
  return { strategy: 'fixed', localisedAtM: null, flownM: endM, samples: sortie.count, endReason: 'survey-end', checks, decisions: [], ...trackOf(sortie, frame) };
}

/** The sensors' specified noise, kg/m^3 (what the planner uses before it can estimate it). */
function specifiedNoise(s: Scenario): Record<string, number> {
  const table = builtinChemicals();
  const out: Record<string, number> = {};
  for (const sp of s.sensor.species) out[sp.key] = sp.noiseSd * toKgM3Factor(sp.unit, table.require(sp.key).molarMassGmol);
  return out;
}

export function runAdaptiveSearch(s: Scenario, o: ClosedLoopOptions = {}): StrategyRun {
  const plan = planSurvey(s);
  const budgetM = o.budgetM ?? plan.totalLengthM;
  const every = o.checkEveryM ?? 500;
  const spacing = s.survey.speedMps / s.survey.sampleHz;
  const world = new SimWorld(s, { maxSamples: samplesAt(budgetM, spacing) + 1 });
  const first = plan.legs[0]!;
  const h0 = Math.hypot(first.e1 - first.e0, first.n1 - first.n0);
  const flyer = new PathFlyer({ east: first.e0, north: first.n0, up: first.u0 }, spacing, h0 > 0 ? (first.e1 - first.e0) / h0 : plan.crosswind[0], h0 > 0 ? (first.n1 - first.n0) / h0 : plan.crosswind[1]);
  const altitudeM = first.u0;
  const frame = new LocalFrame(s.origin);
  const area = { center: s.origin, widthM: s.areaM.width, heightM: s.areaM.height };
  const launch = world.reportedWind(0);
  const launchWind = uvToWindFrom(launch.u, launch.v);
  const noiseKgM3 = specifiedNoise(s);
  const stability = s.reportStability ? stabilityIndex(s.stability) : undefined;
  const checks: CheckRecord[] = [];
  const decisions: DecisionRecord[] = [];
  let result: LocateResult | undefined;
  let nextCheck = every;
  let endReason: EndReason = 'budget';
  let localisedAtM: number | null = null;

  /** Checks every mark passed; true when localised. */
  const checkMarks = (): boolean => {
    const sortie = world.sortie();
    while (nextCheck <= Math.min(flyer.lengthM, budgetM) + 1e-9) {
      const c = checkAt(s, frame, sortie, Math.min(world.count, samplesAt(nextCheck, spacing)), nextCheck, o);
      checks.push(c);
      o.onCheck?.('adaptive', c);
      if (c.localised) {
        localisedAtM = nextCheck;
        return true;
      }
      nextCheck += every;
    }
    return false;
  };

  decide: while (flyer.lengthM < budgetM - 1e-9) {
    const sortie = world.sortie();
    const [h0e, h0n] = flyer.heading;
    const pos = flyer.position;
    let planMs: number | null = null;
    const [step, decisionMs] = timed(o.clock, () => {
      const built = beliefFromLocate(result, sortie, {
        ...o.belief,
        area,
        noiseKgM3,
        ...(stability !== undefined ? { stability } : {}),
        ...(sortie.count === 0 ? { wind: planningWind(launchWind.speedMps, launchWind.fromDeg, o.launchDirectionSdDeg ?? 10) } : {}),
      });
      const [p, ms] = timed(o.clock, () =>
        planNextPath(built.belief, { east: pos.east, north: pos.north, headingDeg: Math.atan2(h0e, h0n) / DEG, altitudeM }, {
          ...o.planner,
          model: built.model,
          binLengthM: built.binLengthM,
          limits: { bounds: expandBounds(built.belief.area, o.flightMarginM ?? DEFAULT_FLIGHT_MARGIN_M), maxTurnDeg: o.maxTurnDeg ?? 180, turnCostM: o.turnCostM ?? DEFAULT_TURN_COST_M },
          ...(o.candidates !== undefined ? { candidates: o.candidates } : {}),
        }),
      );
      planMs = ms;
      const u = built.belief.clusters.find((c) => c.label === 'undiscovered');
      const undiscoveredP = u === undefined ? 0 : u.weight.reduce((a, b) => a + b, 0);
      return { plan: p, undiscoveredP };
    });
    const best = step.plan.best;
    const flownM = flyer.lengthM;
    if (best === undefined) {
      decisions.push({ flownM, kind: null, expectedGainBits: 0, bitsPerM: 0, pathM: 0, gainPerClusterBits: [], candidatesScored: step.plan.candidatesScored, undiscoveredP: step.undiscoveredP, reportedSources: result?.sources.length ?? 0, decisionMs, planMs, locateMs: null });
      endReason = 'exhausted';
      break;
    }
    for (const w of best.waypoints) {
      // The last leg stops where the budget runs out.
      const left = budgetM - flyer.lengthM;
      const here = flyer.position;
      const len = Math.hypot(w.east - here.east, w.north - here.north);
      const f = len > left ? left / len : 1;
      world.fly(flyer.to({ east: here.east + f * (w.east - here.east), north: here.north + f * (w.north - here.north), up: altitudeM }));
      if (checkMarks()) {
        endReason = 'localised';
        decisions.push({ flownM, kind: best.kind, expectedGainBits: best.expectedGainBits, bitsPerM: best.bitsPerM, pathM: best.lengthM, gainPerClusterBits: Array.from(best.gainPerClusterBits), candidatesScored: step.plan.candidatesScored, undiscoveredP: step.undiscoveredP, reportedSources: result?.sources.length ?? 0, decisionMs, planMs, locateMs: null });
        o.onDecision?.(decisions[decisions.length - 1]!);
        break decide;
      }
      if (f < 1) break;
    }
    const [next, locateMs] = timed(o.clock, () => locateSortie(world.sortie(), o.locate));
    decisions.push({ flownM, kind: best.kind, expectedGainBits: best.expectedGainBits, bitsPerM: best.bitsPerM, pathM: best.lengthM, gainPerClusterBits: Array.from(best.gainPerClusterBits), candidatesScored: step.plan.candidatesScored, undiscoveredP: step.undiscoveredP, reportedSources: result?.sources.length ?? 0, decisionMs, planMs, locateMs });
    o.onDecision?.(decisions[decisions.length - 1]!);
    result = next;
  }
  return { strategy: 'adaptive', localisedAtM, flownM: flyer.lengthM, samples: world.count, endReason, checks, decisions, ...trackOf(world.sortie(), frame) };
}

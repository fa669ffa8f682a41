/**
 * "Suggest next waypoints" for a live sortie, in geographic coordinates:
 * the belief (beliefFromLocate: the latest estimate and the track flown),
 * the drone's position and heading, and the flight limits go in; the next
 * one to three waypoints, their expected information gain and the
 * criterion's value come out. Pure: the time is measured only when the
 * caller passes a clock (kernels read no clocks, ARCHITECTURE.md rule 2).
 */
import { LocalFrame } from '@nariz/core';
import { expandBounds } from './area.js';
import type { BuiltBelief } from './belief-from-locate.js';
import type { CandidateKind, CandidateOptions } from './candidates.js';
import { planNextPath } from './plan.js';

export interface GeoDroneState {
  readonly lat: number;
  readonly lon: number;
  /** Height above ground, m; the waypoints keep it. */
  readonly altM: number;
  /** Direction of flight, degrees clockwise from north. */
  readonly headingDeg: number;
}

export interface ProposeOptions {
  /** The drone may fly this far outside the search area, m (default 300, the survey's downwind margin). */
  readonly flightMarginM?: number;
  /** Largest heading change at a waypoint, degrees (default 180: a multirotor turns on the spot). */
  readonly maxTurnDeg?: number;
  /** Distance a 180-degree turn is charged as, m (default 30). */
  readonly turnCostM?: number;
  readonly candidates?: CandidateOptions;
  /** For `ms`: e.g. performance.now. Without it `ms` is null. */
  readonly clock?: () => number;
}

export interface WaypointProposal {
  /** Empty when no candidate is expected to teach anything (minGainBits). */
  readonly waypoints: Array<{ lat: number; lon: number; altM: number }>;
  /** Also in the belief's local frame, m. */
  readonly localWaypoints: Array<{ east: number; north: number }>;
  readonly kind: CandidateKind | null;
  readonly expectedGainBits: number;
  /** Per cluster of the belief (its labels), bits. */
  readonly gainPerCluster: Array<{ label: string; bits: number }>;
  /** The criterion: expected gain per metre of flight cost. */
  readonly bitsPerM: number;
  readonly lengthM: number;
  readonly candidatesScored: number;
  readonly ms: number | null;
}

export const DEFAULT_FLIGHT_MARGIN_M = 300;
export const DEFAULT_TURN_COST_M = 30;

export function proposeWaypoints(built: BuiltBelief, state: GeoDroneState, o: ProposeOptions = {}): WaypointProposal {
  const t0 = o.clock?.();
  const { belief } = built;
  const frame = new LocalFrame(belief.origin);
  const [east, north] = frame.project(state.lat, state.lon);
  const plan = planNextPath(belief, { east, north, headingDeg: state.headingDeg, altitudeM: state.altM }, {
    model: built.model,
    binLengthM: built.binLengthM,
    limits: {
      bounds: expandBounds(belief.area, o.flightMarginM ?? DEFAULT_FLIGHT_MARGIN_M),
      maxTurnDeg: o.maxTurnDeg ?? 180,
      turnCostM: o.turnCostM ?? DEFAULT_TURN_COST_M,
    },
    ...(o.candidates !== undefined ? { candidates: o.candidates } : {}),
  });
  const b = plan.best;
  const local = b === undefined ? [] : b.waypoints.map((w) => ({ east: w.east, north: w.north }));
  const waypoints = local.map((w) => {
    const g = frame.unproject(w.east, w.north);
    return { lat: g.lat, lon: g.lon, altM: state.altM };
  });
  const t1 = o.clock?.();
  return {
    waypoints,
    localWaypoints: local,
    kind: b?.kind ?? null,
    expectedGainBits: b?.expectedGainBits ?? 0,
    gainPerCluster: belief.clusters.map((c, k) => ({ label: c.label, bits: b?.gainPerClusterBits[k] ?? 0 })),
    bitsPerM: b?.bitsPerM ?? 0,
    lengthM: b?.lengthM ?? 0,
    candidatesScored: plan.candidatesScored,
    ms: t0 !== undefined && t1 !== undefined ? t1 - t0 : null,
  };
}

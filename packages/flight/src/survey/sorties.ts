/**
 * Splitting a survey that the battery cannot fly in one go. Lines are kept
 * whole and in order; each sortie takes off from home, flies as many lines
 * as its usable endurance allows (planTimeline's feasibility, so the reserve
 * is kept and the transit out and back is paid for), and returns. A line
 * that does not fit even alone gets a sortie of its own, reported as
 * infeasible.
 */
import type { FlightPlan, Waypoint } from '../plan/plan.js';
import { planTimeline, type WindVector } from '../plan/timeline.js';

export interface SortieSplit {
  readonly plans: readonly FlightPlan[];
  /** Indices (into plans) of sorties that exceed the usable endurance anyway. */
  readonly infeasible: readonly number[];
}

export function splitIntoSorties(base: Omit<FlightPlan, 'waypoints'>, units: ReadonlyArray<readonly Waypoint[]>, wind?: WindVector): SortieSplit {
  const options = wind === undefined ? {} : { wind };
  const groups: Waypoint[][] = [];
  const infeasible: number[] = [];
  let i = 0;
  while (i < units.length) {
    let current: Waypoint[] = [...units[i]!];
    let j = i + 1;
    const alone = planTimeline({ ...base, waypoints: current }, options).feasible;
    if (alone) {
      // Binary search for the largest run units[i..lo) that fits. Feasibility is monotone in the
      // run's length: by the triangle inequality, flying one more line and returning from its end
      // never takes less than returning from the previous line's end.
      let lo = i + 1;
      let hi = units.length;
      while (lo < hi) {
        const mid = Math.floor((lo + hi + 1) / 2);
        if (planTimeline({ ...base, waypoints: units.slice(i, mid).flat() }, options).feasible) lo = mid;
        else hi = mid - 1;
      }
      j = lo;
      current = units.slice(i, j).flat();
    } else {
      infeasible.push(groups.length);
    }
    groups.push(current);
    i = j;
  }
  const n = groups.length;
  const plans = groups.map((waypoints, k): FlightPlan => ({ ...base, name: n === 1 ? base.name : `${base.name} (sortie ${k + 1} of ${n})`, waypoints }));
  return { plans, infeasible };
}

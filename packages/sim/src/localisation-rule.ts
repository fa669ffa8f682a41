/**
 * When is every source localised? The stopping rule of the closed-loop
 * comparison (closed-loop.ts), applied the same way to every strategy:
 *
 *   every true source has a reported estimate (existence probability at
 *   least `minProbability`) within `maxErrorM` of it whose 95 % radius
 *   (`positionCi95M`) is at most `maxRadius95M`.
 *
 * The radius condition keeps a lucky estimate out: an estimate that
 * happens to lie near the truth while the estimator itself says the
 * source could be anywhere in a 200-m circle would not send a ground team.
 * Defaults: 10 m (issue #4's target), 50 m (the 95 % region fits a 100-m
 * city block: one block for a ground team to check), probability 0.5 (the
 * locate bench's REPORT_PROBABILITY).
 */
import type { LocalFrame } from '@nariz/core';
import type { LocateResult } from '@nariz/plume';
import type { SimSource } from './scenario.js';

export interface LocalisationRule {
  readonly maxErrorM: number;
  readonly maxRadius95M: number;
  readonly minProbability: number;
}

export const DEFAULT_LOCALISATION_RULE: LocalisationRule = { maxErrorM: 10, maxRadius95M: 50, minProbability: 0.5 };

export interface SourceLocalisation {
  readonly id: string;
  /** Distance to the nearest reported estimate, m (Infinity when none). */
  readonly nearestM: number;
  /** That estimate's 95 % radius, m (NaN when none). */
  readonly radius95M: number;
  readonly localised: boolean;
}

export interface LocalisationCheck {
  readonly localised: boolean;
  readonly sources: readonly SourceLocalisation[];
}

/** Checks `result` against the truth; `frame` is the truth's local frame (the scenario's origin). */
export function checkLocalisation(truth: readonly SimSource[], result: LocateResult | undefined, frame: LocalFrame, rule: LocalisationRule = DEFAULT_LOCALISATION_RULE): LocalisationCheck {
  const est = (result?.sources ?? [])
    .filter((s) => s.probability >= rule.minProbability)
    .map((s) => {
      const [e, n] = frame.project(s.lat, s.lon);
      return { e, n, r: s.positionCi95M };
    });
  const sources = truth.map((t): SourceLocalisation => {
    let nearestM = Infinity;
    let radius95M = NaN;
    let localised = false;
    for (const x of est) {
      const d = Math.hypot(x.e - t.east, x.n - t.north);
      if (d < nearestM) {
        nearestM = d;
        radius95M = x.r;
      }
      if (d <= rule.maxErrorM && x.r <= rule.maxRadius95M) localised = true;
    }
    return { id: t.id, nearestM, radius95M, localised };
  });
  return { localised: sources.length > 0 && sources.every((s) => s.localised), sources };
}

/**
 * What POST /api/plans/survey says about the pattern it planned (docs/flight.md,
 * "Survey planning"): lines, spacing, coverage, time, and whether it fits the
 * vehicle's endurance or needs several flights.
 */
import { arrayOf, fields, int, nullable, num, optional, str, type Reader } from './read.js';

export interface SurveyEstimate {
  readonly transects: number;
  readonly transectsPerBand: readonly number[];
  readonly spacingM: number;
  /** Fraction of the area whose plume some line crosses, 0..1. */
  readonly coverage: number;
  readonly flightTimeS: number;
  readonly distanceM: number;
  readonly fitsEndurance: boolean;
  readonly sortiesNeeded: number;
  readonly sortieFlightTimesS: readonly number[];
  /** Per band, the range downwind at which a plume reaches it, m; null where it never does. */
  readonly interceptRangesM: readonly (number | null)[];
  readonly downwindMarginM: number | null;
  /** Lines flown in this many interleaved passes (1 unless the spacing is below twice the turn radius). */
  readonly interleave: number;
  readonly warnings: readonly string[];
}

export const readSurveyEstimate: Reader<SurveyEstimate> = (v, path) => {
  const f = fields(v, path);
  return {
    transects: f.int('transects'),
    transectsPerBand: f.get('transectsPerBand', optional(arrayOf(int))) ?? [],
    spacingM: f.num('spacingM'),
    coverage: f.num('coverage'),
    flightTimeS: f.num('flightTimeS'),
    distanceM: f.num('distanceM'),
    fitsEndurance: f.bool('fitsEndurance'),
    sortiesNeeded: f.int('sortiesNeeded'),
    sortieFlightTimesS: f.get('sortieFlightTimesS', optional(arrayOf(num))) ?? [],
    // JSON has no Infinity: a band the plume never reaches comes as null.
    interceptRangesM: f.get('interceptRangesM', optional(arrayOf(nullable(num)))) ?? [],
    downwindMarginM: f.get('downwindMarginM', optional(num)) ?? null,
    interleave: f.get('interleave', optional(int)) ?? 1,
    warnings: f.get('warnings', optional(arrayOf(str))) ?? [],
  };
};

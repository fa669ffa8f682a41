/**
 * Stored flight plans: the list (GET /api/plans) and one plan with its
 * timeline and its check against its authority (GET /api/plans/:id, and the
 * 201 answers of POST /api/plans/survey, which adds `survey`, and POST
 * /api/plan-imports, which adds `imported`).
 */
import { readFlightPlan, type FlightPlan } from './flight-plan.js';
import { readPlanCheck, type PlanCheck } from './plan-check.js';
import { readPlanTimeline, type PlanTimeline } from './plan-timeline.js';
import { arrayOf, fields, nullable, oneOf, optional, str, type Reader } from './read.js';
import { readSurveyEstimate, type SurveyEstimate } from './survey-estimate.js';

export interface PlanSummary {
  readonly id: string;
  readonly name: string;
  readonly authorityId: string | null;
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export const MISSION_FORMATS = ['qgc-plan', 'qgc-wpl', 'kml'] as const;
export type MissionFormat = (typeof MISSION_FORMATS)[number];

export interface ImportInfo {
  readonly format: MissionFormat;
  /** What the reader assumed rather than read (the vehicle, the name, …). */
  readonly notes: readonly string[];
}

export interface PlanDetail extends PlanSummary {
  readonly plan: FlightPlan;
  readonly timeline: PlanTimeline;
  /** Null when the plan has no authority to be checked against. */
  readonly check: PlanCheck | null;
  /** Only in the answer that created a survey plan. */
  readonly survey: SurveyEstimate | null;
  /** Only in the answer that imported a mission file. */
  readonly imported: ImportInfo | null;
}

const readSummary: Reader<PlanSummary> = (v, path) => {
  const f = fields(v, path);
  return {
    id: f.str('id'),
    name: f.str('name'),
    authorityId: f.get('authority_id', nullable(str)),
    createdBy: f.str('created_by'),
    createdAt: f.str('created_at'),
    updatedAt: f.str('updated_at'),
  };
};

const readImportInfo: Reader<ImportInfo> = (v, path) => {
  const f = fields(v, path);
  return { format: f.get('format', oneOf(MISSION_FORMATS)), notes: f.get('notes', arrayOf(str)) };
};

export function readPlanList(v: unknown): PlanSummary[] {
  return fields(v, 'body').get('plans', arrayOf(readSummary));
}

export function readPlanDetail(v: unknown): PlanDetail {
  const f = fields(v, 'plan');
  return {
    ...readSummary(v, 'plan'),
    plan: f.get('plan', readFlightPlan),
    timeline: f.get('timeline', readPlanTimeline),
    check: f.get('check', nullable(readPlanCheck)),
    survey: f.get('survey', optional(readSurveyEstimate)) ?? null,
    imported: f.get('imported', optional(readImportInfo)) ?? null,
  };
}

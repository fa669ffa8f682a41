/**
 * The windows of a "change over time" run (POST /api/network/windows): a
 * first and last day (UTC, the last included, as in the chart's time
 * filter), a width and a step in days. Windows are [start + i·step,
 * start + i·step + width) while their start is before the end — the
 * server's `slidingWindows` — at most 500. The defaults come from the
 * dated assertions: from the day the first began to the day the last
 * ended, cut into the narrowest of a few calendar-like widths (a day, a
 * week, two weeks, 30 days, a quarter, half a year, a year) that gives at
 * most six windows, stepping by the width (windows side by side).
 */
import type { NetworkAssertion } from '../api/schema/network.js';
import type { MeasureName } from '../api/schema/network-measures.js';
import { choicesJson, type ChartFilters } from './chart-filters.js';

export const DAY_MS = 86_400_000;
export const MAX_WINDOWS = 500;
const WIDTHS_DAYS = [1, 7, 14, 30, 91, 182, 365] as const;
const DEFAULT_MAX_WINDOWS = 6;

/** The form as typed: days "YYYY-MM-DD", width and step in days. */
export interface WindowForm {
  readonly first: string;
  readonly last: string;
  readonly widthDays: string;
  readonly stepDays: string;
}

export interface WindowPlan {
  readonly startMs: number;
  /** Exclusive: the start of the day after the last. */
  readonly endMs: number;
  readonly widthMs: number;
  readonly stepMs: number;
}

export type WindowProblem = 'days' | 'order' | 'width' | 'step' | 'tooMany';

export type WindowCheck = { readonly ok: true; readonly plan: WindowPlan; readonly count: number } | { readonly ok: false; readonly problem: WindowProblem };

const dayText = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const dayStart = (ms: number): number => Math.floor(ms / DAY_MS) * DAY_MS;

/** The defaults from the dated assertions; null when none is dated. */
export function defaultWindowForm(assertions: readonly NetworkAssertion[]): WindowForm | null {
  let first = Infinity;
  let last = -Infinity;
  for (const a of assertions) {
    if (a.validFrom === null) continue;
    const from = Date.parse(a.validFrom);
    const to = a.validTo === null ? from : Date.parse(a.validTo);
    if (!Number.isFinite(from) || !Number.isFinite(to)) continue;
    first = Math.min(first, from);
    last = Math.max(last, to);
  }
  if (!Number.isFinite(first)) return null;
  const start = dayStart(first);
  const lastDay = dayStart(last);
  const days = (lastDay - start) / DAY_MS + 1;
  const width = WIDTHS_DAYS.find((w) => Math.ceil(days / w) <= DEFAULT_MAX_WINDOWS) ?? WIDTHS_DAYS[WIDTHS_DAYS.length - 1];
  return { first: dayText(start), last: dayText(lastDay), widthDays: String(width), stepDays: String(width) };
}

function day(s: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return null;
  const t = Date.parse(`${s}T00:00:00Z`);
  return Number.isFinite(t) && dayText(t) === s ? t : null;
}

function positiveDays(s: string): number | null {
  const v = Number(s.trim());
  return s.trim() !== '' && Number.isFinite(v) && v > 0 ? v : null;
}

/** How many windows the plan makes (the server's count). */
export function windowCount(p: WindowPlan): number {
  let n = 0;
  for (let t = p.startMs; t < p.endMs; t += p.stepMs) n++;
  return n;
}

export function checkWindowForm(f: WindowForm): WindowCheck {
  const start = day(f.first);
  const last = day(f.last);
  if (start === null || last === null) return { ok: false, problem: 'days' };
  if (last < start) return { ok: false, problem: 'order' };
  const width = positiveDays(f.widthDays);
  if (width === null) return { ok: false, problem: 'width' };
  const step = positiveDays(f.stepDays);
  if (step === null) return { ok: false, problem: 'step' };
  const plan = { startMs: start, endMs: last + DAY_MS, widthMs: width * DAY_MS, stepMs: step * DAY_MS };
  if (Math.ceil((plan.endMs - plan.startMs) / plan.stepMs) > MAX_WINDOWS) return { ok: false, problem: 'tooMany' };
  return { ok: true, plan, count: windowCount(plan) };
}

/** The body of POST /api/network/windows: the filters' choices without their time window (the windows are the time). */
export function windowsBody(p: WindowPlan, measure: MeasureName, filters: ChartFilters, top: number): Record<string, unknown> {
  return {
    choices: choicesJson({ ...filters, window: null }),
    start: new Date(p.startMs).toISOString(),
    end: new Date(p.endMs).toISOString(),
    width_s: p.widthMs / 1000,
    step_s: p.stepMs / 1000,
    measure,
    top,
  };
}

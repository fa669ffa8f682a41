/**
 * The leads dashboard, computed from the milestones of the leads the
 * requesting user may see (the store filters them in the query, so nothing
 * here can count a lead the user may not see):
 *
 *   - per partner unit (the unit of the lead's first release): how long from
 *     first detection to release, from release to the partner's
 *     acknowledgement, and from release to their action, in hours, as
 *     median and 90th percentile (linear interpolation between order
 *     statistics, Hyndman & Fan 1996 type 7, as R and numpy by default);
 *     and the outcomes reported;
 *   - open leads (not closed) by age since they were created;
 *   - outcomes as GeoJSON points at the leads' positions.
 */
import { LEAD_STATUSES, OUTCOME_KINDS, type LeadStatus, type LeadTimeline, type OutcomeKind } from '@nariz/store';

export interface DurationStats {
  readonly count: number;
  readonly median_h: number | null;
  readonly p90_h: number | null;
}

export interface UnitStats {
  readonly partner_country: string;
  readonly partner_unit: string;
  readonly released: number;
  readonly detection_to_release: DurationStats;
  readonly release_to_acknowledgement: DurationStats;
  readonly release_to_action: DurationStats;
  readonly outcomes: Readonly<Record<OutcomeKind, number>>;
  readonly arrests: number;
}

export interface AgeBucket {
  readonly label: string;
  readonly from_h: number;
  /** Exclusive; null: no upper bound. */
  readonly to_h: number | null;
  readonly count: number;
}

export interface OutcomePoint {
  readonly type: 'Feature';
  readonly geometry: { readonly type: 'Point'; readonly coordinates: readonly [number, number] };
  readonly properties: {
    readonly lead_id: string;
    readonly outcome: OutcomeKind;
    readonly at: string;
    readonly arrests: number;
    readonly partner_country: string | null;
    readonly partner_unit: string | null;
  };
}

export interface Dashboard {
  readonly generated_at: string;
  readonly leads: number;
  readonly by_status: Readonly<Record<LeadStatus, number>>;
  readonly units: readonly UnitStats[];
  readonly open: { readonly total: number; readonly by_age: readonly AgeBucket[] };
  readonly outcomes: { readonly type: 'FeatureCollection'; readonly features: readonly OutcomePoint[] };
}

const AGE_BUCKETS: ReadonlyArray<readonly [string, number, number | null]> = [['under 1 day', 0, 24], ['1-7 days', 24, 168], ['7-30 days', 168, 720], ['over 30 days', 720, null]];

/** The p-quantile of ascending `xs` (type 7); null for none. */
export function quantile(xs: readonly number[], p: number): number | null {
  if (xs.length === 0) return null;
  const h = (xs.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, xs.length - 1);
  return xs[lo]! + (h - lo) * (xs[hi]! - xs[lo]!);
}

const hours = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 3_600_000;

function stats(durations: number[]): DurationStats {
  const xs = durations.filter((d) => Number.isFinite(d)).sort((a, b) => a - b);
  return { count: xs.length, median_h: quantile(xs, 0.5), p90_h: quantile(xs, 0.9) };
}

const between = (a: string | undefined, b: string | undefined): number[] => (a === undefined || b === undefined ? [] : [hours(a, b)]);

export function leadDashboard(timelines: readonly LeadTimeline[], now: Date): Dashboard {
  const byUnit = new Map<string, LeadTimeline[]>();
  for (const t of timelines) {
    if (t.releasedAt === undefined || t.partnerCountry === undefined || t.partnerUnit === undefined) continue;
    const key = JSON.stringify([t.partnerCountry, t.partnerUnit]);
    byUnit.set(key, [...(byUnit.get(key) ?? []), t]);
  }
  const units = [...byUnit.values()]
    .map((ts): UnitStats => {
      const outcomes = Object.fromEntries(OUTCOME_KINDS.map((k) => [k, ts.filter((t) => t.outcome?.kind === k).length])) as Record<OutcomeKind, number>;
      return {
        partner_country: ts[0]!.partnerCountry!,
        partner_unit: ts[0]!.partnerUnit!,
        released: ts.length,
        detection_to_release: stats(ts.flatMap((t) => between(t.detectedAt, t.releasedAt))),
        release_to_acknowledgement: stats(ts.flatMap((t) => between(t.releasedAt, t.acknowledgedAt))),
        release_to_action: stats(ts.flatMap((t) => between(t.releasedAt, t.actionAt))),
        outcomes,
        arrests: ts.reduce((n, t) => n + (t.outcome?.arrests ?? 0), 0),
      };
    })
    .sort((a, b) => a.partner_country.localeCompare(b.partner_country) || a.partner_unit.localeCompare(b.partner_unit));
  const open = timelines.filter((t) => t.status !== 'closed');
  const ageH = open.map((t) => hours(t.createdAt, now.toISOString()));
  const byStatus = Object.fromEntries(LEAD_STATUSES.map((s) => [s, timelines.filter((t) => t.status === s).length])) as Record<LeadStatus, number>;
  return {
    generated_at: now.toISOString(),
    leads: timelines.length,
    by_status: byStatus,
    units,
    open: {
      total: open.length,
      by_age: AGE_BUCKETS.map(([label, from, to]) => ({ label, from_h: from, to_h: to, count: ageH.filter((h) => h >= from && (to === null || h < to)).length })),
    },
    outcomes: {
      type: 'FeatureCollection',
      features: timelines.flatMap((t): OutcomePoint[] =>
        t.outcome === undefined || t.outcomeAt === undefined
          ? []
          : [{
              type: 'Feature',
              geometry: { type: 'Point', coordinates: [t.lon, t.lat] },
              properties: { lead_id: t.id, outcome: t.outcome.kind, at: t.outcomeAt, arrests: t.outcome.arrests, partner_country: t.partnerCountry ?? null, partner_unit: t.partnerUnit ?? null },
            }],
      ),
    },
  };
}

/**
 * Where and when a route breaks the authority's rules: each violation with
 * its kind, the time after take-off (and the clock time when the take-off
 * time is known) and position where it begins, the leg, where it ends (or
 * that it never does) and the areas involved. Selecting one flies the map
 * there; the map numbers them the same way (!1, !2, …).
 */
import type { ReactNode } from 'react';
import type { RoutePoint, Violation } from '../../api/schema/plan-check.js';
import { formatTimeOffset } from '../../format/time-offset.js';
import { formatInteger, formatLatLon, formatUtcTime } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { LEG_KIND_KEY, VIOLATION_KIND_KEY } from './flight-text.js';

export interface ViolationListProps {
  readonly violations: readonly Violation[];
  readonly onShow: (lon: number, lat: number) => void;
  readonly testId?: string;
}

function clock(iso: string | null): number | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : ms / 1000;
}

export function ViolationList(p: ViolationListProps): ReactNode {
  const { t, intl } = useI18n();
  const leg = (r: RoutePoint): string => {
    const kind = r.legKind === null ? '' : t(LEG_KIND_KEY[r.legKind]);
    return r.waypointIndex === null ? t('violations.leg', { leg: r.legIndex, kind }) : t('violations.legToward', { leg: r.legIndex, kind, wp: r.waypointIndex + 1 });
  };
  return (
    <ol className="violation-list" data-testid={p.testId ?? 'violation-list'}>
      {p.violations.map((v, i) => {
        const n = i + 1;
        const at = clock(v.time);
        const offset = formatTimeOffset(v.timeOffsetS);
        return (
          <li key={n} className={`violation violation-${v.kind}`} data-testid="violation-item" data-kind={v.kind} data-lat={v.lat} data-lon={v.lon} data-offset-s={v.timeOffsetS}>
            <button type="button" className="violation-select" onClick={() => p.onShow(v.lon, v.lat)} aria-label={t('violations.show', { n, kind: t(VIOLATION_KIND_KEY[v.kind]) })}>
              <span className="violation-title">
                <span className="violation-n" aria-hidden="true">
                  !{n}
                </span>{' '}
                {t(VIOLATION_KIND_KEY[v.kind])}
              </span>
              <span className="violation-when" data-testid="violation-when">
                {at === null ? t('violations.leaves', { offset }) : t('violations.leavesClock', { offset, time: formatUtcTime(intl, at) })}
              </span>
              <span className="mono">{formatLatLon(v.lat, v.lon)}</span>
              <span className="small muted">{t('violations.where', { alt: formatInteger(intl, v.altM), leg: leg(v) })}</span>
              <span className="small">
                {v.end === null
                  ? t('violations.never')
                  : t('violations.back', { offset: formatTimeOffset(v.end.timeOffsetS), position: formatLatLon(v.end.lat, v.end.lon) })}
              </span>
              {v.areas.length > 0 && (
                <span className="small" lang="en">
                  {t('violations.areas', { areas: v.areas.join('; ') })}
                </span>
              )}
            </button>
            <p className="small muted server-message" lang="en">
              {v.message}
            </p>
          </li>
        );
      })}
    </ol>
  );
}

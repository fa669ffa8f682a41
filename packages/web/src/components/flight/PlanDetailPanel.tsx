/**
 * The open flight plan: vehicle, timing and battery, the survey estimate
 * (for a plan just planned here), what an import assumed, the airspace
 * check with its violations, export (analysts) and the waypoint timeline.
 */
import { useId, useState, type ReactNode } from 'react';
import type { ApiClient } from '../../api/client.js';
import type { AuthoritySummary } from '../../api/schema/authority.js';
import type { MissionFormat, PlanDetail } from '../../api/schema/plan-record.js';
import { formatDistance } from '../../format/distance.js';
import { formatInteger, formatProbability, formatSignificant, formatUtc } from '../../format/numbers.js';
import { formatTimeOffset } from '../../format/time-offset.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { errorText } from '../error-text.js';
import { BoundarySourceNote } from './BoundarySourceNote.js';
import { VEHICLE_TYPE_KEY } from './flight-text.js';
import { PlanExport } from './PlanExport.js';
import { SurveyEstimateView } from './SurveyEstimateView.js';
import { ViolationList } from './ViolationList.js';
import { WaypointTable } from './WaypointTable.js';

/** The formats' own names (proper names, the same in every language). */
const FORMAT_NAME: Readonly<Record<MissionFormat, string>> = { 'qgc-plan': 'QGroundControl .plan', 'qgc-wpl': 'QGC WPL 110 (.waypoints)', kml: 'KML' };

export interface PlanDetailPanelProps {
  readonly client: ApiClient;
  readonly plan: PlanDetail;
  readonly authorities: readonly AuthoritySummary[];
  /** The authority chosen in the flight panel. */
  readonly selectedAuthority: AuthoritySummary | null;
  readonly canChange: boolean;
  readonly admin: boolean;
  readonly onShow: (lon: number, lat: number) => void;
  readonly onUpdated: (p: PlanDetail) => void;
  readonly onClose: () => void;
}

export function PlanDetailPanel(p: PlanDetailPanelProps): ReactNode {
  const { t, intl } = useI18n();
  const id = useId();
  const [rechecking, setRechecking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { plan: fp, timeline: tl, check } = p.plan;
  const v = fp.vehicle;
  const nameOf = (aid: string): string => p.authorities.find((a) => a.id === aid)?.name ?? aid;
  const other = p.selectedAuthority !== null && p.selectedAuthority.id !== p.plan.authorityId ? p.selectedAuthority : null;
  const start = fp.startTime === null ? null : Date.parse(fp.startTime);

  const recheck = (authorityId: string): void => {
    setRechecking(true);
    setError(null);
    p.client.setPlanAuthority(p.plan.id, authorityId).then(
      (r) => {
        setRechecking(false);
        p.onUpdated(r);
      },
      (err: unknown) => {
        setRechecking(false);
        setError(errorText(t, err));
      },
    );
  };

  return (
    <section className="panel plan-detail" aria-labelledby={`${id}-title`} data-testid="plan-detail" data-plan-id={p.plan.id} data-waypoints={fp.waypoints.length}>
      <div className="panel-head">
        <h2 id={`${id}-title`}>{t('plan.title', { name: p.plan.name })}</h2>
        <button type="button" className="small" onClick={p.onClose} aria-label={t('plan.close')}>
          ×
        </button>
      </div>
      {p.plan.imported !== null && (
        <div className="small" data-testid="plan-imported">
          <p>{t('plan.imported', { format: FORMAT_NAME[p.plan.imported.format] })}</p>
          {p.plan.imported.notes.length > 0 && (
            <ul className="muted" lang="en">
              {p.plan.imported.notes.map((n, i) => (
                <li key={i}>{n}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      <dl className="fields">
        <dt>{t('plan.vehicle')}</dt>
        <dd>
          {t('plan.vehicleValue', {
            type: t(VEHICLE_TYPE_KEY[v.type]),
            speed: formatSignificant(intl, v.cruiseSpeedMps, 3),
            radius: formatInteger(intl, v.turnRadiusM),
            endurance: formatInteger(intl, v.enduranceS / 60),
            reserve: formatProbability(intl, v.reserveFraction),
          })}
        </dd>
        <dt>{t('plan.waypoints')}</dt>
        <dd>{formatInteger(intl, fp.waypoints.length)}</dd>
        <dt>{t('plan.flightTime')}</dt>
        <dd className="mono" data-testid="plan-flight-time">
          {formatTimeOffset(tl.totalTimeS)}
        </dd>
        <dt>{t('plan.distance')}</dt>
        <dd>{formatDistance(intl, tl.totalDistanceM)}</dd>
        <dt>{t('plan.battery')}</dt>
        <dd>{formatProbability(intl, tl.batteryFraction)}</dd>
        <dt>{t('plan.feasible')}</dt>
        <dd className={tl.feasible ? 'ok-text' : 'warning'} data-testid="plan-feasible">
          {tl.feasible ? t('plan.feasibleYes') : t('plan.feasibleNo')}
          {tl.reason !== null && (
            <span className="small" lang="en">
              {' '}
              ({tl.reason})
            </span>
          )}
        </dd>
        {start !== null && !Number.isNaN(start) && (
          <>
            <dt>{t('plan.start')}</dt>
            <dd>{formatUtc(intl, start / 1000)}</dd>
          </>
        )}
      </dl>
      {p.plan.survey !== null && <SurveyEstimateView estimate={p.plan.survey} altitudesM={[...new Set(fp.waypoints.map((w) => w.altM))]} />}
      <div className="plan-check" data-testid="plan-check" data-clean={check === null ? 'unknown' : check.clean ? 'true' : 'false'} data-violations={check?.violations.length ?? 0}>
        <h3>{t('check.title')}</h3>
        {check === null ? (
          <p className="muted small">{t('check.none')}</p>
        ) : (
          <>
            <p className="small">{t('check.against', { name: nameOf(check.authorityId) })}</p>
            <BoundarySourceNote source={check.boundarySource} testId="check-boundary-source" />
            {check.clean ? (
              <p className="ok-text" data-testid="check-clean">
                {t('check.clean')}
              </p>
            ) : (
              <>
                <p className="error" data-testid="check-violations">
                  {t('check.violations', { count: check.violations.length })}
                </p>
                <ViolationList violations={check.violations} onShow={p.onShow} />
              </>
            )}
          </>
        )}
        {p.canChange && other !== null && (
          <button type="button" className="small" disabled={rechecking} onClick={() => recheck(other.id)} data-testid="plan-recheck">
            {rechecking ? t('check.rechecking') : t('check.recheck', { name: other.name })}
          </button>
        )}
        {error !== null && (
          <p className="error small" role="alert">
            {error}
          </p>
        )}
      </div>
      {p.canChange ? (
        <PlanExport key={p.plan.id + (check?.authorityId ?? '')} client={p.client} plan={p.plan} fallbackAuthorityId={p.selectedAuthority?.id ?? null} admin={p.admin} onShow={p.onShow} />
      ) : (
        <p className="small muted">{t('export.viewer')}</p>
      )}
      <h3>{t('timeline.title')}</h3>
      <WaypointTable plan={fp} timeline={tl} onShow={p.onShow} />
    </section>
  );
}

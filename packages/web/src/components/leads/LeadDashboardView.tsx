/**
 * The leads dashboard (GET /api/leads/dashboard), over the leads the user
 * may see: per partner unit, how long from first detection to release,
 * from release to the partner's acknowledgement and to their action
 * (median and 90th percentile, hours), outcomes and arrests; open leads by
 * age; leads by state. Outcomes are on the map (the leads layer rings each
 * lead in its outcome's colour). The server's banner covers every lead
 * counted.
 */
import type { ReactNode } from 'react';
import type { AgeBucket, DurationStats } from '../../api/schema/lead-dashboard.js';
import { LEAD_STATUSES, OUTCOME_KINDS } from '../../api/schema/lead.js';
import { formatHours } from '../../format/hours.js';
import { formatInteger, formatSignificant } from '../../format/numbers.js';
import { useI18n, type Translate } from '../../i18n/i18n-context.js';
import { countryName } from '../../leads/countries.js';
import { OUTCOME_COLOURS } from '../../leads/lead-lifecycle.js';
import type { LeadsWorkspace } from '../../workspace/use-leads.js';
import { errorText } from '../error-text.js';
import { OUTCOME_KEY, STATUS_KEY } from './lead-text.js';
import { Banner } from './MarkingText.js';

function Duration(p: { readonly d: DurationStats; readonly testId: string }): ReactNode {
  const { t, intl } = useI18n();
  return (
    <dd className="num" data-testid={p.testId} data-count={p.d.count} data-median-h={p.d.medianH ?? ''} data-p90-h={p.d.p90H ?? ''} title={t('dashboard.durationTitle', { count: p.d.count })}>
      {formatHours(intl, p.d.medianH)} / {formatHours(intl, p.d.p90H)}
    </dd>
  );
}

/** An age bucket in days, from the server's bounds in hours. */
function ageLabel(t: Translate, intl: string, b: AgeBucket): string {
  const days = (h: number): string => formatSignificant(intl, h / 24, 3);
  if (b.toH === null) return t('dashboard.ageOver', { from: days(b.fromH) });
  if (b.fromH === 0) return t('dashboard.ageUnder', { to: days(b.toH) });
  return t('dashboard.ageBetween', { from: days(b.fromH), to: days(b.toH) });
}

export function LeadDashboardView(p: { readonly leads: LeadsWorkspace }): ReactNode {
  const { t, intl } = useI18n();
  const d = p.leads.dashboard;
  return (
    <section className="panel dashboard" aria-labelledby="dashboard-title" data-testid="lead-dashboard">
      <div className="panel-head">
        <h2 id="dashboard-title">{t('dashboard.title')}</h2>
        <button type="button" className="small" onClick={p.leads.reloadDashboard} data-testid="dashboard-reload">
          {t('dashboard.reload')}
        </button>
      </div>
      {p.leads.dashboardError !== null && (
        <p className="error" role="alert">
          {errorText(t, p.leads.dashboardError)}
        </p>
      )}
      {d === null && p.leads.dashboardError === null && <p className="muted">{t('common.loading')}</p>}
      {d !== null && (
        <>
          {d.banner !== null && <Banner text={d.banner} where="top" testId="dashboard-banner" />}
          <p className="small muted">{t('dashboard.counted', { count: formatInteger(intl, d.leads) })}</p>
          <h3>{t('dashboard.units')}</h3>
          {d.units.length === 0 ? (
            <p className="muted small">{t('dashboard.noUnits')}</p>
          ) : (
            <ul className="unit-items">
              {d.units.map((u) => (
                <li key={`${u.partnerCountry}/${u.partnerUnit}`} className="unit-item" data-testid="dashboard-unit" data-country={u.partnerCountry} data-unit={u.partnerUnit}>
                  <div className="unit-head">
                    <strong>{u.partnerUnit}</strong> <span className="muted" title={countryName(u.partnerCountry, intl)}>({u.partnerCountry})</span> · {t('dashboard.released')}: {formatInteger(intl, u.released)}
                  </div>
                  <dl className="fields unit-fields">
                    <dt>{t('dashboard.detectionToRelease')}</dt>
                    <Duration d={u.detectionToRelease} testId="dashboard-detection-to-release" />
                    <dt>{t('dashboard.releaseToAck')}</dt>
                    <Duration d={u.releaseToAcknowledgement} testId="dashboard-release-to-ack" />
                    <dt>{t('dashboard.releaseToAction')}</dt>
                    <Duration d={u.releaseToAction} testId="dashboard-release-to-action" />
                    <dt>{t('dashboard.outcomes')}</dt>
                    <dd>
                      {OUTCOME_KINDS.filter((k) => u.outcomes[k] > 0)
                        .map((k) => `${t(OUTCOME_KEY[k])}: ${formatInteger(intl, u.outcomes[k])}`)
                        .join(', ') || t('common.none')}
                    </dd>
                    <dt>{t('dashboard.arrests')}</dt>
                    <dd data-testid="dashboard-arrests">{formatInteger(intl, u.arrests)}</dd>
                  </dl>
                </li>
              ))}
            </ul>
          )}
          <p className="muted small">{t('dashboard.unitsCaption')}</p>
          <p className="muted small">{t('dashboard.durationsNote')}</p>
          <h3>{t('dashboard.open', { count: formatInteger(intl, d.open.total) })}</h3>
          <ul className="plain-list" data-testid="dashboard-open">
            {d.open.byAge.map((b) => (
              <li key={b.label} data-from-h={b.fromH} data-count={b.count}>
                {ageLabel(t, intl, b)}: {formatInteger(intl, b.count)}
              </li>
            ))}
          </ul>
          <h3>{t('dashboard.byStatus')}</h3>
          <ul className="plain-list">
            {LEAD_STATUSES.filter((s) => d.byStatus[s] > 0).map((s) => (
              <li key={s}>
                {t(STATUS_KEY[s])}: {formatInteger(intl, d.byStatus[s])}
              </li>
            ))}
          </ul>
          <h3>{t('dashboard.outcomesMap')}</h3>
          <ul className="hazard-legend">
            {OUTCOME_KINDS.map((k) => (
              <li key={k}>
                <span className="swatch swatch-ring" style={{ borderColor: OUTCOME_COLOURS[k] }} aria-hidden="true" />
                {t(OUTCOME_KEY[k])}
              </li>
            ))}
          </ul>
          <p className="muted small" data-testid="dashboard-outcome-count">
            {t('dashboard.outcomePoints', { count: formatInteger(intl, d.outcomes.features.length) })}
          </p>
          {d.banner !== null && <Banner text={d.banner} where="bottom" testId="dashboard-banner-bottom" />}
        </>
      )}
    </section>
  );
}

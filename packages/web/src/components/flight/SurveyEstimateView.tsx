/** What the survey planner estimated: lines, spacing, coverage, flight time and distance, and whether one flight is enough. */
import type { ReactNode } from 'react';
import type { SurveyEstimate } from '../../api/schema/survey-estimate.js';
import { formatDistance } from '../../format/distance.js';
import { formatInteger, formatProbability, formatSignificant } from '../../format/numbers.js';
import { formatTimeOffset } from '../../format/time-offset.js';
import { useI18n } from '../../i18n/i18n-context.js';

export function SurveyEstimateView(p: { readonly estimate: SurveyEstimate; readonly altitudesM: readonly number[] }): ReactNode {
  const { t, intl } = useI18n();
  const e = p.estimate;
  return (
    <div className="survey-estimate" data-testid="survey-estimate" data-transects={e.transects} data-coverage={e.coverage} data-fits={e.fitsEndurance ? 'true' : 'false'}>
      <h3>{t('estimate.title')}</h3>
      <dl className="fields">
        <dt>{t('estimate.transects')}</dt>
        <dd data-testid="estimate-transects">
          {formatInteger(intl, e.transects)}
          {e.transectsPerBand.length > 1 && (
            <span className="muted">
              {' '}
              ({e.transectsPerBand.map((n, i) => t('estimate.perBand', { alt: p.altitudesM[i] ?? '?', n })).join(', ')})
            </span>
          )}
        </dd>
        <dt>{t('estimate.spacing')}</dt>
        <dd>{formatSignificant(intl, e.spacingM, 3)} m</dd>
        <dt>{t('estimate.coverage')}</dt>
        <dd data-testid="estimate-coverage">{formatProbability(intl, e.coverage)}</dd>
        <dt>{t('estimate.flightTime')}</dt>
        <dd className="mono">{formatTimeOffset(e.flightTimeS)}</dd>
        <dt>{t('estimate.distance')}</dt>
        <dd>{formatDistance(intl, e.distanceM)}</dd>
        <dt>{t('estimate.endurance')}</dt>
        <dd data-testid="estimate-fits" className={e.fitsEndurance ? 'ok-text' : 'warning'}>
          {e.fitsEndurance ? t('estimate.fits') : t('estimate.sorties', { n: formatInteger(intl, e.sortiesNeeded) })}
        </dd>
        {e.interleave > 1 && (
          <>
            <dt>{t('estimate.interleave')}</dt>
            <dd>{t('estimate.interleaveValue', { n: e.interleave })}</dd>
          </>
        )}
      </dl>
      {!e.fitsEndurance && e.sortieFlightTimesS.length > 0 && (
        <p className="small muted">{t('estimate.sortieTimes', { times: e.sortieFlightTimesS.slice(0, 12).map(formatTimeOffset).join(', ') + (e.sortieFlightTimesS.length > 12 ? ', …' : '') })}</p>
      )}
      {e.warnings.length > 0 && (
        <ul className="small warning" lang="en">
          {e.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

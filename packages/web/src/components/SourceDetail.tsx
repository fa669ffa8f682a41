import type { ReactNode } from 'react';
import type { SourceEstimate } from '../api/schema/estimate.js';
import { formatLatLon, formatProbability, formatSignificant } from '../format/numbers.js';
import { useI18n } from '../i18n/i18n-context.js';
import { SimulatedBadge } from './SimulatedBadge.js';
import { RateRows } from './SourceList.js';
import { className } from './source-text.js';

/** Everything known about one source, with a button to centre the map on it. */
export function SourceDetail(p: { readonly n: number; readonly source: SourceEstimate; readonly simulated: boolean; readonly onZoom: () => void; readonly onClose: () => void }): ReactNode {
  const { t, intl } = useI18n();
  const s = p.source;
  const classes = Object.entries(s.classProbability).sort((a, b) => b[1] - a[1]);
  return (
    <section className="panel source-detail" aria-labelledby="source-detail-title" data-testid="source-detail" data-source-n={p.n}>
      <div className="panel-head">
        <h2 id="source-detail-title">
          {t('sources.detail', { n: p.n })} {p.simulated && <SimulatedBadge />}
        </h2>
        <button type="button" className="small" onClick={p.onClose} aria-label={t('common.close')}>
          ×
        </button>
      </div>
      <dl className="fields">
        <dt>{t('sources.position')}</dt>
        <dd className="mono">{formatLatLon(s.lat, s.lon)}</dd>
        <dt>{t('sources.radius')}</dt>
        <dd>{formatSignificant(intl, s.positionCi95M, 2)} m</dd>
        <dt>{t('sources.ellipse')}</dt>
        <dd>
          {t('sources.ellipseValue', {
            major: formatSignificant(intl, s.ellipse95.semiMajorM, 2),
            minor: formatSignificant(intl, s.ellipse95.semiMinorM, 2),
            azimuth: formatSignificant(intl, ((s.ellipse95.azimuthDeg % 180) + 180) % 180, 3),
          })}
        </dd>
        <dt>{t('sources.exists')}</dt>
        <dd>{formatProbability(intl, s.probability)}</dd>
        <dt>{t('sources.lab')}</dt>
        <dd>{formatProbability(intl, s.labProbability)}</dd>
        <dt>{t('sources.posteriorDraws')}</dt>
        <dd>{s.posteriorSample.length}</dd>
      </dl>
      <h3>{t('sources.classes')}</h3>
      {s.classified ? (
        <ul className="class-bars">
          {classes.map(([name, prob]) => (
            <li key={name}>
              <span className="class-name">{className(t, name)}</span>
              <span className="bar" aria-hidden="true">
                <span style={{ width: `${Math.round(prob * 100)}%` }} />
              </span>
              <span className="num">{formatProbability(intl, prob)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('sources.unclassified')}</p>
      )}
      <h3>{t('sources.rates')}</h3>
      <RateRows source={s} />
      <button type="button" onClick={p.onZoom}>
        {t('sources.zoomTo', { n: p.n })}
      </button>
    </section>
  );
}

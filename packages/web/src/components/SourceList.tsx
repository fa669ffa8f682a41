/**
 * The estimate's sources, numbered as on the map (S1, S2, …): position,
 * 95 % radius, existence and lab probability, most likely class and the
 * per-species emission rates with their 95 % intervals.
 */
import type { ReactNode } from 'react';
import type { Estimate, SourceEstimate } from '../api/schema/estimate.js';
import { formatIsoLocal, formatInteger, formatLatLon, formatProbability, formatSignificant } from '../format/numbers.js';
import { LAB_THRESHOLD, topClass } from '../geo/source-features.js';
import { useI18n } from '../i18n/i18n-context.js';
import { SimulatedBadge } from './SimulatedBadge.js';
import { className } from './source-text.js';

export interface SourceListProps {
  readonly hasSortie: boolean;
  readonly estimate: Estimate | null;
  readonly simulated: boolean;
  readonly selected: number | null;
  readonly onSelect: (n: number) => void;
  /** Analysts: a lead from source n (numbered as on the map). */
  readonly onCreateLead?: (n: number) => void;
}

export function RateRows(p: { readonly source: SourceEstimate }): ReactNode {
  const { intl } = useI18n();
  return (
    <table className="rates">
      <tbody>
        {Object.entries(p.source.rateGps).map(([species, rate]) => {
          const ci = p.source.rateCi95Gps[species];
          return (
            <tr key={species}>
              <th scope="row">{species}</th>
              <td className="num">{formatSignificant(intl, rate, 3)}</td>
              <td className="num muted">{ci === undefined ? '' : `${formatSignificant(intl, ci[0], 2)}–${formatSignificant(intl, ci[1], 2)}`}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function SourceList(p: SourceListProps): ReactNode {
  const { t, intl } = useI18n();
  const e = p.estimate;
  return (
    <section className="panel sources" aria-labelledby="sources-title">
      <h2 id="sources-title">
        {t('sources.title')} {p.simulated && e !== null && <SimulatedBadge />}
      </h2>
      {!p.hasSortie && <p className="muted">{t('sources.noSortie')}</p>}
      {p.hasSortie && e === null && <p className="muted" data-testid="sources-empty">{t('sources.noEstimate')}</p>}
      {e !== null && e.sources.length === 0 && <p className="muted" data-testid="sources-empty">{t('sources.none')}</p>}
      {e !== null && (
        <>
          <p className="muted small">{t('sources.estimatedAt', { time: formatIsoLocal(intl, e.finishedAt), count: formatInteger(intl, e.sampleCount) })}</p>
          <ol className="source-list" data-testid="source-list" data-job-id={e.jobId}>
            {e.sources.map((s, i) => {
              const n = i + 1;
              const top = topClass(s);
              const lab = s.labProbability >= LAB_THRESHOLD;
              return (
                <li
                  key={n}
                  className={`source-item${p.selected === n ? ' selected' : ''}${lab ? ' lab' : ''}`}
                  data-testid="source-item"
                  data-source-n={n}
                  data-lat={s.lat}
                  data-lon={s.lon}
                >
                  <button type="button" className="source-select" aria-pressed={p.selected === n} onClick={() => p.onSelect(n)} aria-label={t('sources.detail', { n })}>
                    <span className="source-title">
                      <span className={`swatch ${lab ? 'swatch-lab' : 'swatch-other'}`} aria-hidden="true" />
                      {t('sources.item', { n })}
                    </span>
                    <span className="source-top">{top === null ? t('sources.unclassified') : `${t('sources.topClass')}: ${className(t, top.name)} (${formatProbability(intl, top.probability)})`}</span>
                  </button>
                  <dl className="fields">
                    <dt>{t('sources.position')}</dt>
                    <dd className="mono">{formatLatLon(s.lat, s.lon)}</dd>
                    <dt>{t('sources.radius')}</dt>
                    <dd>{formatSignificant(intl, s.positionCi95M, 2)} m</dd>
                    <dt>{t('sources.exists')}</dt>
                    <dd>{formatProbability(intl, s.probability)}</dd>
                    <dt>{t('sources.lab')}</dt>
                    <dd className={lab ? 'lab-text' : undefined}>{formatProbability(intl, s.labProbability)}</dd>
                  </dl>
                  <div className="rates-title small muted">{t('sources.rates')}</div>
                  <RateRows source={s} />
                  {p.onCreateLead !== undefined && (
                    <button type="button" className="small" onClick={() => p.onCreateLead?.(n)} aria-label={t('sources.createLeadLabel', { n })} data-testid="source-create-lead">
                      {t('sources.createLead')}
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}

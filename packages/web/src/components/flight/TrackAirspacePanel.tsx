/**
 * The selected sortie's flown track against the chosen authority: when it
 * left the permitted airspace (or entered forbidden airspace, broke an
 * altitude limit or a time window), where, and when it came back or that it
 * never did. The map draws the exit and re-entry points and the part of the
 * track flown out of bounds; selecting an excursion flies there.
 */
import { useId, type ReactNode } from 'react';
import type { AuthoritySummary } from '../../api/schema/authority.js';
import type { Sortie } from '../../api/schema/sortie.js';
import { formatDuration, formatInteger, formatLatLon, formatUtc, formatUtcTime } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import type { TrackAirspaceState } from '../../workspace/use-track-airspace.js';
import { errorText } from '../error-text.js';
import { BoundarySourceNote } from './BoundarySourceNote.js';
import { VIOLATION_KIND_KEY } from './flight-text.js';

export interface TrackAirspacePanelProps {
  readonly sortie: Sortie | null;
  readonly authority: AuthoritySummary | null;
  readonly check: TrackAirspaceState;
  readonly onShow: (lon: number, lat: number) => void;
}

export function TrackAirspacePanel(p: TrackAirspacePanelProps): ReactNode {
  const { t, intl } = useI18n();
  const id = useId();
  const r = p.check.result;
  return (
    <section className="panel track-airspace" aria-labelledby={`${id}-title`} data-testid="track-airspace">
      <h2 id={`${id}-title`}>{t('trackCheck.title')}</h2>
      {p.sortie === null ? (
        <p className="muted small">{t('trackCheck.noSortie')}</p>
      ) : (
        <>
          <p className="small">{t('trackCheck.subject', { sortie: p.sortie.name, authority: p.authority?.name ?? '—' })}</p>
          <button type="button" className="small" disabled={p.authority === null || p.check.running || p.sortie.sampleCount === 0} onClick={p.check.run} data-testid="track-check-run">
            {p.check.running ? t('trackCheck.running') : t('trackCheck.run')}
          </button>
        </>
      )}
      {p.check.error !== null && (
        <p className="error small" role="alert">
          {errorText(t, p.check.error)}
        </p>
      )}
      {r !== null && (
        <div data-testid="track-check-result" data-excursions={r.excursions.length}>
          <BoundarySourceNote source={r.boundarySource} testId="track-boundary-source" />
          <p className="small muted">{t('trackCheck.samples', { count: formatInteger(intl, r.samples) })}</p>
          {r.excursions.length === 0 ? (
            <p className="ok-text">{t('trackCheck.clean')}</p>
          ) : (
            <ol className="violation-list">
              {r.excursions.map((e, i) => (
                <li key={i} className={`violation violation-${e.kind}`} data-testid="excursion-item" data-kind={e.kind}>
                  <button type="button" className="violation-select" onClick={() => p.onShow(e.exit.lon, e.exit.lat)} aria-label={t('trackCheck.show', { n: i + 1 })}>
                    <span className="violation-title">
                      {i + 1}. {t(VIOLATION_KIND_KEY[e.kind])}
                    </span>
                    <span>{t('trackCheck.left', { time: formatUtc(intl, e.fromTimeS), position: formatLatLon(e.exit.lat, e.exit.lon), alt: formatInteger(intl, e.exit.altM) })}</span>
                    <span>
                      {e.reentry === null
                        ? t('trackCheck.never', { time: formatUtcTime(intl, e.toTimeS) })
                        : t('trackCheck.back', { time: formatUtcTime(intl, e.reentry.timeS), position: formatLatLon(e.reentry.lat, e.reentry.lon) })}
                    </span>
                    <span className="small muted">{t('trackCheck.duration', { duration: formatDuration(e.toTimeS - e.fromTimeS) })}</span>
                    {e.areas.length > 0 && (
                      <span className="small" lang="en">
                        {t('violations.areas', { areas: e.areas.join('; ') })}
                      </span>
                    )}
                  </button>
                </li>
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}

/**
 * Adaptive search: "where next?" for the selected sortie. The server plans
 * from the newest estimate and the track flown (or the track alone before
 * the first estimate) and answers with one to three waypoints, what they
 * are expected to teach about the sources (bits), and their airspace check
 * against the chosen authority. The suggestion is drawn on the map, dashed:
 * it is advice for the crew, not a plan.
 */
import { useId, type ReactNode } from 'react';
import type { AuthoritySummary } from '../../api/schema/authority.js';
import type { Sortie } from '../../api/schema/sortie.js';
import { formatInteger, formatLatLon, formatSignificant } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import type { SuggestionState } from '../../workspace/use-suggestion.js';
import { errorText } from '../error-text.js';
import { BoundarySourceNote } from './BoundarySourceNote.js';
import { VIOLATION_KIND_KEY } from './flight-text.js';

export interface SuggestPanelProps {
  readonly sortie: Sortie | null;
  readonly authority: AuthoritySummary | null;
  readonly suggestion: SuggestionState;
  readonly onShow: (lon: number, lat: number) => void;
}

export function SuggestPanel(p: SuggestPanelProps): ReactNode {
  const { t, intl } = useI18n();
  const id = useId();
  const r = p.suggestion.result;
  return (
    <section className="panel suggest" aria-labelledby={`${id}-title`} data-testid="suggest-panel">
      <h2 id={`${id}-title`}>{t('suggest.title')}</h2>
      {p.sortie === null ? (
        <p className="muted small">{t('suggest.noSortie')}</p>
      ) : (
        <>
          <p className="small muted">{t('suggest.explain')}</p>
          <button type="button" className="small" disabled={p.suggestion.running || p.sortie.sampleCount === 0} onClick={p.suggestion.run} data-testid="suggest-run">
            {p.suggestion.running ? t('suggest.running') : t('suggest.run')}
          </button>
          {r !== null && (
            <button type="button" className="small link" onClick={p.suggestion.clear} data-testid="suggest-clear">
              {t('suggest.clear')}
            </button>
          )}
        </>
      )}
      {p.suggestion.error !== null && (
        <p className="error small" role="alert">
          {errorText(t, p.suggestion.error)}
        </p>
      )}
      {r !== null && (
        <div data-testid="suggest-result" data-waypoints={r.waypoints.length} data-clean={r.airspace === null ? 'unchecked' : String(r.airspace.clean)}>
          <p className="small">{r.estimateJobId === null ? t('suggest.fromTrack') : t('suggest.fromEstimate')}</p>
          {r.waypoints.length === 0 ? (
            <p className="ok-text">{t('suggest.nothing')}</p>
          ) : (
            <>
              <ol className="suggest-waypoints">
                {r.waypoints.map((w, i) => (
                  <li key={i} data-testid="suggest-waypoint">
                    <button type="button" className="violation-select" onClick={() => p.onShow(w.lon, w.lat)} aria-label={t('suggest.show', { n: i + 1 })}>
                      S{i + 1}: {formatLatLon(w.lat, w.lon)}, {formatInteger(intl, w.altM)} m
                    </button>
                  </li>
                ))}
              </ol>
              <p className="small">
                {t('suggest.figures', {
                  bits: formatSignificant(intl, r.expectedGainBits, 2),
                  length: formatInteger(intl, r.lengthM),
                  candidates: formatInteger(intl, r.candidatesScored),
                })}
              </p>
              <ul className="small muted">
                {r.gainPerCluster.map((g) => (
                  <li key={g.label}>
                    {g.label === 'undiscovered' ? t('suggest.undiscovered') : g.label}: {formatSignificant(intl, g.bits, 2)} {t('suggest.bits')}
                  </li>
                ))}
              </ul>
            </>
          )}
          {r.ms !== null && <p className="small muted">{t('suggest.time', { ms: formatInteger(intl, r.ms) })}</p>}
          {r.airspace === null ? (
            <p className="small muted">{t('suggest.noAuthority')}</p>
          ) : (
            <>
              <BoundarySourceNote source={r.airspace.boundarySource} testId="suggest-boundary-source" />
              {r.airspace.clean ? (
                <p className="ok-text">{t('suggest.clean', { authority: p.authority?.name ?? r.airspace.authorityId })}</p>
              ) : (
                <ol className="violation-list">
                  {r.airspace.excursions.map((e, i) => (
                    <li key={i} className={`violation violation-${e.kind}`} data-testid="suggest-excursion">
                      <button type="button" className="violation-select" onClick={() => p.onShow(e.exit.lon, e.exit.lat)}>
                        {t(VIOLATION_KIND_KEY[e.kind])}: {formatLatLon(e.exit.lat, e.exit.lon)}
                      </button>
                    </li>
                  ))}
                </ol>
              )}
            </>
          )}
        </div>
      )}
    </section>
  );
}

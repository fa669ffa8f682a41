/**
 * "Which video saw this place?": a place clicked on the map (or the
 * selected source's position), and each clip with the time ranges during
 * which the place was inside the frame. Selecting a range opens the clip
 * there.
 */
import { useId, type ReactNode } from 'react';
import type { VideoId } from '../../api/schema/ids.js';
import { formatInteger, formatLatLon } from '../../format/numbers.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { formatPlayerTime } from '../../video/timeline.js';
import type { CoverageState } from '../../workspace/use-video-coverage.js';
import { errorText } from '../error-text.js';

export interface CoveragePanelProps {
  readonly coverage: CoverageState;
  /** The selected source (its number and position), or null. */
  readonly source: { readonly n: number; readonly lat: number; readonly lon: number } | null;
  readonly onOpen: (id: VideoId, atS: number) => void;
}

export function CoveragePanel(p: CoveragePanelProps): ReactNode {
  const { t, intl } = useI18n();
  const id = useId();
  const c = p.coverage;
  const a = c.answer;
  return (
    <section className="panel coverage" aria-labelledby={`${id}-title`} data-testid="coverage-panel" data-picking={c.picking ? 'true' : 'false'}>
      <h2 id={`${id}-title`}>{t('coverage.title')}</h2>
      <div className="row wrap">
        <button type="button" className="small" aria-pressed={c.picking} onClick={() => c.setPicking(!c.picking)} data-testid="coverage-pick">
          {c.picking ? t('coverage.picking') : t('coverage.pick')}
        </button>
        <button type="button" className="small" disabled={p.source === null} onClick={() => p.source !== null && c.ask(p.source.lat, p.source.lon)} data-testid="coverage-source">
          {p.source === null ? t('coverage.noSource') : t('coverage.source', { n: p.source.n })}
        </button>
      </div>
      {c.picking && (
        <p className="small muted" role="status">
          {t('coverage.pickHelp')}
        </p>
      )}
      {c.place !== null && <p className="small">{t('coverage.place', { position: formatLatLon(c.place.lat, c.place.lon) })}</p>}
      {c.running && <p role="status">{t('coverage.running')}</p>}
      {c.error !== null && (
        <p className="error small" role="alert">
          {errorText(t, c.error)}
        </p>
      )}
      {a !== null && (
        <div data-testid="coverage-result" data-count={a.coverage.length}>
          {a.coverage.length === 0 ? (
            <p className="muted small">{t('coverage.none')}</p>
          ) : (
            <ul className="coverage-items">
              {a.coverage.map((v) => (
                <li key={v.videoId} data-testid="coverage-item" data-video-id={v.videoId}>
                  <span className="sortie-name">{v.name}</span>
                  <ul className="coverage-ranges">
                    {v.ranges.map((r, i) => (
                      <li key={i}>
                        <button type="button" className="link-like" onClick={() => p.onOpen(v.videoId, r.startS)} data-testid="coverage-range" data-start={r.startS}>
                          {t('coverage.range', { from: formatPlayerTime(r.startS), to: formatPlayerTime(r.endS), frames: formatInteger(intl, r.frames) })}
                        </button>
                        {r.minDistanceToCentreM !== null && <span className="small muted"> {t('coverage.closest', { distance: formatInteger(intl, r.minDistanceToCentreM) })}</span>}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {(a !== null || c.place !== null) && (
        <button type="button" className="small link" onClick={c.clear}>
          {t('suggest.clear')}
        </button>
      )}
    </section>
  );
}

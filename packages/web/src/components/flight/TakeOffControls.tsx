/**
 * The survey's take-off point: by default the centre of the search area
 * (the server's choice); or a point clicked on the map, or — without a
 * pointer — the centre of the current map view.
 */
import type { ReactNode } from 'react';
import { formatLatLon } from '../../format/numbers.js';
import type { DrawInput, DrawState } from '../../geo/polygon-draw.js';
import { useI18n } from '../../i18n/i18n-context.js';
import type { Bbox } from '../../map/MapView.js';

export function TakeOffControls(p: { readonly draw: DrawState; readonly dispatch: (e: DrawInput) => void; readonly viewBounds: () => Bbox | null }): ReactNode {
  const { t } = useI18n();
  const home = p.draw.home;
  const placing = p.draw.mode === 'home';
  return (
    <div className="takeoff-controls stack" data-testid="takeoff-controls">
      <p className="small" data-testid="takeoff-status" data-set={home === null ? 'false' : 'true'}>
        {home === null ? t('takeoff.default') : t('takeoff.at', { position: formatLatLon(home[1], home[0]) })}
      </p>
      {placing ? (
        <div className="drawing" role="status">
          <p className="small">{t('takeoff.help')}</p>
          <div className="row">
            <button type="button" className="small" onClick={() => p.dispatch({ type: 'cancel' })}>
              {t('area.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="row wrap">
          <button type="button" className="small" onClick={() => p.dispatch({ type: 'start', mode: 'home' })} data-testid="takeoff-click">
            {t('takeoff.click')}
          </button>
          <button
            type="button"
            className="small"
            onClick={() => {
              const b = p.viewBounds();
              if (b !== null) p.dispatch({ type: 'setHome', at: [(b[0] + b[2]) / 2, (b[1] + b[3]) / 2] });
            }}
            data-testid="takeoff-view-centre"
          >
            {t('takeoff.viewCentre')}
          </button>
          {home !== null && (
            <button type="button" className="small" onClick={() => p.dispatch({ type: 'setHome', at: null })} data-testid="takeoff-clear">
              {t('takeoff.clear')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

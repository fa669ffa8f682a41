/**
 * The search area: draw a polygon (click corners), drag a rectangle, or —
 * without a pointer — take the current map view as a rectangle. While
 * drawing, the instructions say how to finish, undo and cancel (Esc).
 */
import type { ReactNode } from 'react';
import type { DrawInput, DrawState } from '../../geo/polygon-draw.js';
import { openRing, rectangleRing, ringAreaM2, type LngLat } from '../../geo/ring-geometry.js';
import { formatAreaKm2 } from '../../format/distance.js';
import { useI18n } from '../../i18n/i18n-context.js';
import type { Bbox } from '../../map/MapView.js';

export interface AreaControlsProps {
  readonly draw: DrawState;
  readonly dispatch: (e: DrawInput) => void;
  /** The map's current bounds, or null before the map has drawn. */
  readonly viewBounds: () => Bbox | null;
  readonly describedBy?: string;
}

/** The view as a ring, kept within the valid range of longitude and the map's latitude. */
function viewRing(b: Bbox): LngLat[] {
  const clampLon = (x: number): number => Math.max(-180, Math.min(180, x));
  const clampLat = (x: number): number => Math.max(-85, Math.min(85, x));
  return rectangleRing([clampLon(b[0]), clampLat(b[1])], [clampLon(b[2]), clampLat(b[3])]);
}

export function AreaControls(p: AreaControlsProps): ReactNode {
  const { t, intl } = useI18n();
  const d = p.draw;
  // Placing the take-off point is the take-off controls' business.
  const drawing = d.mode === 'polygon' || d.mode === 'rectangle';
  const area = d.area;
  return (
    <div className="area-controls" data-testid="area-controls" data-drawing={d.mode ?? 'none'} aria-describedby={p.describedBy}>
      {!drawing && (
        <div className="row wrap">
          <button type="button" className="small" onClick={() => p.dispatch({ type: 'start', mode: 'polygon' })} data-testid="draw-polygon">
            {t('area.drawPolygon')}
          </button>
          <button type="button" className="small" onClick={() => p.dispatch({ type: 'start', mode: 'rectangle' })} data-testid="draw-rectangle">
            {t('area.drawRectangle')}
          </button>
          <button
            type="button"
            className="small"
            onClick={() => {
              const b = p.viewBounds();
              if (b !== null) p.dispatch({ type: 'set', ring: viewRing(b) });
            }}
            data-testid="area-from-view"
          >
            {t('area.useView')}
          </button>
          {area !== null && (
            <button type="button" className="small" onClick={() => p.dispatch({ type: 'clear' })} data-testid="area-clear">
              {t('area.clear')}
            </button>
          )}
        </div>
      )}
      {drawing && (
        <div className="drawing" role="status">
          <p className="small">{d.mode === 'polygon' ? t('area.polygonHelp') : t('area.rectangleHelp')}</p>
          {d.mode === 'polygon' && <p className="small muted">{t('area.corners', { count: d.vertices.length })}</p>}
          <div className="row wrap">
            {d.mode === 'polygon' && (
              <>
                <button type="button" className="small primary" onClick={() => p.dispatch({ type: 'finish' })} disabled={d.vertices.length < 3} data-testid="draw-finish">
                  {t('area.finish')}
                </button>
                <button type="button" className="small" onClick={() => p.dispatch({ type: 'undo' })} disabled={d.vertices.length === 0}>
                  {t('area.undo')}
                </button>
              </>
            )}
            <button type="button" className="small" onClick={() => p.dispatch({ type: 'cancel' })} data-testid="draw-cancel">
              {t('area.cancel')}
            </button>
          </div>
        </div>
      )}
      {d.problem !== null && (
        <p className="error small" role="alert">
          {d.problem === 'tooFew' ? t('area.tooFew') : t('area.selfIntersecting')}
        </p>
      )}
      <p className="small" data-testid="area-status" data-corners={area === null ? 0 : openRing(area).length}>
        {area === null ? t('area.none') : t('area.summary', { area: formatAreaKm2(intl, ringAreaM2(area)), corners: openRing(area).length })}
      </p>
    </div>
  );
}

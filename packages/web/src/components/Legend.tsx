import type { ReactNode } from 'react';
import { formatSignificant } from '../format/numbers.js';
import { UNIT_LABEL, type ConcentrationUnit } from '../format/units.js';
import { useI18n } from '../i18n/i18n-context.js';
import { COLOURS } from '../map/base-style.js';

export interface LegendProps {
  readonly species: string | null;
  readonly unit: ConcentrationUnit;
  readonly stops: readonly (readonly [number, string])[] | null;
  readonly showHazards: boolean;
  /** Further blocks (the flight layers' legend). */
  readonly children?: ReactNode;
}

/** The track's colour scale with its unit, and the hazard tiers when zones are shown. */
export function Legend(p: LegendProps): ReactNode {
  const { t, intl } = useI18n();
  const first = p.stops?.[0];
  const last = p.stops?.[p.stops.length - 1];
  return (
    <div className="legend" data-testid="legend">
      {p.species !== null && p.stops !== null && first !== undefined && last !== undefined && (
        <figure className="legend-block">
          <figcaption>{t('map.legendTrack', { species: p.species, unit: UNIT_LABEL[p.unit] })}</figcaption>
          <div className="ramp" style={{ background: `linear-gradient(to right, ${p.stops.map(([, c]) => c).join(', ')})` }} aria-hidden="true" />
          <div className="ramp-labels" data-testid="legend-range">
            <span>≤ {formatSignificant(intl, first[0], 3)}</span>
            <span>{formatSignificant(intl, (first[0] + last[0]) / 2, 3)}</span>
            <span>≥ {formatSignificant(intl, last[0], 3)}</span>
          </div>
        </figure>
      )}
      {p.showHazards && (
        <figure className="legend-block">
          <figcaption>{t('hazards.title')}</figcaption>
          <ul className="hazard-legend">
            <li>
              <span className="swatch" style={{ background: COLOURS.hazard3 }} aria-hidden="true" />
              {t('hazards.level3')}
            </li>
            <li>
              <span className="swatch" style={{ background: COLOURS.hazard2 }} aria-hidden="true" />
              {t('hazards.level2')}
            </li>
            <li>
              <span className="swatch" style={{ background: COLOURS.hazard1 }} aria-hidden="true" />
              {t('hazards.level1')}
            </li>
          </ul>
          <p className="muted">
            <span className="swatch swatch-dashed" aria-hidden="true" /> {t('hazards.uncertainty')}
          </p>
          <p className="muted">{t('hazards.disclaimer')}</p>
        </figure>
      )}
      {p.children}
    </div>
  );
}

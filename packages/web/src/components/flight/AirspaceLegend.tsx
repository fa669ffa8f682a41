/** The legend of the flight layers: the authority's areas and their boundary source, the plan and its violations, excursions and vehicles. */
import type { ReactNode } from 'react';
import type { AuthoritySummary } from '../../api/schema/authority.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { FLIGHT_COLOURS } from '../../map/flight-layers.js';

export interface AirspaceLegendProps {
  /** The authority drawn, or null when the airspace layer is off or not loaded. */
  readonly authority: AuthoritySummary | null;
  readonly plan: boolean;
  readonly violations: boolean;
  readonly excursions: boolean;
  readonly vehicles: boolean;
}

function Swatch(p: { readonly className: string; readonly colour?: string }): ReactNode {
  return <span className={`swatch ${p.className}`} style={p.colour === undefined ? undefined : { background: p.colour }} aria-hidden="true" />;
}

export function AirspaceLegend(p: AirspaceLegendProps): ReactNode {
  const { t } = useI18n();
  if (p.authority === null && !p.plan && !p.excursions && !p.vehicles) return null;
  const a = p.authority;
  return (
    <figure className="legend-block" data-testid="airspace-legend">
      {a !== null && (
        <>
          <figcaption>{t('legend.airspace', { name: a.name })}</figcaption>
          <p className="small" data-testid="legend-boundary" data-kind={a.boundarySource.kind}>
            {a.boundarySource.kind === 'embedded' ? t('legend.embedded') : t('legend.official', { name: a.boundarySource.name })}
          </p>
          <ul className="hazard-legend">
            <li>
              <Swatch className="swatch-permitted" />
              {t('legend.permitted')}
            </li>
            <li>
              <Swatch className="swatch-forbidden" />
              {t('legend.forbidden')}
            </li>
          </ul>
        </>
      )}
      <ul className="hazard-legend">
        {p.plan && (
          <li>
            <Swatch className="swatch-line" colour={FLIGHT_COLOURS.route} />
            {t('legend.route')}
          </li>
        )}
        {p.violations && (
          <li>
            <Swatch className="swatch-line" colour={FLIGHT_COLOURS.violation} />
            {t('legend.violation')}
          </li>
        )}
        {p.excursions && (
          <li>
            <Swatch className="swatch-dot" colour={FLIGHT_COLOURS.violation} />
            <Swatch className="swatch-dot" colour={FLIGHT_COLOURS.back} />
            {t('legend.excursion')}
          </li>
        )}
        {p.vehicles && (
          <li>
            <Swatch className="swatch-dot" colour={FLIGHT_COLOURS.vehicle} />
            <Swatch className="swatch-dot" colour={FLIGHT_COLOURS.vehicleOutside} />
            {t('legend.vehicles')}
          </li>
        )}
      </ul>
    </figure>
  );
}

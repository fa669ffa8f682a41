import { useId, type ReactNode } from 'react';
import type { SpeciesInfo } from '../api/schema/sortie.js';
import { CONCENTRATION_UNITS, isConcentrationUnit, UNIT_LABEL, type ConcentrationUnit } from '../format/units.js';
import type { MessageKey } from '../i18n/catalogue/keys.js';
import { useI18n } from '../i18n/i18n-context.js';
import { OVERLAY_GROUPS, type OverlayGroup } from '../map/layer-ids.js';

const GROUP_LABEL: Readonly<Record<OverlayGroup, MessageKey>> = {
  track: 'layer.track',
  detections: 'layer.detections',
  sources: 'layer.sources',
  posterior: 'layer.posterior',
  hazards: 'layer.hazards',
  airspace: 'layer.airspace',
  plan: 'layer.plan',
  vehicles: 'layer.vehicles',
  video: 'layer.video',
  leads: 'layer.leads',
  network: 'layer.network',
};

export interface MapControlsProps {
  readonly species: readonly SpeciesInfo[];
  readonly selectedSpecies: string | null;
  readonly onSpecies: (key: string) => void;
  readonly unit: ConcentrationUnit;
  readonly onUnit: (u: ConcentrationUnit) => void;
  readonly visible: Readonly<Record<OverlayGroup, boolean>>;
  readonly onToggle: (g: OverlayGroup) => void;
}

/** Species and unit of the track's colours, and the overlay toggles. */
export function MapControls(p: MapControlsProps): ReactNode {
  const { t } = useI18n();
  const id = useId();
  return (
    <div className="map-controls">
      <div className="control-row">
        <label htmlFor={`${id}-species`}>{t('map.species')}</label>
        <select id={`${id}-species`} value={p.selectedSpecies ?? ''} onChange={(e) => p.onSpecies(e.target.value)} disabled={p.species.length === 0} data-testid="species-select">
          {p.species.map((s) => (
            <option key={s.key} value={s.key}>
              {s.key}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-unit`}>{t('map.unit')}</label>
        <select
          id={`${id}-unit`}
          value={p.unit}
          onChange={(e) => {
            const v = e.target.value;
            if (isConcentrationUnit(v)) p.onUnit(v);
          }}
          data-testid="unit-select"
        >
          {CONCENTRATION_UNITS.map((u) => (
            <option key={u} value={u}>
              {UNIT_LABEL[u]}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="layer-toggles">
        <legend>{t('map.layers')}</legend>
        {OVERLAY_GROUPS.map((g) => (
          <label key={g} className="checkbox">
            <input type="checkbox" checked={p.visible[g]} onChange={() => p.onToggle(g)} data-testid={`layer-${g}`} />
            {t(GROUP_LABEL[g])}
          </label>
        ))}
      </fieldset>
    </div>
  );
}

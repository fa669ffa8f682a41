/**
 * Vehicles heard over live MAVLink: position, altitude, speed and course,
 * their standing against the server's live authority ("outside permitted
 * airspace since …" in red), and each sending endpoint's decoder counts.
 * Selecting a vehicle flies the map to it.
 */
import { useId, type ReactNode } from 'react';
import type { VehicleStatus } from '../../api/schema/vehicle.js';
import { formatInteger, formatIsoUtc, formatLatLon, formatSignificant } from '../../format/numbers.js';
import { vehicleAirspaceState } from '../../geo/vehicle-features.js';
import { useI18n } from '../../i18n/i18n-context.js';
import type { VehiclesHook } from '../../workspace/use-vehicles.js';
import { errorText } from '../error-text.js';

export function VehiclePanel(p: { readonly vehicles: VehiclesHook; readonly onShow: (lon: number, lat: number) => void }): ReactNode {
  const { t, intl } = useI18n();
  const id = useId();
  const s = p.vehicles.state;
  const airspaceText = (v: VehicleStatus): string => {
    const a = v.airspace;
    if (a === null) return t('vehicles.notChecked');
    if (a.allowed) return t('vehicles.inside', { since: formatIsoUtc(intl, a.since) });
    return a.insideForbidden.length > 0
      ? t('vehicles.outsideIn', { since: formatIsoUtc(intl, a.since), areas: a.insideForbidden.join('; ') })
      : t('vehicles.outside', { since: formatIsoUtc(intl, a.since) });
  };
  return (
    <section className="panel vehicles" aria-labelledby={`${id}-title`} data-testid="vehicle-panel">
      <h2 id={`${id}-title`}>{t('vehicles.title')}</h2>
      {p.vehicles.error !== null && (
        <p className="error small" role="alert">
          {errorText(t, p.vehicles.error)}
        </p>
      )}
      {s === null && p.vehicles.error === null && <p className="muted small">{t('common.loading')}</p>}
      {s !== null && !s.listening && <p className="muted small">{t('vehicles.off')}</p>}
      {s !== null && s.listening && s.vehicles.length === 0 && <p className="muted small">{t('vehicles.none')}</p>}
      <ul className="vehicle-list">
        {(s?.vehicles ?? []).map((v) => {
          const state = vehicleAirspaceState(v);
          return (
            <li key={v.sysid} className={`vehicle vehicle-${state}`} data-testid="vehicle-item" data-sysid={v.sysid} data-state={state}>
              <button type="button" className="vehicle-select" disabled={v.lat === null || v.lon === null} onClick={() => v.lat !== null && v.lon !== null && p.onShow(v.lon, v.lat)}>
                <span className="vehicle-name">{t('vehicles.name', { sysid: v.sysid })}</span>
                <span className={state === 'outside' ? 'error' : state === 'allowed' ? 'ok-text' : 'muted'} data-testid="vehicle-airspace">
                  {airspaceText(v)}
                </span>
                <span className="small">
                  {v.lat === null || v.lon === null ? t('vehicles.noPosition') : formatLatLon(v.lat, v.lon)}
                  {v.altAboveHomeM !== null && ` · ${formatInteger(intl, v.altAboveHomeM)} m`}
                  {v.groundSpeedMps !== null && ` · ${formatSignificant(intl, v.groundSpeedMps, 2)} m/s`}
                  {v.courseDeg !== null && ` · ${formatInteger(intl, v.courseDeg)}°`}
                </span>
                <span className="small muted">{t('vehicles.seen', { when: formatIsoUtc(intl, v.lastSeen), frames: formatInteger(intl, v.frames), samples: formatInteger(intl, v.samples) })}</span>
              </button>
            </li>
          );
        })}
      </ul>
      {s !== null && s.endpoints.length > 0 && (
        <div className="table-scroll">
          <table className="endpoints" data-testid="endpoint-table">
            <caption>{t('vehicles.endpoints')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('vehicles.endpoint')}</th>
                <th scope="col" className="num">
                  {t('vehicles.packets')}
                </th>
                <th scope="col" className="num">
                  {t('vehicles.crcErrors')}
                </th>
                <th scope="col" className="num">
                  {t('vehicles.dropped')}
                </th>
              </tr>
            </thead>
            <tbody>
              {s.endpoints.map((e) => (
                <tr key={e.endpoint}>
                  <td className="mono">{e.endpoint}</td>
                  <td className="num">{formatInteger(intl, e.packets)}</td>
                  <td className={`num${e.crcErrors > 0 ? ' warning' : ''}`}>{formatInteger(intl, e.crcErrors)}</td>
                  <td className={`num${e.droppedBytes > 0 ? ' warning' : ''}`}>{formatInteger(intl, e.droppedBytes)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

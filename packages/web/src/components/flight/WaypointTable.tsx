/** The plan's timeline: each waypoint's position, altitude, arrival after take-off and distance flown; a row's number flies the map there. */
import type { ReactNode } from 'react';
import type { FlightPlan } from '../../api/schema/flight-plan.js';
import type { PlanTimeline } from '../../api/schema/plan-timeline.js';
import { formatDistance } from '../../format/distance.js';
import { formatInteger, formatLatLon } from '../../format/numbers.js';
import { formatTimeOffset } from '../../format/time-offset.js';
import { useI18n } from '../../i18n/i18n-context.js';

export function WaypointTable(p: { readonly plan: FlightPlan; readonly timeline: PlanTimeline; readonly onShow: (lon: number, lat: number) => void }): ReactNode {
  const { t, intl } = useI18n();
  return (
    <div className="table-scroll">
      <table className="timeline" data-testid="waypoint-table">
        <caption className="visually-hidden">{t('timeline.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('timeline.position')}</th>
            <th scope="col" className="num">
              {t('timeline.altitude')}
            </th>
            <th scope="col" className="num">
              {t('timeline.arrival')}
            </th>
            <th scope="col" className="num">
              {t('timeline.distance')}
            </th>
          </tr>
        </thead>
        <tbody>
          {p.plan.waypoints.map((w, i) => {
            const timing = p.timeline.waypoints[i];
            return (
              <tr key={i} data-testid="waypoint-row">
                <th scope="row">
                  <button type="button" className="small link-like" onClick={() => p.onShow(w.lon, w.lat)} aria-label={t('timeline.show', { n: i + 1 })}>
                    {i + 1}
                  </button>
                </th>
                <td className="mono">{formatLatLon(w.lat, w.lon)}</td>
                <td className="num">{formatInteger(intl, w.altM)} m</td>
                <td className="num mono" data-testid="waypoint-arrival">
                  {timing === undefined ? '—' : formatTimeOffset(timing.arrivalS)}
                </td>
                <td className="num">{timing === undefined ? '—' : formatDistance(intl, timing.distanceM)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

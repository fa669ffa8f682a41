/**
 * The left column's flight-operations tab: the airspace authority (with
 * the boundaries in force), survey planning and suggested next waypoints
 * (analysts), the stored plans
 * with import (analysts), the flown track's airspace check, and the live
 * vehicles.
 */
import type { ReactNode } from 'react';
import type { ApiClient } from '../../api/client.js';
import type { AuthoritySummary } from '../../api/schema/authority.js';
import type { PlanDetail, PlanSummary } from '../../api/schema/plan-record.js';
import type { Sortie } from '../../api/schema/sortie.js';
import type { MeanWind } from '../../geo/mean-wind.js';
import type { Bbox } from '../../map/MapView.js';
import type { FlightState } from '../../workspace/use-flight.js';
import { AuthorityPanel } from './AuthorityPanel.js';
import { PlanList } from './PlanList.js';
import { SuggestPanel } from './SuggestPanel.js';
import { SurveyPlanner } from './SurveyPlanner.js';
import { TrackAirspacePanel } from './TrackAirspacePanel.js';
import { VehiclePanel } from './VehiclePanel.js';

export interface FlightPanelProps {
  readonly client: ApiClient;
  readonly flight: FlightState;
  readonly canPlan: boolean;
  readonly admin: boolean;
  readonly sortie: Sortie | null;
  readonly sortieWind: { readonly name: string; readonly wind: MeanWind } | null;
  readonly viewBounds: () => Bbox | null;
  readonly onZoomAuthority: (a: AuthoritySummary) => void;
  readonly onShow: (lon: number, lat: number) => void;
  readonly onPlanOpened: (p: PlanDetail) => void;
  readonly onDeletePlan: (p: PlanSummary) => void;
  readonly onAlert: (message: string) => void;
}

export function FlightPanel(p: FlightPanelProps): ReactNode {
  const f = p.flight;
  return (
    <div className="flight-panel" data-testid="flight-panel">
      <AuthorityPanel client={p.client} authorities={f.authorities} admin={p.admin} onZoom={p.onZoomAuthority} onAlert={p.onAlert} />
      {p.canPlan && (
        <SurveyPlanner
          client={p.client}
          authority={f.authorities.selected}
          draw={f.draw}
          dispatch={f.dispatch}
          viewBounds={p.viewBounds}
          sortieWind={p.sortieWind}
          onCreated={p.onPlanOpened}
        />
      )}
      <PlanList
        client={p.client}
        plans={f.plans}
        authorities={f.authorities.list ?? []}
        authorityId={f.authorities.selectedId}
        canChange={p.canPlan}
        onOpened={p.onPlanOpened}
        onDelete={p.onDeletePlan}
      />
      {p.canPlan && <SuggestPanel sortie={p.sortie} authority={f.authorities.selected} suggestion={f.suggestion} onShow={p.onShow} />}
      <TrackAirspacePanel sortie={p.sortie} authority={f.authorities.selected} check={f.track} onShow={p.onShow} />
      <VehiclePanel vehicles={f.vehicles} onShow={p.onShow} />
    </div>
  );
}

/**
 * Flight operations' state for the workspace: authorities, plans, the
 * drawing, the track check of the selected sortie, live vehicles, and the
 * map overlays built from them (each memoised on its own inputs, so the map
 * replaces only what changed).
 */
import { useMemo, useRef } from 'react';
import type { ApiClient } from '../api/client.js';
import type { SortieId } from '../api/schema/ids.js';
import type { SampleColumns } from '../api/schema/samples.js';
import type { VehicleStatus } from '../api/schema/vehicle.js';
import { formatInteger, formatSignificant } from '../format/numbers.js';
import { drawFeatures } from '../geo/draw-features.js';
import { excursionFeatures } from '../geo/excursion-features.js';
import { planFeatures } from '../geo/plan-features.js';
import { suggestionFeatures } from '../geo/suggestion-features.js';
import type { DrawInput, DrawState } from '../geo/polygon-draw.js';
import type { LngLat } from '../geo/ring-geometry.js';
import { vehicleFeatures } from '../geo/vehicle-features.js';
import { violationFeatures } from '../geo/violation-features.js';
import type { Translate } from '../i18n/i18n-context.js';
import type { DrawBinding } from '../map/draw-interaction.js';
import { emptyCollection, type FlightOverlays } from '../map/flight-overlays.js';
import type { LiveHub } from './live-hub.js';
import { useAuthorities, type AuthoritiesState } from './use-authorities.js';
import { useDraw } from './use-draw.js';
import { usePlans, type PlansState } from './use-plans.js';
import { useSuggestion, type SuggestionState } from './use-suggestion.js';
import { useTrackAirspace, type TrackAirspaceState } from './use-track-airspace.js';
import { useVehicles, type VehiclesHook } from './use-vehicles.js';

export interface FlightState {
  readonly authorities: AuthoritiesState;
  readonly plans: PlansState;
  readonly vehicles: VehiclesHook;
  readonly track: TrackAirspaceState;
  readonly suggestion: SuggestionState;
  readonly draw: DrawState;
  readonly dispatch: (e: DrawInput) => void;
  /** The map's input while drawing; null otherwise. */
  readonly drawBinding: DrawBinding | null;
  readonly overlays: FlightOverlays;
}

export function useFlight(client: ApiClient, hub: LiveHub, sortieId: SortieId | null, samples: SampleColumns | null, t: Translate, intl: string): FlightState {
  const authorities = useAuthorities(client);
  const plans = usePlans(client);
  const vehicles = useVehicles(client, hub);
  const track = useTrackAirspace(client, sortieId, authorities.selectedId);
  const suggestion = useSuggestion(client, sortieId, authorities.selectedId);
  const [draw, dispatch] = useDraw();

  const vertices = useRef<readonly LngLat[]>(draw.vertices);
  vertices.current = draw.vertices;
  const drawMode = draw.mode;
  const drawBinding = useMemo<DrawBinding | null>(() => (drawMode === null ? null : { mode: drawMode, vertices: () => vertices.current, onInput: dispatch }), [drawMode, dispatch]);

  const detail = authorities.detail;
  const airspace = useMemo<FlightOverlays['airspace']>(() => detail?.areas ?? emptyCollection(), [detail]);
  const result = track.result;
  const excursions = useMemo<FlightOverlays['excursions']>(() => (result === null ? emptyCollection() : excursionFeatures(result.excursions, samples)), [result, samples]);
  const drawFc = useMemo(() => drawFeatures(draw), [draw]);
  const open = plans.open;
  const plan = useMemo<FlightOverlays['plan']>(() => (open === null ? emptyCollection() : planFeatures(open.plan)), [open]);
  const violations = useMemo<FlightOverlays['violations']>(() => (open === null || open.check === null ? emptyCollection() : violationFeatures(open.plan, open.check.violations)), [open]);
  const vehicleState = vehicles.state;
  const vehicleFc = useMemo<FlightOverlays['vehicles']>(() => {
    const label = (v: VehicleStatus): string => {
      const parts = [t('vehicles.name', { sysid: v.sysid })];
      const figures = [v.altAboveHomeM === null ? null : `${formatInteger(intl, v.altAboveHomeM)} m`, v.groundSpeedMps === null ? null : `${formatSignificant(intl, v.groundSpeedMps, 2)} m/s`].filter((x) => x !== null);
      if (figures.length > 0) parts.push(figures.join(' · '));
      if (v.airspace !== null && !v.airspace.allowed) parts.push(t('vehicles.mapOutside'));
      return parts.join('\n');
    };
    return vehicleFeatures(vehicleState?.vehicles ?? [], label);
  }, [vehicleState, t, intl]);

  const suggested = suggestion.result;
  const suggestionFc = useMemo<FlightOverlays['suggestion']>(() => (suggested === null ? emptyCollection() : suggestionFeatures(suggested)), [suggested]);

  const overlays = useMemo<FlightOverlays>(
    () => ({ airspace, excursions, draw: drawFc, plan, violations, vehicles: vehicleFc, suggestion: suggestionFc }),
    [airspace, excursions, drawFc, plan, violations, vehicleFc, suggestionFc],
  );

  return { authorities, plans, vehicles, track, suggestion, draw, dispatch, drawBinding, overlays };
}

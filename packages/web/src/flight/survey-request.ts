/** The body of POST /api/plans/survey (docs/api.md, "Flight operations"), from typed values. */
import type { VehicleType } from '../api/schema/flight-plan.js';
import type { LngLat } from '../geo/ring-geometry.js';
import type { VehicleFigures } from './vehicle-defaults.js';

export const STABILITY_CLASSES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export type StabilityClass = (typeof STABILITY_CLASSES)[number];

export interface SurveyRequest {
  readonly name: string | null;
  /** The search area: a closed ring. */
  readonly area: readonly LngLat[];
  readonly windSpeedMps: number;
  /** Where the wind blows from, degrees clockwise from north. */
  readonly windFromDeg: number;
  readonly stability: StabilityClass;
  readonly altitudesM: readonly number[];
  readonly vehicleType: VehicleType;
  readonly vehicle: VehicleFigures;
  /** Take-off point, or null for the server's default (the area's centre). */
  readonly home: LngLat | null;
  /** ISO take-off time, or null. */
  readonly startTime: string | null;
  readonly authorityId: string | null;
}

export function surveyRequestJson(r: SurveyRequest): Record<string, unknown> {
  return {
    ...(r.name === null ? {} : { name: r.name }),
    area: { type: 'Polygon', coordinates: [r.area.map((p) => [p[0], p[1]])] },
    wind: { speed_mps: r.windSpeedMps, from_deg: r.windFromDeg },
    stability: r.stability,
    altitudes_m: [...r.altitudesM],
    vehicle_type: r.vehicleType,
    vehicle: {
      cruise_speed_mps: r.vehicle.cruiseSpeedMps,
      turn_radius_m: r.vehicle.turnRadiusM,
      endurance_s: r.vehicle.enduranceS,
      reserve_fraction: r.vehicle.reserveFraction,
    },
    ...(r.home === null ? {} : { home: { lat: r.home[1], lon: r.home[0] } }),
    ...(r.startTime === null ? {} : { start_time: r.startTime }),
    ...(r.authorityId === null ? {} : { authority_id: r.authorityId }),
  };
}

/**
 * Vehicle figures a survey form starts from, by type: the flight package's
 * DEFAULT_VEHICLES (docs/flight.md, "Mission files"), which the server also
 * assumes for any figure a request leaves out.
 */
import type { VehicleType } from '../api/schema/flight-plan.js';

export interface VehicleFigures {
  readonly cruiseSpeedMps: number;
  readonly turnRadiusM: number;
  readonly enduranceS: number;
  /** 0..1 */
  readonly reserveFraction: number;
}

export const VEHICLE_DEFAULTS: Readonly<Record<VehicleType, VehicleFigures>> = {
  multirotor: { cruiseSpeedMps: 10, turnRadiusM: 0, enduranceS: 1500, reserveFraction: 0.25 },
  'fixed-wing': { cruiseSpeedMps: 18, turnRadiusM: 50, enduranceS: 3600, reserveFraction: 0.2 },
  vtol: { cruiseSpeedMps: 16, turnRadiusM: 40, enduranceS: 3600, reserveFraction: 0.2 },
};

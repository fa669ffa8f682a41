/**
 * Live vehicles on the map: a point per vehicle with a known position, its
 * course for the marker's arrow, a label, and its airspace state (outside
 * permitted airspace is drawn red).
 */
import type { Feature, FeatureCollection, Point } from 'geojson';
import type { VehicleStatus } from '../api/schema/vehicle.js';

export type VehicleAirspaceState = 'allowed' | 'outside' | 'unknown';

export interface VehicleFeatureProps {
  readonly sysid: number;
  /** Degrees clockwise from north (0 when unknown). */
  readonly course: number;
  readonly hasCourse: boolean;
  readonly state: VehicleAirspaceState;
  readonly label: string;
}

export function vehicleAirspaceState(v: VehicleStatus): VehicleAirspaceState {
  if (v.airspace === null) return 'unknown';
  return v.airspace.allowed ? 'allowed' : 'outside';
}

export function vehicleFeatures(vehicles: readonly VehicleStatus[], label: (v: VehicleStatus) => string): FeatureCollection<Point, VehicleFeatureProps> {
  const features: Feature<Point, VehicleFeatureProps>[] = [];
  for (const v of vehicles) {
    if (v.lat === null || v.lon === null) continue;
    features.push({
      type: 'Feature',
      id: v.sysid,
      geometry: { type: 'Point', coordinates: [v.lon, v.lat] },
      properties: { sysid: v.sysid, course: v.courseDeg ?? 0, hasCourse: v.courseDeg !== null, state: vehicleAirspaceState(v), label: label(v) },
    });
  }
  return { type: 'FeatureCollection', features };
}

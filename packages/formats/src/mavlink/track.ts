/**
 * The vehicle's track: every accepted GLOBAL_POSITION_INT fix with the
 * attitude nearest in time. Unlike a Sortie it may hold NaN: attitude when
 * no ATTITUDE came within half a second of the fix, course when the
 * autopilot does not know it.
 */
import { distanceM, float64Builder, type TypedArrayBuilder } from '@nariz/core';

export interface VehicleTrack {
  readonly count: number;
  /** Unix seconds. */
  readonly timeS: Float64Array;
  /** The autopilot's boot clock, ms. */
  readonly bootMs: Float64Array;
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  readonly altMslM: Float64Array;
  /** Above home (where the vehicle armed), not above the ground below. */
  readonly altAboveHomeM: Float64Array;
  readonly groundSpeedMps: Float64Array;
  /** Course over ground, degrees clockwise from north; NaN when unknown. */
  readonly courseDeg: Float64Array;
  readonly rollRad: Float64Array;
  readonly pitchRad: Float64Array;
  readonly yawRad: Float64Array;
}

export interface TrackPoint {
  readonly timeS: number;
  readonly bootMs: number;
  readonly lat: number;
  readonly lon: number;
  readonly altMslM: number;
  readonly altAboveHomeM: number;
  readonly groundSpeedMps: number;
  readonly courseDeg: number;
  readonly rollRad: number;
  readonly pitchRad: number;
  readonly yawRad: number;
}

const COLUMNS = ['timeS', 'bootMs', 'lat', 'lon', 'altMslM', 'altAboveHomeM', 'groundSpeedMps', 'courseDeg', 'rollRad', 'pitchRad', 'yawRad'] as const;

export class TrackBuilder {
  private readonly cols = Object.fromEntries(COLUMNS.map((c) => [c, float64Builder(256)])) as Record<(typeof COLUMNS)[number], TypedArrayBuilder<Float64Array>>;

  get length(): number {
    return this.cols.timeS.length;
  }

  push(p: TrackPoint): void {
    for (const c of COLUMNS) this.cols[c].push(p[c]);
  }

  /** The points since the last take. */
  take(): VehicleTrack {
    const out = Object.fromEntries(COLUMNS.map((c) => [c, this.cols[c].take()])) as Record<(typeof COLUMNS)[number], Float64Array>;
    return { count: out.timeS.length, ...out };
  }
}

export function emptyTrack(): VehicleTrack {
  return new TrackBuilder().take();
}

export interface TrackSummary {
  readonly points: number;
  readonly lengthM: number;
  readonly startS: number;
  readonly endS: number;
  readonly minLat: number;
  readonly maxLat: number;
  readonly minLon: number;
  readonly maxLon: number;
  readonly minAltAboveHomeM: number;
  readonly maxAltAboveHomeM: number;
  /** The fastest straight-line speed between consecutive fixes (a jump in position shows up here). */
  readonly maxSpeedBetweenFixesMps: number;
}

export function summariseTrack(t: VehicleTrack): TrackSummary | undefined {
  if (t.count === 0) return undefined;
  let lengthM = 0;
  let maxSpeed = 0;
  let minLat = Infinity, maxLat = -Infinity, minLon = Infinity, maxLon = -Infinity, minAlt = Infinity, maxAlt = -Infinity;
  for (let i = 0; i < t.count; i++) {
    const lat = t.lat[i]!;
    const lon = t.lon[i]!;
    const alt = t.altAboveHomeM[i]!;
    minLat = Math.min(minLat, lat); maxLat = Math.max(maxLat, lat);
    minLon = Math.min(minLon, lon); maxLon = Math.max(maxLon, lon);
    minAlt = Math.min(minAlt, alt); maxAlt = Math.max(maxAlt, alt);
    if (i > 0) {
      const d = distanceM({ lat: t.lat[i - 1]!, lon: t.lon[i - 1]! }, { lat, lon });
      lengthM += d;
      const dt = (t.bootMs[i]! - t.bootMs[i - 1]!) / 1000;
      if (dt > 0) maxSpeed = Math.max(maxSpeed, d / dt);
    }
  }
  return {
    points: t.count, lengthM, startS: t.timeS[0]!, endS: t.timeS[t.count - 1]!,
    minLat, maxLat, minLon, maxLon, minAltAboveHomeM: minAlt, maxAltAboveHomeM: maxAlt, maxSpeedBetweenFixesMps: maxSpeed,
  };
}

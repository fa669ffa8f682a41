/**
 * Along-wind / crosswind coordinates on a tangent plane: `a` metres downwind
 * (the direction the wind blows toward), `c` metres across it, positive to
 * the left of downwind (the downwind unit vector turned 90° anticlockwise,
 * as in the simulator's survey). A wind from the west blows toward the east,
 * so `a` is east and `c` is north.
 */
import { LocalFrame, windFromToUv, type LatLon } from '@nariz/core';

export class WindFrame {
  readonly local: LocalFrame;
  /** Unit vector the wind blows toward (east, north). */
  readonly downwind: readonly [number, number];
  /** Unit crosswind vector (east, north). */
  readonly crosswind: readonly [number, number];

  constructor(origin: LatLon, windFromDeg: number) {
    this.local = new LocalFrame(origin);
    const [u, v] = windFromToUv(1, windFromDeg);
    this.downwind = [u, v];
    this.crosswind = [-v, u];
  }

  /** [a, c] of a point, m. */
  toWind(lat: number, lon: number): [number, number] {
    const [e, n] = this.local.project(lat, lon);
    return this.enuToWind(e, n);
  }

  enuToWind(east: number, north: number): [number, number] {
    return [east * this.downwind[0] + north * this.downwind[1], east * this.crosswind[0] + north * this.crosswind[1]];
  }

  windToEnu(a: number, c: number): [number, number] {
    return [a * this.downwind[0] + c * this.crosswind[0], a * this.downwind[1] + c * this.crosswind[1]];
  }

  fromWind(a: number, c: number): LatLon {
    const [e, n] = this.windToEnu(a, c);
    return this.local.unproject(e, n);
  }
}

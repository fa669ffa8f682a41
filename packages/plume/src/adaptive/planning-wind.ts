/**
 * The wind to plan the next minutes with, from the sortie's recent wind
 * record: the vector mean over the last `windowS` seconds (speed and
 * direction), and the spread of the direction over that window as the
 * uncertainty of where the next plumes will point. The spread is the
 * circular standard deviation sqrt(-2 ln R), R the mean resultant length
 * of the unit wind vectors (Mardia & Jupp 2000, §2.3.4), so it holds the
 * anemometer's own error as well as the meander — on the side of wider
 * predicted plumes — and is clamped to MIN/MAX_DIRECTION_SD_DEG.
 */
import { NarizError, type Sortie } from '@nariz/core';
import { MIN_WIND_MPS } from '../gaussian.js';
import type { PlanningWind } from './detection-model.js';

export const MIN_DIRECTION_SD_DEG = 2;
export const MAX_DIRECTION_SD_DEG = 25;
/** Default window of wind record the plan uses, s. */
export const DEFAULT_WIND_WINDOW_S = 600;

const DEG = Math.PI / 180;

/** A planning wind from speed, direction it blows from (degrees) and the direction's sd (degrees). */
export function planningWind(speedMps: number, fromDeg: number, directionSdDeg: number): PlanningWind {
  const t = fromDeg * DEG;
  const sd = Math.min(MAX_DIRECTION_SD_DEG, Math.max(MIN_DIRECTION_SD_DEG, directionSdDeg));
  return { towardE: -Math.sin(t), towardN: -Math.cos(t), speedMps: Math.max(MIN_WIND_MPS, speedMps), directionSdRad: sd * DEG };
}

export function planningWindFromSortie(sortie: Sortie, windowS = DEFAULT_WIND_WINDOW_S): PlanningWind {
  const n = sortie.count;
  if (n === 0) throw new NarizError('NARIZ_USAGE', 'planningWindFromSortie: the sortie has no samples');
  const tEnd = sortie.timeS[n - 1]!;
  let su = 0;
  let sv = 0;
  let ce = 0;
  let cn = 0;
  let m = 0;
  for (let i = n - 1; i >= 0 && tEnd - sortie.timeS[i]! <= windowS; i--) {
    const u = sortie.windU[i]!;
    const v = sortie.windV[i]!;
    su += u;
    sv += v;
    const s = Math.hypot(u, v);
    if (s > 0) {
      ce += u / s;
      cn += v / s;
      m++;
    }
  }
  const count = m > 0 ? m : 1;
  const speed = Math.hypot(su, sv) / count;
  const R = Math.min(1, Math.hypot(ce, cn) / count);
  const sdDeg = R > 0 ? Math.sqrt(-2 * Math.log(R)) / DEG : MAX_DIRECTION_SD_DEG;
  // Direction the mean vector blows from (uvToWindFrom's convention).
  const fromDeg = (Math.atan2(-su, -sv) / DEG + 360) % 360;
  return planningWind(speed, fromDeg, sdDeg);
}

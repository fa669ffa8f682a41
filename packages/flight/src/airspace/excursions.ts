/**
 * The check itself: walk a sequence of positions (a flown track, or a plan's
 * route sampled finely) and report every stretch that breaks the authority,
 * as excursions with where and when they began and ended.
 *
 * Between two samples the vehicle is taken to move in a straight line
 * (longitude/latitude, altitude and time all linear), so:
 * - leaving or entering an area is placed exactly where the segment crosses
 *   the area's edge (AirspaceIndex.crossings), then confirmed by a point-in-
 *   polygon test at the segment's end (a grazed vertex cannot desynchronise
 *   the state);
 * - an altitude limit is crossed where the linear altitude reaches it;
 * - a time window opens or closes at the instant found by bisection on the
 *   segment's time span (to 1 ms).
 * A segment that leaves and comes back between two samples is an excursion
 * with no sample inside (toIndex = fromIndex - 1).
 */
import type { AltitudeLimits } from './authority.js';
import type { AirspaceIndex, Crossing } from './airspace-index.js';
import type { OpenAt } from './time-windows.js';

export type ViolationKind = 'outside-permitted' | 'inside-forbidden' | 'altitude' | 'time-window';
export const VIOLATION_KINDS: readonly ViolationKind[] = ['outside-permitted', 'inside-forbidden', 'altitude', 'time-window'];

/** A point on the track: between sample `afterIndex` and the next, at `fraction` of the way. */
export interface TrackPosition {
  readonly afterIndex: number;
  readonly fraction: number;
  readonly timeS: number;
  readonly lat: number;
  readonly lon: number;
  readonly altM: number;
}

export interface RawExcursion {
  readonly kind: ViolationKind;
  /** First sample past the exit point. */
  readonly fromIndex: number;
  /** Last sample before the re-entry point (the last sample when the track ends outside). */
  readonly toIndex: number;
  readonly exit: TrackPosition;
  /** Where the track came back; null when it ended in violation. */
  readonly reentry: TrackPosition | null;
  /** Areas involved: the forbidden areas entered, or the permitted area left. */
  readonly areas: readonly string[];
  /** For altitude: the highest (or lowest) altitude reached, m. */
  readonly extremeAltM?: number;
}

export interface Samples {
  readonly count: number;
  readonly timeS: ArrayLike<number>;
  readonly lat: ArrayLike<number>;
  readonly lon: ArrayLike<number>;
  readonly altM: ArrayLike<number>;
  /** Whether the minimum altitude applies at a sample (default: everywhere). */
  readonly minAltitudeApplies?: (i: number) => boolean;
}

export interface ScanRules {
  readonly index: AirspaceIndex;
  readonly altitude: AltitudeLimits;
  /** Whether flying is allowed at a sample's time; undefined: no time rule. */
  readonly openAt?: OpenAt;
  readonly kinds?: readonly ViolationKind[];
}

interface Open {
  fromIndex: number;
  exit: TrackPosition;
  areas: Set<string>;
  extreme: number;
}

export function scanExcursions(s: Samples, rules: ScanRules): RawExcursion[] {
  const n = s.count;
  const out: RawExcursion[] = [];
  if (n === 0) return out;
  const kinds = new Set(rules.kinds ?? VIOLATION_KINDS);
  const idx = rules.index;
  const { timeS, lat, lon, altM } = s;
  const maxM = rules.altitude.maxM;
  const minM = rules.altitude.minM;
  const minApplies = s.minAltitudeApplies ?? (() => true);
  const openAt = rules.openAt;

  const parity = new Uint8Array(idx.areaCount);
  const check = new Uint8Array(idx.areaCount);
  const hits: Crossing[] = [];
  let insidePermitted = 0;
  let insideForbidden = 0;
  const recount = (): void => {
    insidePermitted = 0;
    insideForbidden = 0;
    for (let a = 0; a < idx.areaCount; a++) {
      if (parity[a] === 1) {
        if (a < idx.permittedCount) insidePermitted++;
        else insideForbidden++;
      }
    }
  };
  const outsideP = (): boolean => idx.permittedCount > 0 && insidePermitted === 0;
  const forbidden = (): boolean => insideForbidden > 0;
  const forbiddenNames = (): string[] => {
    const names: string[] = [];
    for (let a = idx.permittedCount; a < idx.areaCount; a++) if (parity[a] === 1) names.push(idx.names[a]!);
    return names;
  };
  const altBad = (i: number): boolean => altM[i]! > maxM || (minM !== undefined && minApplies(i) && altM[i]! < minM);

  const at = (i: number, f: number): TrackPosition => {
    if (f === 0 || i + 1 >= n) return { afterIndex: i, fraction: 0, timeS: timeS[i]!, lat: lat[i]!, lon: lon[i]!, altM: altM[i]! };
    const j = i + 1;
    return {
      afterIndex: i,
      fraction: f,
      timeS: timeS[i]! + f * (timeS[j]! - timeS[i]!),
      lat: lat[i]! + f * (lat[j]! - lat[i]!),
      lon: lon[i]! + f * (lon[j]! - lon[i]!),
      altM: altM[i]! + f * (altM[j]! - altM[i]!),
    };
  };

  const open = new Map<ViolationKind, Open>();
  const start = (kind: ViolationKind, fromIndex: number, exit: TrackPosition, areas: readonly string[]): void => {
    if (!kinds.has(kind) || open.has(kind)) return;
    open.set(kind, { fromIndex, exit, areas: new Set(areas), extreme: exit.altM });
  };
  const end = (kind: ViolationKind, toIndex: number, reentry: TrackPosition | null): void => {
    const o = open.get(kind);
    if (o === undefined) return;
    open.delete(kind);
    out.push({ kind, fromIndex: o.fromIndex, toIndex, exit: o.exit, reentry, areas: [...o.areas], ...(kind === 'altitude' ? { extremeAltM: o.extreme } : {}) });
  };

  // Sample 0.
  idx.locate(lon[0]!, lat[0]!, parity);
  recount();
  const p0 = at(0, 0);
  if (outsideP()) start('outside-permitted', 0, p0, []);
  if (forbidden()) start('inside-forbidden', 0, p0, forbiddenNames());
  if (altBad(0)) start('altitude', 0, p0, []);
  let isOpen = openAt === undefined ? true : openAt(timeS[0]!);
  if (!isOpen) start('time-window', 0, p0, []);

  for (let i = 1; i < n; i++) {
    const a = i - 1;
    // Space: only edges crossed by the segment can change the state.
    if (lon[a] !== lon[i] || lat[a] !== lat[i]) {
      const m = idx.crossings(lon[a]!, lat[a]!, lon[i]!, lat[i]!, hits);
      if (m > 0) {
        for (let h = 0; h < m; h++) {
          const hit = hits[h]!;
          const wasOut = outsideP();
          const wasForbidden = forbidden();
          const leftName = idx.names[hit.area]!;
          parity[hit.area]! ^= 1;
          recount();
          const pos = (): TrackPosition => at(a, hit.t);
          if (!wasOut && outsideP()) start('outside-permitted', i, pos(), [leftName]);
          else if (wasOut && !outsideP()) end('outside-permitted', a, pos());
          if (!wasForbidden && forbidden()) start('inside-forbidden', i, pos(), forbiddenNames());
          else if (wasForbidden && !forbidden()) end('inside-forbidden', a, pos());
          else if (forbidden()) for (const nm of forbiddenNames()) open.get('inside-forbidden')?.areas.add(nm);
        }
        // Confirm against a point-in-polygon test at the segment's end.
        idx.locate(lon[i]!, lat[i]!, check);
        let same = true;
        for (let k = 0; k < idx.areaCount; k++) if (check[k] !== parity[k]) same = false;
        if (!same) {
          const wasOut = outsideP();
          const wasForbidden = forbidden();
          parity.set(check);
          recount();
          const pos = at(i, 0);
          if (!wasOut && outsideP()) start('outside-permitted', i, pos, []);
          else if (wasOut && !outsideP()) end('outside-permitted', a, pos);
          if (!wasForbidden && forbidden()) start('inside-forbidden', i, pos, forbiddenNames());
          else if (wasForbidden && !forbidden()) end('inside-forbidden', a, pos);
        }
      }
    }

    // Altitude.
    const wasBad = open.has('altitude');
    const bad = altBad(i);
    if (bad !== wasBad && kinds.has('altitude')) {
      const z0 = altM[a]!;
      const z1 = altM[i]!;
      const limit = z1 > maxM || z0 > maxM ? maxM : (minM ?? maxM);
      const f = z1 !== z0 ? Math.min(1, Math.max(0, (limit - z0) / (z1 - z0))) : 1;
      if (bad) start('altitude', i, at(a, f), []);
      else end('altitude', a, at(a, f));
    }
    const o = open.get('altitude');
    if (o !== undefined) o.extreme = altM[i]! > maxM || minM === undefined ? Math.max(o.extreme, altM[i]!) : Math.min(o.extreme, altM[i]!);

    // Time windows.
    if (openAt !== undefined) {
      const now = openAt(timeS[i]!);
      if (now !== isOpen) {
        let lo = timeS[a]!;
        let hi = timeS[i]!;
        while (hi - lo > 1e-3) {
          const mid = 0.5 * (lo + hi);
          if (openAt(mid) === isOpen) lo = mid;
          else hi = mid;
        }
        const span = timeS[i]! - timeS[a]!;
        const pos = at(a, span > 0 ? (hi - timeS[a]!) / span : 1);
        if (!now) start('time-window', i, pos, []);
        else end('time-window', a, pos);
        isOpen = now;
      }
    }
  }
  for (const kind of [...open.keys()]) end(kind, n - 1, null);
  return out.sort((x, y) => x.exit.timeS - y.exit.timeS || VIOLATION_KINDS.indexOf(x.kind) - VIOLATION_KINDS.indexOf(y.kind));
}

/**
 * Checking a flown track (an uploaded sortie or live batches) against an
 * authority: where and when it left permitted airspace, entered forbidden
 * airspace, broke an altitude limit or flew outside the time windows.
 * A `Sortie` (core) is a valid input: it has timeS (Unix seconds), lat, lon
 * and altAglM.
 */
import { NarizError } from '@nariz/core';
import { airspaceIndex } from './airspace-index.js';
import type { Authority, BoundarySource } from './authority.js';
import { scanExcursions, type TrackPosition, type ViolationKind } from './excursions.js';
import { compileTimeWindows } from './time-windows.js';

export interface TrackInput {
  /** Samples to check (default: the length of timeS). */
  readonly count?: number;
  /** Unix seconds (UTC). */
  readonly timeS: ArrayLike<number>;
  readonly lat: ArrayLike<number>;
  readonly lon: ArrayLike<number>;
  /** Height above ground, m. */
  readonly altAglM: ArrayLike<number>;
}

export interface Excursion {
  readonly kind: ViolationKind;
  /** First sample past the exit point. */
  readonly fromIndex: number;
  /** Last sample before the re-entry (fromIndex - 1 when the excursion fell between two samples). */
  readonly toIndex: number;
  /** When it left, Unix seconds (interpolated). */
  readonly fromTimeS: number;
  /** When it came back (or the last sample's time when it never did). */
  readonly toTimeS: number;
  readonly exit: TrackPosition;
  readonly reentry: TrackPosition | null;
  readonly areas: readonly string[];
  readonly message: string;
}

export interface TrackCheck {
  readonly authorityId: string;
  readonly boundarySource: BoundarySource;
  readonly samples: number;
  readonly excursions: readonly Excursion[];
}

export interface TrackCheckOptions {
  /** Which kinds to report (default all four). */
  readonly kinds?: readonly ViolationKind[];
}

export function checkTrack(track: TrackInput, authority: Authority, options: TrackCheckOptions = {}): TrackCheck {
  const count = track.count ?? track.timeS.length;
  if (track.lat.length < count || track.lon.length < count || track.altAglM.length < count || track.timeS.length < count) {
    throw new NarizError('NARIZ_USAGE', `checkTrack: every column needs ${count} samples`);
  }
  const raw = scanExcursions(
    { count, timeS: track.timeS, lat: track.lat, lon: track.lon, altM: track.altAglM },
    {
      index: airspaceIndex(authority),
      altitude: authority.altitude,
      openAt: compileTimeWindows(authority.timeWindows),
      ...(options.kinds === undefined ? {} : { kinds: options.kinds }),
    },
  );
  const excursions = raw.map((r): Excursion => {
    const toTimeS = r.reentry === null ? track.timeS[count - 1]! : r.reentry.timeS;
    return { ...r, fromTimeS: r.exit.timeS, toTimeS, message: describeExcursion(r.kind, r.areas, r.exit, r.reentry, authority, r.extremeAltM) };
  });
  return { authorityId: authority.id, boundarySource: authority.boundarySource, samples: count, excursions };
}

export function describeExcursion(kind: ViolationKind, areas: readonly string[], exit: TrackPosition, reentry: TrackPosition | null, authority: Authority, extremeAltM?: number): string {
  const where = (p: TrackPosition): string => `${p.lat.toFixed(5)}, ${p.lon.toFixed(5)} at ${new Date(p.timeS * 1000).toISOString()}`;
  const back = reentry === null ? 'and did not come back before the track ended' : `until ${where(reentry)}`;
  switch (kind) {
    case 'outside-permitted':
      return `left the permitted airspace${areas.length > 0 ? ` (${areas.join(', ')})` : ''} at ${where(exit)} ${back}`;
    case 'inside-forbidden':
      return `entered forbidden airspace (${areas.join(', ')}) at ${where(exit)} ${back}`;
    case 'altitude':
      return `broke the altitude limits (${authority.altitude.minM === undefined ? '' : `${authority.altitude.minM}–`}${authority.altitude.maxM} m above ground${extremeAltM === undefined ? '' : `; reached ${extremeAltM.toFixed(1)} m`}) at ${where(exit)} ${back}`;
    case 'time-window':
      return `flew outside the authority's time windows from ${where(exit)} ${back}`;
  }
}

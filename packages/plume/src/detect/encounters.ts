/**
 * Multi-species plume encounters: per-species events that overlap in time
 * (or nearly so) are one crossing of one plume. For each encounter window
 * the integrated excess of EVERY species is reported, detected or not:
 * a species that stayed at background is evidence too (no HCl argues
 * against a lab), and classification needs its value and uncertainty.
 *
 * Why integrals: for co-located sources in the same wind, the plume model is
 * linear in the emission rate (Gaussian plume, Turner 1970), so the ratio of
 * time-integrated excess concentrations across one crossing equals the ratio
 * of mass emission rates, whatever the dilution.
 */
import { NarizError } from '@nariz/core';
import { windowExcess } from './excess.js';
import type { SpeciesDetection } from './sortie.js';

export interface EncounterOptions {
  /** Events of any species closer than this in time join one encounter, s (default 3). */
  readonly gapS?: number;
  /** Widen the integration window by this much on each side, s, to catch slow sensors (default 0). */
  readonly padS?: number;
}

export interface EncounterSpecies {
  readonly key: string;
  /** True when this species had an event inside the encounter. */
  readonly detected: boolean;
  /** Sum of excess x dt over the encounter window, kg/m^3 s. */
  readonly integratedExcess: number;
  readonly integratedExcessSd: number;
  readonly peakExcess: number;
  readonly peakZ: number;
}

export interface PlumeEncounter {
  readonly startIndex: number;
  /** Inclusive. */
  readonly endIndex: number;
  readonly startTimeS: number;
  readonly endTimeS: number;
  /** Keys of species with an event in the encounter, in input order. */
  readonly detectedSpecies: string[];
  /** Every input species, detected or not. */
  readonly excessBySpecies: Record<string, EncounterSpecies>;
}

export type EncounterInput = Pick<SpeciesDetection, 'key' | 'values' | 'background' | 'events'> & {
  readonly noiseSd: number | Float64Array;
};

export function mergeMultiSpecies(timeS: Float64Array, detections: readonly EncounterInput[], opts: EncounterOptions = {}): PlumeEncounter[] {
  const gapS = opts.gapS ?? 3;
  const padS = opts.padS ?? 0;
  if (!(gapS >= 0) || !(padS >= 0)) throw new NarizError('NARIZ_USAGE', `gapS and padS must be >= 0 s, got ${gapS} and ${padS}`);
  const n = timeS.length;
  const keys = new Set<string>();
  for (const d of detections) {
    if (d.values.length !== n || d.background.length !== n) {
      throw new NarizError('NARIZ_USAGE', `species "${d.key}" has ${d.values.length} samples but timeS has ${n}; detections must come from one sortie`);
    }
    if (keys.has(d.key)) throw new NarizError('NARIZ_USAGE', `species "${d.key}" appears twice`);
    keys.add(d.key);
  }

  // Sweep all events by start time, joining intervals that overlap or nearly touch.
  const all: Array<{ s: number; e: number; key: string }> = [];
  for (const d of detections) for (const ev of d.events) all.push({ s: ev.startIndex, e: ev.endIndex, key: d.key });
  all.sort((a, b) => a.s - b.s || a.e - b.e);

  const groups: Array<{ s: number; e: number; keys: Set<string> }> = [];
  for (const ev of all) {
    const g = groups[groups.length - 1];
    if (g !== undefined && (ev.s <= g.e || timeS[ev.s]! - timeS[g.e]! < gapS)) {
      if (ev.e > g.e) g.e = ev.e;
      g.keys.add(ev.key);
    } else {
      groups.push({ s: ev.s, e: ev.e, keys: new Set([ev.key]) });
    }
  }

  return groups.map((g) => {
    let s = g.s;
    let e = g.e;
    while (s > 0 && timeS[s - 1]! >= timeS[g.s]! - padS) s--;
    while (e < n - 1 && timeS[e + 1]! <= timeS[g.e]! + padS) e++;
    const excessBySpecies: Record<string, EncounterSpecies> = {};
    for (const d of detections) {
      const w = windowExcess(timeS, d.values, d.background, d.noiseSd, s, e);
      excessBySpecies[d.key] = {
        key: d.key,
        detected: g.keys.has(d.key),
        integratedExcess: w.integratedExcess,
        integratedExcessSd: w.integratedExcessSd,
        peakExcess: w.peakExcess,
        peakZ: w.peakZ,
      };
    }
    return {
      startIndex: s,
      endIndex: e,
      startTimeS: timeS[s]!,
      endTimeS: timeS[e]!,
      detectedSpecies: detections.filter((d) => g.keys.has(d.key)).map((d) => d.key),
      excessBySpecies,
    };
  });
}

/**
 * Hazard zones around the suspected labs of a localisation, for residents
 * and ground teams: for each source more likely a lab than not, the zones
 * of an acid release at the upper end of its 95 % rate interval (erring on
 * the side of the people nearby), in the sortie's mean wind and most
 * probable stability class. Pure: the caller gives the sortie and result.
 */
import { builtinChemicals, NarizError, STABILITY_CLASSES, uvToWindFrom, type ChemicalTable, type Sortie, type StabilityClass } from '@nariz/core';
import { computeHazardZones } from '../hazard/zones.js';
import { hazardGeoJson } from '../hazard/geojson.js';
import type { LocateResult } from './locate-sortie.js';

export interface LabHazardOptions {
  /** Species key whose rate drives the zones (default 'hcl'). */
  readonly species?: string;
  /** Lab probability above which a source gets zones (default 0.5). */
  readonly minLabProbability?: number;
  /** Assumed vent height, m (default 3: a house's window or roof vent). */
  readonly sourceHeightM?: number;
  readonly chemicals?: ChemicalTable;
}

export interface LabHazards {
  readonly type: 'FeatureCollection';
  readonly features: unknown[];
  /** One line per source: why it has no zone, or how far its zones reach. */
  readonly notes: string[];
}

export function labHazards(sortie: Sortie, result: LocateResult, o: LabHazardOptions = {}): LabHazards {
  const key = o.species ?? 'hcl';
  const chemical = (o.chemicals ?? builtinChemicals()).require(key);
  let mu = 0;
  let mv = 0;
  for (let i = 0; i < sortie.count; i++) {
    mu += sortie.windU[i]!;
    mv += sortie.windV[i]!;
  }
  const wind = uvToWindFrom(mu / sortie.count, mv / sortie.count);
  const stability = STABILITY_CLASSES.reduce<StabilityClass>((a, c) => (result.stability.posterior[c] > result.stability.posterior[a] ? c : a), 'D');
  const features: unknown[] = [];
  const notes: string[] = [];
  result.sources.forEach((s, i) => {
    if (s.labProbability < (o.minLabProbability ?? 0.5)) return;
    const rate = s.rateCi95Gps[key]?.[1];
    if (rate === undefined || !(rate > 0)) {
      notes.push(`S${i + 1}: no ${key} rate, no zone`);
      return;
    }
    if (wind.speedMps < 1) {
      notes.push(`S${i + 1}: mean wind ${wind.speedMps.toFixed(1)} m/s is below the plume model's 1 m/s, no zone`);
      return;
    }
    try {
      const hz = computeHazardZones({ lat: s.lat, lon: s.lon, chemical, rateGps: rate, windSpeedMps: wind.speedMps, windFromDeg: wind.fromDeg, stability, sourceHeightM: o.sourceHeightM ?? 3 });
      for (const f of hazardGeoJson(hz).features) features.push({ ...f, properties: { ...f.properties, source_index: i } });
      const far = hz.zones.filter((z) => z.exceeded).map((z) => `${z.label} to ${z.maxDownwindM.toFixed(0)} m`).join(', ');
      notes.push(`S${i + 1}: ${chemical.name} at ${rate.toFixed(2)} g/s (upper 95 %): ${far || 'no threshold exceeded'}`);
    } catch (e) {
      if (!(e instanceof NarizError)) throw e;
      notes.push(`S${i + 1}: hazard zone skipped: ${e.message}`);
    }
  });
  return { type: 'FeatureCollection', features, notes };
}

/**
 * Sovereign airspace from the embedded boundaries: a country's land plus
 * its territorial sea, approximated as the sea within 12 nautical miles
 * (22 224 m; UNCLOS art. 3) of its Natural Earth coastline.
 *
 * Where two countries' 12-mile belts overlap (an estuary or strait shared
 * with a neighbour, e.g. the Ems–Dollard or the Western Scheldt), the real
 * boundary is an agreed line or the median line (UNCLOS art. 15); Natural
 * Earth has neither, so the approximation is conservative: the sea within
 * 12 miles of another country's coast counts as that country's, even where
 * it is also within 12 miles of one's own. Land always belongs to the
 * country it is in: a foreign belt never covers the own country's land.
 */
import * as turf from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import type { AirspaceArea } from './authority.js';
import { asMulti, bboxOf, boxesOverlap, bufferLand, padBox, type BBox } from './land-buffer.js';
import { embeddedCountry, otherCountries } from './world.js';

export const NAUTICAL_MILE_M = 1852;
export const TERRITORIAL_SEA_NM = 12;
export const TERRITORIAL_SEA_M = TERRITORIAL_SEA_NM * NAUTICAL_MILE_M;

/**
 * Every other country's land and territorial sea reaching into `window`, as
 * one area per country, with the own country's land taken out.
 */
export function foreignAirspace(ownId: string, window: BBox): AirspaceArea[] {
  const own = embeddedCountry(ownId);
  const reach = padBox(window, TERRITORIAL_SEA_M * 1.05);
  const ownHere = turf.intersect(turf.featureCollection<Polygon | MultiPolygon>([turf.multiPolygon(own.land.coordinates), turf.bboxPolygon([...padBox(window, 50_000)])]));
  const out: AirspaceArea[] = [];
  for (const other of otherCountries(ownId)) {
    if (!boxesOverlap(bboxOf(other.land), reach)) continue;
    const sovereign = bufferLand(other.land, TERRITORIAL_SEA_M, window);
    if (sovereign === null) continue;
    let geometry: MultiPolygon | null = sovereign;
    if (ownHere !== null && boxesOverlap(bboxOf(sovereign), bboxOf(asMulti(ownHere.geometry)))) {
      const d = turf.difference(turf.featureCollection<Polygon | MultiPolygon>([turf.multiPolygon(sovereign.coordinates), ownHere]));
      geometry = d === null ? null : asMulti(d.geometry);
    }
    if (geometry === null) continue;
    out.push({
      type: 'Feature',
      geometry,
      properties: { name: `${other.name} (land and 12 nm territorial sea)`, ...(other.id === undefined ? {} : { countryId: other.id }) },
    });
  }
  return out;
}

/** A country's land and 12-mile belt within `window` (foreign belts not taken out). */
export function ownAirspace(countryId: string, window: BBox): MultiPolygon | null {
  return bufferLand(embeddedCountry(countryId).land, TERRITORIAL_SEA_M, window);
}

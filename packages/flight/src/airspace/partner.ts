/**
 * A partner authority: a crew operating in a partner country under a
 * coordination agreement may fly only inside the agreed coordination zones,
 * and only where those lie in the partner country's airspace (its land and
 * 12-mile belt, sovereign-airspace.ts). Each zone is intersected with the
 * country's land grown by 12 nm and then has every other country's land and
 * belt taken out (the grown coast also reaches over a neighbour's land near
 * the border). Those foreign areas near the zones are also listed as
 * forbidden, so a route that leaves a zone across a border says which
 * country it entered.
 */
import { NarizError } from '@nariz/core';
import * as turf from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { DEFAULT_MAX_ALTITUDE_M, type AirspaceArea, type AltitudeLimits, type Authority, type TimeWindow } from './authority.js';
import { asMulti, bboxOf, padBox, type BBox } from './land-buffer.js';
import { EMBEDDED_NOTE } from './national.js';
import { foreignAirspace, ownAirspace } from './sovereign-airspace.js';
import { EMBEDDED_DATASET, embeddedCountry, normaliseCountryId } from './world.js';

export type CoordinationZone = Polygon | MultiPolygon | Feature<Polygon | MultiPolygon, { name?: string; note?: string } | null>;

export interface PartnerOptions {
  readonly id?: string;
  readonly name?: string;
  readonly description?: string;
  readonly altitude?: AltitudeLimits;
  readonly timeWindows?: readonly TimeWindow[];
}

export function partnerAuthority(countryId: string | number, zones: readonly CoordinationZone[], options: PartnerOptions = {}): Authority {
  const id = normaliseCountryId(countryId);
  const country = embeddedCountry(id);
  if (zones.length === 0) throw new NarizError('NARIZ_USAGE', 'a partner authority needs at least one coordination zone');
  const geometries = zones.map((z) => asMulti(z.type === 'Feature' ? z.geometry : z));
  const boxes = geometries.map(bboxOf);
  const box: BBox = [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1])), Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
  const forbidden = foreignAirspace(id, padBox(box, 10_000));
  const permitted: AirspaceArea[] = [];
  zones.forEach((z, i) => {
    const geometry = geometries[i]!;
    const props = z.type === 'Feature' ? z.properties ?? {} : {};
    // The zone within the country's land and 12-mile belt, less every foreign land and belt
    // (the buffer of the coast also reaches over neighbouring land).
    const airspace = ownAirspace(id, padBox(boxes[i]!, 1000));
    let inside: Feature<Polygon | MultiPolygon> | null = airspace === null ? null : turf.intersect(turf.featureCollection<Polygon | MultiPolygon>([turf.multiPolygon(geometry.coordinates), turf.multiPolygon(airspace.coordinates)]));
    for (const f of forbidden) {
      if (inside === null) break;
      inside = turf.difference(turf.featureCollection<Polygon | MultiPolygon>([inside, f]));
    }
    if (inside === null) return;
    permitted.push({
      type: 'Feature',
      geometry: asMulti(inside.geometry),
      properties: {
        name: props.name ?? `Coordination zone ${i + 1}`,
        note: `${props.note === undefined ? '' : `${props.note} `}Clipped to ${country.name}'s land and territorial sea.`,
        countryId: id,
      },
    });
  });
  if (permitted.length === 0) throw new NarizError('NARIZ_USAGE', `no coordination zone lies in ${country.name}'s airspace`);
  return {
    id: options.id ?? `partner-${id}`,
    name: options.name ?? `Partner: ${country.name} coordination zones`,
    description: options.description ?? `Flights only inside the coordination zones agreed with ${country.name}, within its land and territorial sea.`,
    boundarySource: { kind: 'embedded', name: EMBEDDED_DATASET, note: EMBEDDED_NOTE },
    permitted,
    forbidden,
    altitude: options.altitude ?? { maxM: DEFAULT_MAX_ALTITUDE_M },
    ...(options.timeWindows === undefined ? {} : { timeWindows: options.timeWindows }),
  };
}

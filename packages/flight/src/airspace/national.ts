/**
 * The default national authority: a crew of one country may fly over its
 * own land, its own territorial sea and international waters (overflight of
 * other countries' exclusive economic zones is free: UNCLOS art. 58), but
 * not over any other country's land or territorial sea.
 *
 * It is computed within regional windows, not over the whole world: each
 * cluster of the country's land (mainland, islands, overseas parts) gets its
 * bounding box grown by `windowMarginKm` (default 300 km); overlapping boxes
 * merge. Permitted: the windows. Forbidden: every other country's land and
 * 12-mile belt reaching into a window (sovereign-airspace.ts). Beyond the
 * windows the authority permits nothing: a plan there is "outside
 * permitted". Windows do not wrap across the antimeridian.
 *
 * Computed once per country and margin and kept in memory.
 */
import { NarizError } from '@nariz/core';
import type { MultiPolygon, Position } from 'geojson';
import { DEFAULT_MAX_ALTITUDE_M, type AirspaceArea, type AltitudeLimits, type Authority, type TimeWindow } from './authority.js';
import { boxesOverlap, padBox, type BBox } from './land-buffer.js';
import { foreignAirspace } from './sovereign-airspace.js';
import { EMBEDDED_DATASET, embeddedCountry, normaliseCountryId } from './world.js';

export const DEFAULT_WINDOW_MARGIN_KM = 300;

export const EMBEDDED_NOTE =
  'Natural Earth 1:50m approximation: the coastline is generalised (errors of a kilometre or more), so the 12 nm line is approximate; ' +
  'official baselines (low-water line, straight baselines across bays and islands) and agreed maritime boundaries differ. ' +
  'Where two countries\' 12 nm belts overlap the sea counts as the other country\'s. Load an official boundary file to replace it.';

export interface NationalOptions {
  readonly windowMarginKm?: number;
  readonly id?: string;
  readonly name?: string;
  readonly description?: string;
  readonly altitude?: AltitudeLimits;
  readonly timeWindows?: readonly TimeWindow[];
}

const cache = new Map<string, Authority>();

export function nationalAuthority(countryId: string | number, options: NationalOptions = {}): Authority {
  const id = normaliseCountryId(countryId);
  const margin = options.windowMarginKm ?? DEFAULT_WINDOW_MARGIN_KM;
  if (!(margin > 0 && margin <= 2000)) throw new NarizError('NARIZ_USAGE', `windowMarginKm ${margin} must be in (0, 2000]`);
  const key = `${id}|${margin}`;
  let base = cache.get(key);
  if (base === undefined) {
    base = build(id, margin);
    cache.set(key, base);
  }
  return {
    ...base,
    ...(options.id === undefined ? {} : { id: options.id }),
    ...(options.name === undefined ? {} : { name: options.name }),
    ...(options.description === undefined ? {} : { description: options.description }),
    ...(options.altitude === undefined ? {} : { altitude: options.altitude }),
    ...(options.timeWindows === undefined ? {} : { timeWindows: options.timeWindows }),
  };
}

function build(id: string, marginKm: number): Authority {
  const country = embeddedCountry(id);
  const windows = regionalWindows(country.land, marginKm * 1000);
  const permitted: AirspaceArea[] = windows.map((w, i) => ({
    type: 'Feature',
    geometry: boxPolygon(w),
    properties: {
      name: windows.length === 1 ? `${country.name} region (+${marginKm} km)` : `${country.name} region ${i + 1} of ${windows.length} (+${marginKm} km)`,
      note: `Own land, own territorial sea and international waters within ${marginKm} km of ${country.name}'s land; other countries' land and territorial sea are forbidden.`,
      countryId: id,
    },
  }));
  const forbidden = windows.flatMap((w) => foreignAirspace(id, w));
  return {
    id: `national-${id}`,
    name: `National: ${country.name}`,
    description: `Flights over ${country.name}'s land and territorial sea and over international waters; never over another country's land or territorial sea.`,
    boundarySource: { kind: 'embedded', name: EMBEDDED_DATASET, note: EMBEDDED_NOTE },
    permitted,
    forbidden,
    altitude: { maxM: DEFAULT_MAX_ALTITUDE_M },
  };
}

/** Bounding boxes of the land's polygons grown by marginM, merged while any two overlap. */
export function regionalWindows(land: MultiPolygon, marginM: number): BBox[] {
  let boxes: BBox[] = land.coordinates.map((poly) => padBox(ringBox(poly[0] ?? []), marginM));
  for (let merged = true; merged; ) {
    merged = false;
    outer: for (let i = 0; i < boxes.length; i++) {
      for (let k = i + 1; k < boxes.length; k++) {
        const a = boxes[i]!;
        const b = boxes[k]!;
        if (boxesOverlap(a, b)) {
          const u: BBox = [Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[2], b[2]), Math.max(a[3], b[3])];
          boxes = [...boxes.slice(0, i), u, ...boxes.slice(i + 1, k), ...boxes.slice(k + 1)];
          merged = true;
          break outer;
        }
      }
    }
  }
  return boxes.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
}

function ringBox(ring: readonly Position[]): BBox {
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const p of ring) {
    w = Math.min(w, p[0]!);
    e = Math.max(e, p[0]!);
    s = Math.min(s, p[1]!);
    n = Math.max(n, p[1]!);
  }
  return [w, s, e, n];
}

function boxPolygon(b: BBox): MultiPolygon {
  return { type: 'MultiPolygon', coordinates: [[[[b[0], b[1]], [b[2], b[1]], [b[2], b[3]], [b[0], b[3]], [b[0], b[1]]]]] };
}

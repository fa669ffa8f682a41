/**
 * The authorities Nariz ships, built from the embedded boundaries on first
 * use and kept in memory. The demo region is the simulator's default origin
 * (Utrecht, the Netherlands). The coordination zones are EXAMPLES, not
 * agreements: the second one deliberately straddles the German border near
 * Enschede to show a zone being clipped to the partner country.
 */
import { NarizError } from '@nariz/core';
import type { Feature, Polygon } from 'geojson';
import type { Authority } from './authority.js';
import { nationalAuthority } from './national.js';
import { partnerAuthority } from './partner.js';

/** The simulator's default origin (sim RANDOM_SCENARIO_ORIGIN). */
export const DEMO_ORIGIN = { lat: 52.0907, lon: 5.1214 } as const;
/** ISO 3166-1 numeric code of the Netherlands. */
export const DEMO_COUNTRY_ID = '528';

function box(name: string, note: string, w: number, s: number, e: number, n: number): Feature<Polygon, { name: string; note: string }> {
  return { type: 'Feature', properties: { name, note }, geometry: { type: 'Polygon', coordinates: [[[w, s], [e, s], [e, n], [w, n], [w, s]]] } };
}

export const DEMO_COORDINATION_ZONES: ReadonlyArray<Feature<Polygon, { name: string; note: string }>> = [
  box('Example zone: Utrecht demo region', 'Example only, not an agreed zone.', 4.87, 51.94, 5.37, 52.24),
  box('Example zone: Enschede border area', 'Example only, not an agreed zone; it extends into Germany to show clipping.', 6.75, 52.12, 7.15, 52.32),
];

export interface DefaultAuthorityEntry {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** Build (first call) or fetch the cached authority. */
  load(): Authority;
}

function entry(id: string, name: string, description: string, build: () => Authority): DefaultAuthorityEntry {
  let cached: Authority | undefined;
  return {
    id,
    name,
    description,
    load: () => (cached ??= { ...build(), id, name, description }),
  };
}

export const DEFAULT_AUTHORITIES: readonly DefaultAuthorityEntry[] = [
  entry(
    'national-nl',
    'National authority (Netherlands)',
    'A crew under Dutch authority: Dutch land and territorial sea and international waters; never another country\'s land or territorial sea. Ceiling 120 m.',
    () => nationalAuthority(DEMO_COUNTRY_ID),
  ),
  entry(
    'partner-nl-example',
    'Partner authority: Netherlands coordination zones (example)',
    'A foreign crew working with the Netherlands: only inside the example coordination zones, within Dutch land and territorial sea. Ceiling 120 m.',
    () => partnerAuthority(DEMO_COUNTRY_ID, DEMO_COORDINATION_ZONES),
  ),
];

export const DEFAULT_AUTHORITY_IDS: readonly string[] = DEFAULT_AUTHORITIES.map((d) => d.id);

export function defaultAuthority(id: string): Authority {
  const e = DEFAULT_AUTHORITIES.find((x) => x.id === id);
  if (e === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no default authority "${id}" (known: ${DEFAULT_AUTHORITIES.map((x) => x.id).join(', ')})`);
  return e.load();
}

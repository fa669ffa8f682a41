/** GET /api/app-config (no sign-in): what the deployment offers the app. */
import { fields, nullable, str } from './read.js';

export interface AppConfig {
  readonly version: string;
  /** A PMTiles basemap supplied by the deployment, or null for the embedded Natural Earth one. */
  readonly pmtilesUrl: string | null;
  readonly demo: boolean;
  /** ISO 3166-1 alpha-3: the deployment's own country, which the server adds to every REL TO list. */
  readonly ownCountry: string;
}

export function readAppConfig(v: unknown): AppConfig {
  const f = fields(v, 'app-config');
  return { version: f.str('version'), pmtilesUrl: f.get('pmtiles_url', nullable(str)), demo: f.bool('demo'), ownCountry: f.str('own_country') };
}

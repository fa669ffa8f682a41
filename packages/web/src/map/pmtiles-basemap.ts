/**
 * The deployment's own basemap, when /api/app-config names a PMTiles file
 * (served by the Nariz server with HTTP range requests). Raster archives are
 * drawn as they are; vector archives get a plain dark style derived from
 * their layer names, since their schema is the deployment's choice. Either
 * goes under the overlays, and the embedded basemap (Natural Earth and the
 * GeoNames places) is hidden.
 */
import maplibregl, { type LayerSpecification, type Map as MapLibreMap } from 'maplibre-gl';
import { PMTiles, Protocol, TileType } from 'pmtiles';
import { LABEL_FONT } from './label-font.js';
import { EMBEDDED_BASEMAP_LAYERS, FIRST_OVERLAY, SRC } from './layer-ids.js';

let protocol: Protocol | null = null;

function theProtocol(): Protocol {
  if (protocol === null) {
    protocol = new Protocol();
    maplibregl.addProtocol('pmtiles', protocol.tile);
  }
  return protocol;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The `vector_layers` ids of a PMTiles archive's metadata (TileJSON-like). */
function vectorLayerIds(metadata: unknown): string[] {
  if (!isRecord(metadata) || !Array.isArray(metadata['vector_layers'])) return [];
  const ids: string[] = [];
  for (const l of metadata['vector_layers']) if (isRecord(l) && typeof l['id'] === 'string') ids.push(l['id']);
  return ids;
}

function vectorLayers(ids: readonly string[]): LayerSpecification[] {
  const out: LayerSpecification[] = [];
  const src = SRC.pmtiles;
  for (const id of ids) {
    const base = { source: src, 'source-layer': id };
    if (/water|ocean|lake|sea|river/i.test(id)) {
      out.push({ id: `pm-${id}-fill`, type: 'fill', ...base, paint: { 'fill-color': '#0d2131' } });
    } else if (/land|park|wood|forest|grass|natural|earth/i.test(id)) {
      out.push({ id: `pm-${id}-fill`, type: 'fill', ...base, paint: { 'fill-color': '#1a2620', 'fill-opacity': 0.6 } });
    } else if (/building/i.test(id)) {
      out.push({ id: `pm-${id}-fill`, type: 'fill', ...base, minzoom: 13, paint: { 'fill-color': '#2a3441' } });
    } else if (/road|transport|street|highway/i.test(id)) {
      out.push({ id: `pm-${id}-line`, type: 'line', ...base, paint: { 'line-color': '#5d6d7f', 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.4, 16, 3] } });
    } else if (/boundar|admin/i.test(id)) {
      out.push({ id: `pm-${id}-line`, type: 'line', ...base, paint: { 'line-color': '#7a8796', 'line-dasharray': [3, 2] } });
    } else if (/place|label|poi/i.test(id)) {
      out.push({
        id: `pm-${id}-label`,
        type: 'symbol',
        ...base,
        layout: { 'text-field': ['coalesce', ['get', 'name'], ''], 'text-font': LABEL_FONT, 'text-size': 12 },
        paint: { 'text-color': '#c9d3dd', 'text-halo-color': '#0a1622', 'text-halo-width': 1.2 },
      });
    } else {
      out.push({ id: `pm-${id}-line`, type: 'line', ...base, paint: { 'line-color': '#3b4756', 'line-width': 0.6 } });
    }
  }
  return out;
}

/** Adds the archive at `url` below the overlays; rejects (leaving the map as it was) when it cannot be read. */
export async function addPmtilesBasemap(map: MapLibreMap, url: string): Promise<void> {
  const abs = new URL(url, window.location.href).href;
  const archive = new PMTiles(abs);
  theProtocol().add(archive);
  const header = await archive.getHeader();
  const layers: LayerSpecification[] = [];
  if (header.tileType === TileType.Mvt) {
    const ids = vectorLayerIds(await archive.getMetadata());
    if (ids.length === 0) throw new Error('the vector archive lists no layers');
    map.addSource(SRC.pmtiles, { type: 'vector', url: `pmtiles://${abs}` });
    layers.push(...vectorLayers(ids));
  } else if (header.tileType === TileType.Png || header.tileType === TileType.Jpeg || header.tileType === TileType.Webp || header.tileType === TileType.Avif) {
    map.addSource(SRC.pmtiles, { type: 'raster', url: `pmtiles://${abs}`, tileSize: 256 });
    layers.push({ id: 'pm-raster', type: 'raster', source: SRC.pmtiles, paint: { 'raster-brightness-max': 0.85 } });
  } else {
    throw new Error(`tile type ${header.tileType} is not supported`);
  }
  for (const l of layers) map.addLayer(l, FIRST_OVERLAY);
  for (const id of EMBEDDED_BASEMAP_LAYERS) map.setLayoutProperty(id, 'visibility', 'none');
}

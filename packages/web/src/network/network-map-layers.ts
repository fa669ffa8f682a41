/**
 * The network entities' map layer: a point per located entity in its
 * type's colour, with its glyph and label; added to the map the first time
 * the network tab has something to show (the base style stays as it is).
 */
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { LABEL_FONT } from '../map/label-font.js';
import { LAYER, SRC } from '../map/layer-ids.js';

export function networkSource(): SourceSpecification {
  return { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, promoteId: 'id' };
}

/** The layers, shown or hidden as the map's "Network entities" switch says. */
export function networkLayers(shown: boolean): LayerSpecification[] {
  const visibility = shown ? 'visible' : 'none';
  return [
    {
      id: LAYER.networkPoints,
      type: 'circle',
      source: SRC.network,
      layout: { visibility },
      paint: { 'circle-radius': 6, 'circle-color': ['get', 'colour'], 'circle-stroke-color': '#0a1622', 'circle-stroke-width': 2 },
    },
    {
      id: LAYER.networkLabels,
      type: 'symbol',
      source: SRC.network,
      layout: { visibility, 'text-field': ['get', 'label'], 'text-font': LABEL_FONT, 'text-size': 11, 'text-offset': [0, 1.1], 'text-anchor': 'top', 'text-max-width': 14 },
      paint: { 'text-color': '#ffffff', 'text-halo-color': '#0a1622', 'text-halo-width': 1.5 },
    },
  ];
}

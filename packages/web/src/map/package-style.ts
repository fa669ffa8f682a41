/**
 * The partner portal's map: the embedded Natural Earth basemap, a
 * package's hazard zones (the same layers as the analysts'), the suspected
 * laboratory and its 95 % circle — and nothing else: no sorties, tracks,
 * detections, videos or vehicles exist on this map.
 */
import type { LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { COLOURS, hazardLayers, naturalEarthLayers } from './base-style.js';
import { LAYER, SRC } from './layer-ids.js';

const EMPTY: SourceSpecification = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };

function labLayers(): LayerSpecification[] {
  return [
    { id: LAYER.packageCircle, type: 'line', source: SRC.packageCircle, paint: { 'line-color': '#ffffff', 'line-width': 1.5, 'line-dasharray': [3, 2] } },
    {
      id: LAYER.packageLab,
      type: 'circle',
      source: SRC.packageLab,
      paint: { 'circle-radius': 7, 'circle-color': COLOURS.lab, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
    },
  ];
}

export function packageStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'Nariz partner package',
    sources: {
      [SRC.land50]: EMPTY,
      [SRC.borders50]: EMPTY,
      [SRC.land10]: EMPTY,
      [SRC.borders10]: EMPTY,
      [SRC.hazards]: EMPTY,
      [SRC.packageCircle]: EMPTY,
      [SRC.packageLab]: EMPTY,
    },
    layers: [{ id: LAYER.background, type: 'background', paint: { 'background-color': COLOURS.sea } }, ...naturalEarthLayers('50'), ...naturalEarthLayers('10'), ...hazardLayers(), ...labLayers()],
  };
}

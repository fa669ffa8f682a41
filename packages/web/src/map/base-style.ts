/**
 * The map style, built in code: no glyph, sprite or tile URL from the
 * internet. The basemap is Natural Earth from the `world-atlas` package
 * (GeoJSON sources filled in by natural-earth.ts) with GeoNames populated
 * places (places-layers.ts, filled in by populated-places.ts); labels are
 * drawn by MapLibre from local fonts (a style without `glyphs` renders text
 * with TinySDF in the browser, see label-font.ts). Overlay sources start
 * empty and are filled with setData as the sortie, detections and estimate
 * arrive.
 */
import type { ExpressionSpecification, LayerSpecification, SourceSpecification, StyleSpecification } from 'maplibre-gl';
import { LAB_THRESHOLD } from '../geo/source-features.js';
import { LABEL_FONT } from './label-font.js';
import { airspaceLayers, flightLayers, flightSources } from './flight-layers.js';
import { leadLayers, leadSources } from './lead-layers.js';
import { LAYER, NE_10M_FROM_ZOOM, SRC } from './layer-ids.js';
import { placeLayers, placesSource } from './places-layers.js';
import { videoLayers, videoSources } from './video-layers.js';

const EMPTY: SourceSpecification = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };

export const COLOURS = {
  sea: '#0a1622',
  land: '#18222d',
  coast: '#4d6478',
  border: '#6b7c8e',
  hazard3: '#e53935',
  hazard2: '#fb8c00',
  hazard1: '#fdd835',
  lab: '#ff5252',
  otherSource: '#80deea',
  drone: '#ffffff',
  trackNoValue: '#6d7781',
} as const;

const hazardColour: ExpressionSpecification = ['match', ['get', 'level'], 3, COLOURS.hazard3, 2, COLOURS.hazard2, COLOURS.hazard1];
const sourceColour: ExpressionSpecification = ['case', ['>=', ['get', 'labProbability'], LAB_THRESHOLD], COLOURS.lab, COLOURS.otherSource];

/** The hazard zones (source SRC.hazards, properties `kind` and `level`): filled by level, the wind-direction envelope dashed. */
export function hazardLayers(): LayerSpecification[] {
  return [
    {
      id: LAYER.hazardFill,
      type: 'fill',
      source: SRC.hazards,
      paint: { 'fill-color': hazardColour, 'fill-opacity': ['case', ['==', ['get', 'kind'], 'footprint'], 0.3, 0.1] },
    },
    {
      id: LAYER.hazardLine,
      type: 'line',
      source: SRC.hazards,
      filter: ['==', ['get', 'kind'], 'footprint'],
      paint: { 'line-color': hazardColour, 'line-width': 1.5 },
    },
    {
      id: LAYER.hazardLineUncertain,
      type: 'line',
      source: SRC.hazards,
      filter: ['==', ['get', 'kind'], 'direction-uncertainty'],
      paint: { 'line-color': hazardColour, 'line-width': 1.2, 'line-dasharray': [2, 2] },
    },
  ];
}

/** Natural Earth land, coastline and borders at one scale (sources filled by natural-earth.ts). */
export function naturalEarthLayers(suffix: '50' | '10'): LayerSpecification[] {
  const zoom = suffix === '50' ? { maxzoom: NE_10M_FROM_ZOOM } : { minzoom: NE_10M_FROM_ZOOM };
  const land = suffix === '50' ? SRC.land50 : SRC.land10;
  const borders = suffix === '50' ? SRC.borders50 : SRC.borders10;
  return [
    { id: `ne${suffix}-land-fill`, type: 'fill', source: land, ...zoom, paint: { 'fill-color': COLOURS.land } },
    { id: `ne${suffix}-coastline`, type: 'line', source: land, ...zoom, paint: { 'line-color': COLOURS.coast, 'line-width': ['interpolate', ['linear'], ['zoom'], 2, 0.6, 10, 1.4] } },
    { id: `ne${suffix}-borders`, type: 'line', source: borders, ...zoom, paint: { 'line-color': COLOURS.border, 'line-width': 1, 'line-dasharray': [3, 2] } },
  ];
}

export function baseStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'Nariz',
    sources: {
      [SRC.land50]: EMPTY,
      [SRC.borders50]: EMPTY,
      [SRC.land10]: EMPTY,
      [SRC.borders10]: EMPTY,
      [SRC.places]: placesSource(),
      [SRC.hazards]: EMPTY,
      [SRC.posterior]: EMPTY,
      [SRC.track]: EMPTY,
      [SRC.drone]: EMPTY,
      [SRC.detections]: EMPTY,
      [SRC.ellipses]: EMPTY,
      [SRC.sources]: EMPTY,
      ...flightSources(),
      ...videoSources(),
      ...leadSources(),
    },
    layers: [
      { id: LAYER.background, type: 'background', paint: { 'background-color': COLOURS.sea } },
      ...naturalEarthLayers('50'),
      ...naturalEarthLayers('10'),
      ...placeLayers(),
      ...airspaceLayers(),
      ...hazardLayers(),
      {
        id: LAYER.posterior,
        type: 'heatmap',
        source: SRC.posterior,
        paint: {
          'heatmap-weight': ['get', 'w'],
          'heatmap-intensity': ['interpolate', ['linear'], ['zoom'], 12, 20, 17, 60],
          'heatmap-radius': ['interpolate', ['exponential', 2], ['zoom'], 12, 4, 18, 120],
          'heatmap-opacity': 0.75,
          'heatmap-color': ['interpolate', ['linear'], ['heatmap-density'], 0, 'rgba(0,0,0,0)', 0.15, '#3f2a78', 0.4, '#8e6cc8', 0.7, '#e0b0ff', 1, '#ffffff'],
        },
      },
      {
        id: LAYER.trackAhead,
        type: 'line',
        source: SRC.track,
        layout: { 'line-cap': 'round' },
        paint: { 'line-color': COLOURS.trackNoValue, 'line-width': 1.5, 'line-opacity': 0.35 },
      },
      {
        id: LAYER.track,
        type: 'line',
        source: SRC.track,
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: { 'line-color': COLOURS.trackNoValue, 'line-width': ['interpolate', ['linear'], ['zoom'], 10, 1.5, 16, 4] },
      },
      {
        id: LAYER.drone,
        type: 'circle',
        source: SRC.drone,
        paint: { 'circle-radius': 6, 'circle-color': COLOURS.drone, 'circle-stroke-color': '#000000', 'circle-stroke-width': 2 },
      },
      {
        id: LAYER.detections,
        type: 'circle',
        source: SRC.detections,
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 3, 17, 7],
          'circle-color': ['get', 'colour'],
          'circle-stroke-color': '#0b0f14',
          'circle-stroke-width': 1.5,
        },
      },
      {
        id: LAYER.ellipseFill,
        type: 'fill',
        source: SRC.ellipses,
        paint: { 'fill-color': sourceColour, 'fill-opacity': 0.12 },
      },
      {
        id: LAYER.ellipseLine,
        type: 'line',
        source: SRC.ellipses,
        paint: { 'line-color': sourceColour, 'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3, 1.5] },
      },
      {
        id: LAYER.sourcePoints,
        type: 'circle',
        source: SRC.sources,
        paint: {
          'circle-radius': ['case', ['boolean', ['feature-state', 'selected'], false], 9, 7],
          'circle-color': sourceColour,
          'circle-stroke-color': '#ffffff',
          'circle-stroke-width': 2,
        },
      },
      {
        id: LAYER.sourceLabels,
        type: 'symbol',
        source: SRC.sources,
        layout: {
          'text-field': ['get', 'label'],
          'text-font': LABEL_FONT,
          'text-size': 13,
          'text-offset': [0, -1.4],
          'text-anchor': 'bottom',
          'text-allow-overlap': true,
        },
        paint: { 'text-color': '#ffffff', 'text-halo-color': '#000000', 'text-halo-width': 1.5 },
      },
      ...flightLayers(),
      ...leadLayers(),
      ...videoLayers(),
    ],
  };
}

/** The track's colour: the concentration ramp over the stops, grey where a sample has no value. */
export function trackColour(stops: readonly (readonly [number, string])[]): ExpressionSpecification {
  const flat: (number | string)[] = [];
  for (const [v, c] of stops) flat.push(v, c);
  // `interpolate` needs strictly ascending stops and at least one pair.
  return ['case', ['has', 'c'], ['interpolate', ['linear'], ['get', 'c'], ...flat], COLOURS.trackNoValue];
}

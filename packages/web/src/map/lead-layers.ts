/**
 * The leads layer: a point per lead in the colour of its state, ringed in
 * the colour of a reported outcome (white when none), with its title; the
 * open lead's 95 % circle dashed around it. Above the sortie's overlays,
 * below the video's.
 */
import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { FeatureCollection, Point, Polygon } from 'geojson';
import type { LeadCircleProps, LeadPointProps } from '../geo/lead-features.js';
import { LABEL_FONT } from './label-font.js';
import { LAYER, SRC } from './layer-ids.js';

export interface LeadOverlays {
  readonly points: FeatureCollection<Point, LeadPointProps>;
  readonly circle: FeatureCollection<Polygon, LeadCircleProps>;
}

export function emptyLeadOverlays(): LeadOverlays {
  return { points: { type: 'FeatureCollection', features: [] }, circle: { type: 'FeatureCollection', features: [] } };
}

const empty = (): FeatureCollection => ({ type: 'FeatureCollection', features: [] });

export function leadSources(): Record<string, SourceSpecification> {
  // The lead's id is the feature id: the open lead is drawn larger through its feature state.
  return { [SRC.leads]: { type: 'geojson', data: empty(), promoteId: 'id' }, [SRC.leadCircle]: { type: 'geojson', data: empty() } };
}

const selected: ExpressionSpecification = ['boolean', ['feature-state', 'selected'], false];

export function leadLayers(): LayerSpecification[] {
  return [
    { id: LAYER.leadCircleFill, type: 'fill', source: SRC.leadCircle, paint: { 'fill-color': ['get', 'colour'], 'fill-opacity': 0.08 } },
    { id: LAYER.leadCircleLine, type: 'line', source: SRC.leadCircle, paint: { 'line-color': ['get', 'colour'], 'line-width': 1.5, 'line-dasharray': [3, 2] } },
    {
      id: LAYER.leadPoints,
      type: 'circle',
      source: SRC.leads,
      paint: {
        'circle-radius': ['case', selected, 10, 7],
        'circle-color': ['get', 'colour'],
        'circle-stroke-color': ['get', 'ring'],
        'circle-stroke-width': ['case', ['==', ['get', 'outcome'], ''], 1.5, 4],
      },
    },
    {
      id: LAYER.leadLabels,
      type: 'symbol',
      source: SRC.leads,
      layout: { 'text-field': ['get', 'label'], 'text-font': LABEL_FONT, 'text-size': 11, 'text-offset': [0, 1.3], 'text-anchor': 'top', 'text-max-width': 14 },
      paint: { 'text-color': '#ffffff', 'text-halo-color': '#0a1622', 'text-halo-width': 1.5 },
    },
  ];
}

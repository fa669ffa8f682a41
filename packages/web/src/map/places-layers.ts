/**
 * The populated places of the embedded basemap (GeoNames, see
 * geo/places.ts): a dot and a label per place, above land and borders and
 * under every Nariz overlay. One GeoJSON source holds all of them; a place
 * is drawn from its class's zoom on (the `minzoom` property, compared in
 * the filter, which MapLibre evaluates per whole zoom level), so the world
 * view shows only megacities and towns appear once zoomed in to a region.
 * Bigger classes get bigger dots and labels, and win label collisions
 * (symbol-sort-key). Labels use local fonts like every label of the style
 * (no glyph server, see label-font.ts). The source carries the GeoNames
 * attribution, so the attribution control shows it exactly when the
 * places are drawn (not under a deployment's PMTiles basemap).
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { PLACE_CLASSES } from '../geo/places.js';
import { LABEL_FONT } from './label-font.js';
import { LAYER, SRC } from './layer-ids.js';

/** GeoNames data are CC BY 4.0: credit and licence, shown in the map's attribution control. */
export const PLACES_ATTRIBUTION =
  '<a href="https://www.geonames.org/" target="_blank" rel="noopener">GeoNames</a> ' +
  '(<a href="https://creativecommons.org/licenses/by/4.0/" target="_blank" rel="noopener">CC BY 4.0</a>)';

/** Dot radius (px) and label size (px) per zoom class, largest places first. */
const DOT_RADIUS: readonly number[] = [4.5, 4, 3.5, 3, 2.5, 2];
const LABEL_SIZE: readonly number[] = [14, 13, 12, 11.5, 11, 10.5];

const DOT_COLOUR = '#c3ceda';
const LABEL_COLOUR = '#b4c1ce';
const HALO_COLOUR = '#0a1622';

/** A value per zoom class (the last one for any class beyond the list). */
function byClass(values: readonly number[]): ExpressionSpecification {
  const last = values[values.length - 1] ?? 0;
  const pairs = PLACE_CLASSES.slice(1).flatMap((_, i) => [i + 1, values[i + 1] ?? last]);
  return ['match', ['get', 'cls'], 0, values[0] ?? last, ...pairs, last];
}

/** A place is drawn from its class's zoom on. */
const FROM_ITS_ZOOM: FilterSpecification = ['>=', ['zoom'], ['get', 'minzoom']];

export function placesSource(): SourceSpecification {
  return { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, attribution: PLACES_ATTRIBUTION };
}

export function placeLayers(): LayerSpecification[] {
  return [
    {
      id: LAYER.placeDots,
      type: 'circle',
      source: SRC.places,
      filter: FROM_ITS_ZOOM,
      paint: { 'circle-radius': byClass(DOT_RADIUS), 'circle-color': DOT_COLOUR, 'circle-opacity': 0.85, 'circle-stroke-color': HALO_COLOUR, 'circle-stroke-width': 1 },
    },
    {
      id: LAYER.placeLabels,
      type: 'symbol',
      source: SRC.places,
      filter: FROM_ITS_ZOOM,
      layout: {
        'text-field': ['get', 'name'],
        'text-font': LABEL_FONT,
        'text-size': byClass(LABEL_SIZE),
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.55,
        'text-justify': 'auto',
        'text-max-width': 8,
        'text-padding': 3,
        'symbol-sort-key': ['-', ['get', 'population']],
      },
      paint: { 'text-color': LABEL_COLOUR, 'text-halo-color': HALO_COLOUR, 'text-halo-width': 1.2 },
    },
  ];
}

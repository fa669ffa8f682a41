/**
 * The flight-operations layers of the map style: the airspace authority's
 * areas under every other overlay (permitted lightly outlined, forbidden
 * red-tinted and hatched), and above the sortie's overlays the track's
 * excursions, the search area being drawn, the flight plan (dashed transit
 * legs, mission legs with direction arrows, numbered waypoints, home), the
 * plan's violations (red stretches and numbered markers) and the live
 * vehicles (oriented markers, red outside permitted airspace).
 */
import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { LABEL_FONT } from './label-font.js';
import { HATCH_IMAGE, LAYER, SRC } from './layer-ids.js';

export const FLIGHT_COLOURS = {
  permitted: '#66d19e',
  forbidden: '#ff5252',
  route: '#4fc3f7',
  transit: '#9fd8f5',
  violation: '#ff1744',
  back: '#66d19e',
  draw: '#ffd54f',
  vehicle: '#4fb3ff',
  vehicleOutside: '#ff1744',
  vehicleUnknown: '#b0bec5',
  halo: '#0a1622',
  suggestion: '#e040fb',
} as const;

const EMPTY: SourceSpecification = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };

export function flightSources(): Record<string, SourceSpecification> {
  return { [SRC.airspace]: EMPTY, [SRC.excursions]: EMPTY, [SRC.draw]: EMPTY, [SRC.plan]: EMPTY, [SRC.violations]: EMPTY, [SRC.vehicles]: EMPTY, [SRC.suggestion]: EMPTY };
}

const isRole = (role: string): ExpressionSpecification => ['==', ['get', 'role'], role];
const isKind = (kind: string): ExpressionSpecification => ['==', ['get', 'kind'], kind];

/** The authority's areas: drawn first among the overlays (deployment basemaps go under them). */
export function airspaceLayers(): LayerSpecification[] {
  return [
    { id: LAYER.airspacePermittedFill, type: 'fill', source: SRC.airspace, filter: isRole('permitted'), paint: { 'fill-color': FLIGHT_COLOURS.permitted, 'fill-opacity': 0.04 } },
    { id: LAYER.airspaceForbiddenFill, type: 'fill', source: SRC.airspace, filter: isRole('forbidden'), paint: { 'fill-color': FLIGHT_COLOURS.forbidden, 'fill-opacity': 0.12 } },
    { id: LAYER.airspaceForbiddenHatch, type: 'fill', source: SRC.airspace, filter: isRole('forbidden'), paint: { 'fill-pattern': HATCH_IMAGE, 'fill-opacity': 0.55 } },
    { id: LAYER.airspacePermittedLine, type: 'line', source: SRC.airspace, filter: isRole('permitted'), paint: { 'line-color': FLIGHT_COLOURS.permitted, 'line-width': 1, 'line-opacity': 0.6 } },
    { id: LAYER.airspaceForbiddenLine, type: 'line', source: SRC.airspace, filter: isRole('forbidden'), paint: { 'line-color': FLIGHT_COLOURS.forbidden, 'line-width': 1.2, 'line-opacity': 0.85 } },
  ];
}

/** Everything else of flight operations, above the sortie's overlays. */
export function flightLayers(): LayerSpecification[] {
  return [
    { id: LAYER.excursionLine, type: 'line', source: SRC.excursions, filter: isRole('outside'), layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': FLIGHT_COLOURS.violation, 'line-width': 5, 'line-opacity': 0.8 } },
    {
      id: LAYER.excursionPoints,
      type: 'circle',
      source: SRC.excursions,
      filter: ['!=', ['get', 'role'], 'outside'],
      paint: { 'circle-radius': 6, 'circle-color': ['case', isRole('exit'), FLIGHT_COLOURS.violation, FLIGHT_COLOURS.back], 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
    },
    { id: LAYER.drawFill, type: 'fill', source: SRC.draw, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': FLIGHT_COLOURS.draw, 'fill-opacity': ['case', isKind('area'), 0.14, 0.08] } },
    { id: LAYER.drawLine, type: 'line', source: SRC.draw, filter: isKind('area'), paint: { 'line-color': FLIGHT_COLOURS.draw, 'line-width': 2 } },
    { id: LAYER.drawSketch, type: 'line', source: SRC.draw, filter: isKind('sketch'), paint: { 'line-color': FLIGHT_COLOURS.draw, 'line-width': 2, 'line-dasharray': [2, 1.5] } },
    {
      id: LAYER.drawVertices,
      type: 'circle',
      source: SRC.draw,
      filter: isKind('vertex'),
      paint: { 'circle-radius': ['case', ['==', ['get', 'first'], true], 7, 5], 'circle-color': FLIGHT_COLOURS.draw, 'circle-stroke-color': FLIGHT_COLOURS.halo, 'circle-stroke-width': 2 },
    },
    {
      id: LAYER.drawHome,
      type: 'circle',
      source: SRC.draw,
      filter: isKind('home'),
      paint: { 'circle-radius': 8, 'circle-color': FLIGHT_COLOURS.halo, 'circle-stroke-color': FLIGHT_COLOURS.draw, 'circle-stroke-width': 3 },
    },
    { id: LAYER.planTransit, type: 'line', source: SRC.plan, filter: isKind('transit'), paint: { 'line-color': FLIGHT_COLOURS.transit, 'line-width': 2, 'line-dasharray': [3, 2] } },
    { id: LAYER.planMission, type: 'line', source: SRC.plan, filter: isKind('mission'), layout: { 'line-join': 'round' }, paint: { 'line-color': FLIGHT_COLOURS.route, 'line-width': 2.5 } },
    {
      id: LAYER.planArrows,
      type: 'symbol',
      source: SRC.plan,
      filter: ['==', ['geometry-type'], 'LineString'],
      layout: {
        'symbol-placement': 'line',
        'symbol-spacing': 110,
        'text-field': '▶',
        'text-font': LABEL_FONT,
        'text-size': 12,
        'text-keep-upright': false,
        'text-rotation-alignment': 'map',
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': FLIGHT_COLOURS.route, 'text-halo-color': FLIGHT_COLOURS.halo, 'text-halo-width': 1 },
    },
    { id: LAYER.violationStretch, type: 'line', source: SRC.violations, filter: isRole('stretch'), layout: { 'line-cap': 'round', 'line-join': 'round' }, paint: { 'line-color': FLIGHT_COLOURS.violation, 'line-width': 6, 'line-opacity': 0.6 } },
    {
      id: LAYER.planWaypoints,
      type: 'circle',
      source: SRC.plan,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: {
        'circle-radius': ['case', isKind('home'), 9, 7],
        'circle-color': ['case', isKind('home'), FLIGHT_COLOURS.route, FLIGHT_COLOURS.halo],
        'circle-stroke-color': FLIGHT_COLOURS.route,
        'circle-stroke-width': 2,
      },
    },
    {
      id: LAYER.planLabels,
      type: 'symbol',
      source: SRC.plan,
      filter: ['==', ['geometry-type'], 'Point'],
      layout: { 'text-field': ['get', 'label'], 'text-font': LABEL_FONT, 'text-size': 10, 'symbol-sort-key': ['get', 'index'] },
      paint: { 'text-color': ['case', isKind('home'), FLIGHT_COLOURS.halo, '#ffffff'] },
    },
    { id: LAYER.suggestionPath, type: 'line', source: SRC.suggestion, filter: isRole('path'), layout: { 'line-join': 'round' }, paint: { 'line-color': FLIGHT_COLOURS.suggestion, 'line-width': 3, 'line-dasharray': [2, 1] } },
    {
      id: LAYER.suggestionPoints,
      type: 'circle',
      source: SRC.suggestion,
      filter: ['!=', ['get', 'role'], 'path'],
      paint: { 'circle-radius': ['case', isRole('start'), 5, 8], 'circle-color': FLIGHT_COLOURS.halo, 'circle-stroke-color': FLIGHT_COLOURS.suggestion, 'circle-stroke-width': 2 },
    },
    {
      id: LAYER.suggestionLabels,
      type: 'symbol',
      source: SRC.suggestion,
      filter: isRole('waypoint'),
      layout: { 'text-field': ['get', 'label'], 'text-font': LABEL_FONT, 'text-size': 10 },
      paint: { 'text-color': '#ffffff' },
    },
    {
      id: LAYER.violationPoints,
      type: 'circle',
      source: SRC.violations,
      filter: ['!=', ['get', 'role'], 'stretch'],
      paint: {
        'circle-radius': ['case', isRole('start'), 7, 5],
        'circle-color': ['case', isRole('start'), FLIGHT_COLOURS.violation, FLIGHT_COLOURS.back],
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    {
      id: LAYER.violationLabels,
      type: 'symbol',
      source: SRC.violations,
      filter: isRole('start'),
      layout: { 'text-field': ['concat', '!', ['to-string', ['get', 'n']]], 'text-font': LABEL_FONT, 'text-size': 12, 'text-offset': [0, -1.3], 'text-anchor': 'bottom', 'text-allow-overlap': true },
      paint: { 'text-color': '#ffffff', 'text-halo-color': FLIGHT_COLOURS.violation, 'text-halo-width': 2 },
    },
    {
      id: LAYER.vehicleDots,
      type: 'circle',
      source: SRC.vehicles,
      paint: {
        'circle-radius': 11,
        'circle-color': ['match', ['get', 'state'], 'outside', FLIGHT_COLOURS.vehicleOutside, 'allowed', FLIGHT_COLOURS.vehicle, FLIGHT_COLOURS.vehicleUnknown],
        'circle-opacity': 0.9,
        'circle-stroke-color': '#ffffff',
        'circle-stroke-width': 2,
      },
    },
    {
      id: LAYER.vehicleArrows,
      type: 'symbol',
      source: SRC.vehicles,
      filter: ['==', ['get', 'hasCourse'], true],
      layout: {
        'text-field': '▲',
        'text-font': LABEL_FONT,
        'text-size': 13,
        'text-rotate': ['get', 'course'],
        'text-rotation-alignment': 'map',
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': '#ffffff' },
    },
    {
      id: LAYER.vehicleLabels,
      type: 'symbol',
      source: SRC.vehicles,
      layout: { 'text-field': ['get', 'label'], 'text-font': LABEL_FONT, 'text-size': 11, 'text-offset': [0, 1.5], 'text-anchor': 'top', 'text-allow-overlap': true, 'text-max-width': 14 },
      paint: {
        'text-color': ['case', ['==', ['get', 'state'], 'outside'], '#ff8a80', '#ffffff'],
        'text-halo-color': FLIGHT_COLOURS.halo,
        'text-halo-width': 1.5,
      },
    },
  ];
}

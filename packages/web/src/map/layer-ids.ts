/** Source and layer ids of the map, and which layers each toggle shows. */
export const SRC = {
  land50: 'ne50-land',
  borders50: 'ne50-borders',
  land10: 'ne10-land',
  borders10: 'ne10-borders',
  places: 'places',
  pmtiles: 'deployment-pmtiles',
  hazards: 'hazards',
  posterior: 'posterior',
  track: 'track',
  drone: 'drone',
  detections: 'detections',
  ellipses: 'source-ellipses',
  sources: 'sources',
} as const;

export const LAYER = {
  background: 'background',
  land50: 'ne50-land-fill',
  coast50: 'ne50-coastline',
  borders50: 'ne50-borders',
  land10: 'ne10-land-fill',
  coast10: 'ne10-coastline',
  borders10: 'ne10-borders',
  placeDots: 'place-dots',
  placeLabels: 'place-labels',
  hazardFill: 'hazard-fill',
  hazardLine: 'hazard-line',
  hazardLineUncertain: 'hazard-line-uncertain',
  posterior: 'posterior-heat',
  trackAhead: 'track-ahead',
  track: 'track',
  drone: 'drone',
  detections: 'detections',
  ellipseFill: 'source-ellipse-fill',
  ellipseLine: 'source-ellipse-line',
  sourcePoints: 'source-points',
  sourceLabels: 'source-labels',
} as const;

/** The first overlay layer: deployment basemap layers go below it. */
export const FIRST_OVERLAY = LAYER.hazardFill;

/** Natural Earth 1:50m is drawn below this zoom, 1:10m from it on. */
export const NE_10M_FROM_ZOOM = 4;

export const NATURAL_EARTH_LAYERS: readonly string[] = [LAYER.land50, LAYER.coast50, LAYER.borders50, LAYER.land10, LAYER.coast10, LAYER.borders10];

/** The embedded basemap's layers (Natural Earth and the GeoNames places): hidden when a deployment basemap replaces it. */
export const EMBEDDED_BASEMAP_LAYERS: readonly string[] = [...NATURAL_EARTH_LAYERS, LAYER.placeDots, LAYER.placeLabels];

export const OVERLAY_GROUPS = ['track', 'detections', 'sources', 'posterior', 'hazards'] as const;
export type OverlayGroup = (typeof OVERLAY_GROUPS)[number];

export const GROUP_LAYERS: Readonly<Record<OverlayGroup, readonly string[]>> = {
  track: [LAYER.trackAhead, LAYER.track, LAYER.drone],
  detections: [LAYER.detections],
  sources: [LAYER.ellipseFill, LAYER.ellipseLine, LAYER.sourcePoints, LAYER.sourceLabels],
  posterior: [LAYER.posterior],
  hazards: [LAYER.hazardFill, LAYER.hazardLine, LAYER.hazardLineUncertain],
};

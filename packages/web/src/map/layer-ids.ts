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
  airspace: 'airspace',
  excursions: 'track-excursions',
  draw: 'draw',
  plan: 'flight-plan',
  violations: 'plan-violations',
  vehicles: 'vehicles',
  suggestion: 'suggestion',
  videoTracks: 'video-tracks',
  videoFrame: 'video-frame',
  videoMarks: 'video-marks',
  leads: 'leads',
  leadCircle: 'lead-circle',
  packageLab: 'package-lab',
  packageCircle: 'package-circle',
  /** Network entities with a location (added by the network tab). */
  network: 'network-entities',
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
  airspacePermittedFill: 'airspace-permitted-fill',
  airspaceForbiddenFill: 'airspace-forbidden-fill',
  airspaceForbiddenHatch: 'airspace-forbidden-hatch',
  airspacePermittedLine: 'airspace-permitted-line',
  airspaceForbiddenLine: 'airspace-forbidden-line',
  excursionLine: 'excursion-line',
  excursionPoints: 'excursion-points',
  drawFill: 'draw-fill',
  drawLine: 'draw-line',
  drawSketch: 'draw-sketch',
  drawVertices: 'draw-vertices',
  drawHome: 'draw-home',
  planTransit: 'plan-transit',
  planMission: 'plan-mission',
  planArrows: 'plan-arrows',
  violationStretch: 'violation-stretch',
  planWaypoints: 'plan-waypoints',
  planLabels: 'plan-labels',
  violationPoints: 'violation-points',
  violationLabels: 'violation-labels',
  vehicleDots: 'vehicle-dots',
  vehicleArrows: 'vehicle-arrows',
  vehicleLabels: 'vehicle-labels',
  suggestionPath: 'suggestion-path',
  suggestionPoints: 'suggestion-points',
  suggestionLabels: 'suggestion-labels',
  videoFootprintFill: 'video-footprint-fill',
  videoFootprintLine: 'video-footprint-line',
  videoPlatformTrack: 'video-platform-track',
  videoCentreTrack: 'video-centre-track',
  videoTrackPoints: 'video-track-points',
  videoSight: 'video-sight',
  videoCentre: 'video-centre',
  videoPlatform: 'video-platform',
  videoPlatformArrow: 'video-platform-arrow',
  videoMarks: 'video-marks',
  videoMarkLabels: 'video-mark-labels',
  leadCircleFill: 'lead-circle-fill',
  leadCircleLine: 'lead-circle-line',
  leadPoints: 'lead-points',
  leadLabels: 'lead-labels',
  packageCircle: 'package-circle',
  packageLab: 'package-lab',
  networkPoints: 'network-points',
  networkLabels: 'network-labels',
} as const;

/** The first overlay layer (the airspace areas): deployment basemap layers go below it. */
export const FIRST_OVERLAY = LAYER.airspacePermittedFill;

/** The generated image of the forbidden areas' hatching (map.addImage, no sprite). */
export const HATCH_IMAGE = 'nariz-hatch';

/** Natural Earth 1:50m is drawn below this zoom, 1:10m from it on. */
export const NE_10M_FROM_ZOOM = 4;

export const NATURAL_EARTH_LAYERS: readonly string[] = [LAYER.land50, LAYER.coast50, LAYER.borders50, LAYER.land10, LAYER.coast10, LAYER.borders10];

/** The embedded basemap's layers (Natural Earth and the GeoNames places): hidden when a deployment basemap replaces it. */
export const EMBEDDED_BASEMAP_LAYERS: readonly string[] = [...NATURAL_EARTH_LAYERS, LAYER.placeDots, LAYER.placeLabels];

export const OVERLAY_GROUPS = ['track', 'detections', 'sources', 'posterior', 'hazards', 'airspace', 'plan', 'vehicles', 'video', 'leads', 'network'] as const;
export type OverlayGroup = (typeof OVERLAY_GROUPS)[number];

export const GROUP_LAYERS: Readonly<Record<OverlayGroup, readonly string[]>> = {
  track: [LAYER.trackAhead, LAYER.track, LAYER.drone, LAYER.excursionLine, LAYER.excursionPoints],
  detections: [LAYER.detections],
  sources: [LAYER.ellipseFill, LAYER.ellipseLine, LAYER.sourcePoints, LAYER.sourceLabels],
  posterior: [LAYER.posterior],
  hazards: [LAYER.hazardFill, LAYER.hazardLine, LAYER.hazardLineUncertain],
  airspace: [LAYER.airspacePermittedFill, LAYER.airspaceForbiddenFill, LAYER.airspaceForbiddenHatch, LAYER.airspacePermittedLine, LAYER.airspaceForbiddenLine],
  plan: [LAYER.planTransit, LAYER.planMission, LAYER.planArrows, LAYER.violationStretch, LAYER.planWaypoints, LAYER.planLabels, LAYER.violationPoints, LAYER.violationLabels, LAYER.suggestionPath, LAYER.suggestionPoints, LAYER.suggestionLabels],
  vehicles: [LAYER.vehicleDots, LAYER.vehicleArrows, LAYER.vehicleLabels],
  video: [
    LAYER.videoFootprintFill, LAYER.videoFootprintLine, LAYER.videoPlatformTrack, LAYER.videoCentreTrack, LAYER.videoTrackPoints, LAYER.videoSight,
    LAYER.videoCentre, LAYER.videoPlatform, LAYER.videoPlatformArrow, LAYER.videoMarks, LAYER.videoMarkLabels,
  ],
  leads: [LAYER.leadCircleFill, LAYER.leadCircleLine, LAYER.leadPoints, LAYER.leadLabels],
  /** Added the first time the network tab has located entities (network/network-map-layers.ts). */
  network: [LAYER.networkPoints, LAYER.networkLabels],
};

/** The video's tracks: a click on them seeks the player to the nearest frame. */
export const VIDEO_TRACK_LAYERS: readonly string[] = [LAYER.videoPlatformTrack, LAYER.videoCentreTrack, LAYER.videoTrackPoints];

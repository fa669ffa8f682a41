/**
 * The full-motion video layers of the map style, above every other
 * overlay: the frame's footprint (filled, outlined), the platform's track
 * (orange) and the frame centre's track (cyan) for the whole clip, the
 * line of sight from the platform to the frame centre (white, dashed), the
 * platform with its heading, and the points placed from the video —
 * annotations (pink), bookmarks (violet), the last pixel picked (green)
 * and the place of a coverage question (a white ring).
 */
import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { FeatureCollection, LineString, Point, Polygon } from 'geojson';
import type { VideoFrameProps, VideoMarkProps, VideoTrackProps } from '../geo/video-features.js';
import { LABEL_FONT } from './label-font.js';
import { LAYER, SRC } from './layer-ids.js';

export const VIDEO_COLOURS = {
  footprint: '#26c6da',
  platform: '#ffab40',
  centre: '#26c6da',
  sight: '#ffffff',
  annotation: '#f06292',
  bookmark: '#b388ff',
  pick: '#69f0ae',
  query: '#ffffff',
  halo: '#0a1622',
} as const;

/** What the map draws of the video open in the player, one collection per source. */
export interface VideoOverlays {
  readonly tracks: FeatureCollection<LineString | Point, VideoTrackProps>;
  readonly frame: FeatureCollection<Polygon | LineString | Point, VideoFrameProps>;
  readonly marks: FeatureCollection<Point, VideoMarkProps>;
}

export function emptyVideoOverlays(): VideoOverlays {
  return { tracks: { type: 'FeatureCollection', features: [] }, frame: { type: 'FeatureCollection', features: [] }, marks: { type: 'FeatureCollection', features: [] } };
}

const EMPTY: SourceSpecification = { type: 'geojson', data: { type: 'FeatureCollection', features: [] } };

export function videoSources(): Record<string, SourceSpecification> {
  return { [SRC.videoTracks]: EMPTY, [SRC.videoFrame]: EMPTY, [SRC.videoMarks]: EMPTY };
}

const isRole = (role: string): ExpressionSpecification => ['==', ['get', 'role'], role];
const isLine: ExpressionSpecification = ['==', ['geometry-type'], 'LineString'];

export function videoLayers(): LayerSpecification[] {
  return [
    { id: LAYER.videoFootprintFill, type: 'fill', source: SRC.videoFrame, filter: isRole('footprint'), paint: { 'fill-color': VIDEO_COLOURS.footprint, 'fill-opacity': 0.18 } },
    { id: LAYER.videoFootprintLine, type: 'line', source: SRC.videoFrame, filter: isRole('footprint'), paint: { 'line-color': VIDEO_COLOURS.footprint, 'line-width': 2 } },
    // The tracks are wide enough to click (the map seeks the player to the nearest frame).
    {
      id: LAYER.videoPlatformTrack,
      type: 'line',
      source: SRC.videoTracks,
      filter: ['all', isLine, isRole('platform-track')],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': VIDEO_COLOURS.platform, 'line-width': 3, 'line-opacity': 0.85 },
    },
    {
      id: LAYER.videoCentreTrack,
      type: 'line',
      source: SRC.videoTracks,
      filter: ['all', isLine, isRole('centre-track')],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': VIDEO_COLOURS.centre, 'line-width': 3, 'line-opacity': 0.85 },
    },
    {
      id: LAYER.videoTrackPoints,
      type: 'circle',
      source: SRC.videoTracks,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-radius': 5, 'circle-color': ['case', isRole('platform-track'), VIDEO_COLOURS.platform, VIDEO_COLOURS.centre], 'circle-opacity': 0.85 },
    },
    { id: LAYER.videoSight, type: 'line', source: SRC.videoFrame, filter: isRole('sight'), paint: { 'line-color': VIDEO_COLOURS.sight, 'line-width': 1.5, 'line-dasharray': [3, 2] } },
    {
      id: LAYER.videoCentre,
      type: 'circle',
      source: SRC.videoFrame,
      filter: isRole('centre'),
      paint: { 'circle-radius': 5, 'circle-color': VIDEO_COLOURS.halo, 'circle-stroke-color': VIDEO_COLOURS.centre, 'circle-stroke-width': 2.5 },
    },
    {
      id: LAYER.videoPlatform,
      type: 'circle',
      source: SRC.videoFrame,
      filter: isRole('platform'),
      paint: { 'circle-radius': 9, 'circle-color': VIDEO_COLOURS.platform, 'circle-stroke-color': '#ffffff', 'circle-stroke-width': 2 },
    },
    {
      id: LAYER.videoPlatformArrow,
      type: 'symbol',
      source: SRC.videoFrame,
      filter: isRole('platform'),
      layout: {
        'text-field': '▲',
        'text-font': LABEL_FONT,
        'text-size': 11,
        'text-rotate': ['get', 'heading'],
        'text-rotation-alignment': 'map',
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: { 'text-color': VIDEO_COLOURS.halo },
    },
    {
      id: LAYER.videoMarks,
      type: 'circle',
      source: SRC.videoMarks,
      paint: {
        'circle-radius': ['match', ['get', 'role'], 'query', 9, 'pick', 7, 6],
        'circle-color': ['match', ['get', 'role'], 'annotation', VIDEO_COLOURS.annotation, 'bookmark', VIDEO_COLOURS.bookmark, 'pick', VIDEO_COLOURS.pick, 'rgba(0,0,0,0)'],
        'circle-stroke-color': ['match', ['get', 'role'], 'query', VIDEO_COLOURS.query, VIDEO_COLOURS.halo],
        'circle-stroke-width': ['match', ['get', 'role'], 'query', 3, 2],
      },
    },
    {
      id: LAYER.videoMarkLabels,
      type: 'symbol',
      source: SRC.videoMarks,
      filter: ['!=', ['get', 'label'], ''],
      layout: { 'text-field': ['get', 'label'], 'text-font': LABEL_FONT, 'text-size': 11, 'text-offset': [0, 1.2], 'text-anchor': 'top', 'text-max-width': 12 },
      paint: { 'text-color': '#ffffff', 'text-halo-color': VIDEO_COLOURS.halo, 'text-halo-width': 1.5 },
    },
  ];
}

/**
 * The drawing's map features: the finished area, or while drawing the
 * sketch (the polygon so far with the pointer as its next vertex, or the
 * rectangle to the pointer) and the clicked vertices (the first one marked:
 * clicking it closes the polygon); and the chosen take-off point.
 */
import type { Feature, FeatureCollection, LineString, Point, Polygon } from 'geojson';
import type { DrawState } from './polygon-draw.js';
import { closeRing, rectangleRing, type LngLat } from './ring-geometry.js';

export interface DrawFeatureProps {
  readonly kind: 'area' | 'sketch' | 'vertex' | 'home';
  readonly first: boolean;
}

type DrawFeature = Feature<Polygon | LineString | Point, DrawFeatureProps>;

const pos = (p: LngLat): [number, number] => [p[0], p[1]];

function polygon(kind: 'area' | 'sketch', ring: readonly LngLat[]): DrawFeature {
  return { type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring.map(pos)] }, properties: { kind, first: false } };
}

export function drawFeatures(s: DrawState): FeatureCollection<Polygon | LineString | Point, DrawFeatureProps> {
  const features: DrawFeature[] = [];
  if (s.mode === null) {
    if (s.area !== null) features.push(polygon('area', s.area));
  } else if (s.mode === 'polygon') {
    const path = s.hover === null ? s.vertices : [...s.vertices, s.hover];
    if (path.length >= 3) features.push(polygon('sketch', closeRing(path)));
    else if (path.length === 2) features.push({ type: 'Feature', geometry: { type: 'LineString', coordinates: path.map(pos) }, properties: { kind: 'sketch', first: false } });
    s.vertices.forEach((v, i) => features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: pos(v) }, properties: { kind: 'vertex', first: i === 0 } }));
  } else if (s.anchor !== null) {
    if (s.hover !== null && s.hover[0] !== s.anchor[0] && s.hover[1] !== s.anchor[1]) features.push(polygon('sketch', rectangleRing(s.anchor, s.hover)));
    features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: pos(s.anchor) }, properties: { kind: 'vertex', first: true } });
  }
  if (s.home !== null) features.push({ type: 'Feature', geometry: { type: 'Point', coordinates: pos(s.home) }, properties: { kind: 'home', first: false } });
  return { type: 'FeatureCollection', features };
}

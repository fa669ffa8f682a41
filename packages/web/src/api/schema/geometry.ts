/** GeoJSON geometries read from `unknown` (RFC 7946 positions: [lon, lat] in degrees). */
import type { MultiPolygon, Point, Polygon, Position } from 'geojson';
import { arrayOf, fields, oneOf, SchemaError, type Reader } from './read.js';

const position: Reader<Position> = (v, path) => {
  const a = arrayOf((x, p) => {
    if (typeof x !== 'number' || !Number.isFinite(x)) throw new SchemaError(p, 'a coordinate', x);
    return x;
  })(v, path);
  if (a.length < 2 || a.length > 3) throw new SchemaError(path, 'a position [lon, lat]', v);
  return a;
};

const ring: Reader<Position[]> = (v, path) => {
  const r = arrayOf(position)(v, path);
  if (r.length < 4) throw new SchemaError(path, 'a closed ring of at least 4 positions', v);
  return r;
};

export type AreaGeometry = Polygon | MultiPolygon;

export const readAreaGeometry: Reader<AreaGeometry> = (v, path) => {
  const f = fields(v, path);
  const type = f.get('type', oneOf(['Polygon', 'MultiPolygon'] as const));
  return type === 'Polygon'
    ? { type, coordinates: f.get('coordinates', arrayOf(ring)) }
    : { type, coordinates: f.get('coordinates', arrayOf(arrayOf(ring))) };
};

export const readPoint: Reader<Point> = (v, path) => {
  const f = fields(v, path);
  f.get('type', oneOf(['Point'] as const));
  return { type: 'Point', coordinates: f.get('coordinates', position) };
};

/**
 * Pointer input for drawing a search area: map events turned into the
 * inputs of the drawing state machine (geo/polygon-draw.ts). Only this side
 * knows pixels, so it decides whether a click landed on the first vertex
 * (closing the polygon) or on the last one (the second click of a double
 * click). While drawing, double-click zoom is off, and in rectangle mode so
 * is drag-panning (the drag draws the rectangle). Pointer moves are passed
 * on at most once per animation frame.
 */
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import type { DrawInput, DrawMode } from '../geo/polygon-draw.js';
import type { LngLat } from '../geo/ring-geometry.js';

/** A click within this many pixels of a vertex is on it. */
const SNAP_PX = 10;
/** A press and release further apart than this is a drag. */
const DRAG_PX = 4;

export interface DrawBinding {
  readonly mode: DrawMode;
  /** The polygon's vertices so far (read at each click). */
  readonly vertices: () => readonly LngLat[];
  readonly onInput: (e: DrawInput) => void;
}

function lngLat(e: MapMouseEvent): LngLat {
  return [e.lngLat.lng, e.lngLat.lat];
}

export function attachDrawInteraction(map: MapLibreMap, b: DrawBinding): () => void {
  const near = (e: MapMouseEvent, v: LngLat | undefined): boolean => {
    if (v === undefined) return false;
    const p = map.project([v[0], v[1]]);
    return Math.hypot(p.x - e.point.x, p.y - e.point.y) <= SNAP_PX;
  };
  let frame = 0;
  let pending: LngLat | null = null;
  let pressedAt: { x: number; y: number } | null = null;

  const onMove = (e: MapMouseEvent): void => {
    pending = lngLat(e);
    if (frame !== 0) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      if (pending !== null) b.onInput({ type: 'move', at: pending });
    });
  };
  const onClick = (e: MapMouseEvent): void => {
    const vs = b.vertices();
    b.onInput({ type: 'click', at: lngLat(e), nearFirst: near(e, vs[0]), nearLast: near(e, vs[vs.length - 1]) });
  };
  const onDblClick = (e: MapMouseEvent): void => {
    e.preventDefault();
    b.onInput({ type: 'finish' });
  };
  const onDown = (e: MapMouseEvent): void => {
    if (e.originalEvent.button !== 0) return;
    pressedAt = { x: e.point.x, y: e.point.y };
    b.onInput({ type: 'press', at: lngLat(e) });
  };
  const onUp = (e: MapMouseEvent): void => {
    const from = pressedAt;
    pressedAt = null;
    if (from === null) return;
    b.onInput({ type: 'release', at: lngLat(e), moved: Math.hypot(e.point.x - from.x, e.point.y - from.y) > DRAG_PX });
  };

  const canvas = map.getCanvas();
  const cursor = canvas.style.cursor;
  canvas.style.cursor = 'crosshair';
  const dblZoom = map.doubleClickZoom.isEnabled();
  const dragPan = map.dragPan.isEnabled();
  map.doubleClickZoom.disable();
  map.on('mousemove', onMove);
  if (b.mode === 'polygon') {
    map.on('click', onClick);
    map.on('dblclick', onDblClick);
  } else if (b.mode === 'home') {
    map.on('click', onClick);
  } else {
    map.dragPan.disable();
    map.on('mousedown', onDown);
    map.on('mouseup', onUp);
  }
  return () => {
    if (frame !== 0) cancelAnimationFrame(frame);
    map.off('mousemove', onMove);
    map.off('click', onClick);
    map.off('dblclick', onDblClick);
    map.off('mousedown', onDown);
    map.off('mouseup', onUp);
    if (dblZoom) map.doubleClickZoom.enable();
    if (dragPan) map.dragPan.enable();
    canvas.style.cursor = cursor;
  };
}

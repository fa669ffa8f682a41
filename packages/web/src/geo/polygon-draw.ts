/**
 * Drawing a search area on the map, as a pure state machine: the map turns
 * pointer events into inputs (it alone knows pixels, so it says whether a
 * click landed on the first or the last vertex), this reducer decides.
 *
 * Polygon: each click adds a vertex; clicking the first vertex (with at
 * least three), double-clicking or Enter finishes; Backspace removes the
 * last vertex; a click on a vertex already placed (the tail of a double
 * click, or the first one too early) adds nothing. A polygon that crosses
 * itself, or encloses no area, is not accepted.
 * Rectangle: press and drag to the opposite corner, or click one corner and
 * then the other. Esc cancels either and keeps the previous area. "Use the
 * current map view" sets the area directly (`set`). Take-off point: one
 * click places it (`home` mode), or it is set directly (`setHome`, the map
 * centre); without one the server takes the area's centre.
 */
import { exteriorRing, rectangleRing, ringAreaM2, selfIntersects, type LngLat } from './ring-geometry.js';

export type DrawMode = 'polygon' | 'rectangle' | 'home';
export type DrawProblem = 'tooFew' | 'selfIntersecting';

export interface DrawState {
  /** Null when nothing is being drawn. */
  readonly mode: DrawMode | null;
  /** The polygon's vertices so far. */
  readonly vertices: readonly LngLat[];
  /** The rectangle's first corner. */
  readonly anchor: LngLat | null;
  /** Where the pointer is, for the rubber band. */
  readonly hover: LngLat | null;
  /** The finished search area, a closed counterclockwise ring; null when there is none. */
  readonly area: readonly LngLat[] | null;
  /** The take-off point chosen; null: the server's default (the area's centre). */
  readonly home: LngLat | null;
  /** Why the last attempt to finish was refused. */
  readonly problem: DrawProblem | null;
}

export type DrawInput =
  | { readonly type: 'start'; readonly mode: DrawMode }
  | { readonly type: 'click'; readonly at: LngLat; readonly nearFirst: boolean; readonly nearLast: boolean }
  | { readonly type: 'move'; readonly at: LngLat }
  | { readonly type: 'press'; readonly at: LngLat }
  | { readonly type: 'release'; readonly at: LngLat; readonly moved: boolean }
  | { readonly type: 'finish' }
  | { readonly type: 'undo' }
  | { readonly type: 'cancel' }
  | { readonly type: 'clear' }
  | { readonly type: 'set'; readonly ring: readonly LngLat[] }
  | { readonly type: 'setHome'; readonly at: LngLat | null };

export const DRAW_IDLE: DrawState = { mode: null, vertices: [], anchor: null, hover: null, area: null, home: null, problem: null };

/** Fewest vertices of a polygon. */
export const MIN_VERTICES = 3;

function stopDrawing(s: DrawState): DrawState {
  return { ...s, mode: null, vertices: [], anchor: null, hover: null, problem: null };
}

function finishPolygon(s: DrawState): DrawState {
  if (s.vertices.length < MIN_VERTICES) return { ...s, problem: 'tooFew' };
  if (selfIntersects(s.vertices)) return { ...s, problem: 'selfIntersecting' };
  // Three corners on a line enclose nothing.
  if (ringAreaM2(s.vertices) === 0) return { ...s, problem: 'tooFew' };
  return { ...stopDrawing(s), area: exteriorRing(s.vertices) };
}

function finishRectangle(s: DrawState, anchor: LngLat, at: LngLat): DrawState {
  // A rectangle without width or height is no area: keep waiting for the other corner.
  if (anchor[0] === at[0] || anchor[1] === at[1]) return s;
  return { ...stopDrawing(s), area: rectangleRing(anchor, at) };
}

export function drawReducer(s: DrawState, e: DrawInput): DrawState {
  switch (e.type) {
    case 'start':
      return { ...s, mode: e.mode, vertices: [], anchor: null, hover: null, problem: null };
    case 'cancel':
      return stopDrawing(s);
    case 'clear':
      return { ...stopDrawing(s), area: null };
    case 'set':
      return { ...stopDrawing(s), area: exteriorRing(e.ring) };
    case 'setHome':
      return { ...stopDrawing(s), home: e.at };
    case 'move':
      return s.mode === null ? s : { ...s, hover: e.at };
    case 'click':
      if (s.mode === 'home') return { ...stopDrawing(s), home: e.at };
      if (s.mode !== 'polygon') return s;
      if (e.nearFirst && s.vertices.length >= MIN_VERTICES) return finishPolygon(s);
      // On a corner already placed (the first, too early to close; or the last, the tail of a double click): nothing to add.
      if ((e.nearFirst || e.nearLast) && s.vertices.length > 0) return s;
      return { ...s, vertices: [...s.vertices, e.at], problem: null };
    case 'finish':
      return s.mode === 'polygon' ? finishPolygon(s) : s;
    case 'undo':
      return s.mode === 'polygon' ? { ...s, vertices: s.vertices.slice(0, -1), problem: null } : s;
    case 'press':
      if (s.mode !== 'rectangle') return s;
      return s.anchor === null ? { ...s, anchor: e.at, hover: e.at } : finishRectangle(s, s.anchor, e.at);
    case 'release':
      if (s.mode !== 'rectangle' || s.anchor === null || !e.moved) return s;
      return finishRectangle(s, s.anchor, e.at);
  }
}

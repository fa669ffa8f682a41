/**
 * Saved link-chart layouts (GET|PUT /api/network/layouts/:name): each
 * user's own, by name; a position per entity and whether the analyst pinned
 * it (a pinned node stays where it was put when the layout runs again).
 */
import { arrayOf, fields, int, recordOf, type Reader } from './read.js';

export interface SavedPosition {
  readonly x: number;
  readonly y: number;
  readonly pinned: boolean;
}

export interface SavedLayout {
  readonly name: string;
  readonly positions: Readonly<Record<string, SavedPosition>>;
  readonly updatedAt: string;
}

export interface LayoutSummary {
  readonly name: string;
  readonly updatedAt: string;
  readonly nodes: number;
}

const readPosition: Reader<SavedPosition> = (v, path) => {
  const f = fields(v, path);
  return { x: f.num('x'), y: f.num('y'), pinned: f.has('pinned') ? f.bool('pinned') : false };
};

export function readSavedLayout(v: unknown): SavedLayout {
  const f = fields(v, 'layout');
  return { name: f.str('name'), positions: f.get('positions', recordOf(readPosition)), updatedAt: f.str('updated_at') };
}

export function readLayoutList(v: unknown): LayoutSummary[] {
  return fields(v, 'layouts').get('layouts', arrayOf((x, p) => {
    const f = fields(x, p);
    return { name: f.str('name'), updatedAt: f.str('updated_at'), nodes: f.get('nodes', int) };
  }));
}

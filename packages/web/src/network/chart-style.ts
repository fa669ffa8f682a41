/**
 * How the link chart draws an entity: a shape, a colour and a glyph per
 * type (the glyph leads the label, so a type reads without the legend, in
 * print and to a colour-blind reader); sizes by a chosen measure; colours
 * by community once an analysis has found them. Shapes are sigma's
 * built-in SDF shapes.
 */
import type { EntityType } from '../api/schema/network.js';

export type NodeShape = 'circle' | 'square' | 'triangle' | 'diamond' | 'rectangle';

export interface TypeStyle {
  readonly shape: NodeShape;
  readonly colour: string;
  readonly glyph: string;
}

export const TYPE_STYLE: Readonly<Record<EntityType, TypeStyle>> = {
  person: { shape: 'circle', colour: '#4e9af1', glyph: '●' },
  organisation: { shape: 'square', colour: '#f5a623', glyph: '■' },
  phone: { shape: 'diamond', colour: '#7ed321', glyph: '☎' },
  vehicle: { shape: 'rectangle', colour: '#bd10e0', glyph: '▭' },
  place: { shape: 'triangle', colour: '#50e3c2', glyph: '⌂' },
  lab: { shape: 'triangle', colour: '#e94b3c', glyph: '⚗' },
  event: { shape: 'diamond', colour: '#f8e71c', glyph: '★' },
  other: { shape: 'circle', colour: '#9b9b9b', glyph: '◆' },
};

/** Twelve distinguishable colours (Tableau 10 plus two), community k takes k mod 12. */
export const COMMUNITY_COLOURS = [
  '#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f', '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac', '#86bcb6', '#d37295',
] as const;

export function communityColour(k: number): string {
  return COMMUNITY_COLOURS[((k % COMMUNITY_COLOURS.length) + COMMUNITY_COLOURS.length) % COMMUNITY_COLOURS.length]!;
}

export const MIN_NODE_SIZE = 5;
export const MAX_NODE_SIZE = 20;
export const DEFAULT_NODE_SIZE = 8;

/**
 * A node's size for a value of the measure: the area grows with the value
 * (size ∝ √value between the smallest and largest size), 0 → the smallest;
 * with no positive value at all every node has the default size.
 */
export function sizeFor(value: number | undefined, maxValue: number): number {
  if (!(maxValue > 0)) return DEFAULT_NODE_SIZE;
  const v = value === undefined || !(value > 0) ? 0 : Math.min(value, maxValue);
  return MIN_NODE_SIZE + (MAX_NODE_SIZE - MIN_NODE_SIZE) * Math.sqrt(v / maxValue);
}

/** Edges of one relation share a colour; unknown relations get one from a hash of the name. */
const RELATION_COLOURS = ['#8fa3b8', '#c98b5e', '#7fb07f', '#b48ec8', '#c7b36b', '#6fb3c0'] as const;

export function relationColour(relation: string): string {
  let h = 0;
  for (let i = 0; i < relation.length; i++) h = (h * 31 + relation.charCodeAt(i)) >>> 0;
  return RELATION_COLOURS[h % RELATION_COLOURS.length]!;
}

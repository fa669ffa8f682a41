/**
 * Network entities with a location, as points for the map beside the
 * labs and sources: each in its type's colour with its label; the one
 * selected on the chart drawn larger (its id is the feature id). Entities
 * merged into another are not drawn (their survivor stands for them).
 */
import type { FeatureCollection, Point } from 'geojson';
import type { EntityType, NetworkEntity } from '../api/schema/network.js';
import { TYPE_STYLE } from './chart-style.js';

export interface NetworkPointProps {
  readonly id: string;
  readonly type: EntityType;
  readonly colour: string;
  readonly label: string;
}

export function networkPoints(entities: readonly NetworkEntity[]): FeatureCollection<Point, NetworkPointProps> {
  return {
    type: 'FeatureCollection',
    features: entities
      .filter((e) => e.mergedInto === null && e.lat !== null && e.lon !== null)
      .map((e) => ({
        type: 'Feature' as const,
        geometry: { type: 'Point' as const, coordinates: [e.lon!, e.lat!] },
        properties: { id: e.id, type: e.type, colour: TYPE_STYLE[e.type].colour, label: `${TYPE_STYLE[e.type].glyph} ${e.label}` },
      })),
  };
}

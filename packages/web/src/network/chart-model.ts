/**
 * The link chart as data: one node per entity standing for itself (merged
 * entities are drawn as their survivor), one edge per assertion — so two
 * reports of the same link are two curved parallel edges, each with its
 * own provenance — under the chart's filters. Node attributes carry
 * everything sigma's styles read (position, size, colour, shape, label)
 * and what the app reads back (type, community, the measure's value).
 * Plain data in graphology's serialised shape, imported by the chart
 * component; computed without a browser, so it is tested directly.
 */
import type { EntityType, NetworkAssertion, NetworkEntity } from '../api/schema/network.js';
import { assertionPasses, entityPasses, type ChartFilters } from './chart-filters.js';
import { communityColour, relationColour, sizeFor, TYPE_STYLE, type NodeShape } from './chart-style.js';
import type { ChartPosition } from './layout-positions.js';
import { survivorOf } from './resolve-ends.js';

export interface ChartNodeAttributes {
  readonly label: string;
  readonly x: number;
  readonly y: number;
  readonly size: number;
  readonly color: string;
  readonly shape: NodeShape;
  readonly type: EntityType;
  /** ForceAtlas2 leaves a fixed node where it is. */
  readonly fixed: boolean;
  readonly community: number | null;
  readonly value: number | null;
  /** Outside the ego network or path in focus: drawn faint. */
  readonly dimmed: boolean;
}

export interface ChartEdgeAttributes {
  readonly relation: string;
  readonly grading: string;
  readonly color: string;
  readonly size: number;
  /** A directed assertion is drawn with an arrow head. */
  readonly directed: boolean;
  readonly dimmed: boolean;
}

export interface ChartModel {
  readonly nodes: readonly { readonly key: string; readonly attributes: ChartNodeAttributes }[];
  /** Keyed by assertion id. */
  readonly edges: readonly { readonly key: string; readonly source: string; readonly target: string; readonly attributes: ChartEdgeAttributes }[];
  /** Assertions the filters (or a merge into one entity) left out. */
  readonly hiddenAssertions: number;
}

/** An ego network or a path: the entities in it and its links as unordered pairs "a|b". */
export interface ChartFocus {
  readonly nodes: ReadonlySet<string>;
  readonly pairs: ReadonlySet<string>;
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export interface ChartInput {
  readonly entities: readonly NetworkEntity[];
  readonly assertions: readonly NetworkAssertion[];
  readonly filters: ChartFilters;
  readonly positions: ReadonlyMap<string, ChartPosition>;
  /** The measure nodes are sized by (entity id → value); null: one size. */
  readonly measure: Readonly<Record<string, number>> | null;
  /** Louvain membership (entity id → community); null: coloured by type. */
  readonly communities: Readonly<Record<string, number>> | null;
  readonly focus: ChartFocus | null;
}

const DIMMED_NODE = '#3b4756';
const DIMMED_EDGE = '#2c3641';

export function buildChartModel(input: ChartInput): ChartModel {
  const resolve = survivorOf(input.entities);
  const shown = input.entities.filter((e) => e.mergedInto === null && entityPasses(e, input.filters));
  const shownIds = new Set(shown.map((e) => e.id));
  let maxValue = 0;
  if (input.measure !== null) for (const e of shown) maxValue = Math.max(maxValue, input.measure[e.id] ?? 0);
  const focus = input.focus;

  const nodes = shown.map((e) => {
    const style = TYPE_STYLE[e.type];
    const pos = input.positions.get(e.id) ?? { x: 0, y: 0, pinned: false };
    const community = input.communities?.[e.id] ?? null;
    const value = input.measure?.[e.id] ?? null;
    const dimmed = focus !== null && !focus.nodes.has(e.id);
    return {
      key: e.id,
      attributes: {
        label: `${style.glyph} ${e.label}`,
        x: pos.x,
        y: pos.y,
        size: input.measure === null ? sizeFor(undefined, 0) : sizeFor(value ?? 0, maxValue),
        color: dimmed ? DIMMED_NODE : community !== null ? communityColour(community) : style.colour,
        shape: style.shape,
        type: e.type,
        fixed: pos.pinned,
        community,
        value,
        dimmed,
      },
    };
  });

  const edges: ChartModel['edges'][number][] = [];
  let hidden = 0;
  for (const a of input.assertions) {
    const source = resolve(a.from);
    const target = resolve(a.to);
    if (source === undefined || target === undefined || source === target || !shownIds.has(source) || !shownIds.has(target) || !assertionPasses(a, input.filters)) {
      hidden++;
      continue;
    }
    const dimmed = focus !== null && !focus.pairs.has(pairKey(source, target));
    edges.push({
      key: a.id,
      source,
      target,
      attributes: {
        relation: a.type,
        grading: a.grading,
        color: dimmed ? DIMMED_EDGE : relationColour(a.type),
        size: Math.min(6, 1 + Math.log2(Math.max(1, a.count))),
        directed: a.directed,
        dimmed,
      },
    });
  }
  return { nodes, edges, hiddenAssertions: hidden };
}

/**
 * The link chart: sigma (WebGL) on a graphology multigraph made from the
 * chart model. One shape, colour and glyph per entity type, sizes by the
 * chosen measure, colours by community; one edge per assertion, parallel
 * ones curved apart (sigma's parallelPath), directed ones with an arrow.
 * Dragging a node pins it there; "lay out" runs ForceAtlas2 around the
 * pinned nodes. Click a node or an edge to select it.
 * `window.__narizNetwork` exposes the graph's size and the renderer for
 * the end-to-end test.
 */
import Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import Sigma, { DEFAULT_STYLES } from 'sigma';
import { extremityArrow, layerFill, layerPlain, pathCurved, pathLine, sdfCircle, sdfDiamond, sdfRectangle, sdfSquare, sdfTriangle } from 'sigma/rendering';
import { useEffect, useRef, type ReactNode } from 'react';
import type { ChartModel } from '../../network/chart-model.js';
import type { ChartPosition } from '../../network/layout-positions.js';
import type { NetworkSelection } from '../../workspace/use-network.js';

declare global {
  interface Window {
    /** Diagnostics handle: the link chart's graph (used by the end-to-end test). */
    __narizNetwork?: { readonly order: () => number; readonly size: () => number; readonly nodes: () => string[]; readonly renderer: Sigma };
  }
}

/** ForceAtlas2 iterations per "lay out" (synchronous: a few hundred nodes take well under a second). */
const LAYOUT_ITERATIONS = 300;

export interface NetworkChartProps {
  readonly model: ChartModel;
  readonly selection: NetworkSelection | null;
  readonly onSelect: (s: NetworkSelection | null) => void;
  /** Every change of this number runs the layout once. */
  readonly layoutRequest: number;
  /** Positions after a layout or a drag (pinned ones flagged). */
  readonly onPositions: (p: Map<string, ChartPosition>) => void;
  readonly label: string;
}

function positionsOf(graph: Graph): Map<string, ChartPosition> {
  const out = new Map<string, ChartPosition>();
  graph.forEachNode((key, a) => out.set(key, { x: Number(a['x']), y: Number(a['y']), pinned: a['fixed'] === true }));
  return out;
}

export function NetworkChart(p: NetworkChartProps): ReactNode {
  const box = useRef<HTMLDivElement>(null);
  const graphRef = useRef<Graph | null>(null);
  const sigmaRef = useRef<Sigma | null>(null);
  const latest = useRef(p);
  latest.current = p;

  useEffect(() => {
    const el = box.current;
    if (el === null) return undefined;
    const graph = new Graph({ multi: true, type: 'mixed', allowSelfLoops: false });
    const renderer = new Sigma(graph, el, {
      primitives: {
        nodes: { shapes: [sdfCircle(), sdfSquare(), sdfTriangle(), sdfDiamond(), sdfRectangle({ aspectRatio: 1.6 })], layers: [layerFill()] },
        edges: { paths: [pathLine(), pathCurved()], extremities: [extremityArrow()], layers: [layerPlain()] },
      },
      styles: {
        nodes: [
          DEFAULT_STYLES.nodes,
          {
            shape: { attribute: 'shape' },
            color: { attribute: 'color' },
            size: { whenState: 'isHighlighted', then: { attribute: 'size', defaultValue: 8 }, else: { attribute: 'size', defaultValue: 8 } },
            labelColor: { whenData: { dimmed: true }, then: '#6b7785', else: '#e8edf2' },
            labelVisibility: { whenState: ['isHighlighted'], then: 'visible', else: 'auto' },
            backdropVisibility: { whenState: ['isHovered'], then: 'visible', else: { whenState: ['isHighlighted'], then: 'visible', else: 'hidden' } },
            backdropColor: '#1d2834',
          },
        ],
        edges: [
          DEFAULT_STYLES.edges,
          {
            color: { whenState: 'isHighlighted', then: '#ffffff', else: { attribute: 'color' } },
            size: { attribute: 'size', defaultValue: 1 },
            path: 'straight',
            parallelPath: 'curved',
            head: { whenData: { directed: true }, then: 'arrow' },
          },
        ],
      },
      settings: { itemSizesReference: 'screen', enableEdgeEvents: true, enableNodeDrag: true, renderEdgeLabels: false, labelDensity: 1, labelRenderedSizeThreshold: 4 },
    });
    graphRef.current = graph;
    sigmaRef.current = renderer;
    window.__narizNetwork = { order: () => graph.order, size: () => graph.size, nodes: () => graph.nodes(), renderer };

    renderer.on('clickNode', ({ node }) => latest.current.onSelect({ kind: 'entity', id: node }));
    renderer.on('clickEdge', ({ edge }) => {
      if (!graph.hasEdge(edge)) return;
      latest.current.onSelect({ kind: 'edge', assertionId: edge, from: graph.source(edge), to: graph.target(edge) });
    });
    renderer.on('clickStage', () => latest.current.onSelect(null));
    // A node put somewhere by hand stays there: pinned, and left alone by the layout.
    renderer.on('nodeDragEnd', ({ allDraggedNodes }) => {
      for (const n of allDraggedNodes) if (graph.hasNode(n)) graph.setNodeAttribute(n, 'fixed', true);
      latest.current.onPositions(positionsOf(graph));
    });
    return () => {
      renderer.kill();
      graphRef.current = null;
      sigmaRef.current = null;
      if (window.__narizNetwork?.renderer === renderer) delete window.__narizNetwork;
    };
  }, []);

  // The model replaces the graph (a few thousand items at most: simpler and safe).
  const { model } = p;
  useEffect(() => {
    const graph = graphRef.current;
    if (graph === null) return;
    graph.clear();
    for (const n of model.nodes) graph.addNode(n.key, { ...n.attributes });
    for (const e of model.edges) {
      if (e.attributes.directed) graph.addDirectedEdgeWithKey(e.key, e.source, e.target, { ...e.attributes });
      else graph.addUndirectedEdgeWithKey(e.key, e.source, e.target, { ...e.attributes });
    }
    sigmaRef.current?.refresh();
  }, [model]);

  const { layoutRequest } = p;
  useEffect(() => {
    const graph = graphRef.current;
    if (graph === null || layoutRequest === 0 || graph.order === 0) return;
    forceAtlas2.assign(graph, { iterations: LAYOUT_ITERATIONS, settings: { ...forceAtlas2.inferSettings(graph), barnesHutOptimize: graph.order > 500 } });
    latest.current.onPositions(positionsOf(graph));
  }, [layoutRequest]);

  // The selection: the entity, or the edge and its two ends, drawn highlighted.
  const { selection } = p;
  useEffect(() => {
    const graph = graphRef.current;
    const renderer = sigmaRef.current;
    if (graph === null || renderer === null) return;
    renderer.setNodesState(graph.nodes(), { isHighlighted: false });
    renderer.setEdgesState(graph.edges(), { isHighlighted: false });
    if (selection?.kind === 'entity' && graph.hasNode(selection.id)) renderer.setNodeState(selection.id, { isHighlighted: true });
    if (selection?.kind === 'edge' && graph.hasEdge(selection.assertionId)) {
      renderer.setEdgeState(selection.assertionId, { isHighlighted: true });
      renderer.setNodesState([selection.from, selection.to].filter((n) => graph.hasNode(n)), { isHighlighted: true });
    }
  }, [selection, model]);

  return (
    <div
      ref={box}
      className="network-chart"
      role="img"
      aria-label={p.label}
      data-testid="network-chart"
      data-nodes={model.nodes.length}
      data-edges={model.edges.length}
    />
  );
}

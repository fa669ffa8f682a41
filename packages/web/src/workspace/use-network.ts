/**
 * The network tab's state, shared by its panel (filters, analyses,
 * imports, merges, layouts, exports), the link chart above the map, and
 * the map (entities with a location): the record as the reader may see it,
 * the chart's filters and choices of size and colour, the selection (an
 * entity or one assertion's edge), the ego network or path in focus, the
 * analysis run and its result (polled until done), and the positions of
 * the chart's nodes. Loaded when the tab is first opened; every change
 * made here reloads it.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type MutableRefObject } from 'react';
import type { MeasureName, AnalysisRun } from '../api/schema/network-analysis.js';
import type { EgoAnswer, PathAnswer } from '../api/schema/network-query.js';
import type { NetworkAssertion, NetworkEntity, NetworkMerge } from '../api/schema/network.js';
import { NO_FILTERS, type ChartFilters } from '../network/chart-filters.js';
import { pairKey, type ChartFocus } from '../network/chart-model.js';
import type { ChartPosition } from '../network/layout-positions.js';
import { networkPoints, type NetworkPointProps } from '../network/network-map-features.js';
import type { NetworkClient } from '../network/network-client.js';
import type { FeatureCollection, Point } from 'geojson';

/** Run-state polls while an analysis runs. */
const POLL_MS = 700;

export interface NetworkData {
  readonly entities: readonly NetworkEntity[];
  readonly assertions: readonly NetworkAssertion[];
  readonly merges: readonly NetworkMerge[];
}

export type NetworkSelection =
  | { readonly kind: 'entity'; readonly id: string }
  /** One assertion's edge, with its ends as drawn (merges applied). */
  | { readonly kind: 'edge'; readonly assertionId: string; readonly from: string; readonly to: string };

export type NetworkFocus = { readonly kind: 'ego'; readonly answer: EgoAnswer } | { readonly kind: 'path'; readonly answer: PathAnswer };

export interface NetworkWorkspace {
  readonly client: NetworkClient;
  readonly data: NetworkData | null;
  readonly error: unknown;
  readonly reload: () => void;
  readonly filters: ChartFilters;
  readonly setFilters: (f: ChartFilters) => void;
  readonly sizeBy: MeasureName | null;
  readonly setSizeBy: (m: MeasureName | null) => void;
  readonly colourByCommunity: boolean;
  readonly setColourByCommunity: (on: boolean) => void;
  readonly selection: NetworkSelection | null;
  readonly select: (s: NetworkSelection | null) => void;
  readonly focus: NetworkFocus | null;
  readonly setFocus: (f: NetworkFocus | null) => void;
  /** The focus as the chart draws it. */
  readonly chartFocus: ChartFocus | null;
  readonly run: AnalysisRun | null;
  readonly runError: unknown;
  readonly startRun: (body: Record<string, unknown>) => void;
  /** Node positions, written by the chart (layout, drags) and by loading a saved layout. */
  readonly positions: MutableRefObject<Map<string, ChartPosition>>;
  /** Bumped when positions were replaced from outside the chart. */
  readonly positionsVersion: number;
  readonly replacePositions: (p: Map<string, ChartPosition>) => void;
  /** Each change runs the chart's force layout once. */
  readonly layoutRequest: number;
  readonly requestLayout: () => void;
  /** Located entities for the map. */
  readonly mapPoints: FeatureCollection<Point, NetworkPointProps>;
  readonly labelOf: (id: string) => string;
}

export function useNetwork(client: NetworkClient, active: boolean): NetworkWorkspace {
  const [data, setData] = useState<NetworkData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [filters, setFilters] = useState<ChartFilters>(NO_FILTERS);
  const [sizeBy, setSizeBy] = useState<MeasureName | null>(null);
  const [colourByCommunity, setColourByCommunity] = useState(true);
  const [selection, select] = useState<NetworkSelection | null>(null);
  const [focus, setFocus] = useState<NetworkFocus | null>(null);
  const [run, setRun] = useState<AnalysisRun | null>(null);
  const [runError, setRunError] = useState<unknown>(null);
  const positions = useRef(new Map<string, ChartPosition>());
  const [positionsVersion, setPositionsVersion] = useState(0);
  const [opened, setOpened] = useState(false);
  const [layoutRequest, setLayoutRequest] = useState(0);
  const requestLayout = useCallback(() => setLayoutRequest((r) => r + 1), []);
  useEffect(() => {
    if (active) setOpened(true);
  }, [active]);

  const seq = useRef(0);
  const reload = useCallback(() => {
    const s = ++seq.current;
    Promise.all([client.entities(), client.assertions(), client.merges()]).then(
      ([entities, assertions, merges]) => {
        if (s !== seq.current) return;
        setData({ entities, assertions, merges });
        setError(null);
      },
      (err: unknown) => s === seq.current && setError(err),
    );
  }, [client]);
  useEffect(() => {
    if (opened) reload();
  }, [opened, reload]);

  // One run at a time is followed: its state is polled until it is done or failed.
  const runSeq = useRef(0);
  const startRun = useCallback(
    (body: Record<string, unknown>) => {
      const s = ++runSeq.current;
      setRunError(null);
      const follow = (r: AnalysisRun): void => {
        if (s !== runSeq.current) return;
        setRun(r);
        if (r.state === 'done' || r.state === 'failed') return;
        setTimeout(() => {
          if (s !== runSeq.current) return;
          client.analysis(r.id).then(follow, (err: unknown) => s === runSeq.current && setRunError(err));
        }, POLL_MS);
      };
      client.startAnalysis(body).then(follow, (err: unknown) => s === runSeq.current && setRunError(err));
    },
    [client],
  );
  useEffect(() => () => {
    runSeq.current++;
  }, []);

  const replacePositions = useCallback((p: Map<string, ChartPosition>) => {
    positions.current = p;
    setPositionsVersion((v) => v + 1);
  }, []);

  const chartFocus = useMemo<ChartFocus | null>(() => {
    if (focus === null) return null;
    const nodes = new Set<string>(focus.kind === 'ego' ? focus.answer.members.map((m) => m.id) : [focus.answer.from, focus.answer.to, ...focus.answer.edges.flatMap((e) => [e.from, e.to])]);
    const pairs = new Set(focus.answer.edges.map((e) => pairKey(e.from, e.to)));
    return { nodes, pairs };
  }, [focus]);

  const labels = useMemo(() => new Map((data?.entities ?? []).map((e) => [e.id, e.label])), [data]);
  const labelOf = useCallback((id: string) => labels.get(id) ?? id, [labels]);
  const mapPoints = useMemo(() => networkPoints(data?.entities ?? []), [data]);

  return {
    client, data, error, reload, filters, setFilters, sizeBy, setSizeBy, colourByCommunity, setColourByCommunity, selection, select, focus, setFocus,
    chartFocus, run, runError, startRun, positions, positionsVersion, replacePositions, layoutRequest, requestLayout, mapPoints, labelOf,
  };
}

/**
 * The network tab's state, shared by its panel (filters, analyses,
 * imports, merges, layouts, exports), the link chart above the map, and
 * the map (entities with a location): the record as the reader may see it,
 * the chart's filters and choices of size and colour, the selection (an
 * entity or one assertion's edge), the ego network or path in focus, the
 * analysis run and its result (polled until done), the windows run
 * ("change over time", likewise), and the positions of the chart's nodes.
 * Loaded when the tab is first opened; every change made here reloads it,
 * and so does a change anyone else makes (the live socket's `network`
 * messages, coalesced), so two analysts see each other's work.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type MutableRefObject } from 'react';
import type { MeasureName, AnalysisRun } from '../api/schema/network-analysis.js';
import type { EgoAnswer, PathAnswer } from '../api/schema/network-query.js';
import type { NetworkAssertion, NetworkEntity, NetworkMerge } from '../api/schema/network.js';
import { NO_FILTERS, type ChartFilters } from '../network/chart-filters.js';
import { pairKey, type ChartFocus } from '../network/chart-model.js';
import type { ChartPosition } from '../network/layout-positions.js';
import { networkPoints, type NetworkPointProps } from '../network/network-map-features.js';
import { changesNetworkData } from '../network/network-live.js';
import { REAL_TIMERS, RefreshDebounce } from '../network/refresh-debounce.js';
import type { FeatureCollection, Point } from 'geojson';
import type { ApiClient } from '../api/client.js';
import { useLive, type LiveHub } from './live-hub.js';
import { useNetworkRun } from './use-network-run.js';

/** Others' changes are read this long after the last of a burst, and at most this long after the first. */
const REFRESH_MS = 400;
const REFRESH_MAX_MS = 2000;

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
  readonly client: ApiClient;
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
  /** The "change over time" run: one measure over sliding windows. */
  readonly windowsRun: AnalysisRun | null;
  readonly windowsError: unknown;
  readonly startWindows: (body: Record<string, unknown>) => void;
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

export function useNetwork(client: ApiClient, hub: LiveHub, active: boolean): NetworkWorkspace {
  const [data, setData] = useState<NetworkData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [filters, setFilters] = useState<ChartFilters>(NO_FILTERS);
  const [sizeBy, setSizeBy] = useState<MeasureName | null>(null);
  const [colourByCommunity, setColourByCommunity] = useState(true);
  const [selection, select] = useState<NetworkSelection | null>(null);
  const [focus, setFocus] = useState<NetworkFocus | null>(null);
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
    Promise.all([client.networkEntities(), client.networkAssertions(), client.networkMerges()]).then(
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

  // Someone else's change (or ours, echoed): read again once the burst is over; after a reconnection, whatever was missed.
  const debounce = useRef<RefreshDebounce | null>(null);
  useEffect(() => {
    const d = new RefreshDebounce(reload, REFRESH_MS, REFRESH_MAX_MS, REAL_TIMERS);
    debounce.current = d;
    return () => {
      d.cancel();
      debounce.current = null;
    };
  }, [reload]);
  useLive(hub, {
    onMessage: (m) => {
      if (opened && changesNetworkData(m)) debounce.current?.request();
    },
    onReconnect: () => {
      if (opened) debounce.current?.request();
    },
  });

  const analysis = useNetworkRun(client);
  const { start: startAnalysis } = analysis;
  const startRun = useCallback((body: Record<string, unknown>) => startAnalysis(() => client.startNetworkAnalysis(body)), [client, startAnalysis]);
  const windows = useNetworkRun(client);
  const { start: startWindowsRun } = windows;
  const startWindows = useCallback((body: Record<string, unknown>) => startWindowsRun(() => client.startNetworkWindows(body)), [client, startWindowsRun]);
  const run = analysis.run;
  const runError = analysis.error;

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
    chartFocus, run, runError, startRun, windowsRun: windows.run, windowsError: windows.error, startWindows, positions, positionsVersion, replacePositions, layoutRequest, requestLayout, mapPoints, labelOf,
  };
}

/**
 * The link chart above the map while the network tab is open: the chart
 * with its counts and the ego network or path in focus, and beside it the
 * selected entity or link's provenance, the analysis results, the change
 * over time windows and the timeline of assertions.
 */
import { lazy, Suspense, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n-context.js';
import { buildChartModel } from '../../network/chart-model.js';
import { placeNodes, type ChartPosition } from '../../network/layout-positions.js';
import type { NetworkWorkspace } from '../../workspace/use-network.js';
import { AnalysisResults } from './AnalysisResults.js';
import { EdgeProvenance } from './EdgeProvenance.js';
import { EntityDetail } from './EntityDetail.js';
import { NetworkTimeline } from './NetworkTimeline.js';
import { WindowsResults } from './WindowsResults.js';
import type { LeadId } from '../../api/schema/ids.js';

// sigma, graphology and ForceAtlas2 load with the tab, not with the app.
const NetworkChart = lazy(() => import('./NetworkChart.js').then((m) => ({ default: m.NetworkChart })));

export interface NetworkViewProps {
  readonly network: NetworkWorkspace;
  readonly canWrite: boolean;
  /** Opens a lead (the Leads tab) from an entity tied to it. */
  readonly onOpenLead?: (id: LeadId) => void;
}

export function NetworkView(p: NetworkViewProps): ReactNode {
  const { t } = useI18n();
  const n = p.network;
  const { data, filters, sizeBy, colourByCommunity, run, chartFocus, positions, positionsVersion } = n;
  const result = run?.state === 'done' ? run.result : null;
  const windowsRun = n.windowsRun;
  const windows = windowsRun?.state === 'done' ? windowsRun.windows : null;

  const model = useMemo(() => {
    const entities = data?.entities ?? [];
    const ids = entities.filter((e) => e.mergedInto === null).map((e) => e.id);
    // New entities get a place; known ones keep theirs (the chart wrote them back after each layout or drag).
    positions.current = placeNodes(ids, positions.current, {});
    return buildChartModel({
      entities,
      assertions: data?.assertions ?? [],
      filters,
      positions: positions.current,
      measure: sizeBy === null ? null : (result?.measures[sizeBy] ?? null),
      communities: colourByCommunity ? (result?.communities?.membership ?? null) : null,
      focus: chartFocus,
    });
    // positionsVersion: a layout opened from the panel replaced the positions.
  }, [data, filters, sizeBy, colourByCommunity, result, chartFocus, positions, positionsVersion]);

  // The first time there is something to draw, lay it out once.
  const laidOut = useRef(false);
  const { requestLayout } = n;
  useEffect(() => {
    if (!laidOut.current && model.nodes.length > 0) {
      laidOut.current = true;
      requestLayout();
    }
  }, [model, requestLayout]);

  const onPositions = (next: Map<string, ChartPosition>): void => {
    for (const [k, v] of next) positions.current.set(k, v);
  };

  const sel = n.selection;
  const entity = sel?.kind === 'entity' ? (data?.entities.find((e) => e.id === sel.id) ?? null) : null;
  const focus = n.focus;
  return (
    <section className="network-view" data-testid="network-view" aria-label={t('network.chartLabel')}>
      <div className="network-toolbar">
        <span className="small" data-testid="network-counts">
          {t('network.counts', { nodes: model.nodes.length, edges: model.edges.length, hidden: model.hiddenAssertions })}
        </span>
        {focus !== null && (
          <span className="small network-focus" data-testid="network-focus" data-kind={focus.kind}>
            {focus.kind === 'ego'
              ? t('network.focus.ego', { name: n.labelOf(focus.answer.center), count: focus.answer.members.length, radius: focus.answer.radius })
              : focus.answer.paths.length === 0 && focus.answer.shortest === null
                ? t('network.focus.noPath', { hops: focus.answer.maxHops, from: n.labelOf(focus.answer.from), to: n.labelOf(focus.answer.to) })
                : t('network.focus.path', {
                    count: focus.answer.paths.length,
                    hops: focus.answer.maxHops,
                    from: n.labelOf(focus.answer.from),
                    to: n.labelOf(focus.answer.to),
                    shortest: (focus.answer.shortest?.nodes ?? []).map(n.labelOf).join(' → '),
                  })}{' '}
            <button type="button" className="small" onClick={() => n.setFocus(null)} data-testid="network-focus-clear">
              {t('network.focus.clear')}
            </button>
          </span>
        )}
      </div>
      <div className="network-body">
        <div className="network-chart-wrap">
          <Suspense fallback={<p className="network-empty muted">{t('common.loading')}</p>}>
            <NetworkChart model={model} selection={sel} onSelect={n.select} layoutRequest={n.layoutRequest} onPositions={onPositions} label={t('network.chartLabel')} />
          </Suspense>
          {data !== null && model.nodes.length === 0 && <p className="network-empty muted">{p.canWrite ? t('network.empty') : t('network.emptyViewer')}</p>}
        </div>
        <div className="network-side">
          {entity !== null && <EntityDetail key={entity.id} network={n} entity={entity} canWrite={p.canWrite} {...(p.onOpenLead === undefined ? {} : { onOpenLead: p.onOpenLead })} />}
          {sel?.kind === 'edge' && <EdgeProvenance network={n} from={sel.from} to={sel.to} assertionId={sel.assertionId} canWrite={p.canWrite} />}
          {result !== null && <AnalysisResults network={n} result={result} banner={run?.banner ?? null} />}
          {windows !== null && <WindowsResults network={n} result={windows} banner={windowsRun?.banner ?? null} />}
          {data !== null && <NetworkTimeline network={n} />}
        </div>
      </div>
    </section>
  );
}

/**
 * A windows run's result beside the chart: the top entities' measure
 * across the windows (WindowsChart) and a table of the windows — span,
 * graph size, the entities first in it, and what changed from the window
 * before (links added and removed, entities that began or stopped having
 * links). Clicking a window (in the table or on the plot) filters the
 * chart to it.
 */
import { useMemo, type ReactNode } from 'react';
import type { WindowsResult } from '../../api/schema/network-windows.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { topSeries, windowRows, type WindowRow } from '../../network/window-series.js';
import { DAY_MS } from '../../network/window-plan.js';
import type { NetworkWorkspace } from '../../workspace/use-network.js';
import { MEASURE_KEY } from './network-text.js';
import { WindowsChart } from './WindowsChart.js';

/** Lines on the plot; entities per window in the table. */
const SERIES = 6;
const PER_WINDOW = 3;

const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

export function WindowsResults(p: { readonly network: NetworkWorkspace; readonly result: WindowsResult; readonly banner: string | null }): ReactNode {
  const { t, intl } = useI18n();
  const n = p.network;
  const r = p.result;
  const { labelOf } = n;
  const rows = useMemo(() => windowRows(r, labelOf, PER_WINDOW), [r, labelOf]);
  const series = useMemo(() => topSeries(r, labelOf, SERIES), [r, labelOf]);
  const days = useMemo(() => rows.map((w) => day(w.startMs)), [rows]);
  const num = new Intl.NumberFormat(intl, { maximumFractionDigits: 4 });
  const measure = t(MEASURE_KEY[r.measure]);
  const current = n.filters.window;
  const show = (w: WindowRow): void => n.setFilters({ ...n.filters, window: { startMs: w.startMs, endMs: w.endMs } });
  const pick = (i: number): void => {
    const w = rows[i];
    if (w !== undefined) show(w);
  };
  const linkText = (links: readonly (readonly [string, string])[]): string => links.map(([a, b]) => `${labelOf(a)}–${labelOf(b)}`).join(', ');
  return (
    <section className="network-card" data-testid="network-windows-results" data-count={rows.length} data-measure={r.measure}>
      <h3>{t('network.windows.results', { measure })}</h3>
      {p.banner !== null && <p className="network-banner">{p.banner}</p>}
      <WindowsChart series={series} days={days} measureLabel={measure} onPick={pick} />
      {r.undated > 0 && <p className="small muted">{t('network.timeline.undated', { count: r.undated })}</p>}
      <table className="network-table">
        <thead>
          <tr>
            <th>{t('network.windows.window')}</th>
            <th>{t('network.windows.size')}</th>
            <th>{t('network.windows.top', { n: PER_WINDOW })}</th>
            <th>{t('network.windows.change')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((w) => {
            const selected = current !== null && current.startMs === w.startMs && current.endMs === w.endMs;
            const d = w.diff;
            return (
              <tr
                key={w.index}
                className={selected ? 'selected' : undefined}
                data-testid="network-window-row"
                data-index={w.index}
                data-start={day(w.startMs)}
                data-end={day(w.endMs)}
                data-nodes={w.nodes}
                data-edges={w.edges}
                data-top={w.top.map((e) => `${e.id}=${e.value}`).join(',')}
                data-added={d === null ? '' : d.addedLinks.map(([a, b]) => `${a}-${b}`).join(',')}
                data-removed={d === null ? '' : d.removedLinks.map(([a, b]) => `${a}-${b}`).join(',')}
                data-activated={d === null ? '' : [...d.activated].sort().join(',')}
                data-deactivated={d === null ? '' : [...d.deactivated].sort().join(',')}
                data-selected={selected ? 'true' : 'false'}
              >
                <td>
                  <button type="button" className="link" onClick={() => show(w)} data-testid="network-window-show" title={t('network.windows.show')}>
                    {day(w.startMs)} – {day(w.endMs - DAY_MS)}
                  </button>
                </td>
                <td className="num">{t('network.windows.graph', { nodes: w.nodes, edges: w.edges })}</td>
                <td>{w.top.length === 0 ? <span className="muted">—</span> : w.top.map((e) => `${e.label} ${num.format(e.value)}`).join('; ')}</td>
                <td className="small">
                  {d === null ? (
                    <span className="muted">—</span>
                  ) : (
                    <>
                      {d.addedLinks.length > 0 && <div>{t('network.windows.added', { links: linkText(d.addedLinks) })}</div>}
                      {d.removedLinks.length > 0 && <div>{t('network.windows.removed', { links: linkText(d.removedLinks) })}</div>}
                      {d.activated.length > 0 && <div>{t('network.windows.activated', { names: d.activated.map(labelOf).join(', ') })}</div>}
                      {d.deactivated.length > 0 && <div>{t('network.windows.deactivated', { names: d.deactivated.map(labelOf).join(', ') })}</div>}
                      {d.addedLinks.length + d.removedLinks.length === 0 && <span className="muted">{t('network.windows.same')}</span>}
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

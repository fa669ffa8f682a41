/**
 * The measure of the top entities across the time windows (uPlot): one
 * line per entity, a gap where it was not in a window's graph; the x axis
 * is the windows in order, labelled by their first day. A click picks the
 * window under the cursor.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useI18n } from '../../i18n/i18n-context.js';
import { communityColour } from '../../network/chart-style.js';
import type { EntitySeries } from '../../network/window-series.js';

const HEIGHT = 180;

export interface WindowsChartProps {
  readonly series: readonly EntitySeries[];
  /** Each window's first day, "YYYY-MM-DD". */
  readonly days: readonly string[];
  readonly measureLabel: string;
  readonly onPick: (index: number) => void;
}

export function WindowsChart(p: WindowsChartProps): ReactNode {
  const { t, intl } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const pick = useRef(p.onPick);
  pick.current = p.onPick;
  useEffect(() => {
    const el = box.current;
    if (el === null || p.days.length === 0 || p.series.length === 0) return undefined;
    const num = new Intl.NumberFormat(intl, { maximumFractionDigits: 4 });
    const data: uPlot.AlignedData = [p.days.map((_, i) => i), ...p.series.map((s) => [...s.values])];
    const u = new uPlot(
      {
        width: Math.max(260, el.clientWidth),
        height: HEIGHT,
        scales: { x: { time: false } },
        axes: [
          {
            stroke: '#aab4bf', grid: { stroke: '#26313c' }, ticks: { stroke: '#26313c' }, label: t('network.windows.axis'),
            incrs: [1, 2, 5, 10, 20, 50, 100], values: (_u, vals) => vals.map((v) => p.days[v] ?? ''),
          },
          { stroke: '#aab4bf', grid: { stroke: '#26313c' }, ticks: { stroke: '#26313c' }, label: p.measureLabel, values: (_u, vals) => vals.map((v) => num.format(v)), size: 56 },
        ],
        series: [
          { label: t('network.windows.window'), value: (_u: uPlot, v: number | null) => (v === null ? '—' : (p.days[v] ?? '—')) },
          ...p.series.map((s, i) => ({
            label: s.label, stroke: communityColour(i), width: 2, spanGaps: false, points: { show: true, size: 5 },
            value: (_u: uPlot, v: number | null) => (v === null ? '—' : num.format(v)),
          })),
        ],
      },
      data,
      el,
    );
    const onClick = (): void => {
      const i = u.cursor.idx;
      if (i !== null && i !== undefined) pick.current(i);
    };
    u.over.addEventListener('click', onClick);
    const ro = new ResizeObserver(() => u.setSize({ width: Math.max(260, el.clientWidth), height: HEIGHT }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      u.over.removeEventListener('click', onClick);
      u.destroy();
    };
  }, [p.series, p.days, p.measureLabel, intl, t]);
  return (
    <figure className="plot network-windows-chart" data-testid="network-windows-chart" data-series={p.series.map((s) => s.id).join(',')}>
      <div ref={box} />
    </figure>
  );
}

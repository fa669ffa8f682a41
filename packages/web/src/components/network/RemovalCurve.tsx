/**
 * The removal curve (uPlot): the largest connected component, relative to
 * its size before any removal, after each step removes the entity ranked
 * first (recomputed on what is left). Step 0 is 1.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { useI18n } from '../../i18n/i18n-context.js';

const HEIGHT = 160;

export function RemovalCurve(p: { readonly sizes: readonly number[]; readonly removed: readonly string[]; readonly caption: string }): ReactNode {
  const { t, intl } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (el === null || p.sizes.length === 0) return undefined;
    const pct = new Intl.NumberFormat(intl, { style: 'percent', maximumFractionDigits: 1 });
    const data: uPlot.AlignedData = [p.sizes.map((_, i) => i), [...p.sizes]];
    const u = new uPlot(
      {
        width: Math.max(260, el.clientWidth),
        height: HEIGHT,
        scales: { x: { time: false }, y: { range: [0, 1] } },
        axes: [
          { stroke: '#aab4bf', grid: { stroke: '#26313c' }, ticks: { stroke: '#26313c' }, label: t('network.results.removalStep'), incrs: [1, 2, 5, 10, 20, 50] },
          { stroke: '#aab4bf', grid: { stroke: '#26313c' }, ticks: { stroke: '#26313c' }, values: (_u, vals) => vals.map((v) => pct.format(v)), size: 50 },
        ],
        series: [
          { label: t('network.results.removalStep'), value: (_u: uPlot, v: number | null) => (v === null ? '—' : `${v}${v > 0 ? ` (${p.removed[v - 1] ?? ''})` : ''}`) },
          { label: t('network.results.removalSize'), stroke: '#e94b3c', width: 2, points: { show: true, size: 5 }, value: (_u: uPlot, v: number | null) => (v === null ? '—' : pct.format(v)) },
        ],
      },
      data,
      el,
    );
    const ro = new ResizeObserver(() => u.setSize({ width: Math.max(260, el.clientWidth), height: HEIGHT }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      u.destroy();
    };
  }, [p.sizes, p.removed, intl, t]);
  return (
    <figure className="plot network-removal" data-testid="network-removal" data-sizes={p.sizes.join(',')}>
      <figcaption className="small">{p.caption}</figcaption>
      <div ref={box} />
    </figure>
  );
}

/**
 * Concentration against time for every species of the sortie (uPlot), in
 * the display unit, with the detected plume peaks as triangles and the
 * replay time as a vertical line. Times are shown in UTC.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { SpeciesDetections } from '../api/schema/detections.js';
import type { SampleColumns } from '../api/schema/samples.js';
import { formatUtcTime } from '../format/numbers.js';
import { KG_M3_TO, UNIT_LABEL, type ConcentrationUnit } from '../format/units.js';
import { useI18n } from '../i18n/i18n-context.js';
import { speciesColour } from '../theme/species-colours.js';

export interface ConcentrationPlotProps {
  readonly name: string;
  readonly simulated: boolean;
  readonly samples: SampleColumns;
  readonly speciesOrder: readonly string[];
  readonly detections: readonly SpeciesDetections[] | null;
  readonly unit: ConcentrationUnit;
  readonly timeS: number | null;
}

const HEIGHT = 220;

export default function ConcentrationPlot(p: ConcentrationPlotProps): ReactNode {
  const { t, intl } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  // Read by the draw hook, which outlives renders.
  const overlay = useRef({ detections: p.detections, timeS: p.timeS, scale: KG_M3_TO[p.unit], order: p.speciesOrder });
  overlay.current = { detections: p.detections, timeS: p.timeS, scale: KG_M3_TO[p.unit], order: p.speciesOrder };

  useEffect(() => {
    const el = box.current;
    if (el === null) return undefined;
    const scale = KG_M3_TO[p.unit];
    const keys = p.speciesOrder.filter((k) => p.samples.speciesKgM3.has(k));
    const data: uPlot.AlignedData = [
      p.samples.timeS,
      ...keys.map((k) => {
        const v = p.samples.speciesKgM3.get(k)!;
        const out = new Float64Array(v.length);
        for (let i = 0; i < v.length; i++) out[i] = v[i]! * scale;
        return out;
      }),
    ];
    const numberFormat = new Intl.NumberFormat(intl, { maximumSignificantDigits: 3 });
    const clock = new Intl.DateTimeFormat(intl, { hour: '2-digit', minute: '2-digit', timeZone: 'UTC', hourCycle: 'h23' });
    const drawOverlay = (u: uPlot): void => {
      const ctx = u.ctx;
      const { left, top, width, height } = u.bbox;
      const o = overlay.current;
      ctx.save();
      ctx.beginPath();
      ctx.rect(left, top, width, height);
      ctx.clip();
      for (const s of o.detections ?? []) {
        const ki = keys.indexOf(s.key);
        if (ki < 0 || u.series[ki + 1]?.show === false) continue;
        ctx.fillStyle = speciesColour(o.order.indexOf(s.key));
        ctx.strokeStyle = '#000000';
        for (const e of s.events) {
          const x = u.valToPos(e.peakS, 'x', true);
          const y = u.valToPos(e.peakKgM3 * o.scale, 'y', true);
          const r = 5 * devicePixelRatio;
          ctx.beginPath();
          ctx.moveTo(x, y - r * 2);
          ctx.lineTo(x - r, y - r * 3.6);
          ctx.lineTo(x + r, y - r * 3.6);
          ctx.closePath();
          ctx.fill();
          ctx.stroke();
        }
      }
      if (o.timeS !== null) {
        const x = u.valToPos(o.timeS, 'x', true);
        ctx.strokeStyle = '#ffffff';
        ctx.lineWidth = 1.5 * devicePixelRatio;
        ctx.setLineDash([4 * devicePixelRatio, 3 * devicePixelRatio]);
        ctx.beginPath();
        ctx.moveTo(x, top);
        ctx.lineTo(x, top + height);
        ctx.stroke();
      }
      ctx.restore();
    };
    const opts: uPlot.Options = {
      width: Math.max(300, el.clientWidth),
      height: HEIGHT,
      // Ticks placed and labelled in UTC, 24-hour, in the reader's locale.
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC'),
      scales: { x: { time: true } },
      axes: [
        {
          stroke: '#aab4bf',
          grid: { stroke: '#26313c' },
          ticks: { stroke: '#26313c' },
          label: t('plot.time'),
          values: (_u, splits) => splits.map((v) => clock.format(new Date(v * 1000))),
        },
        { stroke: '#aab4bf', grid: { stroke: '#26313c' }, ticks: { stroke: '#26313c' }, label: UNIT_LABEL[p.unit], values: (_u, vals) => vals.map((v) => numberFormat.format(v)), size: 60 },
      ],
      series: [
        { label: t('plot.time'), value: (_u: uPlot, v: number | null) => (v === null ? '—' : formatUtcTime(intl, v)) },
        ...keys.map((k) => ({
          label: k,
          stroke: speciesColour(p.speciesOrder.indexOf(k)),
          width: 1.2,
          points: { show: false },
          value: (_u: uPlot, v: number | null) => (v === null ? '—' : `${numberFormat.format(v)} ${UNIT_LABEL[p.unit]}`),
        })),
      ],
      legend: { live: true },
      hooks: { draw: [drawOverlay] },
    };
    const u = new uPlot(opts, data, el);
    plot.current = u;
    const ro = new ResizeObserver(() => u.setSize({ width: Math.max(300, el.clientWidth), height: HEIGHT }));
    ro.observe(el);
    return () => {
      ro.disconnect();
      u.destroy();
      plot.current = null;
    };
  }, [p.samples, p.speciesOrder, p.unit, intl, t]);

  // Peaks and the replay line change often: redraw without rebuilding the chart.
  useEffect(() => {
    plot.current?.redraw(false, false);
  }, [p.detections, p.timeS]);

  return (
    <figure className="plot" data-testid="concentration-plot">
      <figcaption>
        {t('plot.title', { name: p.name })} {p.simulated && <span className="badge badge-simulated">{t('simulated.badge')}</span>}
        <span className="small muted"> · {t('plot.peaks')}</span>
      </figcaption>
      {p.samples.timeS.length === 0 ? <p className="muted">{t('plot.noData')}</p> : <div ref={box} className="plot-canvas" />}
    </figure>
  );
}

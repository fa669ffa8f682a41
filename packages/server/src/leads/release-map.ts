/**
 * The release's map as inline SVG: the hazard zones, the 95 % circle and
 * the lab on the lab's local east/north tangent plane (core's LocalFrame,
 * metres), north up, with a scale bar of a round length. Drawn from the
 * package alone — no tiles, no network — so the HTML and PDF are
 * self-contained and show exactly what was released.
 */
import { LocalFrame } from '@nariz/core';
import type { HazardZone } from './estimate-source.js';

const WIDTH = 640;
const HEIGHT = 420;
const MARGIN = 28;
/** ALOHA's colours for levels 1-3, as the hazard GeoJSON uses them. */
const LEVEL_FILL: Readonly<Record<number, string>> = { 1: '#ffff00', 2: '#ffa500', 3: '#ff0000' };

type Point = readonly [number, number];

/** 1, 2 or 5 times a power of ten, at most `x`. */
export function roundLength(x: number): number {
  const p = 10 ** Math.floor(Math.log10(x));
  const m = x / p;
  return (m >= 5 ? 5 : m >= 2 ? 2 : 1) * p;
}

function rings(zone: HazardZone | null): Array<{ level: number; envelope: boolean; rings: Point[][] }> {
  if (zone === null) return [];
  return zone.features.map((f) => ({
    level: f.properties.level,
    envelope: f.properties.kind === 'direction-uncertainty',
    rings: (f.geometry.type === 'Polygon' ? [f.geometry.coordinates as Point[][]] : (f.geometry.coordinates as Point[][][])).flat(),
  }));
}

const num = (x: number): string => x.toFixed(1);

export function releaseMapSvg(lat: number, lon: number, ci95M: number | null, zone: HazardZone | null, caption: string): string {
  const frame = new LocalFrame({ lat, lon });
  const shapes = rings(zone)
    .sort((a, b) => Number(b.envelope) - Number(a.envelope) || a.level - b.level)
    .map((s) => ({ ...s, enu: s.rings.map((r) => r.map(([x, y]): Point => {
      const p = frame.toEnu(y, x);
      return [p.east, p.north];
    })) }));
  // The extent: every zone vertex and the 95 % circle (at least 100 m around the lab, so a lone point has a frame).
  const reach = Math.max(ci95M ?? 0, 100);
  let minE = -reach;
  let maxE = reach;
  let minN = -reach;
  let maxN = reach;
  for (const s of shapes) for (const r of s.enu) for (const [e, n] of r) {
    minE = Math.min(minE, e);
    maxE = Math.max(maxE, e);
    minN = Math.min(minN, n);
    maxN = Math.max(maxN, n);
  }
  const scale = Math.min((WIDTH - 2 * MARGIN) / (maxE - minE), (HEIGHT - 2 * MARGIN) / (maxN - minN));
  const cx = (minE + maxE) / 2;
  const cy = (minN + maxN) / 2;
  const px = (e: number): number => WIDTH / 2 + (e - cx) * scale;
  const py = (n: number): number => HEIGHT / 2 - (n - cy) * scale;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-label="${caption.replace(/"/g, '&quot;')}">`,
    `<rect x="0" y="0" width="${WIDTH}" height="${HEIGHT}" fill="#f5f3ee" stroke="#888"/>`,
  ];
  for (const s of shapes) {
    const d = s.enu.map((r) => `M${r.map(([e, n]) => `${num(px(e))} ${num(py(n))}`).join(' L')} Z`).join(' ');
    const fill = LEVEL_FILL[s.level] ?? '#999999';
    out.push(
      s.envelope
        ? `<path d="${d}" fill="${fill}" fill-opacity="0.10" stroke="${fill}" stroke-width="1" stroke-dasharray="5 3" fill-rule="evenodd"/>`
        : `<path d="${d}" fill="${fill}" fill-opacity="0.40" stroke="#333" stroke-width="1" fill-rule="evenodd"/>`,
    );
  }
  const x0 = px(0);
  const y0 = py(0);
  if (ci95M !== null && ci95M > 0) out.push(`<circle cx="${num(x0)}" cy="${num(y0)}" r="${num(ci95M * scale)}" fill="none" stroke="#000" stroke-width="1.2" stroke-dasharray="4 3"/>`);
  out.push(
    `<path d="M${num(x0 - 9)} ${num(y0)} L${num(x0 + 9)} ${num(y0)} M${num(x0)} ${num(y0 - 9)} L${num(x0)} ${num(y0 + 9)}" stroke="#000" stroke-width="2.5"/>`,
    `<circle cx="${num(x0)}" cy="${num(y0)}" r="3" fill="#fff" stroke="#000" stroke-width="1.5"/>`,
  );
  // Scale bar, bottom left: a round length near a quarter of the width.
  const metres = roundLength((WIDTH / 4) / scale);
  const bar = metres * scale;
  const label = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
  const by = HEIGHT - 14;
  out.push(
    `<rect x="12" y="${by - 20}" width="${num(bar + 16)}" height="28" fill="#fff" fill-opacity="0.8"/>`,
    `<path d="M20 ${by - 6} L20 ${by} L${num(20 + bar)} ${by} L${num(20 + bar)} ${by - 6}" fill="none" stroke="#000" stroke-width="2"/>`,
    `<text x="${num(20 + bar / 2)}" y="${by - 9}" font-family="sans-serif" font-size="12" text-anchor="middle">${label}</text>`,
  );
  // North arrow, top right.
  const ax = WIDTH - 24;
  out.push(
    `<path d="M${ax} 14 L${ax + 7} 34 L${ax} 29 L${ax - 7} 34 Z" fill="#000"/>`,
    `<text x="${ax}" y="48" font-family="sans-serif" font-size="12" font-weight="bold" text-anchor="middle">N</text>`,
    '</svg>',
  );
  return out.join('\n');
}

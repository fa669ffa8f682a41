/**
 * Time order. Real logs sometimes interleave (two loggers merged, a buffer
 * flushed late), so out-of-order rows are sorted rather than rejected. The
 * sort is stable: rows with equal times keep their file order.
 */
import type { Sortie } from '@nariz/core';

export function sortSortieByTime(s: Sortie): Sortie {
  const t = s.timeS;
  const order = new Uint32Array(s.count);
  for (let i = 0; i < order.length; i++) order[i] = i;
  // The index tie-break makes the order stable whatever the engine's sort is.
  order.sort((a, b) => t[a]! - t[b]! || a - b);
  const f64 = (src: Float64Array): Float64Array => {
    const out = new Float64Array(src.length);
    for (let i = 0; i < out.length; i++) out[i] = src[order[i]!]!;
    return out;
  };
  const stability = new Uint8Array(s.count);
  for (let i = 0; i < stability.length; i++) stability[i] = s.stability[order[i]!]!;
  const base = {
    count: s.count,
    timeS: f64(s.timeS),
    lat: f64(s.lat),
    lon: f64(s.lon),
    altAglM: f64(s.altAglM),
    windU: f64(s.windU),
    windV: f64(s.windV),
    stability,
    tempC: f64(s.tempC),
    pressureHpa: f64(s.pressureHpa),
    species: s.species.map((sp) => ({ ...sp, kgM3: f64(sp.kgM3) })),
  };
  if (s.endLat === undefined || s.endLon === undefined || s.endAltAglM === undefined) return base;
  return { ...base, endLat: f64(s.endLat), endLon: f64(s.endLon), endAltAglM: f64(s.endAltAglM) };
}

/**
 * The sortie CSV writer: the inverse of the reader. Numbers are written with
 * `String(x)`, the shortest text that reads back to the same double, so u/v
 * wind and Unix time round-trip exactly; concentrations go back to each
 * species' source unit with the row's own temperature and pressure, the same
 * factor the reader multiplies by.
 */
import { NarizError, STABILITY_CLASSES, fromKgM3, uvToWindFrom } from '@nariz/core';
import type { Sortie } from '@nariz/core';
import { formatIsoUtc } from './time.js';
import type { WriteSortieOptions } from './types.js';

export function writeSortieCsv(sortie: Sortie, opts: WriteSortieOptions = {}): string {
  const windAs = opts.windAs ?? 'uv';
  const timeAs = opts.timeAs ?? 'unix';
  const { endLat, endLon, endAltAglM } = sortie;
  const hasEnd = endLat !== undefined && endLon !== undefined && endAltAglM !== undefined;

  const header = ['time', 'lat', 'lon', 'alt_agl_m'];
  header.push(...(windAs === 'uv' ? ['wind_u_mps', 'wind_v_mps'] : ['wind_speed_mps', 'wind_from_deg']));
  header.push('temp_c', 'pressure_hpa', 'stability');
  if (hasEnd) header.push('end_lat', 'end_lon', 'end_alt_agl_m');
  for (const s of sortie.species) header.push(`${s.key}_${s.unit}`);

  const lines: string[] = [header.map(quoteIfNeeded).join(',')];
  const cells: string[] = [];
  for (let i = 0; i < sortie.count; i++) {
    cells.length = 0;
    const t = sortie.timeS[i]!;
    cells.push(timeAs === 'iso' ? isoOrThrow(t, i) : String(t));
    cells.push(String(sortie.lat[i]!), String(sortie.lon[i]!), String(sortie.altAglM[i]!));
    const u = sortie.windU[i]!;
    const v = sortie.windV[i]!;
    if (windAs === 'uv') cells.push(String(u), String(v));
    else {
      const w = uvToWindFrom(u, v);
      cells.push(String(w.speedMps), String(w.fromDeg));
    }
    const tempC = sortie.tempC[i]!;
    const pressureHpa = sortie.pressureHpa[i]!;
    cells.push(String(tempC), String(pressureHpa));
    const st = sortie.stability[i]!;
    cells.push(STABILITY_CLASSES[st] ?? '');
    if (hasEnd) {
      const la = endLat[i]!;
      // NaN marks a point sample: all three end cells stay empty.
      if (Number.isNaN(la)) cells.push('', '', '');
      else cells.push(String(la), String(endLon[i]!), String(endAltAglM[i]!));
    }
    for (const s of sortie.species) cells.push(String(fromKgM3(s.kgM3[i]!, s.unit, s.molarMassGmol, tempC, pressureHpa)));
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

function isoOrThrow(unixS: number, row: number): string {
  try {
    return formatIsoUtc(unixS);
  } catch (e) {
    throw new NarizError('NARIZ_USAGE', `sample ${row}: time ${unixS} s cannot be written as ISO 8601 (years 0000..9999 only); use timeAs: 'unix'`, undefined, { cause: e });
  }
}

/** RFC 4180: quote a cell holding a comma, quote or line break, doubling inner quotes. */
function quoteIfNeeded(cell: string): string {
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

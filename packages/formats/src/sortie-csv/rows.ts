/**
 * Data rows: cells -> validated numbers appended to typed-array columns.
 * A row is decoded completely into scratch space before anything is
 * appended, so a rejected row leaves no partial values behind, and every
 * value that reaches a column has passed its check: no NaN slips through.
 */
import { SortieBuilder, STABILITY_UNKNOWN, STANDARD_PRESSURE_HPA, STANDARD_TEMP_C, toKgM3Factor, windFromToUv } from '@nariz/core';
import type { ErrorCode, Sortie } from '@nariz/core';
import { describeBadNumber, isEmptyCell, parseFiniteDecimal, parseStability } from './cells.js';
import type { SortieColumns } from './columns.js';
import { parseTimeCell } from './time.js';
import { MAX_EXAMPLE_LINES } from './warnings.js';

/** Plausible bounds for near-surface air; outside them the column is almost surely in other units (K, kPa, °F). */
export const TEMP_RANGE_C = [-80, 70] as const;
export const PRESSURE_RANGE_HPA = [300, 1100] as const;

/** What is wrong with a row; the reader turns it into a NarizError or a skip. */
export interface RowProblem {
  readonly code: ErrorCode;
  /** Groups repeats in lenient-mode warnings together with `column`. */
  readonly kind: 'shape' | 'quoting' | 'empty' | 'number' | 'range' | 'time' | 'stability' | 'path';
  readonly column: string | undefined;
  readonly message: string;
}

export class RowDecoder {
  private readonly out: SortieBuilder;
  private problem: RowProblem | undefined;
  private lastTimeS = -Infinity;
  /** Lines where time went backwards (first few) and how often. */
  readonly backwards = { count: 0, lines: [] as number[] };

  constructor(private readonly cols: SortieColumns) {
    const species = cols.species.map((sp) => ({ key: sp.key, chemical: sp.chemical.name, molarMassGmol: sp.chemical.molarMassGmol, unit: sp.unit }));
    this.out = new SortieBuilder(species, { pathIntegrated: cols.end !== undefined });
  }

  get count(): number {
    return this.out.count;
  }

  /** Appends the row and returns undefined, or appends nothing and returns the first problem found. */
  decode(cells: readonly string[], line: number): RowProblem | undefined {
    const c = this.cols;
    if (cells.length !== c.width) {
      return { code: 'NARIZ_CSV_SHAPE', kind: 'shape', column: undefined, message: `expected ${c.width} cells as in the header, found ${cells.length}` };
    }
    this.problem = undefined;

    const timeCell = cells[c.time]!;
    let timeS = NaN;
    if (isEmptyCell(timeCell)) this.fail('empty', c.time, 'empty cell; "time" is required');
    else {
      const t = parseTimeCell(timeCell.trim());
      if (typeof t === 'number') timeS = t;
      else this.fail('time', c.time, t);
    }

    const lat = this.num(cells, c.lat);
    if (!(lat >= -90 && lat <= 90)) this.fail('range', c.lat, `latitude ${lat} is outside [-90, 90]`);
    const lon = this.num(cells, c.lon);
    if (!(lon >= -180 && lon <= 180)) this.fail('range', c.lon, `longitude ${lon} is outside [-180, 180]`);
    const alt = this.num(cells, c.altAglM);
    if (!(alt >= 0)) this.fail('range', c.altAglM, `height above ground ${alt} m is negative; alt_agl_m must be >= 0`);

    let u: number;
    let v: number;
    const w = c.wind;
    if (w.form === 'uv') {
      u = this.num(cells, w.u);
      v = this.num(cells, w.v);
    } else {
      const speed = this.num(cells, w.speed);
      if (!(speed >= 0)) this.fail('range', w.speed, `wind speed ${speed} m/s is negative`);
      const fromDeg = this.num(cells, w.fromDeg);
      [u, v] = windFromToUv(speed, ((fromDeg % 360) + 360) % 360);
    }

    let tempC = STANDARD_TEMP_C;
    if (c.tempC >= 0 && !isEmptyCell(cells[c.tempC]!)) {
      tempC = this.num(cells, c.tempC);
      if (!(tempC >= TEMP_RANGE_C[0] && tempC <= TEMP_RANGE_C[1])) {
        this.fail('range', c.tempC, `air temperature ${tempC} °C is outside the plausible ${TEMP_RANGE_C[0]}..${TEMP_RANGE_C[1]} °C (Kelvin or Fahrenheit?)`);
      }
    }
    let pressureHpa = STANDARD_PRESSURE_HPA;
    if (c.pressureHpa >= 0 && !isEmptyCell(cells[c.pressureHpa]!)) {
      pressureHpa = this.num(cells, c.pressureHpa);
      if (!(pressureHpa >= PRESSURE_RANGE_HPA[0] && pressureHpa <= PRESSURE_RANGE_HPA[1])) {
        this.fail('range', c.pressureHpa, `air pressure ${pressureHpa} hPa is outside the plausible ${PRESSURE_RANGE_HPA[0]}..${PRESSURE_RANGE_HPA[1]} hPa (kPa or Pa?)`);
      }
    }

    let stability = STABILITY_UNKNOWN;
    if (c.stability >= 0) {
      const cell = cells[c.stability]!;
      stability = parseStability(cell);
      if (stability < 0) this.fail('stability', c.stability, `${JSON.stringify(cell.trim())} is not a Pasquill–Gifford class A–F (or empty for unknown)`);
    }

    let endLat = NaN;
    let endLon = NaN;
    let endAlt = NaN;
    const e = c.end;
    if (e !== undefined) {
      const hasLat = !isEmptyCell(cells[e.lat]!);
      const hasLon = !isEmptyCell(cells[e.lon]!);
      const hasAlt = !isEmptyCell(cells[e.altAglM]!);
      if (hasLat && hasLon && hasAlt) {
        endLat = this.num(cells, e.lat);
        if (!(endLat >= -90 && endLat <= 90)) this.fail('range', e.lat, `latitude ${endLat} is outside [-90, 90]`);
        endLon = this.num(cells, e.lon);
        if (!(endLon >= -180 && endLon <= 180)) this.fail('range', e.lon, `longitude ${endLon} is outside [-180, 180]`);
        endAlt = this.num(cells, e.altAglM);
        if (!(endAlt >= 0)) this.fail('range', e.altAglM, `height above ground ${endAlt} m is negative; end_alt_agl_m must be >= 0`);
      } else if (hasLat || hasLon || hasAlt) {
        const filled = [e.lat, e.lon, e.altAglM].filter((i) => !isEmptyCell(cells[i]!));
        this.fail('path', !hasLat ? e.lat : !hasLon ? e.lon : e.altAglM,
          `a path-integrated row needs end_lat, end_lon and end_alt_agl_m all filled (or all empty for a point sample); filled: ${filled.map((i) => c.names[i]).join(', ')}`);
      }
    }

    const species = c.species;
    const next = this.out.next;
    for (let k = 0; k < species.length; k++) {
      const s = species[k]!;
      // Negative values are legitimate: zeroed sensors report noise around zero.
      next.kgM3[k] = this.num(cells, s.index) * toKgM3Factor(s.unit, s.chemical.molarMassGmol, tempC, pressureHpa);
    }

    if (this.problem !== undefined) return this.problem;

    if (timeS < this.lastTimeS) {
      this.backwards.count++;
      if (this.backwards.lines.length < MAX_EXAMPLE_LINES) this.backwards.lines.push(line);
    }
    this.lastTimeS = timeS;
    next.timeS = timeS;
    next.lat = lat;
    next.lon = lon;
    next.altAglM = alt;
    next.windU = u;
    next.windV = v;
    next.stability = stability;
    next.tempC = tempC;
    next.pressureHpa = pressureHpa;
    next.endLat = endLat;
    next.endLon = endLon;
    next.endAltAglM = endAlt;
    this.out.commit();
    return undefined;
  }

  /** The columns in file order; `sortByTime` restores time order when `backwards.count > 0`. */
  build(): Sortie {
    return this.out.finish();
  }

  /** The first `count` rows held (default all), in file order, removed from the decoder. */
  take(count = this.count): Sortie {
    return this.out.take(count);
  }

  /** A finite number from the cell, or NaN with the problem recorded (first one wins). */
  private num(cells: readonly string[], i: number): number {
    const s = cells[i]!;
    const v = parseFiniteDecimal(s);
    if (v === v) return v;
    if (isEmptyCell(s)) this.fail('empty', i, `empty cell; "${this.cols.names[i]}" needs a number here`);
    else this.fail('number', i, describeBadNumber(s));
    return NaN;
  }

  private fail(kind: RowProblem['kind'], column: number, message: string): void {
    this.problem ??= { code: 'NARIZ_CSV_VALUE', kind, column: this.cols.names[column], message };
  }
}

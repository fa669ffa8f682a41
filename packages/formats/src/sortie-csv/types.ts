import type { ChemicalTable, Sortie } from '@nariz/core';

export interface ReadSortieOptions {
  /** Shown in error messages and warnings (e.g. "sortie.csv, line 12, column \"lat\": ..."). */
  fileName?: string;
  /** Skip bad data rows (counted in `warnings`) instead of throwing on the first one. */
  lenient?: boolean;
  /** Where species column prefixes are looked up; default `builtinChemicals()`. */
  chemicals?: ChemicalTable;
}

/**
 * A problem that did not stop the read. Skipped-row warnings carry the
 * `NarizError` code the row would have raised without `lenient`; the others
 * use the codes in `SORTIE_WARNING_CODES`.
 */
export interface SortieWarning {
  code: string;
  message: string;
  /** How many times it happened (rows, columns or backward time steps). */
  count: number;
  /** 1-based physical lines of the first few occurrences. */
  exampleLines: number[];
}

export const SORTIE_WARNING_CODES = {
  /** A header column the format does not know; its cells are ignored. */
  extraColumn: 'CSV_EXTRA_COLUMN',
  /** Both wind forms are present; u/v wins and speed/direction are ignored. */
  windBothForms: 'CSV_WIND_BOTH_FORMS',
  /** Time went backwards; rows were stably sorted by time. */
  unsortedTime: 'CSV_UNSORTED_TIME',
} as const;

export interface ReadSortieResult {
  sortie: Sortie;
  warnings: SortieWarning[];
  /** Data rows examined (kept + skipped); the header and blank lines are not rows. */
  rowsRead: number;
  /** Rows dropped in lenient mode; always 0 otherwise. `sortie.count = rowsRead - rowsSkipped`. */
  rowsSkipped: number;
}

export interface WriteSortieOptions {
  /** `uv` (default, exact) writes wind_u_mps/wind_v_mps; `speed-dir` writes wind_speed_mps/wind_from_deg. */
  windAs?: 'uv' | 'speed-dir';
  /** `unix` (default, exact) writes seconds; `iso` writes RFC 3339 UTC with up to nanosecond fraction. */
  timeAs?: 'unix' | 'iso';
}

/**
 * The header row: which cell index holds which quantity. Resolved once per
 * file, so every header problem (missing column, unknown species, duplicate)
 * is reported before any data row is read.
 */
import { CONCENTRATION_UNITS, NarizError, isConcentrationUnit } from '@nariz/core';
import type { Chemical, ChemicalTable, ConcentrationUnit } from '@nariz/core';
import { parseTimeCell } from './time.js';
import { SORTIE_WARNING_CODES } from './types.js';
import type { WarningTally } from './warnings.js';

export const REQUIRED_COLUMNS = ['time', 'lat', 'lon', 'alt_agl_m'] as const;
export const WIND_UV_COLUMNS = ['wind_u_mps', 'wind_v_mps'] as const;
export const WIND_SPEED_DIR_COLUMNS = ['wind_speed_mps', 'wind_from_deg'] as const;
export const END_COLUMNS = ['end_lat', 'end_lon', 'end_alt_agl_m'] as const;
export const OPTIONAL_COLUMNS = ['temp_c', 'pressure_hpa', 'stability'] as const;

const KNOWN_COLUMNS: ReadonlySet<string> = new Set([
  ...REQUIRED_COLUMNS,
  ...WIND_UV_COLUMNS,
  ...WIND_SPEED_DIR_COLUMNS,
  ...END_COLUMNS,
  ...OPTIONAL_COLUMNS,
]);

export interface SpeciesColumn {
  readonly index: number;
  /** Header name as normalised (trimmed, lower case), e.g. "hcl_ppb". */
  readonly column: string;
  /** Prefix before the last underscore, e.g. "hcl". */
  readonly key: string;
  readonly chemical: Chemical;
  readonly unit: ConcentrationUnit;
}

export type WindColumns =
  | { readonly form: 'uv'; readonly u: number; readonly v: number }
  | { readonly form: 'speed-dir'; readonly speed: number; readonly fromDeg: number };

/** Cell indices; -1 marks an absent optional column. */
export interface SortieColumns {
  readonly width: number;
  readonly names: readonly string[];
  readonly time: number;
  readonly lat: number;
  readonly lon: number;
  readonly altAglM: number;
  readonly wind: WindColumns;
  readonly tempC: number;
  readonly pressureHpa: number;
  readonly stability: number;
  readonly end: { readonly lat: number; readonly lon: number; readonly altAglM: number } | undefined;
  readonly species: readonly SpeciesColumn[];
}

export interface HeaderContext {
  readonly line: number;
  readonly fileName: string | undefined;
  readonly chemicals: ChemicalTable;
  readonly warnings: WarningTally;
}

export function resolveColumns(cells: readonly string[], ctx: HeaderContext): SortieColumns {
  const names = cells.map((c) => c.trim().toLowerCase());
  const where = { file: ctx.fileName, line: ctx.line };
  const index = new Map<string, number>();
  names.forEach((name, i) => {
    if (name === '') return;
    const prev = index.get(name);
    if (prev !== undefined) {
      throw new NarizError('NARIZ_CSV_HEADER', `column "${name}" appears twice (cells ${prev + 1} and ${i + 1})`, { ...where, column: name });
    }
    index.set(name, i);
  });
  const at = (name: string): number => index.get(name) ?? -1;

  const missing: string[] = REQUIRED_COLUMNS.filter((c) => !index.has(c)).map((c) => `"${c}"`);
  const hasUv = WIND_UV_COLUMNS.every((c) => index.has(c));
  const hasSpeedDir = WIND_SPEED_DIR_COLUMNS.every((c) => index.has(c));
  if (!hasUv && !hasSpeedDir) missing.push('wind as "wind_u_mps" + "wind_v_mps" or "wind_speed_mps" + "wind_from_deg"');
  if (missing.length > 0) {
    const shown = names.slice(0, 20).map((n) => `"${n}"`).join(', ') + (names.length > 20 ? `, … (${names.length} columns)` : '');
    const looksLikeData = cells.length > 0 && typeof parseTimeCell((cells[0] ?? '').trim()) === 'number';
    const hint = looksLikeData ? '; the first line looks like data: the file must start with a header row' : '';
    throw new NarizError('NARIZ_CSV_HEADER', `missing required column(s) ${missing.join(', ')}; found ${shown}${hint}`, where);
  }

  const presentEnd = END_COLUMNS.filter((c) => index.has(c));
  if (presentEnd.length > 0 && presentEnd.length < END_COLUMNS.length) {
    const absent = END_COLUMNS.filter((c) => !index.has(c)).map((c) => `"${c}"`);
    throw new NarizError('NARIZ_CSV_HEADER', `path-integrated rows need all of "end_lat", "end_lon", "end_alt_agl_m"; missing ${absent.join(', ')}`, where);
  }

  if (hasUv) {
    const ignored = WIND_SPEED_DIR_COLUMNS.filter((c) => index.has(c));
    if (ignored.length > 0) {
      ctx.warnings.add(`header:${SORTIE_WARNING_CODES.windBothForms}`, SORTIE_WARNING_CODES.windBothForms, ctx.line,
        `wind is given as u/v and as speed/direction; using "wind_u_mps"/"wind_v_mps" and ignoring ${ignored.map((c) => `"${c}"`).join(', ')}`);
    }
  }
  const wind: WindColumns = hasUv
    ? { form: 'uv', u: at('wind_u_mps'), v: at('wind_v_mps') }
    : { form: 'speed-dir', speed: at('wind_speed_mps'), fromDeg: at('wind_from_deg') };
  const windUsed = new Set<string>(hasUv ? WIND_UV_COLUMNS : WIND_SPEED_DIR_COLUMNS);
  const windAll = new Set<string>([...WIND_UV_COLUMNS, ...WIND_SPEED_DIR_COLUMNS]);

  const species: SpeciesColumn[] = [];
  const byChemical = new Map<string, string>();
  names.forEach((name, i) => {
    if (KNOWN_COLUMNS.has(name)) {
      // With u/v in use, unused speed/direction columns are covered by the
      // both-forms warning; a lone u or v beside speed/direction is not.
      if (!hasUv && windAll.has(name) && !windUsed.has(name)) warnExtra(ctx, name, i, 'the other half of its wind pair is missing');
      return;
    }
    const cut = name.lastIndexOf('_');
    const suffix = cut > 0 ? name.slice(cut + 1) : '';
    if (!isConcentrationUnit(suffix)) {
      warnExtra(ctx, name, i, extraHint(name, cut, ctx.chemicals));
      return;
    }
    const key = name.slice(0, cut);
    const chemical = ctx.chemicals.lookup(key);
    if (chemical === undefined) {
      throw new NarizError('NARIZ_UNKNOWN_SPECIES',
        `species "${key}" is not in the chemical table (${ctx.chemicals.size} chemicals); use a name from it with underscores for spaces (methyl_ethyl_ketone), an alias such as hcl/ch4/nh3, or a CAS number`,
        { ...where, column: name });
    }
    const earlier = byChemical.get(chemical.name);
    if (earlier !== undefined) {
      throw new NarizError('NARIZ_CSV_HEADER', `columns "${earlier}" and "${name}" are both ${chemical.name}; give each species one column`, { ...where, column: name });
    }
    byChemical.set(chemical.name, name);
    species.push({ index: i, column: name, key, chemical, unit: suffix });
  });
  if (species.length === 0) {
    throw new NarizError('NARIZ_CSV_HEADER',
      `no concentration column; name at least one "<species>_<unit>" with unit ${CONCENTRATION_UNITS.join(', ')} (e.g. "acetone_ppb")`, where);
  }

  return {
    width: names.length,
    names,
    time: at('time'),
    lat: at('lat'),
    lon: at('lon'),
    altAglM: at('alt_agl_m'),
    wind,
    tempC: at('temp_c'),
    pressureHpa: at('pressure_hpa'),
    stability: at('stability'),
    end: presentEnd.length === 0 ? undefined : { lat: at('end_lat'), lon: at('end_lon'), altAglM: at('end_alt_agl_m') },
    species,
  };
}

function warnExtra(ctx: HeaderContext, name: string, i: number, hint: string): void {
  const label = name === '' ? `(unnamed, cell ${i + 1})` : `"${name}"`;
  ctx.warnings.add(`header:extra:${i}`, SORTIE_WARNING_CODES.extraColumn, ctx.line,
    `column ${label} is not part of the sortie format and is ignored${hint === '' ? '' : `; ${hint}`}`);
}

/** Spots the likely mistakes behind an unknown column, so the warning can say how to fix it. */
function extraHint(name: string, cut: number, chemicals: ChemicalTable): string {
  if (cut > 0) {
    const chem = chemicals.lookup(name.slice(0, cut));
    if (chem !== undefined) {
      return `it looks like ${chem.name} in unit "${name.slice(cut + 1)}", which is not one of ${CONCENTRATION_UNITS.join(', ')}`;
    }
  }
  const chem = chemicals.lookup(name);
  if (chem !== undefined) return `it looks like ${chem.name} without a unit; name it e.g. "${name}_ppb"`;
  return '';
}

/**
 * The chemical table: molar masses and airborne thresholds (60-minute AEGL,
 * ERPG, PAC, IDLH). Parsed from the CSV layout of the SIHPCC/pyeldqm table
 * (see ../shared/data/aegl), whose CAS numbers lost the leading zeros of
 * their middle group ("7647-1-0" is 7647-01-0); we repair them on read.
 */
import { NarizError } from './errors.js';
import { BUILTIN_CHEMICALS_CSV } from './chemicals-builtin.js';
import { toKgM3, type ConcentrationUnit } from './units.js';

export interface Threshold {
  readonly value: number;
  readonly unit: 'ppm' | 'mgm3';
}

export const THRESHOLD_TIERS = ['aegl1', 'aegl2', 'aegl3', 'erpg1', 'erpg2', 'erpg3', 'pac1', 'pac2', 'pac3', 'idlh'] as const;
export type ThresholdTier = (typeof THRESHOLD_TIERS)[number];

export interface Chemical {
  readonly name: string;
  readonly cas: string;
  readonly molarMassGmol: number;
  /** Present tiers only. AEGL values are the 60-minute ones. */
  readonly thresholds: Partial<Record<ThresholdTier, Threshold>>;
}

/** Common short names and formulas used as sortie column prefixes. */
const ALIASES: Readonly<Record<string, string>> = {
  hcl: 'HYDROGEN CHLORIDE',
  hydrogen_chloride: 'HYDROGEN CHLORIDE',
  ch4: 'METHANE',
  nh3: 'AMMONIA',
  co: 'CARBON MONOXIDE',
  no2: 'NITROGEN DIOXIDE',
  so2: 'SULFUR DIOXIDE',
  h2s: 'HYDROGEN SULFIDE',
  hcn: 'HYDROGEN CYANIDE',
  hi: 'HYDROGEN IODIDE',
  ph3: 'PHOSPHINE',
  mek: 'METHYL ETHYL KETONE',
  ether: 'DIETHYL ETHER',
  diethyl_ether: 'DIETHYL ETHER',
  dcm: 'DICHLOROMETHANE',
  hexane: 'N-HEXANE',
  acetic_acid: 'ACETIC ACID, GLACIAL',
  mma: 'METHYLAMINE',
};

export function repairCas(cas: string): string {
  const m = /^(\d{2,7})-(\d{1,2})-(\d)$/.exec(cas.trim());
  if (m === null) return cas.trim();
  return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]}`;
}

/** CAS check digit (weighted sum of the other digits mod 10). */
export function casIsValid(cas: string): boolean {
  const m = /^(\d{2,7})-(\d{2})-(\d)$/.exec(cas);
  if (m === null) return false;
  const digits = (m[1]! + m[2]!).split('').reverse();
  let sum = 0;
  digits.forEach((d, i) => (sum += (i + 1) * Number(d)));
  return sum % 10 === Number(m[3]);
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cur += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function parseThreshold(raw: string | undefined, bareUnit: 'ppm' | undefined): Threshold | undefined {
  if (raw === undefined) return undefined;
  const s = raw.trim();
  if (s === '' || /^n\/?a$/i.test(s)) return undefined;
  const m = /^([0-9]*\.?[0-9]+(?:[eE][-+]?\d+)?)\s*(ppm|mg\/\(cu m\)|mg\/m3)?$/.exec(s);
  if (m === null) return undefined;
  const value = Number(m[1]);
  if (!(value > 0)) return undefined;
  const unitText = m[2];
  if (unitText === undefined) return bareUnit === undefined ? undefined : { value, unit: bareUnit };
  return { value, unit: unitText === 'ppm' ? 'ppm' : 'mgm3' };
}

export class ChemicalTable {
  private readonly byName = new Map<string, Chemical>();
  private readonly byCas = new Map<string, Chemical>();

  constructor(chemicals: Iterable<Chemical>) {
    for (const c of chemicals) {
      this.byName.set(c.name.toUpperCase(), c);
      this.byCas.set(c.cas, c);
    }
  }

  get size(): number {
    return this.byName.size;
  }

  all(): Chemical[] {
    return [...this.byName.values()];
  }

  /**
   * Find a chemical by species key as used in sortie columns: an alias
   * (`hcl`), a name with underscores for spaces (`methyl_ethyl_ketone`), or
   * a CAS number.
   */
  lookup(key: string): Chemical | undefined {
    const k = key.trim().toLowerCase();
    const alias = ALIASES[k];
    if (alias !== undefined) return this.byName.get(alias);
    return this.byName.get(k.replace(/_/g, ' ').toUpperCase()) ?? this.byCas.get(repairCas(k)) ?? this.byName.get(k.replace(/_/g, '-').toUpperCase());
  }

  require(key: string): Chemical {
    const c = this.lookup(key);
    if (c === undefined) {
      throw new NarizError('NARIZ_UNKNOWN_SPECIES', `species "${key}" is not in the chemical table (${this.size} chemicals); use a name from it, an alias such as hcl/ch4/nh3, or a CAS number`);
    }
    return c;
  }

  static parse(text: string, sourceName = 'chemical table'): ChemicalTable {
    const lines = text.split(/\r?\n/);
    const header = splitCsvLine(lines[0] ?? '');
    const col = (name: string): number => {
      const i = header.indexOf(name);
      if (i < 0) throw new NarizError('NARIZ_CHEMICAL_TABLE', `missing column "${name}"`, { file: sourceName, line: 1 });
      return i;
    };
    const iName = col('name');
    const iCas = col('cas_number');
    const iMw = col('molecular_weight');
    const tierCols: Array<[ThresholdTier, number, 'ppm' | undefined]> = [
      ['aegl1', col('aegl1_60min'), undefined],
      ['aegl2', col('aegl2_60min'), undefined],
      ['aegl3', col('aegl3_60min'), undefined],
      // ERPG and PAC columns sometimes hold bare numbers; ERPGs are published in ppm.
      ['erpg1', col('erpg1'), 'ppm'],
      ['erpg2', col('erpg2'), 'ppm'],
      ['erpg3', col('erpg3'), 'ppm'],
      ['pac1', col('pac1'), 'ppm'],
      ['pac2', col('pac2'), 'ppm'],
      ['pac3', col('pac3'), 'ppm'],
      ['idlh', col('idlh'), undefined],
    ];
    const out: Chemical[] = [];
    for (let li = 1; li < lines.length; li++) {
      const line = lines[li]!;
      if (line.trim() === '') continue;
      const cells = splitCsvLine(line);
      const name = (cells[iName] ?? '').trim();
      const mw = Number(cells[iMw]);
      if (name === '' || !(mw > 0)) continue; // rows without a molar mass cannot be converted; skip
      const thresholds: Partial<Record<ThresholdTier, Threshold>> = {};
      for (const [tier, i, bare] of tierCols) {
        const t = parseThreshold(cells[i], bare);
        if (t !== undefined) thresholds[tier] = t;
      }
      out.push({ name, cas: repairCas(cells[iCas] ?? ''), molarMassGmol: mw, thresholds });
    }
    if (out.length === 0) throw new NarizError('NARIZ_CHEMICAL_TABLE', 'no chemicals parsed', { file: sourceName });
    return new ChemicalTable(out);
  }
}

let builtin: ChemicalTable | undefined;
/** The embedded subset (species relevant to clandestine labs and common decoys). */
export function builtinChemicals(): ChemicalTable {
  builtin ??= ChemicalTable.parse(BUILTIN_CHEMICALS_CSV, 'built-in chemical table');
  return builtin;
}

/** A threshold as kg/m^3 at the given temperature and pressure. */
export function thresholdKgM3(chem: Chemical, tier: ThresholdTier, tempC?: number, pressureHpa?: number): number {
  const t = chem.thresholds[tier];
  if (t === undefined) throw new NarizError('NARIZ_NO_THRESHOLD', `${chem.name} has no ${tier.toUpperCase()} value`);
  const unit: ConcentrationUnit = t.unit;
  return toKgM3(t.value, unit, chem.molarMassGmol, tempC, pressureHpa);
}

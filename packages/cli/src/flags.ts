/**
 * Flag parsing shared by the commands: the edge
 * where strings become typed values. Every failure is a NarizError
 * NARIZ_USAGE naming the flag, what was given and what is expected.
 */
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { builtinChemicals, ChemicalTable, isStabilityClass, NarizError, STABILITY_CLASSES, type StabilityClass } from '@nariz/core';
import { SIGMA_SETS, type SigmaSet } from '@nariz/plume';

type Options = NonNullable<ParseArgsConfig['options']>;

const NEGATIVE_NUMBER = /^-(\d|\.\d)/;

/**
 * parseArgs in strict mode, with its TypeErrors (unknown flag, missing value,
 * stray argument) turned into NARIZ_USAGE. A negative number after a string
 * option (`--lon -112.3`) is taken as its value: parseArgs alone would call
 * it ambiguous, and west longitudes and south latitudes are negative.
 */
type Parsed<O extends Options, P extends boolean> = ReturnType<typeof parseArgs<{ args: string[]; options: O; strict: true; allowPositionals: P }>>;

function parseStrict<O extends Options, P extends boolean>(args: string[], options: O, usage: string, allowPositionals: P): Parsed<O, P> {
  const joined: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = args[i + 1];
    const name = a.startsWith('--') && !a.includes('=') ? a.slice(2) : undefined;
    if (name !== undefined && options[name]?.type === 'string' && next !== undefined && NEGATIVE_NUMBER.test(next)) {
      joined.push(`${a}=${next}`);
      i++;
    } else joined.push(a);
  }
  try {
    return parseArgs({ args: joined, options, strict: true, allowPositionals });
  } catch (e) {
    if (e instanceof TypeError && typeof (e as NodeJS.ErrnoException).code === 'string' && (e as NodeJS.ErrnoException).code!.startsWith('ERR_PARSE_ARGS')) {
      const first = usage.split('\n')[0] ?? '';
      throw new NarizError('NARIZ_USAGE', `${e.message}\n${first}\n(--help lists every option)`, undefined, { cause: e });
    }
    throw e;
  }
}

/**
 * parseArgs in strict mode, with its TypeErrors (unknown flag, missing value,
 * stray argument) turned into NARIZ_USAGE. A negative number after a string
 * option (`--lon -112.3`) is taken as its value: parseArgs alone would call
 * it ambiguous, and west longitudes and south latitudes are negative.
 */
export function parseFlags<O extends Options>(args: string[], options: O, usage: string): Parsed<O, false>['values'] {
  return parseStrict(args, options, usage, false).values;
}

/** As parseFlags, for commands that also take positional arguments (file names). */
export function parseFlagsWithPositionals<O extends Options>(args: string[], options: O, usage: string): Parsed<O, true> {
  return parseStrict(args, options, usage, true);
}

export function requireFlag(value: string | undefined, flag: string, what: string): string {
  if (value === undefined || value.trim() === '') throw new NarizError('NARIZ_USAGE', `--${flag} is required (${what})`);
  return value;
}

export interface NumberRule {
  /** Inclusive lower bound unless `above` is set. */
  readonly min?: number;
  /** Strict lower bound. */
  readonly above?: number;
  readonly max?: number;
}

/** A finite decimal number within bounds; `what` describes the expected value in the message. */
export function numberFlag(raw: string, flag: string, what: string, rule: NumberRule = {}): number {
  const s = raw.trim();
  const v = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s) ? Number(s) : NaN;
  const bad = (why: string): never => {
    throw new NarizError('NARIZ_USAGE', `--${flag} "${raw}" ${why}; expected ${what}`);
  };
  if (!Number.isFinite(v)) bad('is not a number');
  if (rule.above !== undefined && !(v > rule.above)) bad(`must be greater than ${rule.above}`);
  if (rule.min !== undefined && v < rule.min) bad(`must be at least ${rule.min}`);
  if (rule.max !== undefined && v > rule.max) bad(`must be at most ${rule.max}`);
  return v;
}

/** A whole number within [min, max]. */
export function integerFlag(raw: string, flag: string, min: number, max: number): number {
  const x = numberFlag(raw, flag, `a whole number ${min}..${max}`, { min, max });
  if (!Number.isInteger(x)) throw new NarizError('NARIZ_USAGE', `--${flag} must be a whole number, got ${raw}`);
  return x;
}

export function optionalNumberFlag(raw: string | undefined, flag: string, what: string, fallback: number, rule: NumberRule = {}): number {
  return raw === undefined ? fallback : numberFlag(raw, flag, what, rule);
}

export function stabilityFlag(raw: string | undefined): StabilityClass {
  const s = requireFlag(raw, 'stability', `Pasquill–Gifford class ${STABILITY_CLASSES.join('|')}`).trim().toUpperCase();
  if (!isStabilityClass(s)) throw new NarizError('NARIZ_USAGE', `--stability "${raw}" is not a Pasquill–Gifford class; use one of ${STABILITY_CLASSES.join(', ')} (D for overcast or windy, F for clear calm nights)`);
  return s;
}

export function sigmaFlag(raw: string | undefined): SigmaSet {
  const s = (raw ?? 'briggs-rural').trim().toLowerCase();
  if (!(SIGMA_SETS as readonly string[]).includes(s)) throw new NarizError('NARIZ_USAGE', `--sigma "${raw}" is not a dispersion-coefficient set; use one of ${SIGMA_SETS.join(', ')}`);
  return s as SigmaSet;
}

/** The built-in chemical subset, or a full table CSV given with --chemicals. */
export function chemicalTable(path: string | undefined): ChemicalTable {
  if (path === undefined) return builtinChemicals();
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new NarizError('NARIZ_IO', `cannot read the chemical table --chemicals ${path}: ${e instanceof Error ? e.message : String(e)}`, { file: path }, { cause: e });
  }
  return ChemicalTable.parse(text, path);
}

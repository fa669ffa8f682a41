/**
 * Emission signature library: for each source type, the mass fractions of
 * the measured species in its emissions and how much real sources scatter
 * around them. Parsed from `unknown` once, at the edge; everything inside
 * trusts the normalised result.
 */
import { NarizError } from '@nariz/core';

export interface EmissionProfile {
  readonly id: string;
  readonly label: { readonly en: string; readonly es: string };
  readonly kind: 'target' | 'decoy';
  /**
   * Mass fraction of each species in the emission (normalised to sum 1 by
   * the parser). A species absent here is emitted at ~0 (the classifier's
   * floor fraction). Keys are lower-case sortie species keys ('acetone', 'hcl').
   */
  readonly massFractions: Readonly<Record<string, number>>;
  /**
   * Spread of a real source's fractions around massFractions: each species'
   * fraction is multiplied by an independent log-normal factor exp(eta),
   * eta ~ N(0, ratioLogSd^2) (natural-log units; a ratio of two species then
   * spreads by ratioLogSd * sqrt 2). Default DEFAULT_RATIO_LOG_SD.
   */
  readonly ratioLogSd?: number;
}

export interface SignatureLibrary {
  readonly version: string;
  readonly profiles: readonly EmissionProfile[];
}

export const DEFAULT_RATIO_LOG_SD = 0.5;
/** Bounds on ratioLogSd: below 0.05 the likelihood grid cannot resolve it; above 3 a profile says nothing. */
export const MIN_RATIO_LOG_SD = 0.05;
export const MAX_RATIO_LOG_SD = 3;

const ID_RE = /^[a-z0-9][a-z0-9_.-]{0,63}$/;
const SPECIES_RE = /^[a-z0-9][a-z0-9_-]{0,63}$/;

function bad(path: string, message: string): never {
  throw new NarizError('NARIZ_BAD_LIBRARY', `${path}: ${message}`);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function nonEmptyString(v: unknown, path: string): string {
  if (typeof v !== 'string' || v.trim() === '') bad(path, `expected a non-empty string, got ${JSON.stringify(v)}`);
  return v;
}

function parseProfile(v: unknown, path: string): EmissionProfile {
  if (!isRecord(v)) bad(path, 'expected an object');
  const id = nonEmptyString(v['id'], `${path}.id`);
  if (!ID_RE.test(id)) bad(`${path}.id`, `"${id}" must be lower-case letters, digits, _ . - (max 64)`);
  const label = v['label'];
  if (!isRecord(label)) bad(`${path}.label`, 'expected an object { en, es }');
  const en = nonEmptyString(label['en'], `${path}.label.en`);
  const es = nonEmptyString(label['es'], `${path}.label.es`);
  const kindRaw = v['kind'];
  if (kindRaw !== 'target' && kindRaw !== 'decoy') bad(`${path}.kind`, `expected "target" or "decoy", got ${JSON.stringify(kindRaw)}`);
  const kind: EmissionProfile['kind'] = kindRaw === 'target' ? 'target' : 'decoy';
  const mf = v['massFractions'];
  if (!isRecord(mf)) bad(`${path}.massFractions`, 'expected an object mapping species key to mass fraction');
  const entries = Object.entries(mf);
  if (entries.length === 0) bad(`${path}.massFractions`, 'needs at least one species');
  let sum = 0;
  for (const [k, x] of entries) {
    if (!SPECIES_RE.test(k)) bad(`${path}.massFractions.${k}`, 'species keys are lower-case sortie keys such as "acetone", "hcl"');
    if (typeof x !== 'number' || !Number.isFinite(x) || x < 0) bad(`${path}.massFractions.${k}`, `expected a finite number >= 0, got ${JSON.stringify(x)}`);
    sum += x;
  }
  if (!(sum > 0)) bad(`${path}.massFractions`, 'fractions sum to 0; at least one species must be emitted');
  const massFractions: Record<string, number> = {};
  for (const [k, x] of entries) massFractions[k] = (x as number) / sum;
  const sdRaw = v['ratioLogSd'];
  let ratioLogSd: number | undefined;
  if (sdRaw !== undefined) {
    if (typeof sdRaw !== 'number' || !(sdRaw >= MIN_RATIO_LOG_SD && sdRaw <= MAX_RATIO_LOG_SD)) {
      bad(`${path}.ratioLogSd`, `expected a number in [${MIN_RATIO_LOG_SD}, ${MAX_RATIO_LOG_SD}], got ${JSON.stringify(sdRaw)}`);
    }
    ratioLogSd = sdRaw;
  }
  const base = { id, label: { en, es }, kind, massFractions };
  return ratioLogSd === undefined ? base : { ...base, ratioLogSd };
}

/** Validates and normalises a library (mass fractions rescaled to sum 1). Throws NARIZ_BAD_LIBRARY naming the bad field. */
export function parseSignatureLibrary(json: unknown): SignatureLibrary {
  if (!isRecord(json)) bad('$', 'expected an object { version, profiles }');
  const version = nonEmptyString(json['version'], '$.version');
  const profilesRaw = json['profiles'];
  if (!Array.isArray(profilesRaw)) bad('$.profiles', 'expected an array');
  if (profilesRaw.length === 0) bad('$.profiles', 'needs at least one profile');
  const seen = new Set<string>();
  const profiles = profilesRaw.map((p: unknown, i: number) => {
    const prof = parseProfile(p, `$.profiles[${i}]`);
    if (seen.has(prof.id)) bad(`$.profiles[${i}].id`, `duplicate id "${prof.id}"`);
    seen.add(prof.id);
    return prof;
  });
  return { version, profiles };
}

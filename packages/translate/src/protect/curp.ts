/**
 * CURP (Clave Única de Registro de Población), Mexico's personal id: 18
 * characters (RENAPO, Instructivo Normativo para la Asignación de la CURP):
 *   4 letters  first surname's initial and first inner vowel, second
 *              surname's initial, first name's initial
 *   6 digits   birth date YYMMDD
 *   1 letter   sex: H, M (X since 2022)
 *   2 letters  state of birth (the 32 entities, NE born abroad)
 *   3 letters  first inner consonants of surnames and name
 *   1 char     differentiator: a digit for births up to 1999, a letter from 2000
 *   1 digit    check digit
 * Check digit: each of the first 17 characters takes its index in
 * "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ" and weight 18 − i (i from 0);
 * the digit is (10 − sum mod 10) mod 10.
 */
import { atWordBoundaries } from '../fold.js';
import type { DetectedEntity } from './entity.js';

const STATES = new Set([
  'AS', 'BC', 'BS', 'CC', 'CL', 'CM', 'CS', 'CH', 'DF', 'DG', 'GT', 'GR', 'HG', 'JC', 'MC', 'MN', 'MS', 'NT', 'NL', 'OC', 'PL', 'QT', 'QR',
  'SP', 'SL', 'SR', 'TC', 'TS', 'TL', 'VZ', 'YN', 'ZS', 'NE',
]);
const ALPHABET = '0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ';
const SHAPE_SOURCE = String.raw`[A-ZÑ][AEIOUX][A-ZÑ]{2}\d{6}[HMX][A-Z]{2}[B-DF-HJ-NP-TV-ZÑ]{3}[0-9A-Z]\d`;
const SHAPE = new RegExp(SHAPE_SOURCE, 'gu');
const WHOLE = new RegExp(`^${SHAPE_SOURCE}$`, 'u');

/** The check digit of a CURP's first 17 characters, or undefined if one is outside the alphabet. */
export function curpCheckDigit(first17: string): number | undefined {
  let sum = 0;
  const chars = Array.from(first17);
  if (chars.length !== 17) return undefined;
  for (let i = 0; i < 17; i++) {
    const v = ALPHABET.indexOf(chars[i] as string);
    if (v < 0) return undefined;
    sum += v * (18 - i);
  }
  return (10 - (sum % 10)) % 10;
}

/** A valid calendar date for YYMMDD in the century the differentiator implies (digit: 1900s, letter: 2000s). */
function validDate(yymmdd: string, differentiator: string): boolean {
  const yy = Number(yymmdd.slice(0, 2));
  const mm = Number(yymmdd.slice(2, 4));
  const dd = Number(yymmdd.slice(4, 6));
  const year = (/\d/.test(differentiator) ? 1900 : 2000) + yy;
  if (mm < 1 || mm > 12 || dd < 1) return false;
  return dd <= new Date(Date.UTC(year, mm, 0)).getUTCDate();
}

export interface CurpCheck {
  /** Shape, state code and date hold. */
  readonly wellFormed: boolean;
  /** The check digit holds too. */
  readonly checkDigitValid: boolean;
}

export function checkCurp(curp: string): CurpCheck {
  const s = curp.toUpperCase();
  const wellFormed = WHOLE.test(s) && STATES.has(s.slice(11, 13)) && validDate(s.slice(4, 10), s.charAt(16));
  const cd = curpCheckDigit(s.slice(0, 17));
  return { wellFormed, checkDigitValid: wellFormed && cd !== undefined && String(cd) === s.charAt(17) };
}

/**
 * Well-formed CURPs in a text (uppercase, as written on documents), whole
 * words only. One whose check digit fails is still an identifier (most
 * likely mistyped) and is protected, with `detail: 'check digit fails'`.
 */
export function detectCurps(text: string): DetectedEntity[] {
  const out: DetectedEntity[] = [];
  SHAPE.lastIndex = 0;
  for (let m = SHAPE.exec(text); m !== null; m = SHAPE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!atWordBoundaries(text, start, end)) continue;
    const check = checkCurp(m[0]);
    if (!check.wellFormed) continue;
    out.push({ kind: 'curp', start, end, text: m[0], detail: check.checkDigitValid ? 'check digit holds' : 'check digit fails' });
  }
  return out;
}

/**
 * RFC (Registro Federal de Contribuyentes), Mexico's taxpayer id (SAT):
 * a person's has 13 characters (4 letters from the names, birth date
 * YYMMDD, a 3-character homoclave), a company's 12 (3 characters from the
 * name, which may include Ñ and &, foundation date, homoclave). The last
 * homoclave character is a check digit: with a company's RFC padded by a
 * leading space to 13, each of the first 12 characters takes its value in
 * "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ" (0–38) and weight 13 − i;
 * r = sum mod 11; the digit is 0 when r = 0, "A" when 11 − r = 10, else
 * 11 − r. The SAT's generic RFCs (XAXX010101000 for the general public,
 * XEXX010101000 for foreigners) are accepted as they are.
 */
import { atWordBoundaries } from '../fold.js';
import type { DetectedEntity } from './entity.js';

const VALUES = '0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ Ñ';
const GENERIC = new Set(['XAXX010101000', 'XEXX010101000']);
const SHAPE_SOURCE = String.raw`[A-ZÑ&]{3,4}\d{6}[A-Z\d]{2}[\dA]`;
const SHAPE = new RegExp(SHAPE_SOURCE, 'gu');
const WHOLE = new RegExp(`^${SHAPE_SOURCE}$`, 'u');

/** The check character of an RFC's first 11 (company) or 12 (person) characters. */
export function rfcCheckDigit(withoutCheck: string): string | undefined {
  const chars = Array.from(withoutCheck);
  if (chars.length === 11) chars.unshift(' ');
  if (chars.length !== 12) return undefined;
  let sum = 0;
  for (let i = 0; i < 12; i++) {
    const v = VALUES.indexOf(chars[i] as string);
    if (v < 0) return undefined;
    sum += v * (13 - i);
  }
  const r = sum % 11;
  if (r === 0) return '0';
  return 11 - r === 10 ? 'A' : String(11 - r);
}

function validDate(yymmdd: string): boolean {
  const mm = Number(yymmdd.slice(2, 4));
  const dd = Number(yymmdd.slice(4, 6));
  if (mm < 1 || mm > 12 || dd < 1) return false;
  // The century is not written; 2000 is a leap year, so Feb 29 is allowed.
  return dd <= new Date(Date.UTC(2000, mm, 0)).getUTCDate();
}

export interface RfcCheck {
  readonly wellFormed: boolean;
  readonly checkDigitValid: boolean;
  readonly holder: 'person' | 'company' | undefined;
}

export function checkRfc(rfc: string): RfcCheck {
  const s = rfc.toUpperCase();
  if (GENERIC.has(s)) return { wellFormed: true, checkDigitValid: true, holder: 'person' };
  const chars = Array.from(s);
  const prefix = chars.length - 9;
  const wellFormed = WHOLE.test(s) && (prefix === 3 || prefix === 4) && validDate(chars.slice(prefix, prefix + 6).join(''));
  if (!wellFormed) return { wellFormed, checkDigitValid: false, holder: undefined };
  const check = rfcCheckDigit(chars.slice(0, -1).join(''));
  return { wellFormed, checkDigitValid: check === chars[chars.length - 1], holder: prefix === 4 ? 'person' : 'company' };
}

/**
 * Well-formed RFCs in a text, whole words only. A 4-letter one must not be
 * the head of a CURP (those are found by detectCurps and win overlaps);
 * one whose check digit fails is still protected, with that said in
 * `detail`.
 */
export function detectRfcs(text: string): DetectedEntity[] {
  const out: DetectedEntity[] = [];
  SHAPE.lastIndex = 0;
  for (let m = SHAPE.exec(text); m !== null; m = SHAPE.exec(text)) {
    let start = m.index;
    const end = start + m[0].length;
    // A company RFC's 3-character name part may be preceded by a letter the greedy class took.
    let candidate = m[0];
    if (!checkRfc(candidate).wellFormed && Array.from(candidate).length === 13) {
      candidate = candidate.slice(1);
      start += 1;
    }
    if (!atWordBoundaries(text, start, end)) continue;
    const check = checkRfc(candidate);
    if (!check.wellFormed) continue;
    out.push({
      kind: 'rfc', start, end, text: candidate,
      detail: `${check.holder ?? 'unknown'}; check digit ${check.checkDigitValid ? 'holds' : 'fails'}`,
    });
  }
  return out;
}

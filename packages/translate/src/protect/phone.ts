/**
 * Telephone numbers as written in Mexican and US case files.
 * - Mexico (IFT numbering plan since 2019): 10 national digits, optionally
 *   after +52 / 52 / 0052 and the old mobile "1" (+52 1 667 …), or after the
 *   retired dialling prefixes 044/045 (mobile) and 01 (long distance).
 * - US/Canada (NANP): 10 digits, optionally after +1 / 1; area code and
 *   exchange start with 2–9.
 * Digits may be grouped by spaces, dots, dashes or an area code in
 * parentheses. A bare run of 10 digits counts; 7- and 8-digit local
 * numbers are not taken (they look like amounts and ids). Commas never
 * separate phone digits, so "1,234,567,890" is left to the amount detector.
 */
import type { DetectedEntity } from './entity.js';

const CANDIDATE = /(?<![\p{L}\p{N}+(])(?:\+|00)?\(?\d[\d .\-()]{8,22}\d(?![\p{L}\p{N}])/gu;

/** E.164 form of a candidate, or undefined when it is not a phone number. */
export function normalisePhone(candidate: string): string | undefined {
  if (/[.\-]{2,}|[ ]{2,}|\(\)/.test(candidate)) return undefined;
  // Dots group digits in short blocks (667.123.45.67); a long block after a dot is a decimal number.
  if (candidate.includes('.') && candidate.split(/[ .\-()]+/).some((g) => g.length > 4)) return undefined;
  // Parentheses must pair up and hold digits only.
  if (/[()]/.test(candidate) && !/^[^()]*\(\d{2,3}\)[^()]*$/.test(candidate)) return undefined;
  const plus = candidate.startsWith('+') || candidate.startsWith('00');
  let digits = candidate.replace(/\D/g, '');
  if (candidate.startsWith('00')) digits = digits.slice(2);
  if (plus || digits.length > 10) {
    if (digits.startsWith('521') && digits.length === 13) return `+52${digits.slice(3)}`;
    if (digits.startsWith('52') && digits.length === 12) return `+52${digits.slice(2)}`;
    if (digits.startsWith('1') && digits.length === 11 && nanp(digits.slice(1))) return `+${digits}`;
    if (!plus && /^(044|045)\d{10}$/.test(digits)) return `+52${digits.slice(3)}`;
    if (!plus && /^01\d{10}$/.test(digits)) return `+52${digits.slice(2)}`;
    return undefined;
  }
  if (digits.length !== 10) return undefined;
  // Ten digits without a country code: Mexican or NANP; both keep the digits.
  return nanp(digits) ? `+1${digits}|+52${digits}` : `+52${digits}`;
}

function nanp(ten: string): boolean {
  return /^[2-9]\d{2}[2-9]\d{6}$/.test(ten);
}

export function detectPhones(text: string): DetectedEntity[] {
  const out: DetectedEntity[] = [];
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m !== null; m = CANDIDATE.exec(text)) {
    let s = m[0];
    let start = m.index;
    // A leading "(" belongs to the area code; other leading punctuation does not.
    while (s.length > 0 && /[ .\-)]/.test(s.charAt(0))) {
      s = s.slice(1);
      start++;
    }
    const e164 = normalisePhone(s);
    if (e164 === undefined) continue;
    out.push({ kind: 'phone', start, end: start + s.length, text: s, detail: e164 });
  }
  return out;
}

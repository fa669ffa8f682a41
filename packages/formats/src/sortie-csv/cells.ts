/**
 * Cell-level parsing for sortie CSVs. These run once per cell, so they avoid
 * regular expressions and allocation: a bad cell yields NaN (or -1) and the
 * caller builds a message with `describeBadNumber` only on the error path.
 */
import { STABILITY_UNKNOWN } from '@nariz/core';

const SPACE = 32;
const TAB = 9;
const CR = 13;

function isBlankCode(c: number): boolean {
  return c === SPACE || c === TAB || c === CR;
}

/** True for a cell that is empty or holds only blanks. */
export function isEmptyCell(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (!isBlankCode(s.charCodeAt(i))) return false;
  return true;
}

/** Exact powers of ten: every 10^k with k <= 22 is a double without rounding. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
/** Below 2^53 every integer is exact, so 15 decimal digits always accumulate without rounding. */
const MAX_FAST_DIGITS = 15;

/**
 * A plain decimal number (`-12`, `3.5`, `.5`, `1e-9`, surrounding blanks
 * allowed), or NaN. `Number()` alone is too permissive: it reads "" as 0 and
 * accepts `0x1f`, `0b1`, `Infinity`; a sortie cell holding those is a fault
 * we want reported, not a value.
 *
 * Speed: typical sensor values (<= 15 digits, no exponent) take Clinger's
 * fast path (W. D. Clinger, "How to read floating point numbers accurately",
 * PLDI 1990): with an exact integer mantissa m < 2^53 and 10^k exact, m / 10^k
 * is one correctly rounded IEEE operation, so the result equals `Number(s)`.
 * Everything else falls back to `Number()` after validation.
 */
export function parseFiniteDecimal(s: string): number {
  let a = 0;
  let b = s.length;
  while (a < b && isBlankCode(s.charCodeAt(a))) a++;
  while (b > a && isBlankCode(s.charCodeAt(b - 1))) b--;
  if (a === b) return NaN;
  let i = a;
  let c = s.charCodeAt(i);
  const negative = c === 45;
  if (negative || c === 43) i++;
  let mantissa = 0;
  let digits = 0;
  while (i < b && (c = s.charCodeAt(i)) >= 48 && c <= 57) {
    mantissa = mantissa * 10 + (c - 48);
    i++;
    digits++;
  }
  let fractionDigits = 0;
  if (i < b && s.charCodeAt(i) === 46) {
    i++;
    while (i < b && (c = s.charCodeAt(i)) >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      i++;
      fractionDigits++;
    }
  }
  if (digits + fractionDigits === 0) return NaN;
  if (i === b && digits + fractionDigits <= MAX_FAST_DIGITS) {
    const v = mantissa / POW10[fractionDigits]!;
    return negative ? -v : v;
  }
  if (i < b && (s.charCodeAt(i) | 32) === 101) {
    i++;
    c = s.charCodeAt(i);
    if (c === 43 || c === 45) i++;
    let expDigits = 0;
    while (i < b && (c = s.charCodeAt(i)) >= 48 && c <= 57) {
      i++;
      expDigits++;
    }
    if (expDigits === 0) return NaN;
  }
  if (i !== b) return NaN;
  const v = Number(a === 0 && b === s.length ? s : s.slice(a, b));
  // Decimal syntax can still overflow (1e999); that is not a usable value either.
  return v - v === 0 ? v : NaN;
}

/** Why `parseFiniteDecimal` rejected `s`, as a message fragment. */
export function describeBadNumber(s: string): string {
  const t = s.trim();
  const shown = JSON.stringify(t.length > 40 ? `${t.slice(0, 40)}…` : t);
  if (/^[-+]?(nan|inf|infinity)$/i.test(t)) return `${shown} is not a finite number`;
  if (/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(t)) return `${shown} is outside the range of a double`;
  return `${shown} is not a number`;
}

/** Pasquill–Gifford class A..F (any case) as 0..5; blank as STABILITY_UNKNOWN; anything else -1. */
export function parseStability(s: string): number {
  if (isEmptyCell(s)) return STABILITY_UNKNOWN;
  const t = s.length === 1 ? s : s.trim();
  if (t.length !== 1) return -1;
  const k = (t.charCodeAt(0) | 32) - 97;
  return k >= 0 && k <= 5 ? k : -1;
}

/**
 * Sample times: Unix seconds or ISO 8601 / RFC 3339 date-times that name
 * their zone. A time without a zone is rejected rather than guessed: drone
 * logs are written in local time often enough that assuming UTC would shift
 * a whole sortie by hours without anyone noticing.
 *
 * Civil-date arithmetic follows H. Hinnant, "chrono-Compatible Low-Level Date
 * Algorithms" (days_from_civil / civil_from_days), which is exact over the
 * whole proleptic Gregorian calendar and, unlike `Date.UTC`, does not map
 * years 0..99 to 1900..1999.
 */
import { parseFiniteDecimal } from './cells.js';

const SECONDS_PER_DAY = 86400;

export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(days: number): [year: number, month: number, day: number] {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return [yoe + era * 400 + (month <= 2 ? 1 : 0), month, day];
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}


/** Reads `n` ASCII digits at `at`, or -1. */
function digitsAt(s: string, at: number, n: number): number {
  if (at + n > s.length) return -1;
  let v = 0;
  for (let i = at; i < at + n; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Parses a time cell (blanks trimmed by the caller) to Unix seconds, or
 * returns the reason it is unusable as a string (no allocation on success:
 * this runs once per row). ISO form:
 * `YYYY-MM-DD(T|t| )hh:mm[:ss[.fraction]](Z|z|±hh:mm|±hhmm|±hh)`.
 * Seconds 00..59 (leap seconds are not representable in Unix time).
 */
export function parseTimeCell(s: string): number | string {
  // ISO dates start with four digits and a hyphen; everything else must be Unix seconds.
  if (s.length < 5 || s.charCodeAt(4) !== 45 || digitsAt(s, 0, 4) < 0) {
    const v = parseFiniteDecimal(s);
    if (v === v) return v;
    return `${JSON.stringify(clip(s))} is neither Unix seconds nor an ISO 8601 time such as 2026-03-01T12:00:00Z`;
  }
  const bad = (why: string): string => `${JSON.stringify(clip(s))}: ${why}`;
  const year = digitsAt(s, 0, 4);
  const month = s.charCodeAt(7) === 45 ? digitsAt(s, 5, 2) : -1;
  const day = digitsAt(s, 8, 2);
  if (month < 0 || day < 0) return bad('expected an ISO 8601 date YYYY-MM-DD');
  if (month < 1 || month > 12) return bad(`month ${month} is not 01..12`);
  if (day < 1 || day > daysInMonth(year, month)) return bad(`day ${day} does not exist in ${year}-${pad2(month)}`);
  if (s.length === 10) return bad('a date without a time of day; write e.g. 2026-03-01T12:00:00Z');
  const sep = s.charCodeAt(10);
  if (sep !== 84 && sep !== 116 && sep !== 32) return bad('expected "T" between date and time');
  const hour = digitsAt(s, 11, 2);
  const minute = s.charCodeAt(13) === 58 ? digitsAt(s, 14, 2) : -1;
  if (hour < 0 || minute < 0) return bad('expected a time of day hh:mm[:ss]');
  if (hour > 23) return bad(`hour ${hour} is not 00..23`);
  if (minute > 59) return bad(`minute ${minute} is not 00..59`);
  let i = 16;
  let second = 0;
  let fraction = 0;
  if (s.charCodeAt(i) === 58) {
    second = digitsAt(s, i + 1, 2);
    if (second < 0) return bad('expected two-digit seconds');
    if (second > 59) return bad(`second ${second} is not 00..59`);
    i += 3;
    if (s.charCodeAt(i) === 46 || s.charCodeAt(i) === 44) {
      const from = i + 1;
      i = from;
      while (i < s.length && s.charCodeAt(i) >= 48 && s.charCodeAt(i) <= 57) i++;
      if (i === from) return bad('expected digits after the decimal point of the seconds');
      fraction = Number(`0.${s.slice(from, i)}`);
    }
  }
  let offsetS: number;
  const z = s.charCodeAt(i);
  if (i === s.length) {
    return bad('no time-zone designator; append "Z" for UTC or an offset such as "+00:00"');
  } else if ((z === 90 || z === 122) && i + 1 === s.length) {
    offsetS = 0;
  } else if (z === 43 || z === 45) {
    const oh = digitsAt(s, i + 1, 2);
    let om = 0;
    const rest = s.length - (i + 3);
    if (oh < 0) return bad('expected a zone offset ±hh:mm');
    if (rest === 3 && s.charCodeAt(i + 3) === 58) om = digitsAt(s, i + 4, 2);
    else if (rest === 2) om = digitsAt(s, i + 3, 2);
    else if (rest !== 0) return bad('expected a zone offset ±hh:mm');
    if (om < 0 || oh > 23 || om > 59) return bad('expected a zone offset ±hh:mm with hh <= 23 and mm <= 59');
    offsetS = (z === 45 ? -1 : 1) * (oh * 3600 + om * 60);
  } else {
    return bad('unexpected text after the time; the zone must be "Z" or an offset such as "+00:00"');
  }
  return daysFromCivil(year, month, day) * SECONDS_PER_DAY + hour * 3600 + minute * 60 + second - offsetS + fraction;
}

/** Unix seconds as `YYYY-MM-DDThh:mm:ss[.fffffffff]Z` (nanoseconds, trailing zeros dropped). */
export function formatIsoUtc(unixS: number): string {
  let whole = Math.floor(unixS);
  let nanos = Math.round((unixS - whole) * 1e9);
  if (nanos >= 1e9) {
    whole += 1;
    nanos -= 1e9;
  }
  const days = Math.floor(whole / SECONDS_PER_DAY);
  const sod = whole - days * SECONDS_PER_DAY;
  const [y, m, d] = civilFromDays(days);
  if (y < 0 || y > 9999) throw new RangeError(`time ${unixS} s is outside years 0000..9999`);
  const hh = Math.floor(sod / 3600);
  const mm = Math.floor((sod % 3600) / 60);
  const ss = sod % 60;
  const frac = nanos === 0 ? '' : `.${String(nanos).padStart(9, '0').replace(/0+$/, '')}`;
  return `${String(y).padStart(4, '0')}-${pad2(m)}-${pad2(d)}T${pad2(hh)}:${pad2(mm)}:${pad2(ss)}${frac}Z`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 40)}…` : s;
}

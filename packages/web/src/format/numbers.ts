/**
 * Numbers, dates and positions for people, through Intl in the reader's
 * locale. Sortie times are shown in UTC (named), the time base a multinational
 * operations centre shares.
 */

/** A number with at most `digits` significant digits, grouped for the locale. */
export function formatSignificant(locale: string, v: number, digits = 3): string {
  if (!Number.isFinite(v)) return '—';
  return new Intl.NumberFormat(locale, { maximumSignificantDigits: digits }).format(v);
}

export function formatFixed(locale: string, v: number, fractionDigits: number): string {
  if (!Number.isFinite(v)) return '—';
  return new Intl.NumberFormat(locale, { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits }).format(v);
}

export function formatInteger(locale: string, v: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(v);
}

/** A probability 0..1 as a percentage; values within 0.1 % of 0 or 1 say so instead of rounding to 0 or 100. */
export function formatProbability(locale: string, p: number): string {
  const pct = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  if (p > 0.999 && p < 1) return `>${pct.format(0.999)}`;
  if (p > 0 && p < 0.001) return `<${pct.format(0.001)}`;
  return pct.format(p);
}

/** Epoch seconds as a UTC date and time, e.g. "1 jun 2024, 16:00:00 UTC". */
export function formatUtc(locale: string, epochS: number): string {
  if (!Number.isFinite(epochS)) return '—';
  const s = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC', hourCycle: 'h23' }).format(new Date(epochS * 1000));
  return `${s} UTC`;
}

/** Epoch seconds as a UTC time of day, e.g. "16:00:00". */
export function formatUtcTime(locale: string, epochS: number): string {
  if (!Number.isFinite(epochS)) return '—';
  return new Intl.DateTimeFormat(locale, { timeStyle: 'medium', timeZone: 'UTC', hourCycle: 'h23' }).format(new Date(epochS * 1000));
}

/** An ISO timestamp from the API in the reader's locale and time zone. */
export function formatIsoLocal(locale: string, iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/**
 * Signed decimal degrees "lat, lon" with 5 places (about a metre), the same
 * in every locale so it can be pasted into a GIS or a radio message as is.
 */
export function formatLatLon(lat: number, lon: number): string {
  return `${lat.toFixed(5)}, ${lon.toFixed(5)}`;
}

/** A duration in seconds as h:mm:ss or m:ss. */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  const mm = h > 0 ? String(m).padStart(2, '0') : String(m);
  return `${h > 0 ? `${h}:` : ''}${mm}:${String(r).padStart(2, '0')}`;
}

/** An ISO timestamp from the API as a UTC date and time (see formatUtc); the text as is when it is not a time. */
export function formatIsoUtc(locale: string, iso: string): string {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : formatUtc(locale, ms / 1000);
}

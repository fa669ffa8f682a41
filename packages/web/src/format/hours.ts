/** Durations in hours for the dashboard: two significant digits, "—" when there is nothing to measure. */
import { formatSignificant } from './numbers.js';

export function formatHours(locale: string, h: number | null): string {
  if (h === null || !Number.isFinite(h)) return '—';
  // Below a hundredth of an hour (36 s) the clock's resolution matters more than the figure.
  if (Math.abs(h) < 0.01) return `${formatSignificant(locale, 0, 1)} h`;
  return `${formatSignificant(locale, h, 2)} h`;
}

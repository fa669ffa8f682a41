/**
 * A time after take-off as hh:mm:ss (hours not limited to 24: a 25-hour
 * offset reads 25:00:00), rounded to the second, the way a mission timeline
 * or a ground station's flight timer shows it. The same in every locale.
 */
export function formatTimeOffset(seconds: number): string {
  if (!Number.isFinite(seconds)) return '—';
  const total = Math.round(Math.abs(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const two = (x: number): string => String(x).padStart(2, '0');
  return `${seconds < 0 && total > 0 ? '−' : ''}${two(h)}:${two(m)}:${two(s)}`;
}

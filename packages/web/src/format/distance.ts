/** A distance for people: metres below a kilometre ("850 m"), kilometres above ("12.3 km"), grouped for the locale. */
export function formatDistance(locale: string, metres: number): string {
  if (!Number.isFinite(metres)) return '—';
  if (Math.abs(metres) < 1000) return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(metres)} m`;
  const km = metres / 1000;
  const digits = Math.abs(km) < 100 ? 1 : 0;
  return `${new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(km)} km`;
}

/** An area in km² with three significant digits ("0.482 km²"). */
export function formatAreaKm2(locale: string, squareMetres: number): string {
  if (!Number.isFinite(squareMetres)) return '—';
  return `${new Intl.NumberFormat(locale, { maximumSignificantDigits: 3 }).format(squareMetres / 1e6)} km²`;
}

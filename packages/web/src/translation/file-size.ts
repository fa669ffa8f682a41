/** A file's size for people: bytes, KiB or MiB with at most one decimal, in the reader's locale. */
export function formatFileSize(locale: string, bytes: number): string {
  const fmt = (v: number): string => new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(v);
  if (bytes < 1024) return `${fmt(bytes)} B`;
  if (bytes < 1024 * 1024) return `${fmt(bytes / 1024)} KiB`;
  return `${fmt(bytes / (1024 * 1024))} MiB`;
}

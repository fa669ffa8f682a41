/**
 * The file name in a `Content-Disposition: attachment` header (RFC 6266):
 * `filename*=UTF-8''…` (percent-encoded) wins over `filename="…"` or a bare
 * `filename=…`. Directory parts are dropped, so a download cannot name a path.
 */
export function contentDispositionFilename(header: string | null): string | null {
  if (header === null) return null;
  let plain: string | null = null;
  let extended: string | null = null;
  // Parameters after the disposition type, split on semicolons outside quotes.
  const re = /;\s*([A-Za-z*]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^;]*)/g;
  for (const m of header.matchAll(re)) {
    const key = m[1]!.toLowerCase();
    const raw = m[2]!.trim();
    if (key === 'filename*') {
      const ext = /^([A-Za-z0-9_-]+)'[^']*'(.*)$/.exec(raw);
      if (ext !== null && ext[1]!.toLowerCase() === 'utf-8') {
        try {
          extended = decodeURIComponent(ext[2]!);
        } catch {
          // A malformed encoding: the plain name (if any) stands.
        }
      }
    } else if (key === 'filename') {
      plain = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    }
  }
  const name = extended ?? plain;
  if (name === null) return null;
  const base = name.split(/[\\/]/).pop()?.trim() ?? '';
  return base === '' || base === '.' || base === '..' ? null : base;
}

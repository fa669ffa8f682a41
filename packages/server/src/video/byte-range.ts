/**
 * The Range request header (RFC 9110 §14.2) for one file: browsers seek a
 * video by asking for `bytes=first-` and read the MP4 index with suffix
 * ranges. One range is served; a request for several, a unit other than
 * bytes, or a malformed header gets the whole file (the RFC lets a server
 * ignore Range), and a range that starts past the end is unsatisfiable
 * (416 with `Content-Range: bytes * /size`).
 */
export type RangeAnswer =
  | { readonly kind: 'full' }
  | { readonly kind: 'partial'; readonly start: number; /** Inclusive. */ readonly end: number }
  | { readonly kind: 'unsatisfiable' };

const FULL: RangeAnswer = { kind: 'full' };
const ONE = /^bytes=(\d*)-(\d*)$/;

export function parseRange(header: string | undefined, size: number): RangeAnswer {
  if (header === undefined) return FULL;
  const m = ONE.exec(header.replace(/\s+/g, ''));
  if (m === null) return FULL;
  const [, a = '', b = ''] = m;
  if (a === '' && b === '') return FULL;
  if (a === '') {
    // A suffix: the last n bytes (all of them when the file is shorter).
    const n = Number(b);
    if (n === 0 || size === 0) return { kind: 'unsatisfiable' };
    return { kind: 'partial', start: Math.max(0, size - n), end: size - 1 };
  }
  const start = Number(a);
  // first-last with last < first is not a range at all (ignored); one starting past the end cannot be served.
  if (b !== '' && Number(b) < start) return FULL;
  if (start >= size) return { kind: 'unsatisfiable' };
  return { kind: 'partial', start, end: b === '' ? size - 1 : Math.min(Number(b), size - 1) };
}

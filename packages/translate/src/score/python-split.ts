/**
 * Python's `str.split()` with no argument, which sacreBLEU uses to split
 * tokens (BLEU) and to delete whitespace (chrF). Its notion of whitespace is
 * `str.isspace()`, which differs from JavaScript's `\s`: it includes the
 * information separators U+001C–U+001F and NEL (U+0085) and excludes the
 * byte-order mark (U+FEFF). Matching it exactly is what makes our token
 * counts equal sacreBLEU's on text with odd spaces.
 */
const PY_WHITESPACE = '\\u0009-\\u000D\\u001C-\\u0020\\u0085\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000';

const RUNS = new RegExp(`[${PY_WHITESPACE}]+`, 'g');
const TRAILING = new RegExp(`[${PY_WHITESPACE}]+$`);

/** `s.split()`: the maximal runs of non-whitespace, in order; never empty strings. */
export function pySplit(s: string): string[] {
  const out = s.split(RUNS);
  // split() leaves '' at either end when s starts or ends with whitespace.
  let a = 0;
  let b = out.length;
  if (b > 0 && out[0] === '') a = 1;
  if (b > a && out[b - 1] === '') b--;
  return a === 0 && b === out.length ? out : out.slice(a, b);
}

/** `s.rstrip()`. */
export function pyRstrip(s: string): string {
  return s.replace(TRAILING, '');
}

/** `''.join(s.split())`: the string with every whitespace character removed. */
export function pyRemoveWhitespace(s: string): string {
  return s.replace(RUNS, '');
}

/**
 * Altitude bands as a person types them ("30", "30, 50", "30 50 80"):
 * metres above home, flown in the order given. The server takes 1 to 10
 * bands of 1–500 m each.
 */
export const MAX_BANDS = 10;
export const MIN_BAND_M = 1;
export const MAX_BAND_M = 500;

export type AltitudeBandsResult =
  | { readonly ok: true; readonly bands: readonly number[] }
  | { readonly ok: false; readonly problem: 'empty' | 'notNumber' | 'outOfRange' | 'tooMany'; readonly token?: string };

export function parseAltitudeBands(text: string): AltitudeBandsResult {
  const tokens = text.split(/[\s,;]+/).filter((x) => x !== '');
  if (tokens.length === 0) return { ok: false, problem: 'empty' };
  if (tokens.length > MAX_BANDS) return { ok: false, problem: 'tooMany' };
  const bands: number[] = [];
  for (const token of tokens) {
    const v = /^[+]?\d+(\.\d+)?$/.test(token) ? Number(token) : NaN;
    if (!Number.isFinite(v)) return { ok: false, problem: 'notNumber', token };
    if (v < MIN_BAND_M || v > MAX_BAND_M) return { ok: false, problem: 'outOfRange', token };
    bands.push(v);
  }
  return { ok: true, bands };
}

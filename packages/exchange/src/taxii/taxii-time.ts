/**
 * TAXII timestamps (RFC 3339, UTC `Z`, any number of fractional digits) as
 * nanoseconds since the epoch, so `…59.444Z` equals `…59.444000Z` and
 * microsecond date_added values order correctly (a JS Date keeps only ms).
 */
const RFC3339_UTC = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?Z$/;

export function taxiiTimeNs(s: string): bigint | undefined {
  const m = RFC3339_UTC.exec(s);
  if (m === null) return undefined;
  const [, y, mo, d, h, mi, se, frac] = m;
  const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(se));
  const check = new Date(ms);
  if (!Number.isFinite(ms) || check.getUTCDate() !== Number(d) || check.getUTCMonth() !== Number(mo) - 1 || Number(h) > 23 || Number(mi) > 59 || Number(se) > 60) {
    return undefined;
  }
  return BigInt(ms) * 1_000_000n + BigInt((frac ?? '').padEnd(9, '0'));
}

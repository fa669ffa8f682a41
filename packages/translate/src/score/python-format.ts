/**
 * Fixed-point formatting as Python's `f"{x:.{digits}f}"`, which sacreBLEU
 * uses to print scores (BLEU with one decimal). Python rounds the exact
 * binary value half to even; JavaScript's `toFixed` rounds exact ties up
 * (0.125 → "0.13" where Python prints "0.12"). Ties are rare but a recorded
 * score must print the same.
 */
export function formatFixed(x: number, digits: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (!Number.isInteger(digits) || digits < 0 || digits > 20) throw new RangeError(`digits must be an integer in 0..20, got ${digits}`);
  const plain = x.toFixed(digits);
  // The exact decimal expansion of a double in the range scores live in
  // (|x| ≥ 2^-20) terminates within 72 fractional digits; toFixed gives
  // exact digits, so a tie is "5" followed only by zeros.
  const exact = Math.abs(x).toFixed(Math.min(100, digits + 72));
  const tail = exact.slice(exact.indexOf('.') + 1 + digits);
  if (!/^50*$/.test(tail)) return plain;
  // A tie: toFixed rounded away from zero; Python keeps the even neighbour.
  const kept = Math.abs(x).toFixed(digits + 1).slice(0, -1).replace(/\.$/, '');
  const lastDigit = Number(kept.replace('.', '').slice(-1));
  if (lastDigit % 2 === 1) return plain;
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  return sign + kept;
}

/**
 * In-place order-statistic selection on a Float64Array range (Wirth's
 * variant of Hoare's FIND; N. Wirth, "Algorithms + Data Structures =
 * Programs", 1976, §2.3.4). Expected O(m); handles runs of equal values
 * (quantised sensors) without degrading, because both scans stop on ties.
 */

/**
 * Rearranges a[lo..hi] (inclusive) so that a[k] holds the value it would
 * have if the range were sorted; returns that value. Requires lo <= k <= hi.
 */
export function selectInPlace(a: Float64Array, lo: number, hi: number, k: number): number {
  let l = lo;
  let r = hi;
  while (l < r) {
    const x = a[k]!;
    let i = l;
    let j = r;
    do {
      while (a[i]! < x) i++;
      while (x < a[j]!) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    } while (i <= j);
    if (j < k) l = i;
    if (k < i) r = j;
  }
  return a[k]!;
}

/**
 * The q-quantile (linear interpolation between order statistics, Hyndman &
 * Fan 1996 type 7) of a[0..m-1]. Destroys the order of a[0..m-1].
 */
export function quantileInPlace(a: Float64Array, m: number, q: number): number {
  const pos = q * (m - 1);
  const k = Math.floor(pos);
  const v = selectInPlace(a, 0, m - 1, k);
  const frac = pos - k;
  if (frac === 0 || k + 1 >= m) return v;
  // After selection every element right of k is >= a[k]; the next order statistic is their minimum.
  let next = Infinity;
  for (let j = k + 1; j < m; j++) if (a[j]! < next) next = a[j]!;
  return v + frac * (next - v);
}

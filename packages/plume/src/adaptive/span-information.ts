/**
 * Expected information gain of flying a path, for one source hypothesis:
 * the mutual information I(X; Y) (Lindley 1956; the expected entropy
 * reduction infotaxis maximises, Vergassola, Villermaux & Shraiman 2007)
 * between where the source is, X — absent, or in location cell g — and
 * what the path will show of its plume, Y.
 *
 * The path is cut into J bins; given the source (particle i, variant v),
 * bin j shows the plume with probability p_ivj, independently. The
 * observation kept is the **span**: the first and the last bin that show
 * the plume, or none — J(J+1)/2 + 1 outcomes. A crosswind pass gives
 * where the plume was and how wide; a pass along the wind, where it began.
 * The span is a function of the full detection vector, so its information
 * is a lower bound on the vector's (data processing inequality) — but it
 * can be summed exactly in O(m^2) per particle and variant, m the bins
 * that can see it:
 *
 *   P(first = a, last = b | i, v) = P_a p_a p_b S_b    (a < b),
 *   P(a, a | i, v)                = P_a p_a S_a,
 *   P(none | i, v)                = P_J,
 *
 * with P_a = prod_{k<a} (1 - p_k) and S_b = prod_{k>b} (1 - p_k).
 * X is the **location cell** (a group of particles, e.g. a 10-m cell: the
 * resolution the search needs); particles within a cell and the variants
 * are nuisance: P(y | g) = sum_{i in g, v} w_iv P(y | i, v) / w_g. Then
 *
 *   I = H(Y) - H(Y | X),  H(Y | X) = sum_g w_g H(Y | g),
 *
 * with P(y) = sum_g w_g P(y | g) + w_absent [y = none].
 */

/**
 * Accumulates one hypothesis (cluster) at a time: `begin`; then per
 * location cell `beginGroup`, `add` for each of its particles, `endGroup`;
 * `addAbsent` for "no source" (and any cell no bin can see); then
 * `informationBits`.
 */
export class SpanInformation {
  /** Most bins a path may have. */
  readonly maxBins: number;
  private bins = 0;
  /** W·P(y) of the hypothesis: (first, last) at first·J + last; none apart. */
  private readonly marginal: Float64Array;
  private readonly touched: Int32Array;
  private nTouched = 0;
  private noneMass = 0;
  private total = 0;
  private condNats = 0;
  /** The open group's w_g·P(y | g), indexed as `marginal`. */
  private readonly group: Float64Array;
  private readonly groupTouched: Int32Array;
  private nGroupTouched = 0;
  private groupNone = 0;
  private groupWeight = 0;
  private open = false;
  private readonly pre: Float64Array;
  private readonly suf: Float64Array;

  constructor(maxBins: number) {
    if (!(Number.isInteger(maxBins) && maxBins >= 1)) throw new RangeError(`SpanInformation: maxBins must be a positive integer, got ${maxBins}`);
    this.maxBins = maxBins;
    // Bound: J^2 (first, last) pairs of the longest path (a <= b uses half).
    this.marginal = new Float64Array(maxBins * maxBins);
    this.touched = new Int32Array(maxBins * maxBins);
    this.group = new Float64Array(maxBins * maxBins);
    this.groupTouched = new Int32Array(maxBins * maxBins);
    this.pre = new Float64Array(maxBins + 1);
    this.suf = new Float64Array(maxBins);
  }

  /** Starts a hypothesis on a path of `bins` bins. */
  begin(bins: number): void {
    if (!(Number.isInteger(bins) && bins >= 1 && bins <= this.maxBins)) throw new RangeError(`SpanInformation.begin: bins must be 1..${this.maxBins}, got ${bins}`);
    for (let t = 0; t < this.nTouched; t++) this.marginal[this.touched[t]!] = 0;
    this.nTouched = 0;
    this.bins = bins;
    this.noneMass = 0;
    this.total = 0;
    this.condNats = 0;
    this.open = false;
  }

  /** Weight of a state that shows nothing for certain ("absent", or a cell no bin can see): H(Y | state) = 0. */
  addAbsent(weight: number): void {
    if (this.open) throw new Error('SpanInformation.addAbsent: a group is open; call endGroup() first');
    this.noneMass += weight;
    this.total += weight;
  }

  beginGroup(): void {
    if (this.open) throw new Error('SpanInformation.beginGroup: the previous group is still open; call endGroup() first');
    this.open = true;
    this.nGroupTouched = 0;
    this.groupNone = 0;
    this.groupWeight = 0;
  }

  /**
   * One particle of the open group: its variant weights w[wOff + v]
   * (v < V) and detection probabilities p[v·stride + lo + t] for bins
   * lo..lo+m-1 (m = 0: it sees no bin); every other bin has probability 0.
   */
  add(w: Float64Array, wOff: number, V: number, p: Float64Array, stride: number, lo: number, m: number): void {
    if (!this.open) throw new Error('SpanInformation.add: call beginGroup() first');
    if (m > 0 && (lo < 0 || lo + m > this.bins)) throw new RangeError(`SpanInformation.add: bins ${lo}..${lo + m - 1} outside 0..${this.bins - 1}`);
    const J = this.bins;
    const g = this.group;
    const pre = this.pre;
    const suf = this.suf;
    for (let v = 0; v < V; v++) {
      const wv = w[wOff + v]!;
      if (!(wv > 0)) continue;
      this.groupWeight += wv;
      if (m <= 0) {
        this.groupNone += wv;
        continue;
      }
      // This variant's own first and last bin that can show the plume.
      let vlo = lo;
      let vhi = lo + m - 1;
      while (vlo <= vhi && p[v * stride + vlo] === 0) vlo++;
      while (vhi >= vlo && p[v * stride + vhi] === 0) vhi--;
      if (vlo > vhi) {
        this.groupNone += wv;
        continue;
      }
      const mv = vhi - vlo + 1;
      const off = v * stride + vlo;
      pre[0] = 1;
      for (let t = 0; t < mv; t++) pre[t + 1] = pre[t]! * (1 - p[off + t]!);
      suf[mv - 1] = 1;
      for (let t = mv - 1; t > 0; t--) suf[t - 1] = suf[t]! * (1 - p[off + t]!);
      this.groupNone += wv * pre[mv]!;
      for (let a = 0; a < mv; a++) {
        const pa = p[off + a]!;
        if (pa === 0) continue;
        const base = wv * pre[a]! * pa;
        const row = (vlo + a) * J + vlo;
        for (let b = a; b < mv; b++) {
          const pb = b === a ? 1 : p[off + b]!;
          if (pb === 0) continue;
          const x = base * pb * suf[b]!;
          if (x === 0) continue;
          const k = row + b;
          // Once positive an entry stays positive: each is listed once.
          if (g[k] === 0) this.groupTouched[this.nGroupTouched++] = k;
          g[k] = g[k]! + x;
        }
      }
    }
  }

  /** Closes the open group: H(Y | g) and its share of P(y). */
  endGroup(): void {
    if (!this.open) throw new Error('SpanInformation.endGroup: no group is open');
    this.open = false;
    const W = this.groupWeight;
    const g = this.group;
    if (!(W > 0)) {
      for (let t = 0; t < this.nGroupTouched; t++) g[this.groupTouched[t]!] = 0;
      return;
    }
    // sum_y q log q with q = x / W equals (sum x log x)/W - log W.
    let sxl = this.groupNone > 0 ? this.groupNone * Math.log(this.groupNone) : 0;
    const m = this.marginal;
    for (let t = 0; t < this.nGroupTouched; t++) {
      const k = this.groupTouched[t]!;
      const x = g[k]!;
      g[k] = 0;
      sxl += x * Math.log(x);
      if (m[k] === 0) this.touched[this.nTouched++] = k;
      m[k] = m[k]! + x;
    }
    const h = Math.log(W) - sxl / W;
    this.noneMass += this.groupNone;
    this.condNats += W * h;
    this.total += W;
  }

  /** Total weight added (the hypothesis' states, "absent" included); 1 for a normalised cluster. */
  get totalWeight(): number {
    return this.total;
  }

  /** I(X; Y) in bits for the hypothesis accumulated since `begin` (0 when nothing was added). */
  informationBits(): number {
    if (this.open) throw new Error('SpanInformation.informationBits: a group is open; call endGroup() first');
    const T = this.total;
    if (!(T > 0)) return 0;
    // H(Y) of P(y) = M(y)/T: log T - (1/T) sum M log M.
    let s = this.noneMass > 0 ? this.noneMass * Math.log(this.noneMass) : 0;
    for (let t = 0; t < this.nTouched; t++) {
      const q = this.marginal[this.touched[t]!]!;
      if (q > 0) s += q * Math.log(q);
    }
    const hy = Math.log(T) - s / T;
    const i = (hy - this.condNats / T) / Math.LN2;
    // Rounding can leave -1e-16 where the path sees nothing.
    return i > 0 ? i : 0;
  }
}

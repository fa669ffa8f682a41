/**
 * Corpus chrF as sacreBLEU 2.x computes it by default (Popović 2015, "chrF:
 * character n-gram F-score for automatic MT evaluation", WMT; β = 2 after
 * Popović 2016, WMT): whitespace deleted, character n-grams of orders 1–6
 * (Unicode code points, as Python strings count them), no word n-grams
 * (chrF, not chrF++), cased. Per segment and order: hypothesis n-grams
 * (counted only when the reference has n-grams of that order), reference
 * n-grams and clipped matches; summed over the corpus; then precision and
 * recall averaged over the orders where both sides have n-grams (the
 * "effective order"), and F_β of the two averages, times 100. With several
 * references a segment takes the statistics of the reference with the best
 * segment-level F. `epsSmoothing` gives chrF++.py's variant (the mean of the
 * per-order F scores, ε = 1e-16 where undefined), off by default as in
 * sacreBLEU.
 */
import { pyRemoveWhitespace } from './python-split.js';
import { referencesBySegment } from './references.js';

export interface ChrfOptions {
  /** Character n-gram order; default 6. */
  readonly charOrder?: number;
  /** Default 2. */
  readonly beta?: number;
  readonly lowercase?: boolean;
  /** Keep whitespace as characters; default false. */
  readonly whitespace?: boolean;
  readonly epsSmoothing?: boolean;
}

export interface ChrfScore {
  /** 0..100. */
  readonly score: number;
  /** [hyp, ref, match] per order, flattened (3 × charOrder numbers), summed over the corpus. */
  readonly statistics: readonly number[];
  readonly signature: string;
}

function charNgrams(line: string, maxOrder: number, whitespace: boolean): Map<string, number>[] {
  const chars = Array.from(whitespace ? line : pyRemoveWhitespace(line));
  const out: Map<string, number>[] = [];
  for (let n = 1; n <= maxOrder; n++) {
    const m = new Map<string, number>();
    for (let i = 0; i + n <= chars.length; i++) {
      const g = n === 1 ? (chars[i] as string) : chars.slice(i, i + n).join('');
      m.set(g, (m.get(g) ?? 0) + 1);
    }
    out.push(m);
  }
  return out;
}

function matchStatistics(hyp: Map<string, number>, ref: Map<string, number>): [number, number, number] {
  let hypCount = 0;
  let match = 0;
  for (const [g, c] of hyp) {
    hypCount += c;
    const r = ref.get(g);
    if (r !== undefined) match += Math.min(c, r);
  }
  let refCount = 0;
  for (const c of ref.values()) refCount += c;
  // sacreBLEU does not count hypothesis n-grams of an order the reference lacks.
  return [ref.size > 0 ? hypCount : 0, refCount, match];
}

/** F score from [hyp, ref, match] per order (sacreBLEU's `_compute_f_score`). */
export function chrfFromStatistics(statistics: readonly number[], options: ChrfOptions = {}): number {
  const order = statistics.length / 3;
  const beta = options.beta ?? 2;
  const factor = beta ** 2;
  const eps = 1e-16;
  let score = 0;
  let effectiveOrder = 0;
  let avgPrec = 0;
  let avgRec = 0;
  for (let i = 0; i < order; i++) {
    const nHyp = statistics[3 * i] as number;
    const nRef = statistics[3 * i + 1] as number;
    const nMatch = statistics[3 * i + 2] as number;
    const prec = nHyp > 0 ? nMatch / nHyp : eps;
    const rec = nRef > 0 ? nMatch / nRef : eps;
    const denom = factor * prec + rec;
    score += denom > 0 ? ((1 + factor) * prec * rec) / denom : eps;
    if (nHyp > 0 && nRef > 0) {
      avgPrec += prec;
      avgRec += rec;
      effectiveOrder++;
    }
  }
  if (options.epsSmoothing === true) return (100 * score) / order;
  if (effectiveOrder === 0) {
    avgPrec = 0;
    avgRec = 0;
  } else {
    avgPrec /= effectiveOrder;
    avgRec /= effectiveOrder;
  }
  if (avgPrec + avgRec === 0) return 0;
  return (100 * ((1 + factor) * avgPrec * avgRec)) / (factor * avgPrec + avgRec);
}

/** The [hyp, ref, match] statistics of one segment against its best reference. */
export function chrfSegmentStatistics(hypothesis: string, references: readonly string[], options: ChrfOptions = {}): number[] {
  const order = options.charOrder ?? 6;
  const ws = options.whitespace === true;
  const prep = (s: string): string => (options.lowercase === true ? s.toLowerCase() : s);
  const hyp = charNgrams(prep(hypothesis), order, ws);
  let best: number[] = [];
  let bestF = -1;
  for (const r of references) {
    const ref = charNgrams(prep(r), order, ws);
    const stats: number[] = [];
    for (let i = 0; i < order; i++) stats.push(...matchStatistics(hyp[i] as Map<string, number>, ref[i] as Map<string, number>));
    const f = chrfFromStatistics(stats, options);
    if (f > bestF) {
      bestF = f;
      best = stats;
    }
  }
  return best;
}

/** Corpus chrF; equal to sacreBLEU 2.x `CHRF().corpus_score(hyps, refs)` with the same options. */
export function corpusChrf(hypotheses: readonly string[], references: readonly (readonly string[])[], options: ChrfOptions = {}): ChrfScore {
  const bySegment = referencesBySegment(hypotheses, references);
  const order = options.charOrder ?? 6;
  const sum = new Array<number>(3 * order).fill(0);
  const nrefs = new Set<number>();
  hypotheses.forEach((h, i) => {
    const refs = bySegment[i] as string[];
    nrefs.add(refs.length);
    const s = chrfSegmentStatistics(h, refs, options);
    for (let k = 0; k < sum.length; k++) sum[k] = (sum[k] as number) + (s[k] as number);
  });
  const n = nrefs.size === 1 ? String([...nrefs][0]) : 'var';
  const signature = [
    `nrefs:${n}`, `case:${options.lowercase === true ? 'lc' : 'mixed'}`, `eff:${options.epsSmoothing === true ? 'no' : 'yes'}`,
    `nc:${order}`, 'nw:0', `space:${options.whitespace === true ? 'yes' : 'no'}`,
  ].join('|');
  return { score: chrfFromStatistics(sum, options), statistics: sum, signature };
}

/**
 * Corpus BLEU as sacreBLEU 2.x computes it by default (Papineni et al. 2002,
 * "BLEU: a Method for Automatic Evaluation of Machine Translation", ACL;
 * Post 2018, "A Call for Clarity in Reporting BLEU Scores", WMT):
 * cased, 13a tokens, n-grams up to 4, per segment the closest reference
 * length (shorter wins ties), clipped counts against the maximum count of
 * each n-gram over the segment's references, statistics summed over the
 * corpus, then the geometric mean of the four precisions times the brevity
 * penalty exp(1 − r/c) when c < r.
 *
 * Smoothing (Chen & Cherry 2014, "A Systematic Comparison of Smoothing
 * Techniques for Sentence-Level BLEU", WMT): `exp` (the default, NIST's
 * mteval-v13a method 3: the k-th order with no match gets precision
 * 1 / (2^k · total)), `floor` (0.1 / total), `add-k` (k = 1 added to the
 * counts and totals of orders ≥ 2) or `none`. With no match at any order the
 * score is 0, and an order with no n-gram in the hypotheses ends the
 * precision list (its log counts as −9,999,999,999, so the score is 0),
 * exactly as sacreBLEU does.
 */
import { NarizError } from '@nariz/core';
import { formatFixed } from './python-format.js';
import { pyRstrip } from './python-split.js';
import { referencesBySegment } from './references.js';
import { tokenize13a } from './tokenize-13a.js';

export type BleuSmoothing = 'exp' | 'floor' | 'add-k' | 'none';

export interface BleuOptions {
  /** Default `exp`. */
  readonly smoothing?: BleuSmoothing;
  /** For `floor` (default 0.1) and `add-k` (default 1). */
  readonly smoothValue?: number;
  /** Lowercase before tokenising (sacreBLEU `-lc`); default false. */
  readonly lowercase?: boolean;
  /** Default 4. */
  readonly maxOrder?: number;
  /** Stop at the highest order with n-grams (for sentence BLEU); default false. */
  readonly effectiveOrder?: boolean;
}

export interface BleuScore {
  /** 0..100. */
  readonly score: number;
  /** Matched n-grams per order (after `add-k`, as sacreBLEU reports them). */
  readonly counts: readonly number[];
  /** Hypothesis n-grams per order. */
  readonly totals: readonly number[];
  /** Percent per order, smoothed. */
  readonly precisions: readonly number[];
  readonly brevityPenalty: number;
  /** Hypothesis tokens. */
  readonly sysLen: number;
  /** Reference tokens (closest reference per segment). */
  readonly refLen: number;
  /** sacreBLEU's signature fields (without its version, since this is not sacreBLEU). */
  readonly signature: string;
  /** As sacreBLEU prints it: `BLEU = 26.9 58.1/32.4/20.3/13.0 (BP = 1.000 ratio = 1.006 hyp_len = 24570 ref_len = 24427)`. */
  readonly formatted: string;
}

const SMOOTH_DEFAULTS: Record<BleuSmoothing, number> = { exp: 0, floor: 0.1, 'add-k': 1, none: 0 };

/** sacreBLEU's `my_log`: log with log(0) = −9,999,999,999. */
function myLog(x: number): number {
  return x === 0 ? -9999999999 : Math.log(x);
}

function ngramCounts(tokens: readonly string[], maxOrder: number): Map<string, number>[] {
  const byOrder: Map<string, number>[] = [];
  for (let n = 1; n <= maxOrder; n++) {
    const m = new Map<string, number>();
    for (let i = 0; i + n <= tokens.length; i++) {
      // Tokens never contain a space (they are split on whitespace), so a space-joined key is unambiguous.
      const key = n === 1 ? (tokens[i] as string) : tokens.slice(i, i + n).join(' ');
      m.set(key, (m.get(key) ?? 0) + 1);
    }
    byOrder.push(m);
  }
  return byOrder;
}

function closestRefLen(hypLen: number, refLens: readonly number[]): number {
  let closestDiff = -1;
  let closestLen = -1;
  for (const r of refLens) {
    const diff = Math.abs(hypLen - r);
    if (closestDiff === -1 || diff < closestDiff) {
      closestDiff = diff;
      closestLen = r;
    } else if (diff === closestDiff && r < closestLen) {
      closestLen = r;
    }
  }
  return closestLen;
}

/** The sufficient statistics of one segment: [hypLen, refLen, correct_1..N, total_1..N]. */
export function bleuSegmentStatistics(hypothesis: string, references: readonly string[], options: BleuOptions = {}): number[] {
  const maxOrder = options.maxOrder ?? 4;
  const prep = (s: string): string[] => tokenize13a(pyRstrip(options.lowercase === true ? s.toLowerCase() : s));
  const refMax = new Map<string, number>();
  const refLens: number[] = [];
  for (const ref of references) {
    const toks = prep(ref);
    refLens.push(toks.length);
    for (const [order, m] of ngramCounts(toks, maxOrder).entries()) {
      for (const [g, c] of m) {
        const key = `${order}\u0000${g}`;
        if ((refMax.get(key) ?? 0) < c) refMax.set(key, c);
      }
    }
  }
  const hyp = prep(hypothesis);
  const correct = new Array<number>(maxOrder).fill(0);
  const total = new Array<number>(maxOrder).fill(0);
  for (const [order, m] of ngramCounts(hyp, maxOrder).entries()) {
    for (const [g, c] of m) {
      total[order] = (total[order] as number) + c;
      const r = refMax.get(`${order}\u0000${g}`);
      if (r !== undefined) correct[order] = (correct[order] as number) + Math.min(c, r);
    }
  }
  return [hyp.length, closestRefLen(hyp.length, refLens), ...correct, ...total];
}

/** BLEU from summed statistics (sacreBLEU's `compute_bleu`). */
export function bleuFromStatistics(stats: readonly number[], options: BleuOptions = {}): BleuScore {
  const maxOrder = options.maxOrder ?? 4;
  const smoothing = options.smoothing ?? 'exp';
  const smoothValue = options.smoothValue ?? SMOOTH_DEFAULTS[smoothing];
  if (stats.length !== 2 + 2 * maxOrder) throw new NarizError('NARIZ_USAGE', `BLEU statistics need ${2 + 2 * maxOrder} numbers, got ${stats.length}`);
  const sysLen = stats[0] as number;
  const refLen = stats[1] as number;
  const correct = stats.slice(2, 2 + maxOrder);
  const total = stats.slice(2 + maxOrder);
  const bp = sysLen < refLen ? (sysLen > 0 ? Math.exp(1 - refLen / sysLen) : 0) : 1;
  const precisions = new Array<number>(maxOrder).fill(0);
  const done = (score: number): BleuScore => makeScore(score, correct, total, precisions, bp, sysLen, refLen, options);
  if (!correct.some((c) => c !== 0)) return done(0);
  let smoothMteval = 1;
  let effOrder = maxOrder;
  for (let n = 1; n <= maxOrder; n++) {
    if (smoothing === 'add-k' && n > 1) {
      correct[n - 1] = (correct[n - 1] as number) + smoothValue;
      total[n - 1] = (total[n - 1] as number) + smoothValue;
    }
    const t = total[n - 1] as number;
    if (t === 0) break;
    if (options.effectiveOrder === true) effOrder = n;
    const c = correct[n - 1] as number;
    if (c === 0) {
      if (smoothing === 'exp') {
        smoothMteval *= 2;
        precisions[n - 1] = 100 / (smoothMteval * t);
      } else if (smoothing === 'floor') {
        precisions[n - 1] = (100 * smoothValue) / t;
      }
    } else {
      precisions[n - 1] = (100 * c) / t;
    }
  }
  let logSum = 0;
  for (let i = 0; i < effOrder; i++) logSum += myLog(precisions[i] as number);
  return done(bp * Math.exp(logSum / effOrder));
}

function makeScore(
  score: number, counts: number[], totals: number[], precisions: number[], bp: number, sysLen: number, refLen: number, options: BleuOptions,
): BleuScore {
  const smoothing = options.smoothing ?? 'exp';
  const parts = ['nrefs:1', `case:${options.lowercase === true ? 'lc' : 'mixed'}`, `eff:${options.effectiveOrder === true ? 'yes' : 'no'}`, 'tok:13a', `smooth:${smoothing}`];
  const ratio = refLen > 0 ? sysLen / refLen : 0;
  const formatted =
    `BLEU = ${formatFixed(score, 1)} ${precisions.map((p) => formatFixed(p, 1)).join('/')} ` +
    `(BP = ${formatFixed(bp, 3)} ratio = ${formatFixed(ratio, 3)} hyp_len = ${sysLen} ref_len = ${refLen})`;
  return { score, counts, totals, precisions, brevityPenalty: bp, sysLen, refLen, signature: parts.join('|'), formatted };
}

/**
 * Corpus BLEU of `hypotheses` against reference streams (each as long as
 * the hypotheses). Equal to sacreBLEU 2.x `BLEU().corpus_score(hyps, refs)`
 * with the same options.
 */
export function corpusBleu(hypotheses: readonly string[], references: readonly (readonly string[])[], options: BleuOptions = {}): BleuScore {
  const bySegment = referencesBySegment(hypotheses, references);
  const maxOrder = options.maxOrder ?? 4;
  const sum = new Array<number>(2 + 2 * maxOrder).fill(0);
  const nrefs = new Set<number>();
  hypotheses.forEach((h, i) => {
    const refs = bySegment[i] as string[];
    nrefs.add(refs.length);
    const s = bleuSegmentStatistics(h, refs, options);
    for (let k = 0; k < sum.length; k++) sum[k] = (sum[k] as number) + (s[k] as number);
  });
  const score = bleuFromStatistics(sum, options);
  const n = nrefs.size === 1 ? String([...nrefs][0]) : 'var';
  return { ...score, signature: score.signature.replace('nrefs:1', `nrefs:${n}`) };
}

/** Sentence BLEU (sacreBLEU's `sentence_score`; pass `effectiveOrder: true` as sacreBLEU recommends). */
export function sentenceBleu(hypothesis: string, references: readonly string[], options: BleuOptions = {}): BleuScore {
  return corpusBleu([hypothesis], references.map((r) => [r]), options);
}

/**
 * Whether a measure reads the graph's weights: by default exactly when the
 * graph carries weights of the kind the measure understands (csr.ts,
 * WeightKind); asking for the other kind is refused rather than silently
 * reinterpreted (a count is not a distance).
 */
import { NarizError } from '@nariz/core';
import type { CsrGraph, WeightKind } from './csr.js';

export function readsWeights(g: CsrGraph, wanted: boolean | undefined, kind: WeightKind, measure: string): boolean {
  if (wanted === false) return false;
  if (wanted === undefined) return g.weightKind === kind;
  if (g.weightKind === undefined) throw new NarizError('NARIZ_USAGE', `${measure}: weighted was asked for but the graph has no weights`);
  if (g.weightKind !== kind) {
    throw new NarizError('NARIZ_USAGE', `${measure} reads weights as ${kind}s but this graph's are ${g.weightKind}s; build it with the other weight choice (count-as-${kind === 'length' ? 'distance' : 'strength'})`);
  }
  return true;
}

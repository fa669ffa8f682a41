/**
 * The shape sacreBLEU takes references in: a list of reference *streams*,
 * each as long as the hypotheses (stream k holds the k-th reference of
 * every segment). A segment may lack some references (`''`), as in
 * sacreBLEU, but not all of them.
 */
import { NarizError } from '@nariz/core';

/** Per segment, its non-empty references in stream order. Throws NARIZ_USAGE on ragged input or a segment with no reference. */
export function referencesBySegment(hypotheses: readonly string[], references: readonly (readonly string[])[]): string[][] {
  if (references.length === 0) throw new NarizError('NARIZ_USAGE', 'scoring needs at least one reference stream');
  references.forEach((stream, k) => {
    if (stream.length !== hypotheses.length) {
      throw new NarizError('NARIZ_USAGE', `reference stream ${k + 1} has ${stream.length} segments but there are ${hypotheses.length} hypotheses`);
    }
  });
  const out: string[][] = [];
  for (let i = 0; i < hypotheses.length; i++) {
    const refs: string[] = [];
    for (const stream of references) {
      const r = stream[i] as string;
      if (r !== '') refs.push(r);
    }
    if (refs.length === 0) throw new NarizError('NARIZ_USAGE', `segment ${i + 1} has no reference (all are empty)`);
    out.push(refs);
  }
  return out;
}

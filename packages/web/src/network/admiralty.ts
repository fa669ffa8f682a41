/**
 * Admiralty gradings (STANAG 2511; docs/network.md, "The model"): the
 * source's reliability A–F and the information's credibility 1–6, written
 * together ("B2"). A grading meets a minimum when both parts are at least
 * as good as the minimum's in the orders A < … < F and 1 < … < 6 — the
 * server's rule, so the chart's filter and an analysis under the same
 * minimum keep the same assertions. F and 6 ("cannot be judged") pass only
 * a minimum of F (or 6).
 */

export const RELIABILITIES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
export const CREDIBILITIES = ['1', '2', '3', '4', '5', '6'] as const;

const GRADING = /^([A-F])([1-6])$/;

/** "b2" → "B2"; null when it is not a grading. */
export function normaliseGrading(s: string): string | null {
  const g = s.trim().toUpperCase();
  return GRADING.test(g) ? g : null;
}

export function meetsMinimumGrading(grading: string, minimum: string): boolean {
  const g = GRADING.exec(grading.toUpperCase());
  const m = GRADING.exec(minimum.toUpperCase());
  if (g === null || m === null) return false;
  return g[1]! <= m[1]! && g[2]! <= m[2]!;
}

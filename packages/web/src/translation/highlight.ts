/**
 * A stretch of text cut into runs at the edges of the spans laid on it
 * (protected entities, the engine's unknown-word marks, glossary hits), so
 * that each run can be drawn with every span covering it. Spans may
 * overlap or reach outside the stretch (they are clipped); empty ones are
 * ignored. Pure: offsets in, runs out.
 */
import type { Range } from './paragraphs.js';

export interface Tagged<T> extends Range {
  readonly tag: T;
}

export interface Run<T> extends Range {
  readonly text: string;
  /** The tags of the spans covering the whole run, in the order the spans were given. */
  readonly tags: readonly T[];
}

export function highlightRuns<T>(text: string, within: Range, spans: readonly Tagged<T>[]): Run<T>[] {
  const from = Math.max(0, within.start);
  const to = Math.min(text.length, within.end);
  if (to <= from) return [];
  const clipped = spans
    .map((s) => ({ start: Math.max(from, s.start), end: Math.min(to, s.end), tag: s.tag }))
    .filter((s) => s.end > s.start);
  const cuts = new Set<number>([from, to]);
  for (const s of clipped) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const edges = [...cuts].sort((a, b) => a - b);
  const runs: Run<T>[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const start = edges[i]!;
    const end = edges[i + 1]!;
    runs.push({ start, end, text: text.slice(start, end), tags: clipped.filter((s) => s.start <= start && s.end >= end).map((s) => s.tag) });
  }
  return runs;
}

/**
 * The top-N table of an analysis: entities by a measure's value, largest
 * first; equal values (within 1e-12 relative, so float noise does not
 * reorder) by label, so the table reads the same on every run.
 */

export interface RankedEntity {
  readonly id: string;
  readonly label: string;
  readonly value: number;
  readonly rank: number;
}

export function topN(values: Readonly<Record<string, number>>, labelOf: (id: string) => string, n: number): RankedEntity[] {
  const rows = Object.entries(values).map(([id, value]) => ({ id, label: labelOf(id), value }));
  rows.sort((a, b) => {
    const scale = Math.max(Math.abs(a.value), Math.abs(b.value), 1e-300);
    if (Math.abs(a.value - b.value) > 1e-12 * scale) return b.value - a.value;
    return a.label.localeCompare(b.label) || a.id.localeCompare(b.id);
  });
  // Competition ranking: tied values share a rank ("1, 2, 2, 4").
  const out: RankedEntity[] = [];
  for (let i = 0; i < Math.min(n, rows.length); i++) {
    const r = rows[i]!;
    const prev = out[i - 1];
    const tied = prev !== undefined && Math.abs(prev.value - r.value) <= 1e-12 * Math.max(Math.abs(prev.value), Math.abs(r.value), 1e-300);
    out.push({ ...r, rank: tied ? prev.rank : i + 1 });
  }
  return out;
}

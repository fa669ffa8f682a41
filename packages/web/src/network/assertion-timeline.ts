/**
 * The timeline of assertions: dated ones ordered by when they began
 * (UTC), counted per calendar month for the strip above the list; the
 * undated ones counted apart (they cannot be placed, and a time window
 * leaves them out).
 */
import type { NetworkAssertion } from '../api/schema/network.js';

export interface MonthCount {
  /** "2026-03". */
  readonly month: string;
  /** The month's first instant, ms since the epoch (UTC). */
  readonly startMs: number;
  readonly count: number;
}

export interface Timeline {
  readonly dated: readonly NetworkAssertion[];
  readonly undated: number;
  /** Every month from the first to the last, empty ones included. */
  readonly months: readonly MonthCount[];
}

export function assertionTimeline(assertions: readonly NetworkAssertion[]): Timeline {
  const dated = assertions.filter((a) => a.validFrom !== null).slice();
  dated.sort((a, b) => Date.parse(a.validFrom!) - Date.parse(b.validFrom!) || a.id.localeCompare(b.id));
  const counts = new Map<string, number>();
  for (const a of dated) {
    const m = a.validFrom!.slice(0, 7);
    counts.set(m, (counts.get(m) ?? 0) + 1);
  }
  const months: MonthCount[] = [];
  if (dated.length > 0) {
    const first = new Date(Date.parse(dated[0]!.validFrom!));
    const last = new Date(Date.parse(dated[dated.length - 1]!.validFrom!));
    let y = first.getUTCFullYear();
    let mo = first.getUTCMonth();
    while (y < last.getUTCFullYear() || (y === last.getUTCFullYear() && mo <= last.getUTCMonth())) {
      const key = `${String(y).padStart(4, '0')}-${String(mo + 1).padStart(2, '0')}`;
      months.push({ month: key, startMs: Date.UTC(y, mo, 1), count: counts.get(key) ?? 0 });
      mo++;
      if (mo === 12) {
        mo = 0;
        y++;
      }
    }
  }
  return { dated, undated: assertions.length - dated.length, months };
}

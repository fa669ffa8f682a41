/**
 * Collects warnings, folding repeats of the same problem (same code, kind and
 * column) into one entry with a count and the first few line numbers, so a
 * million bad rows cost one entry, not a million.
 */
import type { SortieWarning } from './types.js';

export const MAX_EXAMPLE_LINES = 5;

interface Tally {
  code: string;
  firstMessage: string;
  count: number;
  exampleLines: number[];
  /** Turns the first occurrence's message and the final count into the reported text. */
  summarise: (firstMessage: string, count: number) => string;
}

export class WarningTally {
  private readonly byKey = new Map<string, Tally>();

  /** `message` describes this occurrence; it is kept only when the key is new. */
  add(key: string, code: string, line: number, message: string, summarise: Tally['summarise'] = (m) => m): void {
    let t = this.byKey.get(key);
    if (t === undefined) {
      t = { code, firstMessage: message, count: 0, exampleLines: [], summarise };
      this.byKey.set(key, t);
    }
    t.count++;
    if (t.exampleLines.length < MAX_EXAMPLE_LINES) t.exampleLines.push(line);
  }

  has(key: string): boolean {
    return this.byKey.has(key);
  }

  /** Adds a warning counted elsewhere. */
  put(key: string, w: SortieWarning): void {
    this.byKey.set(key, { code: w.code, firstMessage: w.message, count: w.count, exampleLines: w.exampleLines.slice(0, MAX_EXAMPLE_LINES), summarise: (m) => m });
  }

  /** In order of first occurrence. */
  list(): SortieWarning[] {
    return [...this.byKey.values()].map((t) => ({
      code: t.code,
      message: t.summarise(t.firstMessage, t.count),
      count: t.count,
      exampleLines: t.exampleLines,
    }));
  }
}

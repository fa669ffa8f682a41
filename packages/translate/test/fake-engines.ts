/**
 * Engines for the contract around engines (registry, protection
 * fallback): an identity engine, and one that mangles placeholders the way
 * a neural engine might (drops or doubles them).
 */
import { DIRECTIONS, type Direction, type TranslationEngine, type TranslationResult } from '../src/index.js';

export function fakeEngine(
  id: string,
  transform: (text: string, dir: Direction) => string = (t) => t,
  directions: readonly Direction[] = DIRECTIONS,
): TranslationEngine & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    id,
    provenance: { id, version: 'test' },
    directions,
    calls,
    async translate(texts, dir): Promise<TranslationResult[]> {
      calls.push([...texts]);
      return texts.map((t) => ({ text: transform(t, dir), marks: [], engine: { id, version: 'test' } }));
    },
    async close(): Promise<void> {},
  };
}

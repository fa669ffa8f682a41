/**
 * Merges applied at read time, for one reader: an entity whose `mergedInto`
 * is set (the adapters set it only when the reader may see the survivor)
 * stands for its survivor, following chains (A into B, then B into C: A
 * stands for C). Assertions are never rewritten, so undoing a merge
 * restores exactly what was there before it. The store keeps merges
 * acyclic and an entity in at most one active merge, so a chain ends; the
 * bound below only guards against a hand-edited database.
 */
import { NarizError } from '@nariz/core';
import type { NetworkAssertionRecord, NetworkEntityRecord, NetworkSnapshot } from './network.js';

export function resolveSnapshot(entities: readonly NetworkEntityRecord[], assertions: readonly NetworkAssertionRecord[]): NetworkSnapshot {
  const into = new Map<string, string>();
  for (const e of entities) if (e.mergedInto !== undefined) into.set(e.id, e.mergedInto);
  const resolve = (id: string): string => {
    let cur = id;
    for (let hops = 0; hops <= into.size; hops++) {
      const next = into.get(cur);
      if (next === undefined) return cur;
      cur = next;
    }
    throw new NarizError('NARIZ_STORE_CORRUPT', `stored merges form a cycle through entity "${id}"`);
  };
  return {
    entities: entities.filter((e) => e.mergedInto === undefined),
    merged: entities.filter((e) => e.mergedInto !== undefined),
    assertions: assertions.map((a) => ({ ...a, resolvedFrom: resolve(a.from), resolvedTo: resolve(a.to) })),
  };
}

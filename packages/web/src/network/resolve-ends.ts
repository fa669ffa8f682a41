/**
 * Assertions name the entities they were made about; after a merge those
 * ends stand for the survivor. `survivorOf` follows `merged_into` to the
 * entity an id stands for now, as the server does at read time. The chain
 * is followed at most as many steps as there are merged entities, so a
 * cycle (which the server refuses to create) cannot hang the app.
 */
import type { NetworkEntity } from '../api/schema/network.js';

export type Resolver = (id: string) => string | undefined;

/** A resolver over every entity the reader may see, merged ones included. */
export function survivorOf(entities: readonly NetworkEntity[]): Resolver {
  const into = new Map<string, string>();
  const known = new Set<string>();
  for (const e of entities) {
    known.add(e.id);
    if (e.mergedInto !== null) into.set(e.id, e.mergedInto);
  }
  return (id) => {
    if (!known.has(id)) return undefined;
    let cur = id;
    for (let hops = 0; hops <= into.size; hops++) {
      const next = into.get(cur);
      if (next === undefined) return cur;
      cur = next;
    }
    return undefined;
  };
}

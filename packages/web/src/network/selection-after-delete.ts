/**
 * What stays selected on the link chart after a deletion: a deleted
 * entity closes its panel (and the provenance of a link that touched it);
 * a deleted assertion leaves its link's provenance open on another
 * assertion between the same two entities if one remains, and closes it
 * otherwise. Anything else selected stays as it was.
 */
/** The shape of workspace/use-network.ts's selection (kept here so the pure parts do not load React). */
export type ChartSelection =
  | { readonly kind: 'entity'; readonly id: string }
  | { readonly kind: 'edge'; readonly assertionId: string; readonly from: string; readonly to: string };

export function selectionAfterEntityDeleted(sel: ChartSelection | null, id: string): ChartSelection | null {
  if (sel === null) return null;
  if (sel.kind === 'entity') return sel.id === id ? null : sel;
  return sel.from === id || sel.to === id ? null : sel;
}

/** `remaining`: the ids of the assertions still behind the selected link, the deleted one left out or not. */
export function selectionAfterAssertionDeleted(sel: ChartSelection | null, deleted: string, remaining: readonly string[]): ChartSelection | null {
  if (sel === null || sel.kind !== 'edge' || sel.assertionId !== deleted) return sel;
  const next = remaining.find((x) => x !== deleted);
  return next === undefined ? null : { ...sel, assertionId: next };
}

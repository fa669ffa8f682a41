/**
 * The glossary entry opened from a translation's hit ("Open in the
 * glossary"): its id and the term it is searched by. The view searches the
 * glossary for the term (so the entry is on the first page, with the other
 * entries that contain it), highlights the entry with that id and scrolls
 * to it; when an admin renames the entry, the search follows the new term;
 * when it is not in the answer (deleted, or renamed elsewhere), the view
 * says so.
 */

export interface GlossaryFocus {
  readonly id: string;
  readonly term: string;
}

/** Where the focused entry is in a page of entries: its index, or -1 when it is not there. */
export function focusIndex(entries: readonly { readonly id: string }[], focus: GlossaryFocus | null): number {
  return focus === null ? -1 : entries.findIndex((e) => e.id === focus.id);
}

/** The focus after an entry was saved: the search follows a renamed focused entry; any other save leaves it. */
export function focusAfterSave(focus: GlossaryFocus | null, saved: { readonly id: string; readonly term: string }): GlossaryFocus | null {
  if (focus === null || focus.id !== saved.id || focus.term === saved.term) return focus;
  return { id: saved.id, term: saved.term };
}

/** The focus after a deletion: none when the focused entry was deleted. */
export function focusAfterDelete(focus: GlossaryFocus | null, deletedId: string): GlossaryFocus | null {
  return focus !== null && focus.id === deletedId ? null : focus;
}

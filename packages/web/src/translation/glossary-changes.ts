/**
 * The glossary changes made in this app since a translation was asked for
 * (docs/web-translation.md, "The glossary from a translation"): every
 * edit, review or deletion the glossary view completes is recorded with a
 * sequence number; a translation remembers the number current when it was
 * sent, and each of its hits whose entry changed after that is marked as
 * made with the previous version ("re-translate to apply"). The server
 * uses a change from the next request on, so a change finished before the
 * request was sent is already in it; one finished while it ran is marked
 * (it may or may not be in it).
 */

/** What happened to an entry. A new entry has no hit to mark. */
export type GlossaryChangeKind = 'created' | 'edited' | 'reviewed' | 'deleted';

export interface GlossaryChange {
  readonly id: string;
  readonly kind: GlossaryChangeKind;
}

export interface GlossaryChangeLog {
  /** The number of the newest change (0: none yet). */
  readonly seq: number;
  /** Per entry id, its changes with their numbers, oldest first. */
  readonly byEntry: ReadonlyMap<string, readonly { readonly seq: number; readonly kind: GlossaryChangeKind }[]>;
}

export const EMPTY_GLOSSARY_CHANGES: GlossaryChangeLog = { seq: 0, byEntry: new Map() };

export function recordGlossaryChange(log: GlossaryChangeLog, c: GlossaryChange): GlossaryChangeLog {
  const seq = log.seq + 1;
  const byEntry = new Map(log.byEntry);
  byEntry.set(c.id, [...(byEntry.get(c.id) ?? []), { seq, kind: c.kind }]);
  return { seq, byEntry };
}

/**
 * What changed in an entry after change number `since`, the weightiest
 * kind first: deleted, then edited (its content, so the text may
 * translate differently), then reviewed; null when nothing did.
 */
export function entryChangedSince(log: GlossaryChangeLog, since: number, entryId: string | null): Exclude<GlossaryChangeKind, 'created'> | null {
  if (entryId === null) return null;
  const after = (log.byEntry.get(entryId) ?? []).filter((c) => c.seq > since).map((c) => c.kind);
  if (after.includes('deleted')) return 'deleted';
  if (after.includes('edited')) return 'edited';
  if (after.includes('reviewed')) return 'reviewed';
  return null;
}

/** The entries changed after `since`, each with what changed (entryChangedSince). */
export function changedEntriesSince(log: GlossaryChangeLog, since: number): ReadonlyMap<string, Exclude<GlossaryChangeKind, 'created'>> {
  const out = new Map<string, Exclude<GlossaryChangeKind, 'created'>>();
  for (const id of log.byEntry.keys()) {
    const k = entryChangedSince(log, since, id);
    if (k !== null) out.set(id, k);
  }
  return out;
}

/**
 * The glossary view's state (docs/web-translation.md, "The glossary"): the
 * search (a substring, a category, unreviewed only) and the page on screen,
 * asked again whenever the search changes; and, for those the server says
 * may edit, the entry being added or edited with its form, and reviewing
 * or deleting an entry. An edit names the version it was made from, so a
 * change someone made meanwhile comes back as the server's 409, shown
 * beside the form; after every change the page is asked again and
 * `onChanged` tells the tab which entry changed and how (the engines'
 * summary counts entries; the translation on screen marks its hits whose
 * entry changed). `focusEntry` opens the view on one entry, from a
 * translation's hit: the search set to its term, the entry highlighted.
 */
import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api/api-error.js';
import type { ApiClient } from '../api/client.js';
import type { GlossaryCategory, GlossaryEntry, GlossaryPage } from '../api/schema/translation-glossary.js';
import type { GlossaryChange } from '../translation/glossary-changes.js';
import { focusAfterDelete, focusAfterSave, type GlossaryFocus } from '../translation/glossary-focus.js';
import { draftOf, emptyGlossaryDraft, glossaryBody, type DraftField, type GlossaryDraft } from '../translation/glossary-form.js';

/** Entries per page. */
export const GLOSSARY_PAGE_SIZE = 50;

export type GlossaryEditing = { readonly kind: 'new' } | { readonly kind: 'edit'; readonly entry: GlossaryEntry };

export interface GlossaryWorkspace {
  readonly q: string;
  readonly setQ: (q: string) => void;
  readonly category: GlossaryCategory | null;
  readonly setCategory: (c: GlossaryCategory | null) => void;
  readonly unreviewedOnly: boolean;
  readonly setUnreviewedOnly: (on: boolean) => void;
  readonly offset: number;
  readonly setOffset: (n: number) => void;
  readonly page: GlossaryPage | null;
  readonly loading: boolean;
  readonly error: unknown;
  readonly reload: () => void;
  readonly editing: GlossaryEditing | null;
  readonly draft: GlossaryDraft;
  readonly setDraft: (d: GlossaryDraft) => void;
  /** Fields the form must fix before it is sent (after a first try). */
  readonly missing: readonly DraftField[];
  readonly startNew: () => void;
  readonly startEdit: (e: GlossaryEntry) => void;
  readonly cancelEdit: () => void;
  readonly save: () => void;
  readonly saving: boolean;
  readonly saveError: unknown;
  readonly review: (e: GlossaryEntry) => void;
  readonly remove: (e: GlossaryEntry) => void;
  /** The entry a review or delete failed on, and why. */
  readonly actionError: { readonly id: string; readonly error: unknown } | null;
  /** Whether `err` is the server's "changed meanwhile" (409). */
  readonly isConflict: (err: unknown) => boolean;
  /** The entry opened from a translation's hit (highlighted), if any. */
  readonly focus: GlossaryFocus | null;
  /** Opens the list on one entry: searched by its term, other filters cleared, any form closed. */
  readonly focusEntry: (f: GlossaryFocus) => void;
  readonly clearFocus: () => void;
}

const isConflict = (err: unknown): boolean => err instanceof ApiError && err.status === 409;

export function useTranslationGlossary(client: ApiClient, active: boolean, onChanged: (c: GlossaryChange) => void): GlossaryWorkspace {
  const [q, setQState] = useState('');
  const [category, setCategoryState] = useState<GlossaryCategory | null>(null);
  const [unreviewedOnly, setUnreviewedState] = useState(false);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<GlossaryPage | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [wanted, setWanted] = useState(0);
  const [editing, setEditing] = useState<GlossaryEditing | null>(null);
  const [draft, setDraft] = useState<GlossaryDraft>(() => emptyGlossaryDraft());
  const [missing, setMissing] = useState<readonly DraftField[]>([]);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [actionError, setActionError] = useState<{ id: string; error: unknown } | null>(null);
  const [focus, setFocus] = useState<GlossaryFocus | null>(null);

  useEffect(() => {
    if (!active) return undefined;
    const c = new AbortController();
    setLoading(true);
    setError(null);
    client.glossary({ q, category, unreviewedOnly, limit: GLOSSARY_PAGE_SIZE, offset }, c.signal).then(
      (p) => {
        setPage(p);
        setLoading(false);
      },
      (err: unknown) => {
        if (c.signal.aborted) return;
        setError(err);
        setLoading(false);
      },
    );
    return () => c.abort();
  }, [active, client, q, category, unreviewedOnly, offset, wanted]);

  const reload = useCallback(() => setWanted((n) => n + 1), []);
  const changed = useCallback(
    (c: GlossaryChange) => {
      reload();
      onChanged(c);
    },
    [reload, onChanged],
  );

  const startNew = useCallback(() => {
    setEditing({ kind: 'new' });
    setDraft(emptyGlossaryDraft());
    setMissing([]);
    setSaveError(null);
  }, []);
  const startEdit = useCallback((e: GlossaryEntry) => {
    setEditing({ kind: 'edit', entry: e });
    setDraft(draftOf(e));
    setMissing([]);
    setSaveError(null);
  }, []);
  const cancelEdit = useCallback(() => {
    setEditing(null);
    setSaveError(null);
    setMissing([]);
  }, []);

  const save = useCallback(() => {
    if (editing === null) return;
    const b = glossaryBody(draft);
    if (!b.ok) {
      setMissing(b.missing);
      return;
    }
    setMissing([]);
    setSaving(true);
    setSaveError(null);
    const call = editing.kind === 'new' ? client.createGlossaryEntry(b.body) : client.updateGlossaryEntry(editing.entry.id, editing.entry.version, b.body);
    call.then(
      (saved) => {
        setSaving(false);
        setEditing(null);
        // The search follows a renamed focused entry.
        const next = focusAfterSave(focus, saved);
        if (next !== focus) {
          setFocus(next);
          if (next !== null) setQState(next.term);
        }
        changed({ id: saved.id, kind: editing.kind === 'new' ? 'created' : 'edited' });
      },
      (err: unknown) => {
        setSaving(false);
        setSaveError(err);
      },
    );
  }, [editing, draft, client, changed, focus]);

  const review = useCallback((e: GlossaryEntry) => {
    setActionError(null);
    client.reviewGlossaryEntry(e.id, e.version).then(
      () => changed({ id: e.id, kind: 'reviewed' }),
      (err: unknown) => setActionError({ id: e.id, error: err }),
    );
  }, [client, changed]);

  const remove = useCallback((e: GlossaryEntry) => {
    setActionError(null);
    client.deleteGlossaryEntry(e.id).then(
      () => {
        setFocus((f) => focusAfterDelete(f, e.id));
        changed({ id: e.id, kind: 'deleted' });
      },
      (err: unknown) => setActionError({ id: e.id, error: err }),
    );
  }, [client, changed]);

  const focusEntry = useCallback((f: GlossaryFocus) => {
    setFocus(f);
    setQState(f.term);
    setCategoryState(null);
    setUnreviewedState(false);
    setOffset(0);
    setEditing(null);
    setSaveError(null);
    setActionError(null);
  }, []);

  return {
    q,
    // A search the user changes is theirs: the highlight goes.
    setQ: useCallback((v: string) => {
      setQState(v);
      setOffset(0);
      setFocus(null);
    }, []),
    category,
    setCategory: useCallback((c: GlossaryCategory | null) => {
      setCategoryState(c);
      setOffset(0);
      setFocus(null);
    }, []),
    unreviewedOnly,
    setUnreviewedOnly: useCallback((on: boolean) => {
      setUnreviewedState(on);
      setOffset(0);
      setFocus(null);
    }, []),
    offset,
    setOffset,
    page,
    loading,
    error,
    reload,
    editing,
    draft,
    setDraft,
    missing,
    startNew,
    startEdit,
    cancelEdit,
    save,
    saving,
    saveError,
    review,
    remove,
    actionError,
    isConflict,
    focus,
    focusEntry,
    clearFocus: useCallback(() => setFocus(null), []),
  };
}

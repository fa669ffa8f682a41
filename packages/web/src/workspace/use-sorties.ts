/** The sortie list, kept current by the live feed. */
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../api/client.js';
import type { SortieId } from '../api/schema/ids.js';
import type { Sortie } from '../api/schema/sortie.js';
import { useLive, type LiveHub } from './live-hub.js';

export interface SortiesState {
  readonly sorties: readonly Sortie[] | null;
  readonly error: unknown;
  readonly reload: () => void;
  /** Puts a sortie the app already has (an upload's answer) into the list at once. */
  readonly upsert: (s: Sortie) => void;
  readonly remove: (id: SortieId) => void;
}

function upsertInto(list: readonly Sortie[] | null, s: Sortie): Sortie[] {
  const rest = (list ?? []).filter((x) => x.id !== s.id);
  // Newest first, as the API lists them.
  return [s, ...rest].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

export function useSorties(client: ApiClient, hub: LiveHub): SortiesState {
  const [sorties, setSorties] = useState<readonly Sortie[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(() => {
    client.sorties().then(
      (list) => {
        setSorties(list);
        setError(null);
      },
      (err: unknown) => setError(err),
    );
  }, [client]);

  useEffect(reload, [reload]);

  const upsert = useCallback((s: Sortie) => setSorties((list) => upsertInto(list, s)), []);
  const remove = useCallback((id: SortieId) => setSorties((list) => (list ?? []).filter((x) => x.id !== id)), []);

  useLive(hub, {
    onMessage: (m) => {
      if (m.type === 'sortie') upsert(m.sortie);
      else if (m.type === 'sortie_deleted') remove(m.id);
    },
    onReconnect: reload,
  });

  return { sorties, error, reload, upsert, remove };
}

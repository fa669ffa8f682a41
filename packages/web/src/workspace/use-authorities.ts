/**
 * The airspace authorities, the one chosen for planning and checks (the
 * national default first), and the chosen one's areas for the map. After an
 * administrator loads or removes an official boundary file the list and the
 * areas are fetched again, so the map and every statement of the boundary
 * source follow.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../api/client.js';
import type { AuthorityDetail, AuthoritySummary } from '../api/schema/authority.js';

/** Chosen first when present: the crews' own national authority. */
const PREFERRED = 'national-nl';

export interface AuthoritiesState {
  readonly list: readonly AuthoritySummary[] | null;
  readonly error: unknown;
  readonly selectedId: string | null;
  readonly selected: AuthoritySummary | null;
  /** The chosen authority with its areas; null while loading. */
  readonly detail: AuthorityDetail | null;
  readonly detailError: unknown;
  readonly select: (id: string) => void;
  /** Fetches the list and the chosen authority's areas again. */
  readonly reload: () => void;
}

export function useAuthorities(client: ApiClient): AuthoritiesState {
  const [list, setList] = useState<readonly AuthoritySummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [detail, setDetail] = useState<AuthorityDetail | null>(null);
  const [detailError, setDetailError] = useState<unknown>(null);
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    client.authorities().then(
      (l) => {
        if (!live) return;
        setList(l);
        setError(null);
        setSelectedId((cur) => (cur !== null && l.some((a) => a.id === cur) ? cur : (l.find((a) => a.id === PREFERRED) ?? l[0])?.id ?? null));
      },
      (err: unknown) => live && setError(err),
    );
    return () => {
      live = false;
    };
  }, [client, generation]);

  useEffect(() => {
    if (selectedId === null) {
      setDetail(null);
      return undefined;
    }
    const ctl = new AbortController();
    setDetail((d) => (d?.id === selectedId ? d : null));
    setDetailError(null);
    client.authority(selectedId, ctl.signal).then(
      (d) => setDetail(d),
      (err: unknown) => {
        if (!ctl.signal.aborted) setDetailError(err);
      },
    );
    return () => ctl.abort();
  }, [client, selectedId, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  const selected = list?.find((a) => a.id === selectedId) ?? null;
  return { list, error, selectedId, selected, detail: detail?.id === selectedId ? detail : null, detailError, select: setSelectedId, reload };
}

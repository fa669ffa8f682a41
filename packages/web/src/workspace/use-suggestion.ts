/**
 * The adaptive search's suggestion for the selected sortie, asked for on
 * request (the server builds the belief from every sample). A new sortie
 * or authority clears it; a newer estimate does not (the crew asks again).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/client.js';
import type { SortieId } from '../api/schema/ids.js';
import type { Suggestion } from '../api/schema/suggestion.js';

export interface SuggestionState {
  readonly result: Suggestion | null;
  readonly running: boolean;
  readonly error: unknown;
  readonly run: () => void;
  readonly clear: () => void;
}

export function useSuggestion(client: ApiClient, sortieId: SortieId | null, authorityId: string | null): SuggestionState {
  const [result, setResult] = useState<Suggestion | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const ctl = useRef<AbortController | null>(null);

  const clear = useCallback(() => {
    ctl.current?.abort();
    ctl.current = null;
    setResult(null);
    setRunning(false);
    setError(null);
  }, []);
  useEffect(clear, [sortieId, authorityId, clear]);
  useEffect(() => () => ctl.current?.abort(), []);

  const run = useCallback(() => {
    if (sortieId === null) return;
    ctl.current?.abort();
    const c = new AbortController();
    ctl.current = c;
    setRunning(true);
    setError(null);
    client.suggestWaypoints(sortieId, authorityId === null ? {} : { authority_id: authorityId }, c.signal).then(
      (r) => {
        if (c.signal.aborted) return;
        setResult(r);
        setRunning(false);
      },
      (err: unknown) => {
        if (c.signal.aborted) return;
        setError(err);
        setRunning(false);
      },
    );
  }, [client, sortieId, authorityId]);

  return { result, running, error, run, clear };
}

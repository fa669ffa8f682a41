/**
 * The airspace check of the selected sortie's flown track against the chosen
 * authority, run on request (it reads every sample on the server). A new
 * sortie or authority clears the result.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/client.js';
import type { SortieId } from '../api/schema/ids.js';
import type { TrackAirspace } from '../api/schema/track-airspace.js';

export interface TrackAirspaceState {
  readonly result: TrackAirspace | null;
  readonly running: boolean;
  readonly error: unknown;
  readonly run: () => void;
}

export function useTrackAirspace(client: ApiClient, sortieId: SortieId | null, authorityId: string | null): TrackAirspaceState {
  const [result, setResult] = useState<TrackAirspace | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const ctl = useRef<AbortController | null>(null);

  useEffect(() => {
    ctl.current?.abort();
    ctl.current = null;
    setResult(null);
    setRunning(false);
    setError(null);
  }, [sortieId, authorityId]);
  useEffect(() => () => ctl.current?.abort(), []);

  const run = useCallback(() => {
    if (sortieId === null || authorityId === null) return;
    ctl.current?.abort();
    const c = new AbortController();
    ctl.current = c;
    setRunning(true);
    setError(null);
    client.sortieAirspace(sortieId, authorityId, c.signal).then(
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

  return { result, running, error, run };
}

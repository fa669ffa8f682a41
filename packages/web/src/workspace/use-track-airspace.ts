/**
 * The airspace check of the selected sortie's flown track against the chosen
 * authority, run on request (it reads every sample on the server). A new
 * sortie or authority clears the result.
 */
import { useCallback, useEffect } from 'react';
import type { ApiClient } from '../api/client.js';
import type { SortieId } from '../api/schema/ids.js';
import type { TrackAirspace } from '../api/schema/track-airspace.js';
import { useLatestRequest } from './use-latest-request.js';

export interface TrackAirspaceState {
  readonly result: TrackAirspace | null;
  readonly running: boolean;
  readonly error: unknown;
  readonly run: () => void;
}

export function useTrackAirspace(client: ApiClient, sortieId: SortieId | null, authorityId: string | null): TrackAirspaceState {
  const { result, running, error, start, clear } = useLatestRequest<TrackAirspace>();
  useEffect(clear, [sortieId, authorityId, clear]);
  const run = useCallback(() => {
    if (sortieId === null || authorityId === null) return;
    start((signal) => client.sortieAirspace(sortieId, authorityId, signal));
  }, [client, sortieId, authorityId, start]);
  return { result, running, error, run };
}

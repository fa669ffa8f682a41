/**
 * The adaptive search's suggestion for the selected sortie, asked for on
 * request (the server builds the belief from every sample). A new sortie
 * or authority clears it; a newer estimate does not (the crew asks again).
 */
import { useCallback, useEffect } from 'react';
import type { ApiClient } from '../api/client.js';
import type { SortieId } from '../api/schema/ids.js';
import type { Suggestion } from '../api/schema/suggestion.js';
import { useLatestRequest } from './use-latest-request.js';

export interface SuggestionState {
  readonly result: Suggestion | null;
  readonly running: boolean;
  readonly error: unknown;
  readonly run: () => void;
  readonly clear: () => void;
}

export function useSuggestion(client: ApiClient, sortieId: SortieId | null, authorityId: string | null): SuggestionState {
  const { result, running, error, start, clear } = useLatestRequest<Suggestion>();
  useEffect(clear, [sortieId, authorityId, clear]);
  const run = useCallback(() => {
    if (sortieId === null) return;
    start((signal) => client.suggestWaypoints(sortieId, authorityId === null ? {} : { authority_id: authorityId }, signal));
  }, [client, sortieId, authorityId, start]);
  return { result, running, error, run, clear };
}

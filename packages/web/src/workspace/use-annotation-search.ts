/** Search across every video's annotations and bookmarks (text or tag), on request. */
import { useCallback } from 'react';
import type { ApiClient } from '../api/client.js';
import type { Annotation } from '../api/schema/annotation.js';
import type { AnnotationSearch } from '../video/annotation-request.js';
import { useLatestRequest } from './use-latest-request.js';

export interface AnnotationSearchState {
  readonly result: readonly Annotation[] | null;
  readonly running: boolean;
  readonly error: unknown;
  readonly run: (s: AnnotationSearch) => void;
  readonly clear: () => void;
}

export function useAnnotationSearch(client: ApiClient): AnnotationSearchState {
  const { result, running, error, start, clear } = useLatestRequest<readonly Annotation[]>();
  const run = useCallback((s: AnnotationSearch) => start((signal) => client.searchAnnotations(s, signal)), [client, start]);
  return { result, running, error, run, clear };
}

/** Search across every video's annotations and bookmarks (text or tag), on request. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/client.js';
import type { Annotation } from '../api/schema/annotation.js';
import type { AnnotationSearch } from '../video/annotation-request.js';

export interface AnnotationSearchState {
  readonly result: readonly Annotation[] | null;
  readonly running: boolean;
  readonly error: unknown;
  readonly run: (s: AnnotationSearch) => void;
  readonly clear: () => void;
}

export function useAnnotationSearch(client: ApiClient): AnnotationSearchState {
  const [result, setResult] = useState<readonly Annotation[] | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const ctl = useRef<AbortController | null>(null);
  useEffect(() => () => ctl.current?.abort(), []);

  const run = useCallback(
    (s: AnnotationSearch) => {
      ctl.current?.abort();
      const c = new AbortController();
      ctl.current = c;
      setRunning(true);
      setError(null);
      client.searchAnnotations(s, c.signal).then(
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
    },
    [client],
  );
  const clear = useCallback(() => {
    ctl.current?.abort();
    setResult(null);
    setRunning(false);
    setError(null);
  }, []);
  return { result, running, error, run, clear };
}

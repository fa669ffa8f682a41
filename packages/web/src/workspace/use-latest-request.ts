/**
 * One request at a time whose newest answer wins: starting another aborts
 * the one in flight, an answer that arrives after an abort (or after the
 * component is gone) is dropped, and `clear` forgets everything. The
 * on-request panels (track check, suggestion, ground pick, coverage,
 * annotation search) are this plus what they ask.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export interface LatestRequest<T> {
  readonly result: T | null;
  readonly running: boolean;
  readonly error: unknown;
  /** Aborts the request in flight, if any, and starts this one. */
  readonly start: (call: (signal: AbortSignal) => Promise<T>) => void;
  readonly clear: () => void;
}

export function useLatestRequest<T>(): LatestRequest<T> {
  const [result, setResult] = useState<T | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const ctl = useRef<AbortController | null>(null);
  useEffect(() => () => ctl.current?.abort(), []);

  const clear = useCallback(() => {
    ctl.current?.abort();
    ctl.current = null;
    setResult(null);
    setRunning(false);
    setError(null);
  }, []);

  const start = useCallback((call: (signal: AbortSignal) => Promise<T>) => {
    ctl.current?.abort();
    const c = new AbortController();
    ctl.current = c;
    setResult(null);
    setRunning(true);
    setError(null);
    call(c.signal).then(
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
  }, []);

  return { result, running, error, start, clear };
}

/**
 * "Which video saw this place?": a place (clicked on the map, or the
 * selected source's position) and the clips and time ranges in which it
 * was inside the frame.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/client.js';
import type { CoverageAnswer } from '../api/schema/video-coverage.js';

export interface CoverageState {
  /** The next click on the map is the place. */
  readonly picking: boolean;
  readonly setPicking: (on: boolean) => void;
  readonly place: { readonly lat: number; readonly lon: number } | null;
  readonly answer: CoverageAnswer | null;
  readonly running: boolean;
  readonly error: unknown;
  readonly ask: (lat: number, lon: number) => void;
  readonly clear: () => void;
}

export function useVideoCoverage(client: ApiClient): CoverageState {
  const [picking, setPicking] = useState(false);
  const [place, setPlace] = useState<{ lat: number; lon: number } | null>(null);
  const [answer, setAnswer] = useState<CoverageAnswer | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const ctl = useRef<AbortController | null>(null);
  useEffect(() => () => ctl.current?.abort(), []);

  const ask = useCallback(
    (lat: number, lon: number) => {
      ctl.current?.abort();
      const c = new AbortController();
      ctl.current = c;
      setPicking(false);
      setPlace({ lat, lon });
      setAnswer(null);
      setRunning(true);
      setError(null);
      client.videoCoverage(lat, lon, c.signal).then(
        (a) => {
          if (c.signal.aborted) return;
          setAnswer(a);
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
    setPicking(false);
    setPlace(null);
    setAnswer(null);
    setRunning(false);
    setError(null);
  }, []);

  // Esc leaves the picking mode.
  useEffect(() => {
    if (!picking) return undefined;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') setPicking(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [picking]);

  return { picking, setPicking, place, answer, running, error, ask, clear };
}

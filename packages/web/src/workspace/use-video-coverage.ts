/**
 * "Which video saw this place?": a place (clicked on the map, or the
 * selected source's position) and the clips and time ranges in which it
 * was inside the frame.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../api/client.js';
import type { CoverageAnswer } from '../api/schema/video-coverage.js';
import { useLatestRequest } from './use-latest-request.js';

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
  const req = useLatestRequest<CoverageAnswer>();

  const start = req.start;
  const ask = useCallback(
    (lat: number, lon: number) => {
      setPicking(false);
      setPlace({ lat, lon });
      start((signal) => client.videoCoverage(lat, lon, signal));
    },
    [client, start],
  );
  const reqClear = req.clear;
  const clear = useCallback(() => {
    reqClear();
    setPicking(false);
    setPlace(null);
  }, [reqClear]);

  // Esc leaves the picking mode.
  useEffect(() => {
    if (!picking) return undefined;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'Escape') setPicking(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [picking]);

  return { picking, setPicking, place, answer: req.result, running: req.running, error: req.error, ask, clear };
}

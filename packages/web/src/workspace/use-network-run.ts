/**
 * One counter-network run followed at a time (an analysis, or a windows
 * run): started by the given call, then its state polled until it is done
 * or failed; starting another drops the one before.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/client.js';
import type { AnalysisRun } from '../api/schema/network-analysis.js';

/** Run-state polls while a run works. */
const POLL_MS = 700;

export interface FollowedRun {
  readonly run: AnalysisRun | null;
  readonly error: unknown;
  readonly start: (begin: () => Promise<AnalysisRun>) => void;
}

export function useNetworkRun(client: ApiClient): FollowedRun {
  const [run, setRun] = useState<AnalysisRun | null>(null);
  const [error, setError] = useState<unknown>(null);
  const seq = useRef(0);
  const start = useCallback(
    (begin: () => Promise<AnalysisRun>) => {
      const s = ++seq.current;
      setError(null);
      const fail = (err: unknown): void => {
        if (s === seq.current) setError(err);
      };
      const follow = (r: AnalysisRun): void => {
        if (s !== seq.current) return;
        setRun(r);
        if (r.state === 'done' || r.state === 'failed') return;
        setTimeout(() => {
          if (s === seq.current) client.networkAnalysis(r.id).then(follow, fail);
        }, POLL_MS);
      };
      begin().then(follow, fail);
    },
    [client],
  );
  useEffect(
    () => () => {
      seq.current++;
    },
    [],
  );
  return { run, error, start };
}

/**
 * The newest localisation job of each sortie, from GET /api/jobs and then
 * the live feed. While the feed is down and a job is active, the list is
 * polled instead, so progress never freezes.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../api/client.js';
import type { SortieId } from '../api/schema/ids.js';
import { isActive, type Job } from '../api/schema/job.js';
import type { LiveStatus } from '../live/live-socket.js';
import { latestBySortie } from './latest-job.js';
import { useLive, type LiveHub } from './live-hub.js';

const POLL_MS = 2000;

export interface JobsState {
  readonly bySortie: ReadonlyMap<SortieId, Job>;
  readonly put: (j: Job) => void;
}

export function useJobs(client: ApiClient, hub: LiveHub, liveStatus: LiveStatus): JobsState {
  const [bySortie, setBySortie] = useState<ReadonlyMap<SortieId, Job>>(new Map());

  const reload = useCallback(() => {
    client.jobs().then(
      (jobs) => setBySortie(latestBySortie([...jobs].reverse())),
      (err: unknown) => console.warn('jobs: reload failed', err),
    );
  }, [client]);
  useEffect(reload, [reload]);

  const put = useCallback((j: Job) => setBySortie((m) => latestBySortie([j], m)), []);
  useLive(hub, { onMessage: (m) => m.type === 'job' && put(m.job), onReconnect: reload });

  const anyActive = [...bySortie.values()].some((j) => isActive(j.state));
  useEffect(() => {
    if (liveStatus === 'open' || !anyActive) return undefined;
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [liveStatus, anyActive, reload]);

  return { bySortie, put };
}

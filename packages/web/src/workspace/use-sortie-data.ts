/**
 * What the map, the source list and the plot show for the selected sortie:
 * its samples, detections and newest estimate. Each is refetched when the
 * live feed says it changed (new samples or detections, a new estimate, a
 * finished job), and the estimate of a sortie without one is simply null.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api/client.js';
import type { SpeciesDetections } from '../api/schema/detections.js';
import type { Estimate } from '../api/schema/estimate.js';
import type { SortieId } from '../api/schema/ids.js';
import type { SampleColumns } from '../api/schema/samples.js';
import { useLive, type LiveHub } from './live-hub.js';

/** Samples drawn at most: enough for a smooth track and plot, small enough to send quickly. */
const MAX_SAMPLES = 8000;
/** Live batches can come every second: refetch at most this often. */
const REFETCH_MS = 1500;

export interface SortieData {
  readonly samples: SampleColumns | null;
  readonly detections: readonly SpeciesDetections[] | null;
  readonly estimate: Estimate | null;
  readonly loading: boolean;
  readonly error: unknown;
}

const NONE: SortieData = { samples: null, detections: null, estimate: null, loading: false, error: null };

export function useSortieData(client: ApiClient, hub: LiveHub, id: SortieId | null): SortieData {
  const [data, setData] = useState<SortieData>(NONE);
  const current = useRef<SortieId | null>(id);
  current.current = id;
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);

  const fetchPart = useCallback(
    (sid: SortieId, part: 'samples' | 'detections' | 'estimate') => {
      const done = <K extends keyof SortieData>(key: K, value: SortieData[K]): void => {
        if (current.current === sid) setData((d) => ({ ...d, [key]: value, loading: false }));
      };
      const fail = (err: unknown): void => {
        if (current.current === sid) setData((d) => ({ ...d, error: err, loading: false }));
      };
      if (part === 'samples') client.samples(sid, MAX_SAMPLES).then((v) => done('samples', v), fail);
      else if (part === 'detections')
        client.detections(sid).then(
          (v) => done('detections', v),
          // Detections are an extra: their failure leaves the rest on screen.
          (err: unknown) => console.warn('detections unavailable', err),
        );
      else client.estimate(sid).then((v) => done('estimate', v), fail);
    },
    [client],
  );

  useEffect(() => {
    if (pending.current !== null) clearTimeout(pending.current);
    if (id === null) {
      setData(NONE);
      return;
    }
    setData({ ...NONE, loading: true });
    fetchPart(id, 'samples');
    fetchPart(id, 'detections');
    fetchPart(id, 'estimate');
  }, [id, fetchPart]);

  const refetchSoon = useCallback(
    (sid: SortieId) => {
      if (pending.current !== null) return;
      pending.current = setTimeout(() => {
        pending.current = null;
        if (current.current !== sid) return;
        fetchPart(sid, 'samples');
        fetchPart(sid, 'detections');
      }, REFETCH_MS);
    },
    [fetchPart],
  );

  useEffect(
    () => () => {
      if (pending.current !== null) clearTimeout(pending.current);
    },
    [],
  );

  useLive(hub, {
    onMessage: (m) => {
      if (id === null) return;
      if ((m.type === 'batch' || m.type === 'detection') && m.sortieId === id) refetchSoon(id);
      else if (m.type === 'estimate' && m.sortieId === id) fetchPart(id, 'estimate');
      else if (m.type === 'job' && m.job.sortieId === id && m.job.state === 'done') fetchPart(id, 'estimate');
    },
    onReconnect: () => {
      if (id === null) return;
      fetchPart(id, 'samples');
      fetchPart(id, 'detections');
      fetchPart(id, 'estimate');
    },
  });

  return data;
}

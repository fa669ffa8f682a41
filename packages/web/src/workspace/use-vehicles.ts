/**
 * Vehicles heard over live MAVLink: GET /api/vehicles, then each live
 * `vehicle` message (about once a second per vehicle). The endpoints'
 * decoder counts come only from the GET, polled while the server listens.
 */
import { useCallback, useEffect, useState } from 'react';
import type { ApiClient } from '../api/client.js';
import type { VehiclesState, VehicleStatus } from '../api/schema/vehicle.js';
import { useLive, type LiveHub } from './live-hub.js';

const POLL_MS = 5000;

export interface VehiclesHook {
  readonly state: VehiclesState | null;
  readonly error: unknown;
}

function upsert(list: readonly VehicleStatus[], v: VehicleStatus): VehicleStatus[] {
  return [...list.filter((x) => x.sysid !== v.sysid), v].sort((a, b) => a.sysid - b.sysid);
}

export function useVehicles(client: ApiClient, hub: LiveHub): VehiclesHook {
  const [state, setState] = useState<VehiclesState | null>(null);
  const [error, setError] = useState<unknown>(null);

  const reload = useCallback(() => {
    client.vehicles().then(
      (s) => {
        setState(s);
        setError(null);
      },
      (err: unknown) => setError(err),
    );
  }, [client]);
  useEffect(reload, [reload]);

  const listening = state?.listening === true;
  useEffect(() => {
    if (!listening) return undefined;
    const timer = setInterval(reload, POLL_MS);
    return () => clearInterval(timer);
  }, [listening, reload]);

  useLive(hub, {
    onMessage: (m) => {
      if (m.type !== 'vehicle') return;
      setState((s) => ({ listening: true, endpoints: s?.endpoints ?? [], vehicles: upsert(s?.vehicles ?? [], m.vehicle) }));
    },
    onReconnect: reload,
  });

  return { state, error };
}

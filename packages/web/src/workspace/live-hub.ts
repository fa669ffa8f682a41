/**
 * One live socket for the signed-in workspace, fanned out to the hooks that
 * care: each subscribes to messages and to reconnections (after which it
 * refetches what it may have missed).
 */
import { useEffect, useRef, useState } from 'react';
import type { LiveMessage } from '../api/schema/live-message.js';
import { LiveSocket, type LiveStatus } from '../live/live-socket.js';

export interface LiveSubscriber {
  readonly onMessage?: (m: LiveMessage) => void;
  readonly onReconnect?: () => void;
}

export class LiveHub {
  private readonly subs = new Set<LiveSubscriber>();
  status: LiveStatus = 'connecting';

  subscribe(s: LiveSubscriber): () => void {
    this.subs.add(s);
    return () => this.subs.delete(s);
  }
  publish(m: LiveMessage): void {
    for (const s of this.subs) s.onMessage?.(m);
  }
  reconnected(): void {
    for (const s of this.subs) s.onReconnect?.();
  }
}

/** Runs the socket while the workspace is shown; returns the hub and the socket's status. */
export function useLiveHub(): { hub: LiveHub; status: LiveStatus } {
  const [hub] = useState(() => new LiveHub());
  const [status, setStatus] = useState<LiveStatus>('connecting');
  useEffect(() => {
    const socket = new LiveSocket({
      onMessage: (m) => hub.publish(m),
      onStatus: (s) => {
        hub.status = s;
        setStatus(s);
      },
      onReconnect: () => hub.reconnected(),
    });
    socket.start();
    return () => socket.stop();
  }, [hub]);
  return { hub, status };
}

/** Subscribes for the component's lifetime; the newest handlers are always called. */
export function useLive(hub: LiveHub, s: LiveSubscriber): void {
  const ref = useRef(s);
  ref.current = s;
  useEffect(
    () =>
      hub.subscribe({
        onMessage: (m) => ref.current.onMessage?.(m),
        onReconnect: () => ref.current.onReconnect?.(),
      }),
    [hub],
  );
}

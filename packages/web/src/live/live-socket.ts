/**
 * The /api/live WebSocket: parsed messages to the listeners, reconnection
 * with backoff after a drop, and a status for the UI. After a reconnection
 * the listeners are told (`onReconnect`) so they can refetch what they may
 * have missed while the socket was down.
 */
import { readLiveMessage, type LiveMessage } from '../api/schema/live-message.js';
import { backoffDelayMs } from './backoff.js';

export type LiveStatus = 'connecting' | 'open' | 'reconnecting' | 'closed';

export interface LiveListeners {
  readonly onMessage: (m: LiveMessage) => void;
  readonly onStatus: (s: LiveStatus) => void;
  readonly onReconnect: () => void;
}

/** A connection that stays open for this long resets the backoff. */
const STABLE_MS = 10_000;

export class LiveSocket {
  private ws: WebSocket | null = null;
  private attempt = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private openedAt = 0;
  private everOpened = false;
  private stopped = false;
  private readonly url: string;
  private readonly l: LiveListeners;

  constructor(l: LiveListeners, url = liveUrl()) {
    this.l = l;
    this.url = url;
  }

  start(): void {
    this.stopped = false;
    this.connect();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    const ws = this.ws;
    this.ws = null;
    ws?.close(1000, 'bye');
    this.l.onStatus('closed');
  }

  private connect(): void {
    this.l.onStatus(this.everOpened ? 'reconnecting' : 'connecting');
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.addEventListener('open', () => {
      if (this.ws !== ws) return;
      this.openedAt = Date.now();
      const reconnected = this.everOpened;
      this.everOpened = true;
      this.l.onStatus('open');
      if (reconnected) this.l.onReconnect();
    });
    ws.addEventListener('message', (e: MessageEvent<unknown>) => {
      if (this.ws !== ws || typeof e.data !== 'string') return;
      let m: LiveMessage | null;
      try {
        m = readLiveMessage(JSON.parse(e.data));
      } catch (err) {
        // A message that breaks the contract is reported and skipped; the feed goes on.
        console.warn('live: bad message', err);
        return;
      }
      if (m !== null) this.l.onMessage(m);
    });
    ws.addEventListener('close', () => {
      if (this.ws !== ws || this.stopped) return;
      this.ws = null;
      if (this.openedAt > 0 && Date.now() - this.openedAt > STABLE_MS) this.attempt = 0;
      this.openedAt = 0;
      const delay = backoffDelayMs(this.attempt++);
      this.l.onStatus('reconnecting');
      this.timer = setTimeout(() => {
        this.timer = null;
        if (!this.stopped) this.connect();
      }, delay);
    });
  }
}

export function liveUrl(): string {
  const proto = window.location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${proto}//${window.location.host}/api/live`;
}

/**
 * Streams CoT events to a TAK server: plain TCP (port 8087) or TLS with a
 * client certificate (port 8089), the server's certificate verified
 * against the given CA by default.
 *
 * Framing: TAK streaming protocol version 0 — each event's XML, UTF-8, one
 * after another with nothing between them; the server splits the stream at
 * each `</event>` (cot-stream-splitter.ts does the same). The sender never
 * asks to upgrade to protobuf (protocol version 1), and discards anything
 * the server sends.
 *
 * Delivery: events wait in a bounded queue while there is no connection;
 * `send` refuses (returns false) a batch that would overflow it. The
 * connection is retried with exponential backoff until `close()`. Events
 * written to a socket that then fails before the write completed are queued
 * again, in order; an event the kernel accepted just before the connection
 * dropped can still be lost (TCP gives no receipt). CoT receivers replace
 * events by uid, so sending a package again is harmless and is the remedy.
 *
 * The only I/O in @nariz/exchange.
 */
import { readFileSync } from 'node:fs';
import { connect as netConnect, isIP, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { NarizError } from '@nariz/core';
import type { CotEvent } from './cot-event.js';

export const TAK_PORT_TCP = 8087;
export const TAK_PORT_TLS = 8089;

/** A PEM file by path, or its contents. */
export type PemSource = { readonly file: string } | { readonly pem: string | Uint8Array };

export interface TakTlsOptions {
  /** CA certificate(s) the server's certificate must chain to. */
  readonly ca: PemSource;
  /** Client certificate and private key (TAK Server's port 8089 requires one). */
  readonly cert: PemSource;
  readonly key: PemSource;
  readonly passphrase?: string;
  /** Name to verify the server certificate against (default: `host`, unless it is an IP address). */
  readonly servername?: string;
  /** Verify the server's certificate (default true). Turn off only against a test server. */
  readonly rejectUnauthorized?: boolean;
}

export interface TakBackoff {
  readonly initialDelayMs: number;
  readonly maxDelayMs: number;
  readonly factor: number;
}

export const DEFAULT_TAK_BACKOFF: TakBackoff = { initialDelayMs: 500, maxDelayMs: 30_000, factor: 2 };

export type TakSenderState =
  | { readonly state: 'connecting'; readonly attempt: number }
  | { readonly state: 'connected' }
  | { readonly state: 'waiting'; readonly delayMs: number; readonly error: string }
  | { readonly state: 'closed' };

export interface TakSenderOptions {
  readonly host: string;
  /** Default 8087, or 8089 with `tls`. */
  readonly port?: number;
  readonly tls?: TakTlsOptions;
  /** Most events waiting to be written (default 10,000). */
  readonly maxQueuedEvents?: number;
  readonly backoff?: Partial<TakBackoff>;
  /** Give up one connection attempt after this long (default 10 s). */
  readonly connectTimeoutMs?: number;
  /** Told of every state change; must not throw. */
  readonly onStateChange?: (state: TakSenderState) => void;
}

export interface TakSenderStats {
  readonly queued: number;
  readonly inFlight: number;
  /** Events whose write completed. */
  readonly written: number;
  /** Events refused because the queue was full. */
  readonly dropped: number;
  readonly connections: number;
  readonly connected: boolean;
}

interface Item {
  readonly xml: string;
}

interface Waiter {
  readonly resolve: () => void;
  readonly reject: (e: Error) => void;
}

function readPem(src: PemSource, what: string): string | Buffer {
  if ('pem' in src) return typeof src.pem === 'string' ? src.pem : Buffer.from(src.pem);
  try {
    return readFileSync(src.file);
  } catch (e) {
    throw new NarizError('NARIZ_IO', `cannot read the TAK ${what}: ${(e as Error).message}`, { file: src.file }, { cause: e });
  }
}

export class TakSender {
  readonly #host: string;
  readonly #port: number;
  readonly #tls: { ca: string | Buffer; cert: string | Buffer; key: string | Buffer; passphrase?: string; servername?: string; rejectUnauthorized: boolean } | undefined;
  readonly #maxQueued: number;
  readonly #backoff: TakBackoff;
  readonly #connectTimeoutMs: number;
  readonly #onState: (s: TakSenderState) => void;

  #queue: Item[] = [];
  #inFlight: Item[] = [];
  #socket: Socket | undefined;
  #connected = false;
  #blocked = false;
  #closed = false;
  #failures = 0;
  #attempt = 0;
  #lastError = '';
  #timer: NodeJS.Timeout | undefined;
  #written = 0;
  #dropped = 0;
  #connections = 0;
  #flushWaiters: Waiter[] = [];
  #closeWaiters: Array<() => void> = [];

  /** Starts connecting at once. */
  constructor(opts: TakSenderOptions) {
    this.#host = opts.host;
    this.#port = opts.port ?? (opts.tls === undefined ? TAK_PORT_TCP : TAK_PORT_TLS);
    if (opts.tls !== undefined) {
      const t = opts.tls;
      const servername = t.servername ?? (isIP(opts.host) === 0 ? opts.host : undefined);
      this.#tls = {
        ca: readPem(t.ca, 'CA certificate'),
        cert: readPem(t.cert, 'client certificate'),
        key: readPem(t.key, 'client key'),
        ...(t.passphrase === undefined ? {} : { passphrase: t.passphrase }),
        ...(servername === undefined ? {} : { servername }),
        rejectUnauthorized: t.rejectUnauthorized ?? true,
      };
    }
    this.#maxQueued = opts.maxQueuedEvents ?? 10_000;
    this.#backoff = { ...DEFAULT_TAK_BACKOFF, ...opts.backoff };
    this.#connectTimeoutMs = opts.connectTimeoutMs ?? 10_000;
    this.#onState = opts.onStateChange ?? ((): void => {});
    this.#connect();
  }

  /**
   * Queues events (in order) for the server. Returns false, queuing none of
   * them, when they do not fit in the queue.
   */
  send(events: CotEvent | readonly CotEvent[]): boolean {
    if (this.#closed) throw new NarizError('NARIZ_USAGE', 'TakSender.send after close()');
    const list: readonly CotEvent[] = 'xml' in events ? [events] : events;
    if (this.#queue.length + list.length > this.#maxQueued) {
      this.#dropped += list.length;
      return false;
    }
    for (const e of list) this.#queue.push({ xml: e.xml });
    this.#pump();
    return true;
  }

  /** Resolves when every queued event has been written; rejects (NARIZ_IO) after `timeoutMs` or on close. */
  flush(timeoutMs = 30_000): Promise<void> {
    if (this.#idle()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.#flushWaiters = this.#flushWaiters.filter((w) => w !== waiter);
        reject(new NarizError('NARIZ_IO', `TAK server ${this.#host}:${this.#port}: ${this.#queue.length + this.#inFlight.length} events not written after ${timeoutMs} ms${this.#lastError === '' ? '' : ` (${this.#lastError})`}`));
      }, timeoutMs);
      const waiter: Waiter = {
        resolve: () => {
          clearTimeout(timer);
          resolve();
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      };
      this.#flushWaiters.push(waiter);
    });
  }

  /** Stops reconnecting, ends the connection after what is already written, and discards the queue. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    const unsent = this.#queue.length + this.#inFlight.length;
    for (const w of this.#flushWaiters.splice(0)) w.reject(new NarizError('NARIZ_IO', `TAK sender closed with ${unsent} events unsent`));
    const s = this.#socket;
    if (s !== undefined) {
      await new Promise<void>((resolve) => {
        this.#closeWaiters.push(resolve);
        const force = setTimeout(() => s.destroy(), 5_000);
        s.once('close', () => clearTimeout(force));
        // A link that never came up has nothing to flush.
        if (this.#connected) s.end();
        else s.destroy();
      });
    }
    this.#onState({ state: 'closed' });
  }

  stats(): TakSenderStats {
    return {
      queued: this.#queue.length,
      inFlight: this.#inFlight.length,
      written: this.#written,
      dropped: this.#dropped,
      connections: this.#connections,
      connected: this.#connected,
    };
  }

  #idle(): boolean {
    return this.#queue.length === 0 && this.#inFlight.length === 0;
  }

  #connect(): void {
    this.#attempt += 1;
    this.#onState({ state: 'connecting', attempt: this.#attempt });
    const t = this.#tls;
    const socket: Socket =
      t === undefined
        ? netConnect({ host: this.#host, port: this.#port })
        : tlsConnect({ host: this.#host, port: this.#port, minVersion: 'TLSv1.2', ...t });
    socket.setNoDelay(true);
    socket.setKeepAlive(true, 30_000);
    const timeout = setTimeout(() => socket.destroy(new Error(`connection not established within ${this.#connectTimeoutMs} ms`)), this.#connectTimeoutMs);
    socket.once(t === undefined ? 'connect' : 'secureConnect', () => {
      clearTimeout(timeout);
      this.#connected = true;
      this.#failures = 0;
      this.#attempt = 0;
      this.#connections += 1;
      this.#onState({ state: 'connected' });
      this.#pump();
    });
    // Protocol 0 needs nothing from the server; reading keeps its messages from filling the window.
    socket.on('data', () => {});
    socket.on('error', (e) => {
      this.#lastError = e.message;
    });
    socket.on('close', () => {
      clearTimeout(timeout);
      this.#onClose(socket);
    });
    this.#socket = socket;
  }

  #onClose(socket: Socket): void {
    if (this.#socket !== socket) return;
    this.#socket = undefined;
    this.#connected = false;
    this.#blocked = false;
    this.#queue = [...this.#inFlight, ...this.#queue];
    this.#inFlight = [];
    if (this.#closed) {
      for (const w of this.#closeWaiters.splice(0)) w();
      return;
    }
    const delayMs = Math.min(this.#backoff.maxDelayMs, this.#backoff.initialDelayMs * this.#backoff.factor ** this.#failures);
    this.#failures += 1;
    this.#onState({ state: 'waiting', delayMs, error: this.#lastError === '' ? 'connection closed' : this.#lastError });
    this.#lastError = '';
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (!this.#closed) this.#connect();
    }, delayMs);
  }

  #pump(): void {
    const s = this.#socket;
    if (s === undefined || !this.#connected || this.#blocked || this.#closed) return;
    while (this.#queue.length > 0) {
      const item = this.#queue.shift()!;
      this.#inFlight.push(item);
      const more = s.write(item.xml, 'utf8', (err) => this.#onWritten(item, err));
      if (!more) {
        this.#blocked = true;
        s.once('drain', () => {
          this.#blocked = false;
          this.#pump();
        });
        return;
      }
    }
  }

  #onWritten(item: Item, err: Error | null | undefined): void {
    if (err !== null && err !== undefined) return; // stays in flight; queued again when the socket closes
    const i = this.#inFlight.indexOf(item);
    if (i < 0) return;
    this.#inFlight.splice(i, 1);
    this.#written += 1;
    if (this.#idle()) for (const w of this.#flushWaiters.splice(0)) w.resolve();
  }
}

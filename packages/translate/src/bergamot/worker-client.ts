/**
 * The calling side of bergamot-worker.ts: one worker thread running the
 * WASM translator, its request/response protocol (`{id, name, args}` →
 * `{id, result | error}`), per-call timeouts, and the end of its stderr
 * for error messages (the WASM prints the real cause there, e.g.
 * "SentencePiece vocabulary error", before aborting).
 *
 * Any failed call ends the worker: after an Emscripten abort the runtime
 * is unusable, and after a timeout its state is unknown. Pending calls
 * reject with NARIZ_TRANSLATE; the owner starts a new client.
 */
import { Worker } from 'node:worker_threads';
import { NarizError } from '@nariz/core';

interface Pending {
  readonly name: string;
  resolve(v: unknown): void;
  reject(e: unknown): void;
  readonly timer: NodeJS.Timeout;
}

const STDERR_TAIL = 2000;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

export class BergamotWorkerClient {
  readonly #worker: Worker;
  readonly #pending = new Map<number, Pending>();
  #serial = 0;
  #stderr = '';
  #failure: NarizError | undefined;

  constructor() {
    this.#worker = new Worker(new URL('./bergamot-worker.js', import.meta.url), { stdout: true, stderr: true });
    this.#worker.stdout.on('data', () => undefined);
    this.#worker.stderr.on('data', (b: Buffer) => {
      this.#stderr = (this.#stderr + b.toString('utf8')).slice(-STDERR_TAIL);
    });
    this.#worker.on('message', (m: unknown) => this.#onMessage(m));
    this.#worker.on('error', (e) => this.#fail(`the Bergamot worker failed: ${e.message}`));
    this.#worker.on('exit', (code) => this.#fail(`the Bergamot worker exited (code ${code})`));
    this.#worker.unref();
  }

  get failure(): NarizError | undefined {
    return this.#failure;
  }

  /** Calls a method of the translator in the worker. */
  call(name: string, args: readonly unknown[], timeoutMs: number, transfer: ArrayBuffer[] = []): Promise<unknown> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    const id = ++this.#serial;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => this.#fail(`Bergamot ${name} took longer than ${timeoutMs} ms (timed out)`), timeoutMs);
      this.#pending.set(id, { name, resolve, reject, timer });
      this.#worker.ref();
      this.#worker.postMessage({ id, name, args }, transfer);
    });
  }

  async terminate(reason = 'the Bergamot engine was closed'): Promise<void> {
    this.#fail(reason);
    await this.#worker.terminate();
  }

  #onMessage(m: unknown): void {
    if (!isRecord(m) || typeof m['id'] !== 'number') return;
    const p = this.#pending.get(m['id']);
    if (p === undefined) return;
    this.#pending.delete(m['id']);
    clearTimeout(p.timer);
    if (this.#pending.size === 0) this.#worker.unref();
    const error = m['error'];
    if (error !== undefined) {
      const message = isRecord(error) && typeof error['message'] === 'string' ? error['message'] : String(error);
      // Let the WASM's stderr arrive: it names the cause the abort message hides.
      setTimeout(() => {
        const cause = this.#stderr.trim();
        const e = new NarizError('NARIZ_TRANSLATE', `Bergamot ${p.name} failed: ${message}${cause === '' ? '' : `; ${cause}`}`);
        p.reject(e);
        this.#fail(e.message);
      }, 50);
      return;
    }
    p.resolve(m['result']);
  }

  #fail(reason: string): void {
    if (this.#failure !== undefined) return;
    const cause = this.#stderr.trim();
    this.#failure = new NarizError('NARIZ_TRANSLATE', cause === '' || reason.includes(cause) ? reason : `${reason}; ${cause}`);
    for (const p of this.#pending.values()) {
      clearTimeout(p.timer);
      p.reject(this.#failure);
    }
    this.#pending.clear();
    void this.#worker.terminate();
  }
}

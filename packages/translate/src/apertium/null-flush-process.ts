/**
 * One long-lived Apertium pipeline in null-flush mode: chunks go in, each
 * ended by a NUL, and come out in the same order, each ended by a NUL.
 * Requests are answered first-in first-out; writes are serialised so that
 * concurrent callers cannot interleave their chunks.
 *
 * Failure handling: a pipeline that exits, closes its output or gives no
 * output for `stallTimeoutMs` while work is pending is killed (the whole
 * process group: bash and every stage) and every pending chunk is rejected
 * with NARIZ_TRANSLATE carrying the end of its stderr; the owner starts a
 * new one. An aborted request is rejected at once, and its output is read
 * and discarded when it arrives, so later requests stay aligned.
 *
 * The process holds the event loop only while work is pending, so a
 * forgotten engine does not keep a command-line run alive.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Socket } from 'node:net';
import type { Readable, Writable } from 'node:stream';
import { NarizError } from '@nariz/core';

export interface NullFlushProcessOptions {
  /** The shell pipeline, run as `bash -c command label ...args`. */
  readonly command: string;
  readonly args: readonly string[];
  /** Names the process in errors: `apertium spa-eng`. */
  readonly label: string;
  /** Kill when pending work sees no output for this long. */
  readonly stallTimeoutMs: number;
  readonly env?: NodeJS.ProcessEnv;
}

interface Pending {
  resolve(chunk: string): void;
  reject(e: unknown): void;
  /** Aborted: its output is read and dropped. */
  discarded: boolean;
}

const NUL = 0;
const STDERR_TAIL_BYTES = 2000;
/** Bytes per write; above this we wait for 'drain' between writes. */
const WRITE_BLOCK = 1 << 16;

export class NullFlushProcess {
  readonly #opts: NullFlushProcessOptions;
  readonly #child: ChildProcessByStdio<Writable, Readable, Readable>;
  readonly #pending: Pending[] = [];
  #partial: Buffer[] = [];
  #stderrTail = '';
  #failure: NarizError | undefined;
  #stallTimer: NodeJS.Timeout | undefined;
  #writeChain: Promise<void> = Promise.resolve();

  constructor(opts: NullFlushProcessOptions) {
    this.#opts = opts;
    this.#child = spawn('bash', ['-c', opts.command, opts.label, ...opts.args], {
      stdio: ['pipe', 'pipe', 'pipe'],
      // Its own process group, so that kill() ends every stage of the pipeline.
      detached: true,
      env: opts.env ?? process.env,
    });
    this.#child.stdout.on('data', (b: Buffer) => this.#onData(b));
    // The last stage closing its output means a stage died; give its stderr a moment to arrive.
    this.#child.stdout.on('end', () => setTimeout(() => this.#fail(`${opts.label} closed its output`), 100).unref());
    this.#child.stderr.on('data', (b: Buffer) => {
      this.#stderrTail = (this.#stderrTail + b.toString('utf8')).slice(-STDERR_TAIL_BYTES);
    });
    this.#child.on('error', (e) => this.#fail(`${opts.label} could not run: ${e.message}`));
    this.#child.on('close', (code, signal) => this.#fail(`${opts.label} exited (${signal ?? `code ${code}`})`));
    this.#child.stdin.on('error', () => {
      // EPIPE after the pipeline died: reported by 'exit' or 'end'.
    });
    this.#setRef(false);
  }

  /** Undefined while usable; the reason once it has failed or been killed. */
  get failure(): NarizError | undefined {
    return this.#failure;
  }

  /** Translates chunks (already in stream format, without NULs); resolves to the output chunks in order. */
  request(chunks: readonly string[], signal?: AbortSignal): Promise<string[]> {
    if (this.#failure !== undefined) return Promise.reject(this.#failure);
    if (signal?.aborted === true) return Promise.reject(signal.reason);
    const entries: Pending[] = [];
    const results = chunks.map(
      (_, k) =>
        new Promise<string>((resolve, reject) => {
          entries[k] = { resolve, reject, discarded: false };
        }),
    );
    const all = Promise.all(results);
    // Every entry rejects on failure; keep the unobserved ones from being reported as unhandled.
    for (const r of results) r.catch(() => undefined);
    const onAbort = (): void => {
      for (const e of entries) {
        e.discarded = true;
        e.reject(signal?.reason);
      }
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    this.#writeChain = this.#writeChain.then(async () => {
      if (this.#failure !== undefined) {
        for (const e of entries) e.reject(this.#failure);
        return;
      }
      this.#pending.push(...entries);
      this.#setRef(true);
      this.#armStallTimer();
      await this.#writeChunks(chunks);
    });
    return all.finally(() => signal?.removeEventListener('abort', onAbort));
  }

  /** Kills the pipeline; pending requests reject. */
  kill(reason = `${this.#opts.label} was stopped`): void {
    this.#fail(reason);
  }

  async #writeChunks(chunks: readonly string[]): Promise<void> {
    const stdin = this.#child.stdin;
    let block = '';
    const flush = async (): Promise<void> => {
      if (block === '' || this.#failure !== undefined) return;
      const ok = stdin.write(block);
      block = '';
      if (!ok) {
        await new Promise<void>((resolve) => {
          const done = (): void => {
            stdin.off('drain', done);
            this.#child.off('exit', done);
            resolve();
          };
          stdin.on('drain', done);
          this.#child.on('exit', done);
        });
      }
    };
    for (const c of chunks) {
      block += `${c}\u0000`;
      if (block.length >= WRITE_BLOCK) await flush();
    }
    await flush();
  }

  #onData(b: Buffer): void {
    this.#armStallTimer();
    let from = 0;
    for (let i = b.indexOf(NUL); i >= 0; i = b.indexOf(NUL, from)) {
      this.#partial.push(b.subarray(from, i));
      const chunk = Buffer.concat(this.#partial).toString('utf8');
      this.#partial = [];
      from = i + 1;
      const p = this.#pending.shift();
      if (p === undefined) {
        this.#fail(`${this.#opts.label} gave more output chunks than it was sent`);
        return;
      }
      if (!p.discarded) p.resolve(chunk);
    }
    if (from < b.length) this.#partial.push(Buffer.from(b.subarray(from)));
    if (this.#pending.length === 0) {
      this.#clearStallTimer();
      this.#setRef(false);
    }
  }

  #armStallTimer(): void {
    this.#clearStallTimer();
    if (this.#pending.length === 0 || this.#failure !== undefined) return;
    this.#stallTimer = setTimeout(
      () => this.#fail(`${this.#opts.label} gave no output for ${this.#opts.stallTimeoutMs} ms (timed out)`),
      this.#opts.stallTimeoutMs,
    );
  }

  #clearStallTimer(): void {
    if (this.#stallTimer !== undefined) clearTimeout(this.#stallTimer);
    this.#stallTimer = undefined;
  }

  #fail(reason: string): void {
    if (this.#failure !== undefined) return;
    const stderr = this.#stderrTail.trim();
    this.#failure = new NarizError('NARIZ_TRANSLATE', stderr === '' ? reason : `${reason}; stderr: ${stderr}`);
    this.#clearStallTimer();
    const pid = this.#child.pid;
    if (pid !== undefined && this.#child.exitCode === null && this.#child.signalCode === null) {
      try {
        process.kill(-pid, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    this.#child.stdin.destroy();
    for (const p of this.#pending.splice(0)) p.reject(this.#failure);
    this.#setRef(false);
  }

  #setRef(busy: boolean): void {
    const streams = [this.#child.stdin, this.#child.stdout, this.#child.stderr] as unknown as Socket[];
    if (busy) {
      this.#child.ref();
      for (const s of streams) s.ref?.();
    } else {
      this.#child.unref();
      for (const s of streams) s.unref?.();
    }
  }
}

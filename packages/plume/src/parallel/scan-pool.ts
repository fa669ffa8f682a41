/**
 * Worker threads for the scan kernel: a ScanExecutor that shares each local
 * grid between the calling thread and its workers (chunks of cells claimed
 * from a shared counter, statistics written to shared memory: chunks.ts),
 * and deals the coarse grid's cells out (every T-th cell each) for the
 * sparse kernel, whose rows it then puts back in cell order. Each cell's
 * numbers come from the same serial code whichever thread runs it, so
 * results are identical to `serialScan`.
 *
 * The estimator is synchronous, so the calling thread waits on a shared
 * control word (Atomics.wait) and takes the worker's reply from a
 * MessagePort with receiveMessageOnPort; it never needs its event loop.
 * Arrays are sent to a worker once and named by number afterwards (wire.ts).
 *
 * Failure never loses a result: a worker that is not ready yet is simply not
 * given work, and a worker that reports an error or does not answer within
 * `timeoutMs` is retired and its share is run on the calling thread (the
 * reason is kept in `failures`).
 */
import { availableParallelism } from 'node:os';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { NarizError } from '@nariz/core';
import type { SteProblem } from '../ste/problem.js';
import type { ScanOptions } from '../ste/scan.js';
import type { SparseKernel } from '../ste/sparse-kernel.js';
import { cullIndices } from '../ste/cull.js';
import { dealCells, gatherSparse, serialScan, type Disc, type ScanExecutor } from '../ste/scan-executor.js';
import { CHUNK_CELLS, newChunkJob, scanChunk, scanClaimedChunks, unfinishedChunks } from './chunks.js';
import { ArrayRegistry, CTRL_DONE, CTRL_READY, CTRL_WORDS, RELEASE, encodeProblem, encodeScan, type ScanReply, type ScanTask, type TypedArray } from './wire.js';

export interface ScanPoolOptions {
  /** Threads in all, the calling one included (default: the machine's available parallelism, at most 8). 1 means no workers. */
  readonly threads?: number;
  /** How long to wait for one worker's share before running it here instead, ms (default 60,000). */
  readonly timeoutMs?: number;
}

interface Slot {
  readonly worker: Worker;
  readonly port: MessagePort;
  readonly ctrl: Int32Array;
  /** Numbers of the arrays this worker holds. */
  readonly sent: Set<number>;
  retired: boolean;
}

interface Pending {
  readonly slot: Slot;
  readonly seq: number;
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
type SparseBody = Omit<Extract<ScanTask, { op: 'sparse' }>, 'seq' | 'arrays' | 'cellsE' | 'cellsN'>;

export const MAX_DEFAULT_THREADS = 8;

export class ScanPool implements ScanExecutor {
  readonly threads: number;
  /** Why workers were retired (empty when every share was run where it was sent). */
  readonly failures: string[] = [];
  private readonly slots: Slot[] = [];
  private readonly registry = new ArrayRegistry();
  private readonly timeoutMs: number;
  private readonly ready: Promise<void>;
  private seq = 0;
  private isClosed = false;

  constructor(o: ScanPoolOptions = {}) {
    const threads = o.threads ?? defaultThreads();
    if (!Number.isInteger(threads) || threads < 1) throw new RangeError(`threads must be an integer >= 1, got ${threads}`);
    this.threads = threads;
    this.timeoutMs = o.timeoutMs ?? 60_000;
    const started: Promise<void>[] = [];
    for (let t = 1; t < threads; t++) {
      const ctrl = new Int32Array(new SharedArrayBuffer(CTRL_WORDS * Int32Array.BYTES_PER_ELEMENT));
      const { port1, port2 } = new MessageChannel();
      const worker = new Worker(new URL('./scan-worker.js', import.meta.url), { workerData: { ctrl, port: port2 }, transferList: [port2] });
      worker.unref();
      port1.unref();
      const slot: Slot = { worker, port: port1, ctrl, sent: new Set(), retired: false };
      this.slots.push(slot);
      started.push(
        new Promise<void>((resolve) => {
          worker.once('message', () => resolve());
          worker.once('error', (err) => {
            this.retire(slot, `worker failed: ${err.message}`);
            resolve();
          });
          worker.once('exit', () => {
            if (!slot.retired) this.retire(slot, 'worker exited');
            resolve();
          });
        }),
      );
    }
    this.ready = Promise.all(started).then(() => undefined);
  }

  /** Resolves once every worker has started (or failed to). Work given before then runs on the threads that are ready. */
  whenReady(): Promise<void> {
    return this.ready;
  }

  /** Workers taking tasks now. */
  get activeWorkers(): number {
    return this.live().length;
  }

  scanDisc(p: SteProblem, existing: readonly Float64Array[], disc: Disc, cellsE: Float64Array, cellsN: Float64Array, o: ScanOptions): Float64Array {
    const live = this.live();
    const nc = cellsE.length;
    if (live.length === 0 || nc <= CHUNK_CELLS) return serialScan.scanDisc(p, existing, disc, cellsE, cellsN, o);
    const width = p.nSpecies * (3 + existing.length);
    const job = newChunkJob(nc, width);
    // Culled once, here; the workers get the subset with the task.
    const subset = cullIndices(p, disc.ce, disc.cn, disc.radiusM, o);
    const pending = live.map((slot) =>
      this.post(slot, (ref) => ({
        op: 'disc', problem: encodeProblem(p, ref), existing: existing.map(ref), scan: encodeScan(o, ref),
        index: subset.index, lagDecay: subset.lagDecay, cellsE, cellsN, job,
      })),
    );
    scanClaimedChunks(p, existing, subset, cellsE, cellsN, o, job);
    for (const q of pending) this.collect(q, (r) => ('chunksDone' in r ? true : undefined));
    // A worker that failed may have claimed chunks it never wrote. (One that
    // timed out and writes later writes the same numbers.)
    for (const c of unfinishedChunks(job, nc)) scanChunk(p, existing, subset, cellsE, cellsN, o, job, c);
    return job.out;
  }

  sparseKernel(p: SteProblem, cellsE: Float64Array, cellsN: Float64Array, o: ScanOptions): SparseKernel {
    const parts = this.shareSparse(
      cellsE,
      cellsN,
      (ref) => ({ op: 'sparse', problem: encodeProblem(p, ref), scan: encodeScan(o, ref) }),
      (e, n) => serialScan.sparseKernel(p, e, n, o),
    );
    return parts.length === 1 ? parts[0]! : gatherSparse(parts, cellsE.length);
  }

  /**
   * The caller is done with every array it has passed: the workers drop
   * their copies (a long-lived pool would otherwise keep every problem it
   * was ever given). Later calls send what they need again.
   */
  release(): void {
    for (const s of this.slots) {
      if (s.retired) continue;
      s.sent.clear();
      s.worker.postMessage(RELEASE);
    }
  }

  /** True once close() was called. */
  get closed(): boolean {
    return this.isClosed;
  }

  /** Stops the workers. The pool then runs everything on the calling thread. */
  async close(): Promise<void> {
    this.isClosed = true;
    const slots = this.slots.splice(0);
    for (const s of slots) s.retired = true;
    await Promise.all(slots.map((s) => s.worker.terminate()));
    for (const s of slots) s.port.close();
  }

  private live(): Slot[] {
    return this.slots.filter((s) => !s.retired && Atomics.load(s.ctrl, CTRL_READY) === 1);
  }

  private retire(slot: Slot, why: string): void {
    if (slot.retired) return;
    slot.retired = true;
    this.failures.push(why);
    void slot.worker.terminate();
  }

  /** The sparse kernel's rows dealt out, every T-th cell to each thread. */
  private shareSparse(
    cellsE: Float64Array,
    cellsN: Float64Array,
    body: (ref: (a: TypedArray) => number) => SparseBody,
    local: (e: Float64Array, n: Float64Array) => SparseKernel,
  ): SparseKernel[] {
    const live = this.live();
    if (live.length === 0 || cellsE.length < 2) return [local(cellsE, cellsN)];
    const T = live.length + 1;
    const pending = live.map((slot, w) => {
      const part = w + 1;
      return { ...this.post(slot, (ref) => ({ ...body(ref), cellsE: dealCells(cellsE, part, T), cellsN: dealCells(cellsN, part, T) })), part };
    });
    const out: SparseKernel[] = new Array<SparseKernel>(T);
    out[0] = local(dealCells(cellsE, 0, T), dealCells(cellsN, 0, T));
    for (const q of pending) {
      const got = this.collect(q, (r) => ('sparse' in r ? r.sparse : undefined));
      out[q.part] = got ?? local(dealCells(cellsE, q.part, T), dealCells(cellsN, q.part, T));
    }
    return out;
  }

  /** Sends a task (with the arrays this worker has not had yet) and returns what to wait for. */
  private post(slot: Slot, body: (ref: (a: TypedArray) => number) => DistributiveOmit<ScanTask, 'seq' | 'arrays'>): Pending {
    const arrays: Array<readonly [number, TypedArray]> = [];
    const b = body((a) => this.registry.ref(a, slot.sent, arrays));
    const seq = ++this.seq;
    const task = { ...b, seq, arrays } as ScanTask;
    slot.worker.postMessage(task);
    return { slot, seq };
  }

  /** Waits for a worker's share; undefined (and the worker retired) when it failed or timed out. */
  private collect<T>(q: Pending, read: (r: ScanReply) => T | undefined): T | undefined {
    const { slot, seq } = q;
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      const done = Atomics.load(slot.ctrl, CTRL_DONE);
      if (done === seq) break;
      const left = deadline - Date.now();
      if (left <= 0 || Atomics.wait(slot.ctrl, CTRL_DONE, done, left) === 'timed-out') {
        this.retire(slot, `worker gave no answer to task ${seq} within ${this.timeoutMs} ms`);
        return undefined;
      }
    }
    const msg = receiveMessageOnPort(slot.port);
    const reply = msg?.message as ScanReply | undefined;
    if (reply === undefined || reply.seq !== seq) {
      this.retire(slot, `worker answered out of turn (task ${seq})`);
      return undefined;
    }
    if ('error' in reply) {
      this.retire(slot, `worker failed on task ${seq}: ${reply.error}`);
      return undefined;
    }
    const v = read(reply);
    if (v === undefined) this.retire(slot, `worker gave the wrong kind of answer to task ${seq}`);
    return v;
  }
}

const shared = new Map<number, ScanPool>();

function defaultThreads(): number {
  return Math.min(MAX_DEFAULT_THREADS, availableParallelism());
}

/**
 * A pool kept for the life of the process (its workers do not keep the
 * process alive), one per thread count. A worker's first tasks run cold,
 * before the JIT has compiled the kernels: a pool made for each call was
 * measured 10 % slower than a kept one on the speed case.
 */
export function sharedScanPool(threads = defaultThreads()): ScanPool {
  let pool = shared.get(threads);
  if (pool === undefined || pool.closed) {
    pool = new ScanPool({ threads });
    shared.set(threads, pool);
  }
  return pool;
}

/** Throws NARIZ_WORKER naming every retired worker's failure, if there was any (tests use it to prove the workers did their share). */
export function assertNoFailures(pool: ScanPool): void {
  if (pool.failures.length > 0) throw new NarizError('NARIZ_WORKER', pool.failures.join('; '));
}

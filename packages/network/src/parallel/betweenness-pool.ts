/**
 * Exact betweenness across worker threads: a BetweennessExecutor
 * (centrality/betweenness-executor.ts) whose workers claim blocks of
 * sources from a shared counter and write each block's dependency sums to
 * its own slice of a shared array; the calling thread then adds the
 * slices in block order. The graph's arrays are copied once into
 * SharedArrayBuffers (memoised per graph) and shared, not sent.
 *
 * The calling thread does not compute while workers run (its event loop
 * stays free, as the server needs), so `workers` is the number of busy
 * threads. Any block not finished by a worker that failed is run on the
 * calling thread afterwards (the reason is kept in `failures`), so a
 * result is never lost and is the same bits whichever thread ran what.
 * One job runs at a time; later calls wait their turn.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { NarizError } from '@nariz/core';
import type { BetweennessExecutor, DependencyJob, DependencySums } from '../centrality/betweenness-executor.js';
import { dependenciesSerial } from '../centrality/betweenness-executor.js';
import { brandesScratch } from '../centrality/brandes.js';
import { blockCount, sumBlocks } from '../centrality/dependency-blocks.js';
import type { CsrGraph } from '../graph/csr.js';
import { runBlock } from './claim-blocks.js';
import { WORKER_READY, type BlockReply, type BlockTask } from './wire.js';

export interface BetweennessPoolOptions {
  /** Worker threads (default: the machine's available parallelism). 0 runs everything on the calling thread. */
  readonly workers?: number;
}

interface Slot {
  readonly worker: Worker;
  readonly ready: Promise<boolean>;
  retired: boolean;
}

type SharedArrays = Pick<BlockTask, 'offsets' | 'targets' | 'arcWeights'>;

export class BetweennessPool implements BetweennessExecutor {
  readonly threads: number;
  /** Why workers were retired (empty while all are well). */
  readonly failures: string[] = [];
  private readonly slots: Slot[] = [];
  private readonly shared = new WeakMap<CsrGraph, SharedArrays>();
  private turn: Promise<unknown> = Promise.resolve();
  private isClosed = false;

  constructor(o: BetweennessPoolOptions = {}) {
    const workers = o.workers ?? availableParallelism();
    if (!Number.isInteger(workers) || workers < 0) throw new NarizError('NARIZ_USAGE', `workers must be an integer ≥ 0, got ${workers}`);
    this.threads = Math.max(1, workers);
    for (let i = 0; i < workers; i++) {
      const worker = new Worker(new URL('./betweenness-worker.js', import.meta.url));
      worker.unref();
      const slot: Slot = {
        worker,
        retired: false,
        ready: new Promise<boolean>((resolve) => {
          worker.once('message', (m: unknown) => resolve(m === WORKER_READY));
          worker.once('error', (err) => {
            this.retire(slot, `worker failed to start: ${err.message}`);
            resolve(false);
          });
          worker.once('exit', (code) => {
            this.retire(slot, `worker exited with code ${code}`);
            resolve(false);
          });
        }),
      };
      this.slots.push(slot);
    }
  }

  /** Workers taking tasks. */
  get activeWorkers(): number {
    return this.slots.filter((s) => !s.retired).length;
  }

  dependencies(job: DependencyJob): Promise<DependencySums> {
    const run = this.turn.then(() => this.run(job));
    this.turn = run.catch(() => undefined);
    return run;
  }

  /** Stops the workers; later jobs run on the calling thread. */
  async close(): Promise<void> {
    this.isClosed = true;
    const slots = this.slots.splice(0);
    for (const s of slots) s.retired = true;
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private async run(job: DependencyJob): Promise<DependencySums> {
    const live: Slot[] = [];
    for (const s of this.slots) if (!s.retired && (await s.ready) && !s.retired) live.push(s);
    if (live.length === 0 || this.isClosed) return dependenciesSerial(job);
    const n = job.graph.nodeCount;
    const B = blockCount(job.sources.length, n);
    const arrays = this.share(job.graph);
    const task: BlockTask = {
      nodeCount: n,
      ...arrays,
      sources: sharedCopy(job.sources),
      alive: sharedCopy(job.alive),
      weighted: job.weighted,
      blocks: B,
      sums: new Float64Array(new SharedArrayBuffer(B * n * 8)),
      sumsSq: job.squares ? new Float64Array(new SharedArrayBuffer(B * n * 8)) : undefined,
      next: new Int32Array(new SharedArrayBuffer(4)),
      done: new Int32Array(new SharedArrayBuffer(4 * B)),
    };
    await Promise.all(live.map((slot) => this.post(slot, task)));
    // Blocks a failed worker left unfinished (or never claimed), here.
    let scratch: ReturnType<typeof brandesScratch> | undefined;
    for (let b = 0; b < B; b++) {
      if (Atomics.load(task.done, b) === 1) continue;
      scratch ??= brandesScratch(n, task.targets.length);
      runBlock(task, b, scratch);
    }
    return { sum: sumBlocks(task.sums, B, n), sumSq: task.sumsSq === undefined ? undefined : sumBlocks(task.sumsSq, B, n) };
  }

  private post(slot: Slot, task: BlockTask): Promise<void> {
    return new Promise<void>((resolve) => {
      const w = slot.worker;
      const finish = (why?: string): void => {
        w.off('message', onMessage);
        w.off('error', onError);
        w.off('exit', onExit);
        w.unref();
        if (why !== undefined) this.retire(slot, why);
        resolve();
      };
      const onMessage = (r: BlockReply): void => finish(r.ok ? undefined : `worker failed: ${r.error}`);
      const onError = (err: Error): void => finish(`worker failed: ${err.message}`);
      const onExit = (code: number): void => finish(`worker exited with code ${code}`);
      w.on('message', onMessage);
      w.on('error', onError);
      w.on('exit', onExit);
      // Referenced while it works, so a caller awaiting the result keeps the process alive.
      w.ref();
      w.postMessage(task);
    });
  }

  private retire(slot: Slot, why: string): void {
    if (slot.retired) return;
    slot.retired = true;
    this.failures.push(why);
    void slot.worker.terminate();
  }

  private share(g: CsrGraph): SharedArrays {
    let s = this.shared.get(g);
    if (s === undefined) {
      s = { offsets: sharedCopy(g.offsets), targets: sharedCopy(g.targets), arcWeights: g.arcWeights === undefined ? undefined : sharedCopy(g.arcWeights) };
      this.shared.set(g, s);
    }
    return s;
  }
}

type Shareable = Uint8Array | Uint32Array | Float64Array;

/** The array itself if it already lives in shared memory, else a shared copy. */
function sharedCopy<T extends Shareable>(a: T): T {
  if (a.buffer instanceof SharedArrayBuffer) return a;
  const Ctor = a.constructor as new (b: SharedArrayBuffer) => T;
  const out = new Ctor(new SharedArrayBuffer(a.byteLength));
  out.set(a);
  return out;
}

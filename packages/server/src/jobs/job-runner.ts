/**
 * Runs localisation jobs one at a time, each in its own worker thread
 * (locate-worker.ts), off the request path. Jobs live in the store: a job
 * queued or running when the server stopped (or died) is run again by
 * `start()`. Progress is published live at once and written to the store
 * at most twice a second. A cancelled job's worker is terminated; a worker
 * that dies or overruns its time fails its job with NARIZ_WORKER.
 */
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { FastifyBaseLogger } from 'fastify';
import { NarizError, type SortieId } from '@nariz/core';
import { isFinal, type JobPatch, type JobRecord, type Store } from '@nariz/store';
import type { LiveHub } from '../live/hub.js';
import { jobJson } from './job-json.js';
import { parseLocateOptions, type LocateJobOptions } from './locate-options.js';
import type { LocateReply, LocateRequest } from './locate-worker.js';
import { SerialQueue } from './serial-queue.js';

export const LOCATE = 'locate';

export interface JobRunnerOptions {
  readonly store: Store;
  readonly hub: LiveHub;
  readonly log: FastifyBaseLogger;
  readonly now?: () => Date;
  /** Scan threads per job (default: locateSortie's default). */
  readonly threads?: number;
  /** A job running longer fails (default 15 min). */
  readonly timeoutMs?: number;
}

export class JobRunner {
  private readonly queue = new SerialQueue<{ id: string; sortieId: SortieId }>(async (next) => {
    try {
      await this.run(next.id);
    } catch (err) {
      this.o.log.error({ err, job: next.id }, 'job runner failed');
    }
  });
  private current: { id: string; worker: Worker; cancelled: boolean } | undefined;
  private readonly now: () => Date;

  constructor(private readonly o: JobRunnerOptions) {
    this.now = o.now ?? (() => new Date());
  }

  /** Queues the jobs left unfinished by the last run (oldest first) and starts working; returns how many. */
  async start(): Promise<number> {
    const open = (await this.o.store.jobs.listJobs({ states: ['queued', 'running'], limit: 100_000 })).reverse();
    for (const j of open) {
      if (j.state === 'running') await this.update(j.id, { state: 'queued', progress: 0, message: 'resumed after a restart' });
    }
    if (open.length > 0) this.o.log.info({ jobs: open.length }, 'resuming unfinished jobs');
    this.queue.push(...open.map((j) => ({ id: j.id, sortieId: j.sortieId })));
    return open.length;
  }

  async submitLocate(sortieId: SortieId, options: LocateJobOptions, createdBy: string | undefined): Promise<JobRecord> {
    const job = await this.o.store.jobs.createJob({ id: randomUUID(), kind: LOCATE, sortieId, options, createdBy });
    this.o.hub.publish({ type: 'job', job: jobJson(job) });
    this.queue.push({ id: job.id, sortieId });
    return job;
  }

  /** Queues a localisation of the sortie unless one is already waiting (live ingest calls this after each new detection). */
  async ensureLocate(sortieId: SortieId): Promise<void> {
    if (this.queue.isClosed || this.queue.some((q) => q.sortieId === sortieId)) return;
    await this.submitLocate(sortieId, {}, undefined);
  }

  /** Cancels a queued or running job; the job as it is afterwards. */
  async cancel(id: string): Promise<JobRecord> {
    const job = await this.o.store.jobs.getJob(id);
    if (job === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no job "${id}"`);
    if (isFinal(job.state)) throw new NarizError('NARIZ_CONFLICT', `job ${id} is ${job.state} already`);
    const after = await this.update(id, { state: 'cancelled', finishedAt: this.now().toISOString(), message: 'cancelled' });
    this.queue.remove((q) => q.id === id);
    if (this.current?.id === id) {
      this.current.cancelled = true;
      await this.current.worker.terminate();
    }
    return after ?? job;
  }

  /** Stops taking jobs and stops the running one, leaving it 'running' in the store so the next start resumes it. */
  async close(): Promise<void> {
    const ended = this.queue.close();
    if (this.current !== undefined) {
      this.current.cancelled = true;
      await this.current.worker.terminate();
    }
    await ended;
  }

  /** Resolves when the queue is empty and no job runs (tests). */
  idle(): Promise<void> {
    return this.queue.idle();
  }


  private async update(id: string, patch: JobPatch): Promise<JobRecord | undefined> {
    const job = await this.o.store.jobs.updateJob(id, patch);
    if (job !== undefined) this.o.hub.publish({ type: 'job', job: jobJson(job) });
    return job;
  }

  private async run(id: string): Promise<void> {
    const job = await this.o.store.jobs.getJob(id);
    if (job === undefined || isFinal(job.state)) return;
    let options: LocateJobOptions;
    let sortie;
    try {
      options = parseLocateOptions(job.options, id);
      sortie = await this.o.store.readSamples(job.sortieId);
    } catch (err) {
      if (err instanceof NarizError && err.code === 'NARIZ_NOT_FOUND') return; // the sortie (and so the job) was deleted
      const e = err instanceof NarizError ? { code: err.code, message: err.message } : { code: 'NARIZ_INTERNAL', message: 'internal error (logged)' };
      this.o.log.error({ err, job: id }, 'job could not start');
      await this.update(id, { state: 'failed', finishedAt: this.now().toISOString(), error: e, message: 'failed' });
      return;
    }
    const started = await this.update(id, { state: 'running', startedAt: this.now().toISOString(), sampleCount: sortie.count, progress: 0, message: 'starting' });
    if (started === undefined || started.state !== 'running') return;
    const t0 = performance.now();
    const reply = await this.inWorker(started, { sortie, options, threads: this.o.threads });
    if (reply === 'cancelled') return;
    const finishedAt = this.now().toISOString();
    if (reply.type === 'done') {
      await this.update(id, { state: 'done', progress: 1, message: `${(reply.result['sources'] as unknown[]).length} source(s)`, finishedAt, result: { result: reply.result, hazards: reply.hazards } });
      this.o.hub.publish({ type: 'estimate', sortie_id: job.sortieId, job_id: id });
      this.o.log.info({ job: id, sortie: job.sortieId, samples: sortie.count, seconds: ((performance.now() - t0) / 1000).toFixed(2) }, 'localisation done');
    } else {
      if (reply.code === 'NARIZ_INTERNAL' || reply.code === 'NARIZ_WORKER') this.o.log.error({ job: id, code: reply.code, stack: reply.stack ?? reply.message }, 'localisation failed');
      await this.update(id, { state: 'failed', finishedAt, error: { code: reply.code, message: reply.message }, message: 'failed' });
    }
  }

  private inWorker(job: JobRecord, req: LocateRequest): Promise<Exclude<LocateReply, { type: 'progress' }> | 'cancelled'> {
    return new Promise((resolve) => {
      const id = job.id;
      const worker = new Worker(new URL('./locate-worker.js', import.meta.url));
      const cur = { id, worker, cancelled: false };
      this.current = cur;
      let settled = false;
      let lastWrite = 0;
      const finish = (r: Exclude<LocateReply, { type: 'progress' }> | 'cancelled'): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (this.current === cur) this.current = undefined;
        void worker.terminate();
        resolve(r);
      };
      const timeoutMs = this.o.timeoutMs ?? 15 * 60_000;
      const timer = setTimeout(() => finish({ type: 'error', code: 'NARIZ_WORKER', message: `localisation overran ${Math.round(timeoutMs / 1000)} s and was stopped` }), timeoutMs);
      worker.on('message', (m: LocateReply) => {
        if (m.type !== 'progress') {
          finish(m);
          return;
        }
        const t = performance.now();
        const patch = { progress: m.fraction, message: m.message };
        // Live at once; the store at most twice a second.
        if (t - lastWrite >= 500) {
          lastWrite = t;
          void this.update(id, patch).catch((err: unknown) => this.o.log.warn({ err, job: id }, 'progress not stored'));
        } else if (!cur.cancelled) {
          this.o.hub.publish({ type: 'job', job: { ...jobJson(job), ...patch } });
        }
      });
      worker.on('error', (err) => finish(cur.cancelled ? 'cancelled' : { type: 'error', code: 'NARIZ_WORKER', message: `the localisation worker failed: ${err.message}`, ...(err.stack !== undefined ? { stack: err.stack } : {}) }));
      worker.on('exit', (code) => finish(cur.cancelled ? 'cancelled' : { type: 'error', code: 'NARIZ_WORKER', message: `the localisation worker stopped (exit ${code}) before answering` }));
      worker.postMessage(req);
    });
  }
}

/**
 * Runs network analyses one at a time, each in its own worker thread
 * (analysis-worker.ts), off the request path, like the localisation job
 * runner (jobs/job-runner.ts). Runs live in the store: one queued or running
 * when the server stopped is run again by `start()`. A run reads the
 * network *as its creator may see it at the time it runs* (their subject is
 * read from their user record, never stored with the run), so a result
 * never holds what its creator could not see; it is stored with the banner
 * of what it used and read back only by its creator under that banner.
 *
 * Progress is published live at once (to sockets whose user may see the
 * run's marking: the creator's own organisation at U until the banner is
 * known) and written to the store at most twice a second. A worker that
 * dies or overruns its time fails its run with NARIZ_WORKER.
 */
import { Worker } from 'node:worker_threads';
import type { FastifyBaseLogger } from 'fastify';
import { NarizError } from '@nariz/core';
import { accessPredicate, type Marking, type SecurityPolicy } from '@nariz/security';
import type { NetworkAnalysisPatch, NetworkAnalysisRecord, Store } from '@nariz/store';
import { subjectOfUser } from '../leads/acting-subject.js';
import type { LiveHub } from '../live/hub.js';
import type { AnalysisRequestJson, WindowsRequestJson, WorkerReply, WorkerRequest } from './analysis-worker.js';
import { parseChoices } from './choices.js';
import { modelInput } from './graph-view.js';
import { SerialQueue } from '../jobs/serial-queue.js';

export interface AnalysisRunnerOptions {
  readonly store: Store;
  readonly hub: LiveHub;
  readonly log: FastifyBaseLogger;
  readonly policy: SecurityPolicy;
  readonly now: () => Date;
  /** Betweenness threads inside a run's worker. */
  readonly threads: number;
  /** A run taking longer fails (default 30 min). */
  readonly timeoutMs?: number;
}

type Final = Exclude<WorkerReply, { type: 'progress' }>;

export class AnalysisRunner {
  private readonly queue = new SerialQueue<string>(async (id) => {
    try {
      await this.run(id);
    } catch (err) {
      this.o.log.error({ err, analysis: id }, 'network analysis runner failed');
      await this.update(id, { state: 'failed', finishedAt: this.o.now().toISOString(), error: { code: 'NARIZ_INTERNAL', message: 'internal error (logged)' }, message: 'failed' }).catch(() => undefined);
    }
  });
  private current: { id: string; worker: Worker; stopped: boolean } | undefined;

  constructor(private readonly o: AnalysisRunnerOptions) {}

  /** Queues the runs left unfinished by the last process (oldest first); returns how many. */
  async start(): Promise<number> {
    const open = await this.o.store.network.openAnalyses();
    for (const a of open) {
      if (a.state === 'running') await this.o.store.network.updateAnalysis(a.id, { state: 'queued', progress: 0, message: 'resumed after a restart' });
    }
    if (open.length > 0) this.o.log.info({ analyses: open.length }, 'resuming unfinished network analyses');
    this.queue.push(...open.map((a) => a.id));
    return open.length;
  }

  submit(id: string): void {
    this.queue.push(id);
  }

  /** Stops taking runs and stops the running one, leaving it 'running' so the next start resumes it. */
  async close(): Promise<void> {
    const ended = this.queue.close();
    if (this.current !== undefined) {
      this.current.stopped = true;
      await this.current.worker.terminate();
    }
    await ended;
  }

  /** Resolves when no run waits or runs (tests). */
  idle(): Promise<void> {
    return this.queue.idle();
  }


  /** Who may hear about a run: its banner once known, else its creator's organisation at U. */
  private markingOf(a: NetworkAnalysisRecord, organisation: string): Marking {
    return a.marking ?? { classification: 'U', controls: [], relTo: [], originator: organisation };
  }

  private async update(id: string, patch: NetworkAnalysisPatch, organisation = 'task force'): Promise<NetworkAnalysisRecord | undefined> {
    const a = await this.o.store.network.updateAnalysis(id, patch);
    if (a !== undefined) this.o.hub.publish({ type: 'network', what: 'analysis', id, change: a.state, progress: a.progress, marking: this.markingOf(a, organisation) });
    return a;
  }

  private async run(id: string): Promise<void> {
    const [open] = (await this.o.store.network.openAnalyses()).filter((a) => a.id === id);
    if (open === undefined) return;
    const fail = async (code: string, message: string, organisation?: string): Promise<void> => {
      await this.update(id, { state: 'failed', finishedAt: this.o.now().toISOString(), error: { code, message }, message: 'failed' }, organisation);
    };
    const user = await this.o.store.accounts.getUser(open.createdBy);
    if (user === undefined || user.disabled) return fail('NARIZ_FORBIDDEN', `the user "${open.createdBy}" who asked for this run no longer exists or is disabled`);
    let who;
    try {
      who = accessPredicate(subjectOfUser(user, this.o.policy), this.o.policy);
    } catch {
      return fail('NARIZ_FORBIDDEN', `the account "${user.username}" has no valid clearance, nationality or organisation`);
    }
    const org = user.organisation;
    const request = open.request as { choices?: unknown };
    let req: WorkerRequest;
    try {
      const choices = parseChoices(request.choices as Parameters<typeof parseChoices>[0]);
      const snap = await this.o.store.network.snapshot(who);
      // Sliding windows leave undated assertions out, as a single window does.
      const input = modelInput(snap, choices, open.kind === 'windows' || choices.model.window !== undefined);
      req = open.kind === 'analysis'
        ? { kind: 'analysis', request: open.request as AnalysisRequestJson, input, threads: this.o.threads, ownCountry: this.o.policy.ownCountry }
        : { kind: 'windows', request: open.request as WindowsRequestJson, input, threads: this.o.threads, ownCountry: this.o.policy.ownCountry };
    } catch (err) {
      const e = err instanceof NarizError ? err : new NarizError('NARIZ_INTERNAL', 'internal error (logged)');
      if (!(err instanceof NarizError)) this.o.log.error({ err, analysis: id }, 'network analysis could not start');
      return fail(e.code, e.message, org);
    }
    const started = await this.update(id, { state: 'running', startedAt: this.o.now().toISOString(), progress: 0, message: 'starting' }, org);
    if (started === undefined || started.state !== 'running') return;
    const t0 = performance.now();
    const reply = await this.inWorker(started, req, org);
    if (reply === 'stopped') return;
    const finishedAt = this.o.now().toISOString();
    if (reply.type === 'done') {
      await this.update(id, { state: 'done', progress: 1, message: 'done', finishedAt, result: reply.result, ...(reply.marking !== null ? { marking: reply.marking } : {}) }, org);
      this.o.log.info({ analysis: id, kind: open.kind, seconds: ((performance.now() - t0) / 1000).toFixed(2) }, 'network analysis done');
    } else {
      if (reply.code === 'NARIZ_INTERNAL' || reply.code === 'NARIZ_WORKER') this.o.log.error({ analysis: id, code: reply.code, stack: reply.stack ?? reply.message }, 'network analysis failed');
      await fail(reply.code, reply.message, org);
    }
  }

  private inWorker(a: NetworkAnalysisRecord, req: WorkerRequest, organisation: string): Promise<Final | 'stopped'> {
    return new Promise((resolve) => {
      const worker = new Worker(new URL('./analysis-worker.js', import.meta.url));
      const cur = { id: a.id, worker, stopped: false };
      this.current = cur;
      let settled = false;
      let lastWrite = 0;
      const finish = (r: Final | 'stopped'): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (this.current === cur) this.current = undefined;
        void worker.terminate();
        resolve(r);
      };
      const timeoutMs = this.o.timeoutMs ?? 30 * 60_000;
      const timer = setTimeout(() => finish({ type: 'error', code: 'NARIZ_WORKER', message: `the analysis overran ${Math.round(timeoutMs / 1000)} s and was stopped` }), timeoutMs);
      worker.on('message', (m: WorkerReply) => {
        if (m.type !== 'progress') {
          finish(m);
          return;
        }
        const t = performance.now();
        const patch = { progress: m.fraction, message: m.message };
        if (t - lastWrite >= 500) {
          lastWrite = t;
          void this.update(a.id, patch, organisation).catch((err: unknown) => this.o.log.warn({ err, analysis: a.id }, 'progress not stored'));
        } else if (!cur.stopped) {
          this.o.hub.publish({ type: 'network', what: 'analysis', id: a.id, change: 'running', progress: m.fraction, marking: this.markingOf(a, organisation) });
        }
      });
      worker.on('error', (err) => finish(cur.stopped ? 'stopped' : { type: 'error', code: 'NARIZ_WORKER', message: `the analysis worker failed: ${err.message}`, ...(err.stack !== undefined ? { stack: err.stack } : {}) }));
      worker.on('exit', (code) => finish(cur.stopped ? 'stopped' : { type: 'error', code: 'NARIZ_WORKER', message: `the analysis worker stopped (exit ${code}) before answering` }));
      worker.postMessage(req);
    });
  }
}

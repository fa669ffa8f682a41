/**
 * Runs waypoint suggestions in worker threads (suggest-worker.ts), one at a
 * time so a crew's clicks cannot take both cores from live ingest; the
 * next waits its turn. A suggestion that overruns its time is stopped.
 */
import { Worker } from 'node:worker_threads';
import { isErrorCode, NarizError } from '@nariz/core';
import type { WaypointProposal } from '@nariz/plume';
import type { SuggestReply, SuggestRequest } from './suggest-worker.js';

export const DEFAULT_SUGGEST_TIMEOUT_MS = 60_000;

export class SuggestRunner {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly timeoutMs = DEFAULT_SUGGEST_TIMEOUT_MS) {}

  run(req: SuggestRequest): Promise<WaypointProposal> {
    const next = this.tail.then(() => this.once(req));
    this.tail = next.catch(() => undefined);
    return next;
  }

  private once(req: SuggestRequest): Promise<WaypointProposal> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(new URL('./suggest-worker.js', import.meta.url));
      let settled = false;
      const finish = (f: () => void): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        void worker.terminate();
        f();
      };
      const timer = setTimeout(() => finish(() => reject(new NarizError('NARIZ_WORKER', `the suggestion overran ${Math.round(this.timeoutMs / 1000)} s and was stopped`))), this.timeoutMs);
      worker.once('message', (m: SuggestReply) => {
        if (m.type === 'done') finish(() => resolve(m.proposal));
        else finish(() => reject(new NarizError(isErrorCode(m.code) ? m.code : 'NARIZ_INTERNAL', m.message)));
      });
      worker.once('error', (err) => finish(() => reject(new NarizError('NARIZ_WORKER', `the suggestion's worker failed: ${err.message}`))));
      worker.once('exit', (code) => finish(() => reject(new NarizError('NARIZ_WORKER', `the suggestion's worker stopped (exit ${code})`))));
      worker.postMessage(req);
    });
  }
}

/**
 * The worker thread of a localisation job: receives a sortie and options,
 * runs `locateSortie` (which uses its own scan pool), reports progress, and
 * answers the `locate --json` object with the labs' hazard zones. The
 * server's event loop never runs the estimator.
 */
import { parentPort } from 'node:worker_threads';
import { NarizError, type Sortie } from '@nariz/core';
import { labHazards, locateJson, locateSortie } from '@nariz/plume';
import { toLocateOptions, type LocateJobOptions } from './locate-options.js';

export interface LocateRequest {
  readonly sortie: Sortie;
  readonly options: LocateJobOptions;
  readonly threads: number | undefined;
}

export type LocateReply =
  | { readonly type: 'progress'; readonly fraction: number; readonly message: string }
  | { readonly type: 'done'; readonly result: Record<string, unknown>; readonly hazards: { type: 'FeatureCollection'; features: unknown[]; notes: string[] } }
  | { readonly type: 'error'; readonly code: string; readonly message: string; readonly stack?: string };

const port = parentPort;
if (port === null) throw new Error('locate-worker.js runs as a worker thread');

port.once('message', (req: LocateRequest) => {
  const post = (m: LocateReply): void => port.postMessage(m);
  try {
    const t0 = performance.now();
    let last = 0;
    const result = locateSortie(req.sortie, {
      ...toLocateOptions(req.options),
      ...(req.threads !== undefined ? { threads: req.threads } : {}),
      onProgress: (fraction, message) => {
        const t = performance.now();
        if (t - last < 100 && fraction < 1) return;
        last = t;
        post({ type: 'progress', fraction, message });
      },
    });
    const json = locateJson(result, (performance.now() - t0) / 1000);
    const hz = labHazards(req.sortie, result);
    post({ type: 'done', result: json, hazards: { type: 'FeatureCollection', features: hz.features, notes: hz.notes } });
  } catch (err) {
    if (err instanceof NarizError) post({ type: 'error', code: err.code, message: err.message });
    else post({ type: 'error', code: 'NARIZ_INTERNAL', message: err instanceof Error ? err.message : String(err), ...(err instanceof Error && err.stack !== undefined ? { stack: err.stack } : {}) });
  }
  // The runner terminates this thread (and its scan pool) once it has the answer.
});

/**
 * The worker thread of one waypoint suggestion: builds the planner's belief
 * (which runs detection over the whole sortie) and scores the candidate
 * paths, off the server's event loop. One message in, one answer out.
 */
import { parentPort } from 'node:worker_threads';
import { NarizError, type Sortie } from '@nariz/core';
import { beliefFromLocate, proposeWaypoints, type GeoDroneState, type PlanningEstimate, type ProposeOptions, type SearchArea, type WaypointProposal } from '@nariz/plume';

export interface SuggestRequest {
  readonly sortie: Sortie;
  readonly estimate: PlanningEstimate | undefined;
  readonly area: SearchArea;
  readonly from: GeoDroneState;
  readonly options: Pick<ProposeOptions, 'maxTurnDeg' | 'flightMarginM'>;
}

export type SuggestReply =
  | { readonly type: 'done'; readonly proposal: WaypointProposal }
  | { readonly type: 'error'; readonly code: string; readonly message: string; readonly stack?: string };

const port = parentPort;
if (port === null) throw new Error('suggest-worker.js runs as a worker thread');

port.once('message', (req: SuggestRequest) => {
  try {
    const built = beliefFromLocate(req.estimate, req.sortie, { area: req.area });
    const proposal = proposeWaypoints(built, req.from, { ...req.options, clock: () => performance.now() });
    port.postMessage({ type: 'done', proposal } satisfies SuggestReply);
  } catch (err) {
    const reply: SuggestReply = err instanceof NarizError
      ? { type: 'error', code: err.code, message: err.message }
      : { type: 'error', code: 'NARIZ_INTERNAL', message: err instanceof Error ? err.message : String(err), ...(err instanceof Error && err.stack !== undefined ? { stack: err.stack } : {}) };
    port.postMessage(reply);
  }
});

/** A betweenness worker: runs claimed blocks of each task it is posted (claim-blocks.ts) and says when it is done. */
import { parentPort } from 'node:worker_threads';
import { brandesScratch, type BrandesScratch } from '../centrality/brandes.js';
import { claimBlocks } from './claim-blocks.js';
import { WORKER_READY, type BlockReply, type BlockTask } from './wire.js';

const port = parentPort;
if (port === null) throw new Error('betweenness-worker.js must run as a worker thread');
let scratch: BrandesScratch | undefined;
port.on('message', (task: BlockTask) => {
  let reply: BlockReply;
  try {
    if (scratch === undefined || scratch.sigma.length !== task.nodeCount || scratch.succ.length < task.targets.length) scratch = brandesScratch(task.nodeCount, task.targets.length);
    reply = { ok: true, blocks: claimBlocks(task, scratch) };
  } catch (e) {
    scratch = undefined; // may be left mid-search
    reply = { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  port.postMessage(reply);
});
port.postMessage(WORKER_READY);

/**
 * A scan worker thread (see scan-pool.ts). It keeps the arrays it has been
 * sent, runs each task with the same serial code as the calling thread,
 * posts the result on its result port and then raises its DONE word, which
 * the pool waits on with Atomics.wait.
 */
import { parentPort, workerData, MessagePort } from 'node:worker_threads';
import { serialScan } from '../ste/scan-executor.js';
import { scanClaimedChunks } from './chunks.js';
import { CTRL_DONE, CTRL_READY, RELEASE, decodeProblem, decodeScan, type ScanReply, type ScanTask, type TypedArray } from './wire.js';

function start(): void {
  const data: unknown = workerData;
  if (parentPort === null || typeof data !== 'object' || data === null) throw new Error('scan-worker: run me through ScanPool');
  const { ctrl, port } = data as { ctrl?: unknown; port?: unknown };
  if (!(ctrl instanceof Int32Array) || !(port instanceof MessagePort)) throw new Error('scan-worker: workerData needs ctrl (Int32Array) and port (MessagePort)');
  const arrays = new Map<number, TypedArray>();
  const control = parentPort;
  control.on('message', (msg: ScanTask | typeof RELEASE) => {
    // The pool's user is done with every array it sent (no reply: messages are handled in order).
    if (msg === RELEASE) {
      arrays.clear();
      return;
    }
    let reply: ScanReply;
    let transfer: ArrayBuffer[] = [];
    try {
      for (const [id, a] of msg.arrays) arrays.set(id, a);
      const p = decodeProblem(msg.problem, arrays);
      const o = decodeScan(msg.scan, arrays);
      if (msg.op === 'disc') {
        const existing = msg.existing.map((id) => {
          const a = arrays.get(id);
          if (!(a instanceof Float64Array)) throw new TypeError(`scan-worker: kernel ${id} unknown`);
          return a;
        });
        scanClaimedChunks(p, existing, { index: msg.index, lagDecay: msg.lagDecay }, msg.cellsE, msg.cellsN, o, msg.job);
        reply = { seq: msg.seq, chunksDone: true };
      } else {
        const sparse = serialScan.sparseKernel(p, msg.cellsE, msg.cellsN, o);
        reply = { seq: msg.seq, sparse };
        transfer = [...new Set([sparse.rowStart.buffer, sparse.col.buffer, sparse.val.buffer] as ArrayBuffer[])];
      }
    } catch (err) {
      reply = { seq: msg.seq, error: err instanceof Error ? (err.stack ?? err.message) : String(err) };
      transfer = [];
    }
    port.postMessage(reply, transfer);
    Atomics.store(ctrl, CTRL_DONE, msg.seq);
    Atomics.notify(ctrl, CTRL_DONE);
  });
  Atomics.store(ctrl, CTRL_READY, 1);
  control.postMessage('ready');
}

start();

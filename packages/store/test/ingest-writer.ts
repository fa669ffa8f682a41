/**
 * A child process for the SIGKILL test (sqlite-store.test.ts): appends
 * batches to sortie "live" in the database given as its argument, forever,
 * printing each acknowledgement as a JSON line once appendBatch returned.
 * Batch k has 20 + (37 k mod 180) samples from makeBatch seed 1000 + k.
 */
import { sortieId } from '@nariz/core';
import { SqliteStore } from '../src/index.js';
import { makeBatch } from './batches.js';

const path = process.argv[2];
if (path === undefined) throw new Error('usage: ingest-writer DB');
const store = new SqliteStore({ path });
await store.migrate();
const id = sortieId('live');
await store.createSortie({ id, name: 'live ingest', simulated: true });
for (let k = 0; ; k++) {
  const ack = await store.appendBatch(id, `batch-${k}`, makeBatch({ count: 20 + ((37 * k) % 180), seed: 1000 + k, t0: 1.7e9 + 100 * k }));
  process.stdout.write(`${JSON.stringify({ batchId: ack.batchId, firstSample: ack.firstSample, count: ack.count })}\n`);
}

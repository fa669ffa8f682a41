/**
 * One batch of live samples, however it arrives (PUT .../batches/:batchId
 * or the ingest WebSocket): parsed, appended idempotently, acknowledged,
 * then announced live and handed to the detector. The acknowledgement is
 * returned only after the store has committed the batch.
 */
import { sortieId, type Sortie } from '@nariz/core';
import { parseSortieCsv } from '@nariz/formats';
import type { Platform } from '../platform.js';
import { sortieJson } from '../routes/sortie-json.js';

export interface BatchAckJson {
  readonly sortie_id: string;
  readonly batch_id: string;
  readonly first_sample: number;
  readonly count: number;
  readonly duplicate: boolean;
  readonly warnings: Array<{ code: string; message: string; count: number }>;
}

export async function ingestBatch(p: Platform, id: string, batchId: string, csv: string): Promise<BatchAckJson> {
  // Bad rows are refused with their line and column (NARIZ_CSV_*, 400); nothing is stored.
  const { sortie, warnings } = parseSortieCsv(csv, { fileName: `batch ${batchId}` });
  return ingestSamples(p, id, batchId, sortie, warnings.map((w) => ({ code: w.code, message: w.message, count: w.count })));
}

/** Samples already decoded (MAVLink telemetry, a parsed CSV batch): appended, acknowledged, announced, detected. */
export async function ingestSamples(p: Platform, id: string, batchId: string, sortie: Sortie, warnings: BatchAckJson['warnings'] = []): Promise<BatchAckJson> {
  const sid = sortieId(id);
  const ack = await p.store.appendBatch(sid, batchId, sortie);
  if (!ack.duplicate) {
    p.hub.publish({ type: 'batch', sortie_id: sid, first_sample: ack.firstSample, count: ack.count });
    const rec = await p.store.getSortie(sid);
    if (rec !== undefined) p.hub.publish({ type: 'sortie', sortie: sortieJson(rec) });
    p.detector.afterBatch(sid);
  }
  return {
    sortie_id: ack.sortieId,
    batch_id: ack.batchId,
    first_sample: ack.firstSample,
    count: ack.count,
    duplicate: ack.duplicate,
    warnings,
  };
}

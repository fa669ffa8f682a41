/**
 * A lead made from a located source: the position, 95 % radius and lab
 * probability of source `source_index` of a stored localisation (the job
 * named, or the sortie's newest finished one), and the time of first
 * detection: the start of the sortie's earliest plume event (any species),
 * else its first sample.
 */
import { NarizError, sortieId } from '@nariz/core';
import type { LeadSource } from '@nariz/store';
import { LOCATE } from '../jobs/job-runner.js';
import { detectionsJson } from '../live/detections.js';
import type { Platform } from '../platform.js';
import { estimateSource, type EstimateSource } from './estimate-source.js';

export interface SourceRef {
  readonly sortie_id: string;
  readonly job_id?: string;
  readonly source_index: number;
}

export interface LeadFromSource extends EstimateSource {
  readonly source: LeadSource;
  readonly detectedAt: string | undefined;
}

export async function leadFromSource(p: Platform, ref: SourceRef): Promise<LeadFromSource> {
  const sortie = await p.store.getSortie(sortieId(ref.sortie_id));
  if (sortie === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no sortie "${ref.sortie_id}"`);
  const job = ref.job_id === undefined ? await p.store.jobs.latestDone(sortie.id, LOCATE) : await p.store.jobs.getJob(ref.job_id);
  if (job === undefined || job.sortieId !== sortie.id || job.kind !== LOCATE) {
    throw new NarizError('NARIZ_NOT_FOUND', ref.job_id === undefined ? `sortie "${sortie.id}" has no finished localisation yet` : `sortie "${sortie.id}" has no localisation job "${ref.job_id}"`);
  }
  if (job.state !== 'done') throw new NarizError('NARIZ_CONFLICT', `localisation job "${job.id}" is ${job.state}, not done`);
  const s = estimateSource(await p.store.jobs.jobResult(job.id), ref.source_index, `localisation job "${job.id}"`);
  let firstS: number | undefined;
  for (const sp of detectionsJson(await p.store.readSamples(sortie.id))) for (const e of sp.events) firstS = Math.min(firstS ?? e.start_s, e.start_s);
  firstS ??= sortie.timeRangeS?.[0];
  return { ...s, source: { sortieId: sortie.id, jobId: job.id, sourceIndex: ref.source_index }, detectedAt: firstS === undefined ? undefined : new Date(firstS * 1000).toISOString() };
}

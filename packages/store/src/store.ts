/**
 * The store contract: what the server needs from a database, the same for
 * the embedded SQLite default and PostgreSQL/PostGIS. Every adapter passes
 * one contract test suite (test/store-contract.ts).
 *
 * Samples arrive in batches. A batch carries an id chosen by its sender, and
 * appending is idempotent: a batch id seen before returns the first
 * acknowledgement unchanged (a client that lost the reply may resend), and
 * the same id with different content is a conflict. A batch is stored in
 * one transaction with the sortie's counters, so an acknowledged batch is
 * all there after a crash and an unacknowledged one is not there at all.
 */
import type { Sortie, SortieId, SortieShape } from '@nariz/core';
import type { AccountStore } from './accounts.js';
import type { JobStore } from './jobs.js';
import type { AuditStore } from './audit.js';
import type { AuditCheckpointStore } from './audit-checkpoints.js';
import type { FlightStore } from './flight.js';
import type { VideoStore } from './videos.js';
import type { AnnotationStore } from './annotations.js';
import type { VideoJobStore } from './video-jobs.js';
import type { LeadStore } from './leads.js';
import type { ReleaseStore } from './releases.js';
import type { NetworkStore } from './network.js';
import type { GlossaryStore } from './glossary.js';

export interface NewSortie {
  readonly id: SortieId;
  readonly name: string;
  /** Data from the simulator: shown as such wherever the sortie appears. */
  readonly simulated: boolean;
}

export interface SortieRecord {
  readonly id: SortieId;
  readonly name: string;
  readonly simulated: boolean;
  /** ISO 8601 UTC. */
  readonly createdAt: string;
  /** Set by the first batch; undefined while the sortie has none. */
  readonly shape: SortieShape | undefined;
  readonly sampleCount: number;
  readonly batchCount: number;
  /** Unix seconds of the earliest and latest sample, or undefined. */
  readonly timeRangeS: readonly [number, number] | undefined;
  /** [minLon, minLat, maxLon, maxLat] of the samples' positions, or undefined. */
  readonly bbox: readonly [number, number, number, number] | undefined;
}

export interface BatchAck {
  readonly sortieId: SortieId;
  readonly batchId: string;
  /** Index of the batch's first sample in the sortie. */
  readonly firstSample: number;
  readonly count: number;
  /** True when this batch id had been stored before (nothing was written now). */
  readonly duplicate: boolean;
}

export interface SampleRange {
  /** First sample index (default 0). */
  readonly from?: number;
  /** One past the last sample index (default: all). */
  readonly to?: number;
}

export interface MigrationReport {
  /** Schema version before and after. */
  readonly from: number;
  readonly to: number;
  readonly applied: readonly string[];
}

export interface Store {
  readonly dialect: 'sqlite' | 'postgres';
  /** Users, sessions and API tokens (accounts.ts). */
  readonly accounts: AccountStore;
  /** Localisation and other background jobs (jobs.ts). */
  readonly jobs: JobStore;
  /** The append-only audit log (audit.ts). */
  readonly audit: AuditStore;
  /** Signed checkpoints of the audit log, append-only (audit-checkpoints.ts). */
  readonly auditCheckpoints: AuditCheckpointStore;
  /** Flight plans and airspace authorities (flight.ts). */
  readonly flight: FlightStore;
  /** Full-motion videos (videos.ts). */
  readonly videos: VideoStore;
  /** Bookmarks and annotations on videos (annotations.ts). */
  readonly annotations: AnnotationStore;
  /** Jobs on videos: motion cues (video-jobs.ts). */
  readonly videoJobs: VideoJobStore;
  /** Leads, their history and evidence, filtered by markings in every query (leads.ts). */
  readonly leads: LeadStore;
  /** Immutable releases to partners (releases.ts). */
  readonly releases: ReleaseStore;
  /** The counter-network record: entities, graded assertions, merges, layouts, imports, analyses (network.ts). */
  readonly network: NetworkStore;
  /** The slang glossary translation applies (glossary.ts). */
  readonly glossary: GlossaryStore;
  /** Applies every migration newer than the database's version; refuses a database newer than this code. */
  migrate(): Promise<MigrationReport>;
  /** Resolves when the database answers a trivial query (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;

  createSortie(s: NewSortie): Promise<SortieRecord>;
  getSortie(id: SortieId): Promise<SortieRecord | undefined>;
  /** Newest first. */
  listSorties(): Promise<SortieRecord[]>;
  /** Deletes the sortie and every sample; false when there was none. */
  deleteSortie(id: SortieId): Promise<boolean>;
  /** Appends a batch (idempotent by batch id; see the file's header). The first batch sets the sortie's shape; later ones must match it. */
  appendBatch(id: SortieId, batchId: string, batch: Sortie): Promise<BatchAck>;
  /** The stored samples in arrival order (or the batches overlapping `range`, trimmed to it). */
  readSamples(id: SortieId, range?: SampleRange): Promise<Sortie>;
}

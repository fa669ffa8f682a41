/**
 * What appending a batch means, whatever the database: the digest that
 * tells a resent batch from a conflicting one, the shape rule (the first
 * batch sets the sortie's columns), the extent a batch adds, and the
 * sortie record built from its stored fields. Both adapters call these, so
 * the contract's rules live in one place.
 */
import { createHash } from 'node:crypto';
import { concatSorties, NarizError, sameShape, sliceSortie, sortieShape, type Sortie, type SortieId, type SortieShape } from '@nariz/core';
import { decodeBatch } from './sample-codec.js';
import type { SampleRange, SortieRecord } from './store.js';

export function batchDigest(encoded: Uint8Array): Buffer {
  return createHash('sha256').update(encoded).digest();
}

export function duplicateOrConflict(id: SortieId, batchId: string, digest: Buffer, stored: Uint8Array): void {
  if (!digest.equals(stored)) throw new NarizError('NARIZ_CONFLICT', `batch "${batchId}" of sortie "${id}" was stored with different samples`);
}

/** The batch's shape, checked against the sortie's (undefined before its first batch). */
export function checkShape(id: SortieId, batchId: string, stored: SortieShape | undefined, batch: Sortie): SortieShape {
  const shape = sortieShape(batch);
  if (stored !== undefined && !sameShape(stored, shape)) {
    const describe = (s: SortieShape): string => `[${s.species.map((x) => x.key).join(', ')}]${s.hasPath ? ' with path columns' : ''}`;
    throw new NarizError('NARIZ_BATCH_COLUMNS', `batch "${batchId}" has species ${describe(shape)}; sortie "${id}" has ${describe(stored)}`);
  }
  return shape;
}

export interface Extent {
  readonly tMin: number | null;
  readonly tMax: number | null;
  readonly minLon: number | null;
  readonly minLat: number | null;
  readonly maxLon: number | null;
  readonly maxLat: number | null;
}

export function extent(s: Sortie): Extent {
  if (s.count === 0) return { tMin: null, tMax: null, minLon: null, minLat: null, maxLon: null, maxLat: null };
  let tMin = Infinity;
  let tMax = -Infinity;
  let minLon = Infinity;
  let minLat = Infinity;
  let maxLon = -Infinity;
  let maxLat = -Infinity;
  for (let i = 0; i < s.count; i++) {
    tMin = Math.min(tMin, s.timeS[i]!);
    tMax = Math.max(tMax, s.timeS[i]!);
    minLon = Math.min(minLon, s.lon[i]!);
    maxLon = Math.max(maxLon, s.lon[i]!);
    minLat = Math.min(minLat, s.lat[i]!);
    maxLat = Math.max(maxLat, s.lat[i]!);
  }
  return { tMin, tMax, minLon, minLat, maxLon, maxLat };
}

/** A sortie's stored fields, as each adapter reads them (types already normalised); its extent is that of all its batches. */
export interface SortieFields extends Extent {
  readonly id: string;
  readonly name: string;
  readonly simulated: boolean;
  readonly createdAt: string;
  readonly shape: SortieShape | undefined;
  readonly sampleCount: number;
  readonly batchCount: number;
}

export function toRecord(r: SortieFields): SortieRecord {
  return {
    id: r.id as SortieId,
    name: r.name,
    simulated: r.simulated,
    createdAt: r.createdAt,
    shape: r.shape,
    sampleCount: r.sampleCount,
    batchCount: r.batchCount,
    timeRangeS: r.tMin === null || r.tMax === null ? undefined : [r.tMin, r.tMax],
    bbox: r.minLon === null || r.minLat === null || r.maxLon === null || r.maxLat === null ? undefined : [r.minLon, r.minLat, r.maxLon, r.maxLat],
  };
}

/** A stored batch as read back: where its samples start and its encoded columns. */
export interface StoredBatch {
  readonly firstSample: number;
  readonly count: number;
  readonly data: Uint8Array;
}

/** What a read of samples covers: the sortie's shape and the range clamped to its samples. */
export interface SampleWindow {
  readonly shape: SortieShape;
  readonly from: number;
  readonly to: number;
}

/** The window of a read of sortie `id` (NARIZ_NOT_FOUND when there is no such sortie). */
export function sampleWindow(id: SortieId, rec: SortieRecord | undefined, range: SampleRange): SampleWindow {
  if (rec === undefined) throw new NarizError('NARIZ_NOT_FOUND', `no sortie "${id}"`);
  return {
    shape: rec.shape ?? { species: [], hasPath: false },
    from: Math.max(0, range.from ?? 0),
    to: Math.min(rec.sampleCount, range.to ?? rec.sampleCount),
  };
}

/** Samples of the window from the stored batches that overlap it (in sequence order; a driver's Buffer is fine as data). */
export function samplesFromBatches(batches: readonly StoredBatch[], { shape, from, to }: SampleWindow): Sortie {
  if (to <= from) return concatSorties([], shape);
  const parts = batches.map((r) => {
    // A plain view: a Buffer's slice() would share memory with the driver's pool.
    const b = decodeBatch(new Uint8Array(r.data.buffer, r.data.byteOffset, r.data.byteLength), shape);
    const a = Math.max(0, from - r.firstSample);
    const z = Math.min(r.count, to - r.firstSample);
    return a === 0 && z === r.count ? b : sliceSortie(b, a, z);
  });
  return concatSorties(parts, shape);
}

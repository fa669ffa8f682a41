/**
 * Decoded per-frame metadata of recently used videos, so that the map's
 * requests (frames, ground points, coverage) do not decode the BLOB each
 * time. Bounded by the stored bytes (the decoded columns are about the same
 * size), least recently used out first; an entry is valid for the
 * `updatedAt` it was read at.
 */
import { NarizError } from '@nariz/core';
import type { Store, VideoRecord } from '@nariz/store';
import { decodeVideoFrames, type VideoFrames } from './fmv-bridge.js';

/** About 30 h of 30 fps metadata: far more than the map looks at at once. */
const DEFAULT_BUDGET_BYTES = 256 * 1024 * 1024;

export class FramesCache {
  private readonly entries = new Map<string, { readonly updatedAt: string; readonly frames: VideoFrames; readonly bytes: number }>();
  private used = 0;

  constructor(
    private readonly store: Store,
    private readonly budgetBytes = DEFAULT_BUDGET_BYTES,
  ) {}

  /** The video's frames, or undefined before extraction. */
  async get(v: VideoRecord): Promise<VideoFrames | undefined> {
    const hit = this.entries.get(v.id);
    if (hit !== undefined && hit.updatedAt === v.updatedAt) {
      // Most recently used goes last (a Map keeps insertion order).
      this.entries.delete(v.id);
      this.entries.set(v.id, hit);
      return hit.frames;
    }
    this.forget(v.id);
    const blob = await this.store.videos.videoFrames(v.id);
    if (blob === undefined) return undefined;
    let frames: VideoFrames;
    try {
      frames = decodeVideoFrames(blob);
    } catch (err) {
      throw new NarizError('NARIZ_STORE_CORRUPT', `video ${v.id}: stored frames do not decode (${err instanceof Error ? err.message : String(err)})`, undefined, { cause: err });
    }
    this.entries.set(v.id, { updatedAt: v.updatedAt, frames, bytes: blob.byteLength });
    this.used += blob.byteLength;
    for (const [id, e] of this.entries) {
      if (this.used <= this.budgetBytes || id === v.id) break;
      this.entries.delete(id);
      this.used -= e.bytes;
    }
    return frames;
  }

  forget(id: string): void {
    const e = this.entries.get(id);
    if (e === undefined) return;
    this.entries.delete(id);
    this.used -= e.bytes;
  }
}

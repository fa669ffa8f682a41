/**
 * Plume detections of a stored sortie, as the API shows them, and the live
 * detector: after each batch of a sortie it runs detection over the last
 * LIVE_WINDOW samples (enough for the drifting background, and a cost that
 * does not grow with the sortie) and publishes the events it has not
 * published before, then asks for a localisation when there is something
 * new to locate. Runs are coalesced per sortie (a batch arriving during a
 * run schedules one more).
 */
import type { FastifyBaseLogger } from 'fastify';
import { NarizError, toKgM3Factor, type Sortie, type SortieId } from '@nariz/core';
import { detectSortie } from '@nariz/plume';
import type { Store } from '@nariz/store';
import type { LiveHub } from './hub.js';

export interface DetectionEventJson {
  readonly start_s: number;
  readonly end_s: number;
  readonly peak_s: number;
  readonly peak_kg_m3: number;
  readonly excess_kg_m3: number;
  readonly lat: number;
  readonly lon: number;
  readonly z: number;
  /** Sample index of the start: with the species, the event's identity. */
  readonly start_index: number;
}

export interface SpeciesDetectionsJson {
  readonly key: string;
  readonly chemical: string;
  readonly unit: string;
  /** Median background and noise sd in the species' unit. */
  readonly background_median: number;
  readonly noise_sd: number;
  readonly events: DetectionEventJson[];
}

/** Below this many samples the background cannot be estimated. */
const MIN_SAMPLES = 10;

/** Samples the live detector looks back over (about 5.5 h at 1 Hz). */
export const LIVE_WINDOW = 20_000;

/** `offset`: index of s's first sample in its sortie (event indices are the sortie's). */
export function detectionsJson(s: Sortie, offset = 0): SpeciesDetectionsJson[] {
  if (s.count < MIN_SAMPLES) return [];
  return detectSortie(s).map((d) => {
    const sp = s.species.find((x) => x.key === d.key)!;
    const toUnit = 1 / toKgM3Factor(sp.unit, sp.molarMassGmol);
    const bg = Float64Array.from(d.background).sort();
    return {
      key: d.key,
      chemical: d.chemical,
      unit: sp.unit,
      background_median: bg[(bg.length - 1) >> 1]! * toUnit,
      noise_sd: d.noiseSd * toUnit,
      events: d.events.map((e) => ({
        start_s: e.startTimeS, end_s: e.endTimeS, peak_s: e.peakTimeS, peak_kg_m3: e.peakValue, excess_kg_m3: e.peakExcess,
        lat: s.lat[e.peakIndex]!, lon: s.lon[e.peakIndex]!, z: e.significance.peakZ, start_index: offset + e.startIndex,
      })),
    };
  });
}

export interface LiveDetectorOptions {
  readonly store: Store;
  readonly hub: LiveHub;
  readonly log: FastifyBaseLogger;
  /** Called when a sortie has new detections (queues a localisation). */
  readonly onNewDetections: (id: SortieId) => void;
}

/** Least time between the starts of two detection runs of one sortie, ms: batches arriving faster are taken together. */
export const LIVE_MIN_INTERVAL_MS = 200;

export class LiveDetector {
  private readonly published = new Map<SortieId, Set<string>>();
  private readonly running = new Map<SortieId, Promise<void>>();
  private readonly again = new Set<SortieId>();
  private readonly lastStart = new Map<SortieId, number>();

  constructor(private readonly o: LiveDetectorOptions) {}

  /** Schedules detection on the sortie's latest samples. */
  afterBatch(id: SortieId): void {
    if (this.running.has(id)) {
      this.again.add(id);
      return;
    }
    const wait = (this.lastStart.get(id) ?? -Infinity) + LIVE_MIN_INTERVAL_MS - performance.now();
    const run = new Promise((r) => setTimeout(r, Math.max(0, wait)))
      .then(() => {
        this.lastStart.set(id, performance.now());
        return this.run(id);
      })
      .catch((err: unknown) => {
        if (!(err instanceof NarizError && err.code === 'NARIZ_NOT_FOUND')) this.o.log.error({ err, sortie: id }, 'live detection failed');
      })
      .finally(() => {
        this.running.delete(id);
        if (this.again.delete(id)) this.afterBatch(id);
      });
    this.running.set(id, run);
  }

  forget(id: SortieId): void {
    this.published.delete(id);
    this.lastStart.delete(id);
  }

  /** Resolves when no detection run is in flight (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  private async run(id: SortieId): Promise<void> {
    const rec = await this.o.store.getSortie(id);
    if (rec === undefined) return;
    const from = Math.max(0, rec.sampleCount - LIVE_WINDOW);
    const s = await this.o.store.readSamples(id, { from, to: rec.sampleCount });
    const seen = this.published.get(id) ?? new Set<string>();
    this.published.set(id, seen);
    let fresh = 0;
    for (const d of detectionsJson(s, from)) {
      for (const e of d.events) {
        const key = `${d.key}:${e.start_index}`;
        if (seen.has(key)) continue;
        seen.add(key);
        fresh++;
        this.o.hub.publish({ type: 'detection', sortie_id: id, species: d.key, event: { ...e } });
      }
    }
    if (fresh > 0) this.o.onNewDetections(id);
  }
}

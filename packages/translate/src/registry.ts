/**
 * Which engines can run here, and which one translates each direction by
 * default. Candidates are tried in order of preference (by default
 * Bergamot, then Apertium, as the issue asks: the neural engine when its
 * models load); each one that opens serves the directions it has, and
 * every candidate and direction that cannot is reported with its reason,
 * so an analyst or an operator sees why Bergamot is not in use.
 */
import { NarizError } from '@nariz/core';
import { openApertium, type ApertiumOptions } from './apertium/apertium-engine.js';
import { openBergamot, type BergamotOptions } from './bergamot/bergamot-engine.js';
import { DIRECTIONS, type Direction, type TranslationEngine } from './engine.js';

export interface EngineCandidate {
  readonly id: string;
  /** Opens the engine or rejects (NARIZ_TRANSLATE) saying why it cannot. */
  open(): Promise<TranslationEngine>;
}

export interface EngineAvailability {
  readonly id: string;
  readonly direction: Direction;
  readonly available: boolean;
  /** Engine version when available; the reason when not. */
  readonly detail: string;
}

export class EngineRegistry {
  readonly engines: readonly TranslationEngine[];
  readonly availability: readonly EngineAvailability[];

  constructor(engines: readonly TranslationEngine[], availability: readonly EngineAvailability[]) {
    this.engines = engines;
    this.availability = availability;
  }

  /** The preferred engine for a direction; NARIZ_TRANSLATE listing every reason when none can. */
  engineFor(dir: Direction): TranslationEngine {
    const e = this.engines.find((x) => x.directions.includes(dir));
    if (e !== undefined) return e;
    const why = this.availability.filter((a) => a.direction === dir).map((a) => `${a.id}: ${a.detail}`);
    throw new NarizError('NARIZ_TRANSLATE', `no translation engine for ${dir}${why.length === 0 ? '' : ` (${why.join('; ')})`}`);
  }

  /** An engine by id, if it opened. */
  get(id: string): TranslationEngine | undefined {
    return this.engines.find((e) => e.id === id);
  }

  async close(): Promise<void> {
    await Promise.all(this.engines.map((e) => e.close()));
  }
}

/** Opens every candidate (in parallel) and records what is available for each direction. */
export async function openEngineRegistry(candidates: readonly EngineCandidate[], directions: readonly Direction[] = DIRECTIONS): Promise<EngineRegistry> {
  const opened = await Promise.allSettled(candidates.map((c) => c.open()));
  const engines: TranslationEngine[] = [];
  const availability: EngineAvailability[] = [];
  opened.forEach((r, i) => {
    const id = (candidates[i] as EngineCandidate).id;
    if (r.status === 'rejected') {
      const reason = r.reason instanceof Error ? r.reason.message : String(r.reason);
      for (const d of directions) availability.push({ id, direction: d, available: false, detail: reason });
      return;
    }
    engines.push(r.value);
    for (const d of directions) {
      const ok = r.value.directions.includes(d);
      availability.push({ id, direction: d, available: ok, detail: ok ? r.value.provenance.version : (r.value.notAvailable?.[d] ?? `not opened for ${d}`) });
    }
  });
  return new EngineRegistry(engines, availability);
}

export interface DefaultEnginesOptions {
  /** Bergamot's model directory; without it Bergamot is reported unavailable. */
  readonly bergamotModelDir?: string;
  readonly bergamot?: Omit<BergamotOptions, 'modelDir'>;
  readonly apertium?: ApertiumOptions;
}

/** Bergamot (when a model directory is given), then Apertium. */
export function defaultEngineCandidates(options: DefaultEnginesOptions = {}): EngineCandidate[] {
  const dir = options.bergamotModelDir;
  return [
    {
      id: 'bergamot',
      open: () =>
        dir === undefined
          ? Promise.reject(new NarizError('NARIZ_TRANSLATE', 'no Bergamot model directory configured (see docs/translation.md, "Bergamot models")'))
          : openBergamot({ ...options.bergamot, modelDir: dir }),
    },
    { id: 'apertium', open: () => openApertium(options.apertium) },
  ];
}

/**
 * The Bergamot backend (Bogoychev et al. 2021 / the Bergamot project:
 * Marian NMT compiled to WASM, the engine of Firefox Translations), with
 * Mozilla's es→en and en→es models from a directory the user supplies
 * (model-files.ts for the layout). The WASM runs in one worker thread
 * (bergamot-worker.ts); models load once per worker and are reloaded if the
 * worker has to be replaced after a failure or timeout.
 *
 * Output has no marks (the neural model translates every word). When the
 * directory lacks a direction's files, that direction is not available and
 * `notAvailable` says why; when no direction is complete, or the WASM
 * rejects a model, opening fails with NARIZ_TRANSLATE.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename } from 'node:path';
import { NarizError } from '@nariz/core';
import {
  DIRECTIONS, isBlankSegment, sourceLanguage, targetLanguage, type Direction, type EngineProvenance, type TranslateOptions, type TranslationEngine,
  type TranslationResult,
} from '../engine.js';
import { locateModelFiles, readModelFile, type ModelFiles } from './model-files.js';
import { BergamotWorkerClient } from './worker-client.js';

export interface BergamotOptions {
  /** The directory holding `esen/` and `enes/` (model-files.ts). */
  readonly modelDir: string;
  /** Default both. */
  readonly directions?: readonly Direction[];
  /** Per worker call (initialise, load a model, translate a batch); default 120 s. */
  readonly timeoutMs?: number;
  /** Texts per worker call; default 32 (Marian packs their sentences into mini-batches). */
  readonly batchSize?: number;
}

/** The version of the bergamot-translator package in use. */
export function bergamotPackageVersion(): string {
  const req = createRequire(import.meta.url);
  const pkg: unknown = JSON.parse(readFileSync(req.resolve('@browsermt/bergamot-translator/package.json'), 'utf8'));
  return typeof pkg === 'object' && pkg !== null && typeof (pkg as Record<string, unknown>)['version'] === 'string'
    ? ((pkg as Record<string, unknown>)['version'] as string)
    : 'unknown';
}

function modelConfig(files: ModelFiles): Record<string, string> {
  const config: Record<string, string> = {};
  // Models quantised without alphas need the other int8 path (as the package's own loader does).
  if (/intgemm8\.bin(?:\.gz)?$/.test(files.model)) config['gemm-precision'] = 'int8shiftAll';
  // Quality estimation needs the costs the default config skips.
  if (files.qualityModel !== undefined) config['skip-cost'] = 'false';
  return config;
}

function parseTranslations(result: unknown, expected: number): string[] {
  if (!Array.isArray(result) || result.length !== expected) {
    throw new NarizError('NARIZ_TRANSLATE', `Bergamot returned ${Array.isArray(result) ? result.length : 'no'} translations for ${expected} texts`);
  }
  return result.map((r: unknown) => {
    const target = typeof r === 'object' && r !== null ? (r as Record<string, unknown>)['target'] : undefined;
    const text = typeof target === 'object' && target !== null ? (target as Record<string, unknown>)['text'] : undefined;
    if (typeof text !== 'string') throw new NarizError('NARIZ_TRANSLATE', 'Bergamot returned a translation without text');
    return text;
  });
}

export class BergamotEngine implements TranslationEngine {
  readonly id = 'bergamot';
  readonly provenance: EngineProvenance;
  readonly directions: readonly Direction[];
  readonly notAvailable: Readonly<Partial<Record<Direction, string>>>;
  readonly #files: ReadonlyMap<Direction, ModelFiles>;
  readonly #timeoutMs: number;
  readonly #batchSize: number;
  #client: Promise<BergamotWorkerClient> | undefined;
  #closed = false;

  private constructor(files: ReadonlyMap<Direction, ModelFiles>, notAvailable: Partial<Record<Direction, string>>, options: BergamotOptions) {
    this.#files = files;
    this.directions = DIRECTIONS.filter((d) => files.has(d));
    this.notAvailable = notAvailable;
    this.#timeoutMs = options.timeoutMs ?? 120_000;
    this.#batchSize = options.batchSize ?? 32;
    const models = [...files].map(([d, f]) => `${d} ${basename(f.model)}`).join(', ');
    this.provenance = { id: this.id, version: `@browsermt/bergamot-translator ${bergamotPackageVersion()} (WASM); ${models}` };
  }

  /** Finds the model files, starts the WASM and loads every available model (NARIZ_TRANSLATE on any failure). */
  static async open(options: BergamotOptions): Promise<BergamotEngine> {
    const files = new Map<Direction, ModelFiles>();
    const notAvailable: Partial<Record<Direction, string>> = {};
    let firstError: unknown;
    for (const d of options.directions ?? DIRECTIONS) {
      try {
        files.set(d, await locateModelFiles(options.modelDir, d));
      } catch (e) {
        firstError ??= e;
        notAvailable[d] = (e as Error).message;
      }
    }
    if (files.size === 0) throw firstError;
    const engine = new BergamotEngine(files, notAvailable, options);
    try {
      await engine.#worker();
    } catch (e) {
      await engine.close();
      throw e;
    }
    return engine;
  }

  /** The live worker with every model loaded, started (again) if needed. */
  #worker(): Promise<BergamotWorkerClient> {
    const current = this.#client;
    if (current !== undefined) {
      return current.then((c) => (c.failure === undefined ? c : this.#restart()));
    }
    return this.#restart();
  }

  #restart(): Promise<BergamotWorkerClient> {
    const started = (async () => {
      const client = new BergamotWorkerClient();
      await client.call('initialize', [{ cacheSize: 0, useNativeIntGemm: false }], this.#timeoutMs);
      for (const [dir, f] of this.#files) {
        const [model, shortlist, qualityModel, ...vocabs] = await Promise.all([
          readModelFile(f.model),
          readModelFile(f.lex),
          f.qualityModel === undefined ? Promise.resolve(undefined) : readModelFile(f.qualityModel),
          ...f.vocabs.map(readModelFile),
        ]);
        const buffers = { model, shortlist, vocabs, qualityModel, config: modelConfig(f) };
        const transfer = [model, shortlist, ...vocabs, ...(qualityModel === undefined ? [] : [qualityModel])].filter((b): b is ArrayBuffer => b !== undefined);
        try {
          await client.call('loadTranslationModel', [{ from: sourceLanguage(dir), to: targetLanguage(dir) }, buffers], this.#timeoutMs, transfer);
        } catch (e) {
          throw new NarizError('NARIZ_TRANSLATE', `Bergamot could not load the ${dir} model from ${f.directory}: ${(e as Error).message}`, undefined, { cause: e });
        }
      }
      return client;
    })();
    this.#client = started;
    started.catch(() => {
      if (this.#client === started) this.#client = undefined;
    });
    return started;
  }

  async translate(texts: readonly string[], dir: Direction, opts: TranslateOptions = {}): Promise<TranslationResult[]> {
    if (this.#closed) throw new NarizError('NARIZ_TRANSLATE', 'the Bergamot engine was closed');
    if (!this.#files.has(dir)) throw new NarizError('NARIZ_TRANSLATE', `Bergamot has no ${dir} model: ${this.notAvailable[dir] ?? 'not requested'}`);
    const results: TranslationResult[] = texts.map((t) => ({ text: t, marks: [], engine: this.provenance }));
    const work = texts.flatMap((t, i) => (isBlankSegment(t) ? [] : [i]));
    const model = { from: sourceLanguage(dir), to: targetLanguage(dir) };
    for (let b = 0; b < work.length; b += this.#batchSize) {
      if (opts.signal?.aborted === true) throw opts.signal.reason;
      const idx = work.slice(b, b + this.#batchSize);
      const client = await this.#worker();
      const result = await client.call(
        'translate',
        [{ models: [model], texts: idx.map((i) => ({ text: texts[i] as string, html: false, qualityScores: false })) }],
        this.#timeoutMs,
      );
      parseTranslations(result, idx.length).forEach((text, k) => {
        results[idx[k] as number] = { text, marks: [], engine: this.provenance };
      });
    }
    return results;
  }

  async close(): Promise<void> {
    this.#closed = true;
    const c = this.#client;
    this.#client = undefined;
    if (c !== undefined) {
      try {
        await (await c).terminate();
      } catch {
        // It never started; nothing to end.
      }
    }
  }
}

export function openBergamot(options: BergamotOptions): Promise<BergamotEngine> {
  return BergamotEngine.open(options);
}

/**
 * The platform's translation: one `EngineRegistry` (@nariz/translate)
 * opened when the app is ready and closed with it, the glossary the
 * server's GlossaryBook gives it (the database's, reloaded after every
 * change: glossary-book.ts), and the two ways the server translates:
 *
 *   - `translate`: an analyst's text or document, segment by segment, with
 *     entity protection (the case names they give, and CURP, RFC, phones,
 *     plates, amounts, capitalised names) and, for Spanish sources, the
 *     glossary, every hit returned beside the output;
 *   - `machineTranslator`: the release package's free text
 *     (leads/free-text.ts), with entity protection but no glossary
 *     rewriting, since the package cannot show the hits beside it. A
 *     failure there is logged and the text is labelled "not translated":
 *     a release is not held up by a crashed engine.
 *
 * Engines: Bergamot when its model directory is configured and its models
 * load, and Apertium (docs/translation.md, "Choosing the engine"); a
 * request may name one (`engine`), and an engine that cannot translate its
 * direction here is NARIZ_ENGINE_UNAVAILABLE (422) with the reason. With
 * translation off, or no engine for a direction, the routes answer
 * NARIZ_TRANSLATE (503) with every reason, and the rest of the server runs.
 */
import { execFile } from 'node:child_process';
import type { FastifyBaseLogger } from 'fastify';
import { NarizError } from '@nariz/core';
import {
  CaseEntityMatcher, defaultEngineCandidates, GlossaryMatcher, isReviewed, openEngineRegistry, translateProtected,
  type Direction, type EngineAvailability, type EngineProvenance, type EngineRegistry, type Glossary, type ProtectedTranslation, type TranslationEngine,
} from '@nariz/translate';
import type { MachineTranslator } from '../leads/free-text.js';
import type { TranslationConfig } from './translation-config.js';

/** The engines a request may name. */
export const ENGINE_IDS = ['apertium', 'bergamot'] as const;
export type EngineId = (typeof ENGINE_IDS)[number];

/** What each engine's unavailability needs from the operator, added to the 422's reason. */
const ENGINE_HINT: Readonly<Record<EngineId, string>> = {
  bergamot: 'Bergamot needs its model directory: set bergamotModels / NARIZ_BERGAMOT_MODELS (docs/translation.md, "Installing the models")',
  apertium: 'Apertium needs its eng-spa modes: run scripts/setup-apertium.sh',
};

/** Longest a release's text waits for its translation before it goes untranslated. */
const RELEASE_TRANSLATION_TIMEOUT_MS = 60_000;

export interface TranslateRequest {
  /** Names from the case file to keep as written (people, aliases, places). */
  readonly entities?: readonly string[];
  /** Apply the glossary (Spanish sources only). */
  readonly glossary: boolean;
  /** The engine asked for; undefined: the direction's default. */
  readonly engine?: EngineId;
  readonly signal?: AbortSignal;
}

export interface TranslatedSegments {
  readonly engine: EngineProvenance;
  readonly segments: readonly ProtectedTranslation[];
}

export interface TranslationStatus {
  readonly enabled: boolean;
  /** Why nothing can be translated (off, or no engine opened). */
  readonly reason: string | undefined;
  readonly availability: readonly EngineAvailability[];
  /** The glossary in use: its name ("database"), never a path. */
  readonly glossary: { readonly name: string; readonly entries: number; readonly reviewed: number } | undefined;
  /** pdftotext's version line, or why PDF uploads cannot be read. */
  readonly pdf: { readonly available: boolean; readonly detail: string };
}

/** pdftotext's version line (`pdftotext version 22.12.0`), or why it cannot run. */
function probePdftotext(cmd: string): Promise<{ available: boolean; detail: string }> {
  return new Promise((resolve) => {
    execFile(cmd, ['-v'], { timeout: 10_000 }, (err, stdout, stderr) => {
      const line = `${stderr}${stdout}`.split('\n').find((l) => /version/i.test(l))?.trim();
      if (line !== undefined) resolve({ available: true, detail: line });
      else resolve({ available: false, detail: `pdftotext (${cmd}) cannot run${err === null ? '' : `: ${err.message}`}; run scripts/setup-poppler.sh or set NARIZ_PDFTOTEXT` });
    });
  });
}

export class TranslationService {
  readonly #config: TranslationConfig | undefined;
  readonly #log: FastifyBaseLogger;
  #registry: EngineRegistry | undefined;
  #glossary: { glossary: Glossary; matcher: GlossaryMatcher } | undefined;
  #started = false;
  #pdf: { available: boolean; detail: string } = { available: false, detail: 'not checked (translation is off)' };

  /** `config` undefined: translation is not configured for this app (the routes say so). */
  constructor(config: TranslationConfig | undefined, log: FastifyBaseLogger) {
    this.#config = config;
    this.#log = log;
  }

  get pdftotext(): string | undefined {
    return this.#config?.pdftotext;
  }

  /** Whether translation is configured and on (the glossary is then seeded and used). */
  get enabled(): boolean {
    return this.#config?.enabled === true;
  }

  /** The glossary file that seeds an empty database (undefined: the starter list). */
  get glossaryFile(): string | undefined {
    return this.#config?.glossaryFile;
  }

  /** The glossary the next translation uses (the GlossaryBook calls this after every change). */
  useGlossary(glossary: Glossary): void {
    this.#glossary = { glossary, matcher: new GlossaryMatcher(glossary) };
  }

  /** Opens the engines (the glossary comes from the GlossaryBook). */
  async start(): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    const c = this.#config;
    if (c === undefined || !c.enabled) return;
    this.#pdf = await probePdftotext(c.pdftotext ?? 'pdftotext');
    this.#registry = await openEngineRegistry(
      defaultEngineCandidates({
        ...(c.bergamotModelDir !== undefined ? { bergamotModelDir: c.bergamotModelDir } : {}),
        ...(c.apertiumDataDir !== undefined ? { apertium: { dataDir: c.apertiumDataDir } } : {}),
      }),
    );
    const usable = this.#registry.availability.filter((a) => a.available);
    if (usable.length === 0) this.#log.warn({ availability: this.#registry.availability }, 'no translation engine could be opened; the translation routes answer 503');
    else this.#log.info({ engines: usable.map((a) => `${a.id} ${a.direction}`) }, 'translation engines open');
  }

  async close(): Promise<void> {
    const r = this.#registry;
    this.#registry = undefined;
    await r?.close();
  }

  /** Why translation is off altogether, or undefined when it is configured. */
  #offReason(): string | undefined {
    if (this.#config === undefined) return 'translation is not configured on this server';
    if (!this.#config.enabled) return this.#config.offReason ?? 'translation is off';
    if (!this.#started || this.#registry === undefined) return 'translation engines are not open (the server is starting or closing)';
    return undefined;
  }

  status(): TranslationStatus {
    const off = this.#offReason();
    const availability = this.#registry?.availability ?? [];
    const none = off === undefined && !availability.some((a) => a.available) ? availability.map((a) => `${a.id} ${a.direction}: ${a.detail}`).join('; ') : undefined;
    const g = this.#glossary?.glossary;
    return {
      enabled: off === undefined,
      reason: off ?? (none === undefined ? undefined : `no translation engine could be opened (${none})`),
      availability,
      glossary: g === undefined ? undefined : { name: g.source ?? 'database', entries: g.entries.length, reviewed: g.entries.filter(isReviewed).length },
      pdf: this.#pdf,
    };
  }

  /** NARIZ_TRANSLATE (503) with the reason when nothing can be translated. */
  assertAvailable(): void {
    const reason = this.status().reason;
    if (reason !== undefined) throw new NarizError('NARIZ_TRANSLATE', reason);
  }

  /**
   * The engine for a direction: the one asked for, or the direction's
   * default. NARIZ_TRANSLATE (503) with the reason when translation is off
   * or no engine has the direction; NARIZ_ENGINE_UNAVAILABLE (422) when the
   * engine asked for cannot translate it here, with its reason and the fix.
   */
  engineFor(dir: Direction, id?: EngineId): TranslationEngine {
    const off = this.#offReason();
    if (off !== undefined) throw new NarizError('NARIZ_TRANSLATE', off);
    const registry = this.#registry as EngineRegistry;
    if (id === undefined) return registry.engineFor(dir);
    const engine = registry.get(id);
    if (engine !== undefined && engine.directions.includes(dir)) return engine;
    const why = registry.availability.find((a) => a.id === id && a.direction === dir)?.detail ?? `${id} is not one of this server's engines`;
    throw new NarizError('NARIZ_ENGINE_UNAVAILABLE', `the engine "${id}" cannot translate ${dir} here: ${why}. ${ENGINE_HINT[id]}; or leave "engine" out to use the default`, { path: 'engine' });
  }

  async translate(texts: readonly string[], dir: Direction, r: TranslateRequest): Promise<TranslatedSegments> {
    const engine = this.engineFor(dir, r.engine);
    const names = (r.entities ?? []).map((n) => n.trim()).filter((n) => n !== '');
    const segments = await translateProtected(engine, texts, dir, {
      ...(names.length > 0 ? { caseEntities: new CaseEntityMatcher(names.map((name) => ({ name, kind: 'other' as const }))) } : {}),
      ...(r.glossary && this.#glossary !== undefined ? { glossary: this.#glossary.matcher } : {}),
      ...(r.signal !== undefined ? { signal: r.signal } : {}),
    });
    return { engine: segments[0]?.engine ?? engine.provenance, segments };
  }

  /** The release package's translator (see the file comment). */
  readonly machineTranslator: MachineTranslator = async (text, from, to) => {
    const dir = `${from}-${to}` as Direction;
    if (this.#offReason() !== undefined) return undefined;
    const engine = this.#registry?.engines.find((e) => e.directions.includes(dir));
    if (engine === undefined) return undefined;
    try {
      const [r] = await translateProtected(engine, [text], dir, { signal: AbortSignal.timeout(RELEASE_TRANSLATION_TIMEOUT_MS) });
      return r === undefined ? undefined : { text: r.text, engine: r.engine };
    } catch (err) {
      this.#log.warn({ err, direction: dir }, 'machine translation of release text failed; it is labelled not translated');
      return undefined;
    }
  };
}

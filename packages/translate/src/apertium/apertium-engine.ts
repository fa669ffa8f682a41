/**
 * The Apertium backend (Forcada et al. 2011, "Apertium: a free/open-source
 * platform for rule-based machine translation", Machine Translation 25):
 * Debian's apertium with the apertium-eng-spa pair, modes spa-eng and
 * eng-spa. One long-lived null-flush pipeline per direction, started on
 * first use and restarted after a crash; every segment of a call is one
 * NUL-terminated chunk (stream-format.ts), so segment boundaries cannot
 * move. Unknown-word, transfer and generation marks come back as
 * structured marks; the text is clean.
 *
 * A batch whose pipeline crashes is retried once on a fresh pipeline; a
 * second crash, or a stall past `stallTimeoutMs`, rejects with
 * NARIZ_TRANSLATE.
 */
import { NarizError } from '@nariz/core';
import {
  DIRECTIONS, isBlankSegment, type Direction, type EngineProvenance, type TranslateOptions, type TranslationEngine, type TranslationMark,
  type TranslationResult,
} from '../engine.js';
import { apertiumMode, findApertium, APERTIUM_DATA_DIR } from './installation.js';
import { NullFlushProcess } from './null-flush-process.js';
import { decodeSegment, encodeSegment } from './stream-format.js';

export interface ApertiumOptions {
  /** Apertium's data directory (holding `modes/`); default /usr/share/apertium. */
  readonly dataDir?: string;
  /** Default both. */
  readonly directions?: readonly Direction[];
  /** A pipeline with pending work and no output for this long is killed; default 30 s. */
  readonly stallTimeoutMs?: number;
}

/** Output whitespace the source did not have at that end (Apertium leaves the blank of a dropped pronoun: " Vi"). */
function trimLikeSource(source: string, text: string, marks: TranslationMark[]): { text: string; marks: TranslationMark[] } {
  let start = 0;
  let end = text.length;
  if (!/^\s/.test(source)) while (start < end && /\s/.test(text[start] as string)) start++;
  if (!/\s$/.test(source)) while (end > start && /\s/.test(text[end - 1] as string)) end--;
  if (start === 0 && end === text.length) return { text, marks };
  return {
    text: text.slice(start, end),
    marks: marks.map((m) => ({ ...m, start: m.start - start, end: m.end - start })),
  };
}

export class ApertiumEngine implements TranslationEngine {
  readonly id = 'apertium';
  readonly provenance: EngineProvenance;
  readonly directions: readonly Direction[];
  readonly #pipelines: ReadonlyMap<Direction, string>;
  readonly #stallTimeoutMs: number;
  readonly #processes = new Map<Direction, NullFlushProcess>();
  #closed = false;

  constructor(pipelines: ReadonlyMap<Direction, string>, version: string, stallTimeoutMs: number) {
    this.#pipelines = pipelines;
    this.directions = DIRECTIONS.filter((d) => pipelines.has(d));
    this.provenance = { id: this.id, version };
    this.#stallTimeoutMs = stallTimeoutMs;
  }

  async translate(texts: readonly string[], dir: Direction, opts: TranslateOptions = {}): Promise<TranslationResult[]> {
    if (this.#closed) throw new NarizError('NARIZ_TRANSLATE', 'the Apertium engine was closed');
    if (!this.#pipelines.has(dir)) throw new NarizError('NARIZ_TRANSLATE', `this Apertium engine was not opened for ${dir} (mode ${apertiumMode(dir)})`);
    const work: number[] = [];
    texts.forEach((t, i) => {
      if (!isBlankSegment(t)) work.push(i);
    });
    const chunks = work.map((i) => encodeSegment(texts[i] as string));
    let out: string[];
    try {
      out = await this.#process(dir).request(chunks, opts.signal);
    } catch (e) {
      if (opts.signal?.aborted === true || this.#closed || !(e instanceof NarizError) || /timed out/.test(e.message)) throw e;
      // A crash: once more on a fresh pipeline (a second crash on the same input is reported).
      out = await this.#process(dir).request(chunks, opts.signal);
    }
    const results: TranslationResult[] = texts.map((t) => ({ text: t, marks: [], engine: this.provenance }));
    work.forEach((i, k) => {
      const decoded = decodeSegment(out[k] as string);
      const trimmed = trimLikeSource(texts[i] as string, decoded.text, decoded.marks);
      results[i] = { text: trimmed.text, marks: trimmed.marks, engine: this.provenance };
    });
    return results;
  }

  /** The live pipeline of a direction, started (again) if needed. */
  #process(dir: Direction): NullFlushProcess {
    const live = this.#processes.get(dir);
    if (live !== undefined && live.failure === undefined) return live;
    const p = new NullFlushProcess({
      command: this.#pipelines.get(dir) as string,
      // $1 = -g: generation shows '#' marks (apertium without -u); $2 = tagger option, none.
      args: ['-g', ''],
      label: `apertium ${apertiumMode(dir)}`,
      stallTimeoutMs: this.#stallTimeoutMs,
      // lt-proc reads UTF-8 only under a UTF-8 locale (the apertium script forces one too).
      env: { ...process.env, LC_ALL: 'C.UTF-8' },
    });
    this.#processes.set(dir, p);
    return p;
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const p of this.#processes.values()) p.kill('the Apertium engine was closed');
    this.#processes.clear();
  }
}

/** Opens Apertium, checking the installation first (NARIZ_TRANSLATE names what is missing). */
export async function openApertium(options: ApertiumOptions = {}): Promise<ApertiumEngine> {
  const inst = await findApertium(options.directions ?? DIRECTIONS, options.dataDir ?? APERTIUM_DATA_DIR);
  return new ApertiumEngine(inst.pipelines, inst.version, options.stallTimeoutMs ?? 30_000);
}

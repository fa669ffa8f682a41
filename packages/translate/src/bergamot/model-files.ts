/**
 * The Bergamot model files of a direction, from a directory the user
 * supplies. Expected layout (that of mozilla/firefox-translations-models,
 * `models/<tier>/<pair>/`, where the files are stored gzipped; either
 * form is read):
 *
 *   <modelDir>/esen/model.esen.intgemm.alphas.bin[.gz]   the model (int8, alphas)
 *   <modelDir>/esen/lex.50.50.esen.s2t.bin[.gz]          the lexical shortlist
 *   <modelDir>/esen/vocab.esen.spm[.gz]                  SentencePiece vocabulary
 *                   (or srcvocab.esen.spm + trgvocab.esen.spm)
 *   <modelDir>/esen/qualityModel.esen.bin[.gz]           optional quality estimation
 *   <modelDir>/enes/…                                    the same for en → es
 *
 * The files may also sit directly in <modelDir> (their names carry the
 * pair). A missing part is NARIZ_TRANSLATE naming the file expected.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { NarizError } from '@nariz/core';
import type { Direction } from '../engine.js';

/** The pair code of a direction in the model repository: `esen`, `enes`. */
export function modelPair(dir: Direction): 'esen' | 'enes' {
  return dir === 'es-en' ? 'esen' : 'enes';
}

export interface ModelFiles {
  readonly directory: string;
  readonly model: string;
  readonly lex: string;
  /** One shared vocabulary, or source then target. */
  readonly vocabs: readonly string[];
  readonly qualityModel?: string;
}

async function listDir(d: string): Promise<string[] | undefined> {
  try {
    return await readdir(d);
  } catch {
    return undefined;
  }
}

function pick(names: readonly string[], patterns: readonly RegExp[]): string | undefined {
  for (const p of patterns) {
    const hit = names.filter((n) => p.test(n)).sort()[0];
    if (hit !== undefined) return hit;
  }
  return undefined;
}

/** Finds the files of `dir` under `modelDir`; throws NARIZ_TRANSLATE naming the first missing one. */
export async function locateModelFiles(modelDir: string, dir: Direction): Promise<ModelFiles> {
  const pair = modelPair(dir);
  const top = await listDir(modelDir);
  if (top === undefined) throw new NarizError('NARIZ_TRANSLATE', `the Bergamot model directory ${modelDir} does not exist or cannot be read`);
  const sub = join(modelDir, pair);
  const inSub = await listDir(sub);
  const directory = inSub !== undefined ? sub : modelDir;
  const names = inSub ?? top;
  const gz = '(?:\\.gz)?$';
  const need = (what: string, expected: string, patterns: readonly RegExp[]): string => {
    const n = pick(names, patterns);
    if (n === undefined) throw new NarizError('NARIZ_TRANSLATE', `Bergamot ${dir} model incomplete: no ${what} (${expected}[.gz]) in ${directory}`);
    return join(directory, n);
  };
  const model = need('model', `model.${pair}.intgemm.alphas.bin`, [
    new RegExp(`^model\\.${pair}\\.intgemm\\.alphas\\.bin${gz}`),
    new RegExp(`^model\\.${pair}\\.intgemm8\\.bin${gz}`),
    new RegExp(`^model\\.${pair}\\..*\\.bin${gz}`),
  ]);
  const lex = need('lexical shortlist', `lex.50.50.${pair}.s2t.bin`, [new RegExp(`^lex\\.50\\.50\\.${pair}\\.s2t\\.bin${gz}`), new RegExp(`^lex\\..*${pair}\\.s2t\\.bin${gz}`)]);
  const shared = pick(names, [new RegExp(`^vocab\\.${pair}\\.spm${gz}`)]);
  let vocabs: string[];
  if (shared !== undefined) {
    vocabs = [join(directory, shared)];
  } else {
    const src = pick(names, [new RegExp(`^srcvocab\\.${pair}\\.spm${gz}`)]);
    const trg = pick(names, [new RegExp(`^trgvocab\\.${pair}\\.spm${gz}`)]);
    if (src === undefined || trg === undefined) {
      const missing = src === undefined && trg === undefined ? `vocab.${pair}.spm` : src === undefined ? `srcvocab.${pair}.spm` : `trgvocab.${pair}.spm`;
      throw new NarizError('NARIZ_TRANSLATE', `Bergamot ${dir} model incomplete: no vocabulary (${missing}[.gz]) in ${directory}`);
    }
    vocabs = [join(directory, src), join(directory, trg)];
  }
  const quality = pick(names, [new RegExp(`^qualityModel\\.${pair}\\.bin${gz}`)]);
  return quality === undefined ? { directory, model, lex, vocabs } : { directory, model, lex, vocabs, qualityModel: join(directory, quality) };
}

/** A file's bytes as a fresh ArrayBuffer, gunzipped when it ends in .gz. */
export async function readModelFile(path: string): Promise<ArrayBuffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new NarizError('NARIZ_TRANSLATE', `cannot read the Bergamot model file ${path}: ${(e as Error).message}`, undefined, { cause: e });
  }
  if (path.endsWith('.gz')) {
    try {
      bytes = gunzipSync(bytes);
    } catch (e) {
      throw new NarizError('NARIZ_TRANSLATE', `the Bergamot model file ${path} is not valid gzip: ${(e as Error).message}`, undefined, { cause: e });
    }
  }
  const out = new ArrayBuffer(bytes.byteLength);
  new Uint8Array(out).set(bytes);
  return out;
}
